import { useEffect, useState } from 'react';
import { Center, Loader } from '@mantine/core';
import { useIdle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { callKey, useCall } from '../api/hooks';
import { call, onLocked } from '../api/client';
import { SetupWizard } from '../modules/setup/SetupWizard';
import { UnlockScreen } from '../modules/unlock/UnlockScreen';
import { ChangePasswordScreen } from '../modules/unlock/ChangePasswordScreen';
import { Shell } from './Shell';
import { KeyringMissingScreen } from '../modules/backup/KeyringMissingScreen';

export const STATUS_KEY = callKey('auth.status');

export function App() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const status = useCall('auth.status', {});
  // the wizard stays up after the station is created, until the recovery step is done
  const [inWizard, setInWizard] = useState(false);

  useEffect(
    () =>
      onLocked((e) => {
        qc.removeQueries({ predicate: (q) => q.queryKey[0] !== STATUS_KEY[0] });
        void qc.refetchQueries({ queryKey: STATUS_KEY });
        // a restart after a crash stays until read: the person should know why the window locked
        notifications.show({
          color: 'yellow',
          message: t(e.messageKey),
          autoClose: e.messageKey === 'errors.backendRestarted' ? false : undefined,
        });
      }),
    [qc, t],
  );

  const unlocked = status.data?.state === 'unlocked';
  const idle = useIdle((status.data?.idleMinutes ?? 10) * 60_000, { initialState: false });
  useEffect(() => {
    if (unlocked && idle && !inWizard) void lock();
  });

  async function lock() {
    await call('auth.lock', {}).catch(() => undefined);
    // nothing of the last screen stays in memory, nor its messages on the next person's screen
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== STATUS_KEY[0] });
    notifications.clean();
    await qc.refetchQueries({ queryKey: STATUS_KEY });
  }

  if (!status.data) {
    return (
      <Center h="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  }
  const refresh = () => qc.refetchQueries({ queryKey: STATUS_KEY });
  const { state, session } = status.data;
  if (state === 'keyringMissing' && !inWizard) return <KeyringMissingScreen />;
  if (state === 'setup' || inWizard) {
    return (
      <SetupWizard
        onStarted={() => setInWizard(true)}
        onFinished={() => {
          setInWizard(false);
          void refresh();
        }}
      />
    );
  }
  // whoever unlocks starts from "what is due"
  if (state === 'locked' || !session)
    return (
      <UnlockScreen
        onUnlocked={() => {
          window.location.hash = '/today';
          void refresh();
        }}
      />
    );
  if (session.mustChangePassword)
    return (
      <ChangePasswordScreen
        session={session}
        issuedBy={status.data.issuedBy}
        forced
        onDone={() => void refresh()}
        onLock={() => void lock()}
      />
    );
  return <Shell session={session} onLock={() => void lock()} />;
}
