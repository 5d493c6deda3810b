import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCloudDownload, IconRefresh, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type CallOutput, type UpdateSource, type UpdateStatus } from '../../../../shared/api';
import { formatBytes, formatDate } from '../../../../shared/format';
import { useCall, useCallMutation } from '../../api/hooks';
import { notifySaved, showApiError } from '../../app/forms';
import { ChooseFolderButton } from '../../app/ChooseFolderButton';
import { UPDATE_READS } from './queries';

type Outcome = CallOutput<'updates.check'> | CallOutput<'updates.download'>;

/**
 * The program's updates (station administrators): where they come from, what the source offers, its download and
 * install. Every check of the signature and the installer is the backend's; this shows what it answered.
 */
export function UpdatesPanel() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirming, setConfirming] = useState(false);
  const check = useCallMutation('updates.check', {
    invalidates: UPDATE_READS,
    onSuccess: setOutcome,
    onError: (e) => showApiError(t, e),
  });
  const download = useCallMutation('updates.download', {
    invalidates: UPDATE_READS,
    onSuccess: setOutcome,
    onError: (e) => showApiError(t, e),
  });
  const install = useCallMutation('updates.install', {
    invalidates: UPDATE_READS,
    onSuccess: () => {
      setConfirming(false);
      notifySaved(t, t('updates.copyMade'));
    },
    onError: (e) => showApiError(t, e),
  });
  // while the installer is fetched (in the backend: the desk goes on), how far it is
  const status = useCall('updates.status', {}, { refetchInterval: download.isPending ? 300 : false });
  const s = status.data;
  if (!s) return null;
  const version = s.available?.version ?? '';
  const busy = check.isPending || download.isPending || install.isPending;
  return (
    <Paper withBorder p="md" data-testid="updates-panel">
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('updates.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('updates.current', { version: s.currentVersion })}
        </Text>
      </Group>
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('updates.intro')}
        </Text>
        {s.trustedKeys === 0 && (
          <Alert color="red" icon={<IconShieldX size={18} />} p="xs">
            {t('updates.noKeys')}
          </Alert>
        )}
        <Text size="xs" c={s.publisher ? 'teal' : 'orange'}>
          {s.publisher ? t('updates.publisher', { name: s.publisher }) : t('updates.noPublisher')}
        </Text>
        <SourceForm status={s} onSaved={() => setOutcome(null)} />
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconRefresh size={16} />}
            disabled={!s.source || (busy && !check.isPending)}
            loading={check.isPending}
            onClick={() => check.mutate({})}
          >
            {t('updates.check')}
          </Button>
          {check.isPending && (
            <Text size="sm" c="blue" role="status">
              {t('updates.checking')}
            </Text>
          )}
        </Group>
        {outcome && <OutcomeNote outcome={outcome} />}
        {s.available && (
          <Alert color="blue" icon={<IconShieldCheck size={18} />} p="sm" data-testid="update-available">
            <Stack gap={6}>
              <Text size="sm" fw={500}>
                {t('updates.available', {
                  version,
                  date: formatDate(s.available.releaseDate),
                  size: formatBytes(s.available.bytes),
                })}
              </Text>
              {s.available.notes && (
                <>
                  <Text size="xs" c="dimmed">
                    {t('updates.notes')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {s.available.notes}
                  </Text>
                </>
              )}
              {s.phase === 'downloading' && s.progress && (
                <Stack gap={2} role="status">
                  <Progress value={s.progress.percent} size="sm" animated />
                  <Text size="xs">{t('updates.downloading', { percent: Math.floor(s.progress.percent) })}</Text>
                </Stack>
              )}
              {s.phase === 'downloaded' && !s.installAtQuit && (
                <Text size="sm" c="teal">
                  {t('updates.downloaded', { version })}
                </Text>
              )}
              {s.installAtQuit && (
                <Text size="sm" c="teal">
                  {t('updates.atQuitSet', { version })}
                </Text>
              )}
              {s.phase === 'installing' && <Text size="sm">{t('updates.installing')}</Text>}
              <Group gap="xs">
                {s.phase !== 'downloaded' && s.phase !== 'installing' && (
                  <Button
                    size="xs"
                    leftSection={<IconCloudDownload size={16} />}
                    loading={download.isPending}
                    disabled={busy && !download.isPending}
                    onClick={() => download.mutate({})}
                  >
                    {t('updates.download')}
                  </Button>
                )}
                {s.phase === 'downloaded' && (
                  <>
                    <Button size="xs" disabled={!s.canInstall || busy} onClick={() => setConfirming(true)}>
                      {t('updates.installNow')}
                    </Button>
                    <Button
                      size="xs"
                      variant="default"
                      disabled={!s.canInstall || busy || s.installAtQuit}
                      loading={install.isPending && install.variables?.when === 'atQuit'}
                      onClick={() => install.mutate({ when: 'atQuit' })}
                    >
                      {t('updates.installAtQuit')}
                    </Button>
                  </>
                )}
              </Group>
              {s.phase === 'downloaded' && !s.canInstall && (
                <Text size="xs" c="orange">
                  {t('updates.installWindowsOnly')}
                </Text>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('updates.installConfirmTitle', { version })}
      >
        <Stack>
          <Text size="sm">{t('updates.installConfirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </Button>
            <Button loading={install.isPending} onClick={() => install.mutate({ when: 'now' })}>
              {t('updates.installNow')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** What the last check or download answered, in the person's language; a refusal says it was audited. */
function OutcomeNote({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  if (outcome.outcome === 'refused')
    return (
      <Alert color="red" title={t('updates.refusedTitle')} icon={<IconShieldX size={18} />} p="sm" role="alert">
        <Text size="sm">{t(outcome.messageKey, { version: outcome.version ?? '' })}</Text>
        <Text size="xs" c="dimmed" mt={4}>
          {t('updates.auditNote')}
        </Text>
      </Alert>
    );
  if (outcome.outcome === 'unavailable')
    return (
      <Alert color="yellow" p="xs" role="alert">
        {t(outcome.messageKey)}
      </Alert>
    );
  if (outcome.outcome === 'upToDate')
    return (
      <Text size="sm" c="teal">
        {t('updates.upToDate', { version: outcome.version })}
      </Text>
    );
  return null;
}

type Kind = 'none' | UpdateSource['kind'];

/** The source: the department's address or a folder; none means the program never looks. */
function SourceForm({ status, onSaved }: { status: UpdateStatus; onSaved: () => void }) {
  const { t } = useTranslation();
  const src = status.source;
  const initial = {
    kind: (src?.kind ?? 'none') as Kind,
    url: src?.kind === 'url' ? src.url : '',
    folder: src?.kind === 'folder' ? src.folder : '',
  };
  const form = useForm({ mode: 'controlled', initialValues: initial });
  const save = useCallMutation('updates.setSource', {
    invalidates: UPDATE_READS,
    onSuccess: () => {
      form.resetDirty();
      onSaved();
      notifySaved(t, t('updates.sourceSaved'));
    },
    // the backend's field paths are the contract's (source.url, source.folder); the form's are one level up
    onError: (e) => {
      const fields = e.shape.fields ?? [];
      if (!fields.length) return showApiError(t, e);
      for (const f of fields) form.setFieldError(f.path.replace(/^source\./, ''), t(f.messageKey));
    },
  });
  const submit = form.onSubmit((v) =>
    save.mutate({
      source:
        v.kind === 'url'
          ? { kind: 'url', url: v.url }
          : v.kind === 'folder'
            ? { kind: 'folder', folder: v.folder }
            : null,
    }),
  );
  return (
    <form onSubmit={submit}>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('updates.sourceKind')}
        </Text>
        <SegmentedControl
          size="xs"
          data={(['none', 'url', 'folder'] as const).map((k) => ({ value: k, label: t(`updates.kinds.${k}`) }))}
          {...form.getInputProps('kind')}
        />
        {form.values.kind === 'url' && (
          <TextInput label={t('updates.url')} placeholder="http://10.10.1.5/uchaske/" {...form.getInputProps('url')} />
        )}
        {form.values.kind === 'folder' && (
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              flex={1}
              label={t('updates.folder')}
              placeholder="E:\Uchaske"
              {...form.getInputProps('folder')}
            />
            <ChooseFolderButton
              mb={4}
              label={t('updates.chooseFolder')}
              onChosen={(f) => form.setFieldValue('folder', f)}
            />
          </Group>
        )}
        {form.isDirty() && (
          <Group justify="flex-end">
            <Button size="xs" type="submit" loading={save.isPending}>
              {t('updates.saveSource')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
