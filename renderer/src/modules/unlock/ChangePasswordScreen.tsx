import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, type SessionUser } from '../../../../shared/api';
import { call } from '../../api/client';
import { showApiError, useContractForm, notifySaved } from '../../app/forms';
import { LanguageSwitch } from '../../app/LanguageSwitch';

export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const form = useContractForm(
    api['auth.changePassword'].input,
    { currentPassword: '', newPassword: '', passwordRepeat: '' },
    (v) => ({ passwordRepeat: v.newPassword !== v.passwordRepeat ? 'validation.passwordMismatch' : null }),
  );
  return (
    <form
      onSubmit={form.onSubmit(async ({ passwordRepeat: _r, ...v }) => {
        try {
          await call('auth.changePassword', v);
          notifySaved(t, t('password.changed'));
          onDone();
        } catch (e) {
          showApiError(t, e, form);
        }
      })}
    >
      <Stack>
        <PasswordInput
          label={t('fields.currentPassword')}
          autoComplete="current-password"
          autoFocus
          {...form.getInputProps('currentPassword')}
        />
        <PasswordInput
          label={t('fields.newPassword')}
          autoComplete="new-password"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput
          label={t('fields.passwordRepeat')}
          autoComplete="new-password"
          {...form.getInputProps('passwordRepeat')}
        />
        <Group justify="flex-end">
          <Button type="submit">{t('app.save')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A temporary password from the administrator must be replaced before any work. */
export function ChangePasswordScreen({
  session,
  onDone,
  onLock,
}: {
  session: SessionUser;
  forced: boolean;
  onDone: () => void;
  onLock: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Center h="100vh" bg="gray.1">
      <Paper withBorder shadow="sm" p="xl" w={460}>
        <Group justify="space-between" mb="md">
          <Title order={3}>{t('password.mustChangeTitle')}</Title>
          <LanguageSwitch />
        </Group>
        <Alert color="yellow" mb="md">
          {session.surname} {session.name}: {t('password.mustChangeText')}
        </Alert>
        <ChangePasswordForm onDone={onDone} />
        <Button variant="subtle" mt="sm" onClick={onLock}>
          {t('app.lock')}
        </Button>
      </Paper>
    </Center>
  );
}
