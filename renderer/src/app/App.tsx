import { useEffect, useRef, useState } from 'react';
import { Affix, Alert, Center, Loader } from '@mantine/core';
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
import { awaitRestore, formToKeep } from './drafts';
import { KeyringMissingScreen } from '../modules/backup/KeyringMissingScreen';

export const STATUS_KEY = callKey('auth.status');
const LOCK_WARNING_MS = 60_000;

/** The idle lock's last minute, counted down; any move or key closes it (the idle hook ends the warning). */
function LockCountdown({ seconds, onLock }: { seconds: number; onLock: () => void }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(seconds);
  const lockNow = useRef(onLock);
  useEffect(() => {
    lockNow.current = onLock;
  });
  useEffect(() => {
    // the lock itself is one timer; the seconds shown are only what is left of it
    const end = Date.now() + seconds * 1000;
    const lock = setTimeout(() => lockNow.current(), seconds * 1000);
    const tick = setInterval(() => setLeft(Math.max(0, Math.ceil((end - Date.now()) / 1000))), 1000);
    return () => {
      clearTimeout(lock);
      clearInterval(tick);
    };
  }, [seconds]);
  return (
    <Affix position={{ top: 70, left: '50%' }} style={{ transform: 'translateX(-50%)' }} zIndex={1000}>
      <Alert color="yellow" variant="filled" role="alertdialog" data-testid="lock-countdown" w={520}>
        {t('app.lockSoon', { seconds: left })}
      </Alert>
    </Affix>
  );
}

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
  // a minute's warning before the idle lock (half the time when it is shorter); moving or typing cancels it
  const idleMs = (status.data?.idleMinutes ?? 10) * 60_000;
  const warnMs = Math.min(LOCK_WARNING_MS, idleMs / 2);
  const idle = useIdle(idleMs - warnMs, { initialState: false });
  const warning = unlocked && idle && !inWizard;

  async function lock() {
    // the open form's text goes to the encrypted store before the session ends (issue 15)
    const open = formToKeep();
    if (open)
      await call('drafts.save', { route: window.location.hash.slice(1), form: open.form, values: open.values() }).catch(
        () => undefined,
      );
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
  async function afterUnlock() {
    const draft = await call('drafts.take', {}).catch(() => null);
    awaitRestore(draft);
    window.location.hash = draft?.route || '/today';
    await refresh();
  }
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
  // whoever unlocks starts from "what is due", or back at the form the lock kept
  if (state === 'locked' || !session) return <UnlockScreen onUnlocked={() => void afterUnlock()} />;
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
  return (
    <>
      <Shell session={session} onLock={() => void lock()} />
      {warning && <LockCountdown seconds={Math.round(warnMs / 1000)} onLock={() => void lock()} />}
    </>
  );
}
