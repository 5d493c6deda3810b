import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { call } from '../../api/client';
import { errorMessage, useContractForm } from '../../app/forms';
import { GateCard } from '../../app/GateCard';
import { RestoreDialog } from '../backup/RestoreDialog';

/** Login + password; "forgot password" leads to the recovery code from the safe. */
export function UnlockScreen({ onUnlocked }: { onUnlocked: () => void }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'login' | 'recover'>('login');
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const login = useContractForm(api['auth.unlock'].input, { login: '', password: '' });
  const recover = useContractForm(
    api['auth.recover'].input,
    { login: '', recoveryCode: '', newPassword: '', passwordRepeat: '' },
    (v) => ({ passwordRepeat: v.newPassword !== v.passwordRepeat ? 'validation.passwordMismatch' : null }),
  );

  // sign-in caches nothing, so it is a mutation over the call rather than useCallMutation's invalidations
  const signIn = useMutation({
    mutationFn: (f: () => Promise<unknown>) => f(),
    onMutate: () => setError(null),
    onSuccess: onUnlocked,
    onError: (e) => {
      setError(errorMessage(t, e));
      login.setFieldValue('password', '');
    },
  });
  const run = (f: () => Promise<unknown>) => signIn.mutate(f);
  const busy = signIn.isPending;

  return (
    <GateCard icon={<IconLock />} width={440}>
      {mode === 'login' ? (
        <form onSubmit={login.onSubmit((v) => run(() => call('auth.unlock', v)))}>
          <Stack>
            <Title order={4}>{t('unlock.title')}</Title>
            <TextInput label={t('fields.login')} autoComplete="username" autoFocus {...login.getInputProps('login')} />
            <PasswordInput
              label={t('fields.password')}
              autoComplete="current-password"
              {...login.getInputProps('password')}
            />
            {error && (
              <Text c="red" role="alert">
                {error}
              </Text>
            )}
            <Button type="submit" loading={busy}>
              {t('unlock.submit')}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setError(null);
                setMode('recover');
              }}
            >
              {t('unlock.forgot')}
            </Anchor>
            <Anchor component="button" type="button" size="sm" c="dimmed" onClick={() => setRestoring(true)}>
              {t('restore.open')}
            </Anchor>
          </Stack>
        </form>
      ) : (
        <form onSubmit={recover.onSubmit(({ passwordRepeat: _r, ...v }) => run(() => call('auth.recover', v)))}>
          <Stack>
            <Title order={4}>{t('unlock.recoverTitle')}</Title>
            <Text size="sm" c="dimmed">
              {t('unlock.recoverIntro')}
            </Text>
            <TextInput label={t('fields.login')} autoFocus {...recover.getInputProps('login')} />
            <TextInput
              label={t('fields.recoveryCode')}
              autoComplete="off"
              ff="monospace"
              {...recover.getInputProps('recoveryCode')}
            />
            <PasswordInput
              label={t('fields.newPassword')}
              autoComplete="new-password"
              {...recover.getInputProps('newPassword')}
            />
            <PasswordInput
              label={t('fields.passwordRepeat')}
              autoComplete="new-password"
              {...recover.getInputProps('passwordRepeat')}
            />
            {error && (
              <Text c="red" role="alert">
                {error}
              </Text>
            )}
            <Button type="submit" loading={busy}>
              {t('unlock.recoverSubmit')}
            </Button>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setError(null);
                setMode('login');
              }}
            >
              {t('unlock.backToLogin')}
            </Anchor>
          </Stack>
        </form>
      )}
      <RestoreDialog opened={restoring} onClose={() => setRestoring(false)} />
    </GateCard>
  );
}
