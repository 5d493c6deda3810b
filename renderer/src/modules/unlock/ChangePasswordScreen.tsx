import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, type SessionUser } from '../../../../shared/api';
import { call } from '../../api/client';
import { showApiError, useContractForm, notifySaved } from '../../app/forms';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { formatDateTime } from '../../../../shared/format';

/** `first`: the temporary password was typed a moment ago at sign-in, so it is not asked again. */
export function ChangePasswordForm({ onDone, first = false }: { onDone: () => void; first?: boolean }) {
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
        {!first && (
          <PasswordInput
            label={t('fields.currentPassword')}
            autoComplete="current-password"
            autoFocus
            {...form.getInputProps('currentPassword')}
          />
        )}
        <PasswordInput
          label={t('fields.newPassword')}
          autoComplete="new-password"
          autoFocus={first}
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
  issuedBy,
  onDone,
  onLock,
}: {
  session: SessionUser;
  issuedBy: { name: string; at: string } | null;
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
          {session.surname} {session.name}:{' '}
          {issuedBy
            ? t('password.issuedBy', { name: issuedBy.name, at: formatDateTime(issuedBy.at) })
            : t('password.mustChangeText')}
        </Alert>
        <ChangePasswordForm onDone={onDone} first />
        <Button variant="subtle" mt="sm" onClick={onLock}>
          {t('app.lock')}
        </Button>
      </Paper>
    </Center>
  );
}
