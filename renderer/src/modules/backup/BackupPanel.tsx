import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport, IconPlus, IconRestore, IconTrash, IconX } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { api, type BackupCopy } from '../../../../shared/api';
import { formatBytes, formatDateTime } from '../../../../shared/format';
import { useCall, useCallMutation } from '../../api/hooks';
import { notifySaved, showApiError, useContractForm } from '../../app/forms';
import { BACKUP_READS } from './queries';
import { RestoreDialog } from './RestoreDialog';
import { ChooseFolderButton } from '../../app/ChooseFolderButton';

/** The station's copies: make one now, where they go besides this PC, and every copy with its check. */
export function BackupPanel() {
  const { t } = useTranslation();
  const list = useCall('backup.list', {});
  const backupNow = useCallMutation('backup.now', {
    invalidates: BACKUP_READS,
    onSuccess: (r) => {
      if (r.missed.length === 0) return notifySaved(t, t('backup.done'));
      notifications.show({
        color: 'yellow',
        autoClose: 10000,
        title: t('backup.missedSome'),
        message: r.missed.map((m) => `${m.folder}: ${t(m.messageKey)}`).join('\n'),
      });
    },
    onError: (e) => showApiError(t, e),
  });
  // while a copy is made (in the backend's worker: the desk goes on), where it is
  const progress = useCall('backup.progress', {}, { enabled: backupNow.isPending, refetchInterval: 300 });
  const step = backupNow.isPending ? progress.data : null;
  const rows = [
    ...(list.data?.home ?? []).map((c) => ({ ...c, where: t('backup.here'), key: `here/${c.fileName}` })),
    ...(list.data?.destinations ?? []).flatMap((d) =>
      d.copies.map((c) => ({ ...c, where: d.folder, key: `${d.folder}/${c.fileName}` })),
    ),
  ].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const lastOutside = list.data?.lastOutside ?? null;
  const [restoring, setRestoring] = useState(false);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('backup.title')}</Title>
        <Group gap="xs">
          <Button size="xs" variant="subtle" leftSection={<IconRestore size={16} />} onClick={() => setRestoring(true)}>
            {t('restore.open')}
          </Button>
          <Button
            size="xs"
            leftSection={<IconDatabaseExport size={16} />}
            loading={backupNow.isPending}
            onClick={() => backupNow.mutate({})}
          >
            {t('backup.now')}
          </Button>
        </Group>
      </Group>
      <Stack gap="sm">
        {step && (
          <Text size="sm" c="blue" role="status" data-testid="backup-step">
            {t(`backup.steps.${step.step}`, { done: step.done + 1, total: step.total })}
          </Text>
        )}
        <Text size="sm" c={lastOutside ? 'teal' : 'orange'}>
          {lastOutside ? t('backup.lastOutside', { at: formatDateTime(lastOutside) }) : t('backup.neverOutside')}
        </Text>
        {list.data && (
          <Folders folders={list.data.destinations.map((d) => d.folder)} present={list.data.destinations} />
        )}
        <DataTable<BackupCopy & { where: string; key: string }>
          withTableBorder
          striped
          maxHeight={260}
          minHeight={120}
          noRecordsText={t('app.noRecords')}
          records={rows}
          idAccessor="key"
          columns={[
            { accessor: 'createdAt', title: t('backup.at'), render: (c) => formatDateTime(c.createdAt) },
            { accessor: 'kind', title: t('backup.kind'), render: (c) => t(`backup.kinds.${c.kind}`) },
            { accessor: 'where', title: t('backup.where'), ellipsis: true },
            { accessor: 'bytes', title: t('backup.size'), textAlign: 'right', render: (c) => formatBytes(c.bytes) },
            {
              accessor: 'intact',
              title: t('backup.state'),
              render: (c) => (
                <Badge variant="light" tt="none" color={c.intact ? 'teal' : 'red'}>
                  {c.intact ? t('backup.intact') : t('backup.notIntact')}
                </Badge>
              ),
            },
          ]}
        />
        {list.data && <OldCopies rows={rows} lastKeyChange={list.data.lastKeyChange} />}
      </Stack>
      <RestoreDialog opened={restoring} onClose={() => setRestoring(false)} />
    </Paper>
  );
}

/**
 * Copies from before the last key change open with the passwords and code valid then: after a revocation they are
 * what the revoked person could still read, so the administrator may delete them (ours).
 */
function OldCopies({
  rows,
  lastKeyChange,
}: {
  rows: (BackupCopy & { where: string })[];
  lastKeyChange: string | null;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const here = t('backup.here');
  const old = lastKeyChange ? rows.filter((r) => r.createdAt < lastKeyChange) : [];
  const remove = useCallMutation('backup.deleteBefore', {
    invalidates: BACKUP_READS,
    onSuccess: (r) => {
      setAsking(false);
      notifySaved(t, t('backup.old.done', { count: r.removed }));
      if (r.missed.length)
        notifications.show({
          color: 'yellow',
          autoClose: 10000,
          message: t('backup.old.missed', { folders: r.missed.join(', ') }),
        });
    },
    onError: (e) => showApiError(t, e),
  });
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('backup.old.title')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('backup.old.hint')}
      </Text>
      <Group justify="space-between">
        <Text size="sm">
          {lastKeyChange
            ? t('backup.old.lastKeyChange', { at: formatDateTime(lastKeyChange) })
            : t('backup.old.noKeyChange')}
        </Text>
        <Button
          size="xs"
          variant="light"
          color="red"
          leftSection={<IconTrash size={14} />}
          disabled={old.length === 0}
          onClick={() => setAsking(true)}
        >
          {t('backup.old.delete')}
        </Button>
      </Group>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('backup.old.confirmTitle')}>
        <Stack>
          <Text size="sm">
            {t('backup.old.confirm', {
              at: lastKeyChange ? formatDateTime(lastKeyChange) : '',
              here: old.filter((r) => r.where === here).length,
              outside: old.filter((r) => r.where !== here).length,
            })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('app.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => lastKeyChange && remove.mutate({ before: lastKeyChange })}
            >
              {t('backup.old.yes')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

/** The folders outside the data folder; each is checked by the backend before it is kept. */
function Folders({ folders, present }: { folders: string[]; present: { folder: string; present: boolean }[] }) {
  const { t } = useTranslation();
  const form = useContractForm(api['backup.setFolders'].input, { folders });
  const save = useCallMutation('backup.setFolders', {
    invalidates: BACKUP_READS,
    onSuccess: (r) => {
      form.setValues({ folders: r.folders });
      form.resetDirty({ folders: r.folders });
      notifySaved(t);
    },
    onError: (e) => showApiError(t, e, form),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('backup.folders')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('backup.foldersHint')}
        </Text>
        {form.values.folders.map((_, i) => {
          const known = present.find((p) => p.folder === form.values.folders[i]);
          return (
            <Group key={i} gap="xs" wrap="nowrap" align="flex-start">
              <TextInput
                flex={1}
                aria-label={t('backup.folderPath')}
                placeholder="E:\Uchaske"
                rightSection={
                  known && !known.present ? (
                    <Badge size="xs" color="orange" variant="light" tt="none">
                      {t('backup.notPresent')}
                    </Badge>
                  ) : null
                }
                rightSectionWidth={known && !known.present ? 100 : undefined}
                {...form.getInputProps(`folders.${i}`)}
              />
              <ChooseFolderButton
                mt={4}
                label={t('backup.chooseFolder')}
                onChosen={(f) => form.setFieldValue(`folders.${i}`, f)}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={4}
                aria-label={t('backup.removeFolder')}
                onClick={() => form.removeListItem('folders', i)}
              >
                <IconX size={16} />
              </ActionIcon>
            </Group>
          );
        })}
        <Group justify="space-between">
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('folders', '')}
          >
            {t('backup.addFolder')}
          </Button>
          {form.isDirty() && (
            <Button size="xs" type="submit" loading={save.isPending}>
              {t('backup.saveFolders')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
