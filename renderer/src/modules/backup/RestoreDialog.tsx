import { useState } from 'react';
import { Alert, Button, Group, PasswordInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconFolderSearch, IconKey, IconRestore } from '@tabler/icons-react';
import { desktop } from '../../api/client';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type CopyPreview } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { callKey, useCall, useCallMutation } from '../../api/hooks';
import { FormModal } from '../../app/FormModal';
import { notifySaved, showApiError, useContractForm } from '../../app/forms';

/**
 * "Restore from a backup…": choose a copy (this PC's, the destinations', or a folder named here), open it with an
 * administrator's password or the recovery code, see what it holds, then restore. Used on the unlock and first-run
 * screens and on the station screen; afterwards the program is locked on the restored data.
 */
export function RestoreDialog({
  opened,
  onClose,
  purpose = 'data',
}: {
  opened: boolean;
  onClose: () => void;
  /** data: the whole copy replaces the current data; keyring: only the copy's keyring is put back beside the data */
  purpose?: 'data' | 'keyring';
}) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      // wide and high enough that the password way, its preview and the button fit 1366×768 without scrolling
      size="xl"
      yOffset="2vh"
      title={purpose === 'keyring' ? t('restore.keyring.confirm') : t('restore.title')}
    >
      {opened && <RestoreForm onDone={onClose} purpose={purpose} />}
    </FormModal>
  );
}

function RestoreForm({ onDone, purpose }: { onDone: () => void; purpose: 'data' | 'keyring' }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [folder, setFolder] = useState('');
  const [looked, setLooked] = useState<string | null>(null);
  const [checkedAs, setChecked] = useState<{ values: string; preview: CopyPreview } | null>(null);
  const candidates = useCall('backup.candidates', { folder: looked });
  const form = useContractForm(api['backup.inspect'].input, {
    file: '',
    by: 'code' as 'password' | 'code',
    login: '',
    password: '',
    recoveryCode: '',
  });
  const inspect = useCallMutation('backup.inspect', {
    onSuccess: (preview, input) => setChecked({ values: JSON.stringify(input), preview }),
    onError: (e) => showApiError(t, e, form),
  });
  const restore = useCallMutation('backup.restore', {
    onSuccess: () => {
      notifySaved(t, t('restore.done'));
      onDone();
      // nothing of the replaced data stays in the screens' memory
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth.status' });
      void qc.refetchQueries({ queryKey: callKey('auth.status') });
    },
    onError: (e) => showApiError(t, e, form),
  });
  const putBack = useCallMutation('backup.putBackKeyring', {
    onSuccess: () => {
      notifySaved(t, t('restore.keyring.done'));
      onDone();
      void qc.refetchQueries({ queryKey: callKey('auth.status') });
    },
    onError: (e) => showApiError(t, e, form),
  });
  const keyring = purpose === 'keyring';
  const options = (candidates.data ?? []).map((c) => ({
    value: c.file,
    label: `${formatDateTime(c.createdAt)} · ${t(`backup.kinds.${c.kind}`)} · ${c.folder}`,
  }));
  // a preview belongs to the copy and the secret it was checked with: change either and it is gone
  const preview = checkedAs?.values === JSON.stringify(form.values) ? checkedAs.preview : null;
  const counts = preview?.counts ?? {};
  return (
    <Stack gap="sm">
      <Text size="xs" c="dimmed">
        {keyring ? t('restore.keyring.intro') : t('restore.intro')}
      </Text>
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          flex={1}
          label={t('restore.folder')}
          placeholder="E:\Uchaske"
          value={folder}
          onChange={(e) => setFolder(e.currentTarget.value)}
        />
        {desktop.chooseFolder && (
          <Button
            variant="default"
            onClick={() =>
              void desktop.chooseFolder!().then((f) => {
                if (!f) return;
                setFolder(f);
                setLooked(f);
              })
            }
          >
            {t('backup.chooseFolder')}
          </Button>
        )}
        <Button
          variant="light"
          leftSection={<IconFolderSearch size={16} />}
          onClick={() => setLooked(folder.trim() || null)}
        >
          {t('restore.look')}
        </Button>
      </Group>
      <form
        onSubmit={form.onSubmit((v) => (keyring ? putBack.mutate(v) : preview ? restore.mutate(v) : inspect.mutate(v)))}
      >
        <Stack gap="sm">
          <Select
            label={t('restore.choose')}
            withAsterisk
            data={options}
            nothingFoundMessage={t('restore.none')}
            placeholder={options.length === 0 ? t('restore.none') : t('restore.pick')}
            searchable
            {...form.getInputProps('file')}
            onChange={(v) => form.setFieldValue('file', v ?? '')}
          />
          <Radio.Group
            label={t('restore.by')}
            value={form.values.by}
            onChange={(v) => form.setFieldValue('by', v === 'password' ? 'password' : 'code')}
          >
            <Group gap="lg" mt={4}>
              <Radio value="code" label={t('restore.byCode')} />
              <Radio value="password" label={keyring ? t('restore.keyring.byAnyPassword') : t('restore.byPassword')} />
            </Group>
          </Radio.Group>
          {form.values.by === 'code' ? (
            <TextInput
              label={t('fields.recoveryCode')}
              withAsterisk
              autoComplete="off"
              ff="monospace"
              {...form.getInputProps('recoveryCode')}
            />
          ) : (
            <Group grow align="flex-start">
              <TextInput label={t('fields.login')} withAsterisk {...form.getInputProps('login')} />
              <PasswordInput label={t('fields.password')} withAsterisk {...form.getInputProps('password')} />
            </Group>
          )}
          {preview && (
            <Alert
              color="orange"
              icon={<IconAlertTriangle size={18} />}
              title={t('restore.holds', { at: formatDateTime(preview.createdAt), station: preview.station })}
            >
              <Text size="sm">
                {t('restore.counts', {
                  users: counts.users ?? 0,
                  citizens: counts.citizens ?? 0,
                  receptions: counts.receptions ?? 0,
                  personFiles: counts.person_files ?? 0,
                  notebookEntries: counts.notebook_entries ?? 0,
                  auditRows: counts.audit_log ?? 0,
                })}
              </Text>
              <Text size="sm" mt={6} fw={500}>
                {t('restore.warning')}
              </Text>
            </Alert>
          )}
          <Group justify="flex-end">
            {keyring ? (
              <Button type="submit" leftSection={<IconKey size={16} />} loading={putBack.isPending}>
                {t('restore.keyring.confirm')}
              </Button>
            ) : preview ? (
              <Button type="submit" color="red" leftSection={<IconRestore size={16} />} loading={restore.isPending}>
                {t('restore.confirm')}
              </Button>
            ) : (
              <Button type="submit" loading={inspect.isPending}>
                {t('restore.check')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
