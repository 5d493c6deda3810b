import { FILE_READS } from './queries';
import { useCallMutation } from '../../api/hooks';
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  FileInput,
  Group,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPackageImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  inGroup,
  api,
  type CallOutput,
  type PersonFile,
  type Safe,
  type Station,
  type User,
} from '../../../../shared/api';
import { formatDate, formatDateTime, shortName } from '../../../../shared/format';
import { call } from '../../api/client';
import { readBase64 } from '../../app/files';
import { GuardedForm } from '../../app/FormModal';
import { showApiError, useContractForm, action } from '../../app/forms';

/** A file from another station: the package is opened and shown first, saved only on the second step. */
export function ImportForm({
  me,
  station,
  safes,
  users,
  onDone,
}: {
  me: number;
  station: Station;
  safes: Safe[];
  users: User[];
  onDone: (f: PersonFile) => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CallOutput<'prevention.previewPackage'> | null>(null);
  const schema = api['prevention.importPackage'].input.and(
    z.object({ base64: z.string().min(1, 'validation.required') }),
  );
  const form = useContractForm(schema, {
    base64: '',
    passphrase: '',
    sectionId: station.sections.find((s) => s.active)?.id ?? null,
    inspectorId: users.find((u) => u.id === me && inGroup('inspectors', u.role))?.id ?? null,
    custodyPlace: 'safe' as 'safe' | 'policeBody',
    safeId: safes.find((s) => s.active)?.id ?? null,
    shelf: '',
    controllingInspector: '',
  });
  const importPackage = useCallMutation('prevention.importPackage', { invalidates: FILE_READS });
  const v = form.values;
  const inspectors = users.filter((u) => u.active && inGroup('inspectors', u.role));

  async function open() {
    try {
      setPreview(await call('prevention.previewPackage', { base64: v.base64, passphrase: v.passphrase }));
    } catch (e) {
      setPreview(null);
      showApiError(t, e);
    }
  }
  return (
    <GuardedForm
      form={form}
      submitLabel={t(preview ? 'prevention.importDialog.save' : 'prevention.importDialog.preview')}
      onSubmit={async (x) => {
        if (!preview) return open();
        onDone(await importPackage.mutateAsync(schema.parse(x)));
      }}
    >
      <FileInput
        label={t('prevention.importDialog.file')}
        withAsterisk
        accept=".uchpkg"
        value={file}
        error={form.errors.base64}
        data-autofocus
        onChange={action(t, async (f: File | null) => {
          setFile(f);
          setPreview(null);
          form.setFieldValue('base64', f ? await readBase64(f) : '');
        })}
      />
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <PasswordInput
          style={{ flex: 1 }}
          label={t('prevention.transfer.passphrase')}
          withAsterisk
          autoComplete="off"
          {...form.getInputProps('passphrase')}
          onChange={(e) => {
            setPreview(null);
            form.setFieldValue('passphrase', e.currentTarget.value);
          }}
        />
        <Button mt={25} variant="light" disabled={!v.base64 || v.passphrase.length < 10} onClick={() => void open()}>
          {t('prevention.importDialog.preview')}
        </Button>
      </Group>
      {preview && (
        <Alert
          color="teal"
          icon={<IconPackageImport size={18} />}
          title={t('prevention.importDialog.arriving')}
          data-testid="package-preview"
        >
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              {preview.person}
              {preview.iin ? ` · ${preview.iin}` : ''}
              {preview.birthDate ? ` · ${formatDate(preview.birthDate)}` : ''}
            </Text>
            <Group gap={4}>
              {preview.categories.map((k) => (
                <Badge key={k} size="sm" variant="outline" tt="none">
                  {t(`prevention.categoryShort.${k}`)}
                </Badge>
              ))}
            </Group>
            <Text size="sm">
              {t('prevention.grounds')}: {preview.grounds}; {t('prevention.startDate')} {formatDate(preview.startDate)}
            </Text>
            <Text size="sm">
              {t('prevention.importDialog.from')}: {preview.fromStation}, {formatDateTime(preview.exportedAt)}
            </Text>
            <Text size="sm">
              {t('prevention.importDialog.records', { n: preview.supervisionRecords, r: preview.relations })}
            </Text>
          </Stack>
        </Alert>
      )}
      <>
        <Group grow gap="xs" align="flex-start">
          <Select
            label={t('prevention.section')}
            withAsterisk
            allowDeselect={false}
            data={station.sections.filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.number }))}
            value={v.sectionId ? String(v.sectionId) : null}
            onChange={(x) => form.setFieldValue('sectionId', Number(x))}
            error={form.errors.sectionId}
          />
          <Select
            label={t('prevention.inspector')}
            withAsterisk
            searchable
            allowDeselect={false}
            data={inspectors.map((u) => ({ value: String(u.id), label: shortName(u) }))}
            value={v.inspectorId ? String(v.inspectorId) : null}
            onChange={(x) => form.setFieldValue('inspectorId', Number(x))}
            error={form.errors.inspectorId}
          />
        </Group>
        <SegmentedControl
          value={v.custodyPlace}
          onChange={(x) => form.setFieldValue('custodyPlace', x as 'safe' | 'policeBody')}
          data={(['safe', 'policeBody'] as const).map((k) => ({ value: k, label: t(`prevention.custodyPlaces.${k}`) }))}
        />
        {v.custodyPlace === 'safe' ? (
          <Group grow gap="xs" align="flex-start">
            <Select
              label={t('prevention.safe')}
              withAsterisk
              allowDeselect={false}
              data={safes.filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.name }))}
              value={v.safeId ? String(v.safeId) : null}
              onChange={(x) => form.setFieldValue('safeId', Number(x))}
              error={form.errors.safeId}
            />
            <TextInput label={t('prevention.shelf')} {...form.getInputProps('shelf')} />
          </Group>
        ) : (
          <TextInput
            label={t('prevention.controllingInspector')}
            withAsterisk
            {...form.getInputProps('controllingInspector')}
          />
        )}
      </>
    </GuardedForm>
  );
}
