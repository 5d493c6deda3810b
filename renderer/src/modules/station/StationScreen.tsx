import { useState } from 'react';
import { StationNameFields } from './StationNameFields';
import {
  Alert,
  Button,
  Checkbox,
  Code,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPencil, IconPlus, IconPrinter, IconShieldCheck } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  api,
  canCall,
  type CallName,
  type Section,
  type SessionUser,
  type Settings,
  type Station,
} from '../../../../shared/api';
import { call } from '../../api/client';
import { useCall, useCallMutation, callKey } from '../../api/hooks';
import { FormModal, GuardedForm, useCloseGuard } from '../../app/FormModal';
import { notifySaved, showApiError, useContractForm, action } from '../../app/forms';
import { openPreview } from '../../app/print/openPreview';
import { CalendarPanel } from './CalendarPanel';
import { CategoriesPanel } from '../reception/CategoriesPanel';
import { BackupPanel } from '../backup/BackupPanel';
import { UpdatesPanel } from '../updates/UpdatesPanel';

/** The station, its sections, settings, and the safety tools (audit check, backups, recovery code). */
export function StationScreen({ session }: { session: SessionUser }) {
  const { t } = useTranslation();
  const station = useCall('station.get', {});
  if (!station.data) return null;
  return (
    <Stack>
      <Title order={3}>{t('station.title')}</Title>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <StationForm station={station.data} />
        <SettingsForm station={station.data} />
      </SimpleGrid>
      <Sections sections={station.data.sections} />
      <CalendarPanel />
      {/* the administrator keeps the PC, not the journal: no reception data for him */}
      {session.role === 'uppLead' && <CategoriesPanel canAdd />}
      <BackupPanel />
      {canCall(session.role, 'updates.status') && <UpdatesPanel />}
      <Security session={session} />
    </Stack>
  );
}

/** A station change answers with the whole station: it replaces the cached one rather than refetching it. */
function useStationChange<N extends 'station.update' | 'station.updateSettings' | 'station.saveSection'>(
  name: N,
  invalidates: readonly CallName[] = [],
) {
  const qc = useQueryClient();
  return useCallMutation(name, {
    invalidates,
    onSuccess: (s: Station) => qc.setQueryData(callKey('station.get', {}), s),
  });
}

function StationForm({ station }: { station: Station }) {
  const { t } = useTranslation();
  const update = useStationChange('station.update');
  const form = useContractForm(api['station.update'].input, {
    uppNumber: station.uppNumber,
    uppName: station.uppName,
    policeBody: station.policeBody,
    address: station.address,
    uppNameKk: station.uppNameKk,
    policeBodyKk: station.policeBodyKk,
    addressKk: station.addressKk,
  });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={form.onSubmit(async (v) => {
          try {
            await update.mutateAsync(v);
            notifySaved(t);
          } catch (e) {
            showApiError(t, e, form);
          }
        })}
      >
        <Stack gap="sm">
          <Title order={5}>{t('station.station')}</Title>
          <StationNameFields form={form} prefix="" values={form.values} />
          <Group justify="flex-end">
            <Button type="submit">{t('app.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function SettingsForm({ station }: { station: Station }) {
  const { t } = useTranslation();
  // the idle lock reaches the shell through auth.status
  const updateSettings = useStationChange('station.updateSettings', ['auth.status']);
  const form = useContractForm(api['station.updateSettings'].input, station.settings);
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={form.onSubmit(async (v) => {
          try {
            await updateSettings.mutateAsync(v);
            notifySaved(t);
          } catch (e) {
            showApiError(t, e, form);
          }
        })}
      >
        <Stack gap="sm">
          <Title order={5}>{t('station.settings')}</Title>
          <Group grow align="flex-start">
            <TextInput label={t('fields.receptionFrom')} placeholder="18:00" {...form.getInputProps('receptionFrom')} />
            <TextInput label={t('fields.receptionTo')} placeholder="21:00" {...form.getInputProps('receptionTo')} />
          </Group>
          <Group grow align="flex-start">
            <NumberInput
              label={t('fields.idleMinutes')}
              min={1}
              max={240}
              allowDecimal={false}
              {...form.getInputProps('idleMinutes')}
            />
            <NumberInput
              label={t('fields.backupKeep')}
              min={1}
              max={365}
              allowDecimal={false}
              {...form.getInputProps('backupKeep')}
            />
          </Group>
          <Text size="sm" fw={500}>
            {t('station.oursTitle')}
          </Text>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('station.oursHint')}
          </Text>
          {(['followUpNoticeDays', 'fileOutDays', 'materialsDays'] as const).map((k) => (
            <NumberInput
              key={k}
              label={t(`fields.${k}`)}
              min={0}
              max={30}
              allowDecimal={false}
              {...form.getInputProps(k)}
            />
          ))}
          <Checkbox.Group
            label={t('meetings.registrationFields')}
            description={t('meetings.registrationFieldsHint')}
            value={form.values.meetingFields ?? []}
            onChange={(v) => form.setFieldValue('meetingFields', v as Settings['meetingFields'])}
          >
            <Group mt={6}>
              {(['address', 'organization', 'phone'] as const).map((f) => (
                <Checkbox key={f} value={f} label={t(`meetings.participant.${f}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group justify="flex-end">
            <Button type="submit">{t('app.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function Sections({ sections }: { sections: Section[] }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Section | 'new' | null>(null);
  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('station.sections')}</Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          {t('setup.addSection')}
        </Button>
      </Group>
      <DataTable
        withTableBorder
        records={sections}
        noRecordsText={t('app.noRecords')}
        columns={[
          { accessor: 'number', title: t('fields.sectionNumber') },
          { accessor: 'kind', title: t('fields.sectionKind'), render: (s) => t(`sectionKind.${s.kind}`) },
          { accessor: 'boundary', title: t('station.boundary'), ellipsis: true, width: '40%' },
          { accessor: 'orderRef', title: t('station.orderRef') },
          {
            accessor: 'adjacentIds',
            title: t('station.adjacent'),
            render: (s) => s.adjacentIds.map((x) => sections.find((y) => y.id === x)?.number ?? x).join(', '),
          },
          {
            accessor: 'id',
            title: '',
            textAlign: 'right',
            render: (s) => (
              <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing(s)}>
                {t('app.edit')}
              </Button>
            ),
          },
        ]}
      />
      <FormModal opened={editing !== null} onClose={() => setEditing(null)} title={t('station.sections')} size="lg">
        {editing !== null && (
          <SectionForm
            section={editing === 'new' ? null : editing}
            others={sections.filter((x) => editing === 'new' || x.id !== editing.id)}
            onDone={() => setEditing(null)}
          />
        )}
      </FormModal>
    </Paper>
  );
}

function SectionForm({ section, others, onDone }: { section: Section | null; others: Section[]; onDone: () => void }) {
  const { t } = useTranslation();
  const saveSection = useStationChange('station.saveSection');
  const form = useContractForm(api['station.saveSection'].input, {
    id: section?.id,
    number: section?.number ?? '',
    kind: section?.kind ?? 'urban',
    boundary: section?.boundary ?? '',
    orderRef: section?.orderRef ?? '',
    adjacentIds: section?.adjacentIds ?? [],
  });
  async function save(v: typeof form.values) {
    await saveSection.mutateAsync(v);
    notifySaved(t);
    onDone();
  }
  return (
    <GuardedForm form={form} onSubmit={save}>
      <Group grow align="flex-start">
        <TextInput label={t('fields.sectionNumber')} withAsterisk data-autofocus {...form.getInputProps('number')} />
        <Select
          label={t('fields.sectionKind')}
          allowDeselect={false}
          data={[
            { value: 'urban', label: t('sectionKind.urban') },
            { value: 'rural', label: t('sectionKind.rural') },
          ]}
          {...form.getInputProps('kind')}
        />
      </Group>
      <Textarea label={t('station.boundary')} autosize minRows={3} {...form.getInputProps('boundary')} />
      <TextInput label={t('station.orderRef')} {...form.getInputProps('orderRef')} />
      <MultiSelect
        label={t('station.adjacent')}
        description={t('station.adjacentHint')}
        data={others.map((x) => ({ value: String(x.id), label: x.number }))}
        value={(form.values.adjacentIds ?? []).map(String)}
        onChange={(v) => form.setFieldValue('adjacentIds', v.map(Number))}
      />
    </GuardedForm>
  );
}

function Security({ session }: { session: SessionUser }) {
  const { t } = useTranslation();
  const [audit, setAudit] = useState<{
    ok: boolean;
    rows: number;
    firstBrokenId: number | null;
    missingFrom: number | null;
  } | null>(null);
  const [recoveryOpen, setRecoveryOpen] = useState(false);
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="sm">
        {t('station.security')}
      </Title>
      <Stack gap="sm">
        <Group>
          <Button
            variant="light"
            leftSection={<IconShieldCheck size={16} />}
            onClick={action(t, async () => {
              try {
                setAudit(await call('audit.verify', {}));
              } catch (e) {
                showApiError(t, e);
              }
            })}
          >
            {t('station.verifyAudit')}
          </Button>
          {audit && (
            <Text c={audit.ok ? 'teal' : 'red'} role="status">
              {audit.ok
                ? t('station.auditOk', { rows: audit.rows })
                : audit.firstBrokenId !== null
                  ? t('station.auditBroken', { id: audit.firstBrokenId })
                  : t('station.auditTruncated', { id: audit.missingFrom })}
            </Text>
          )}
        </Group>
        <Group>
          <Button variant="outline" color="orange" onClick={() => setRecoveryOpen(true)}>
            {t('station.newRecovery')}
          </Button>
        </Group>
      </Stack>
      <FormModal opened={recoveryOpen} onClose={() => setRecoveryOpen(false)} title={t('station.newRecovery')}>
        {recoveryOpen && <NewRecovery session={session} />}
      </FormModal>
    </Paper>
  );
}

function NewRecovery({ session }: { session: SessionUser }) {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>(null);
  const form = useContractForm(z.object({ password: api['recovery.regenerate'].input.shape.password }), {
    password: '',
  });
  useCloseGuard(form.isDirty());
  if (code) {
    return (
      <Stack>
        <Alert color="yellow">{t('setup.recoveryIntro')}</Alert>
        <Code block fz={20} ta="center">
          {code}
        </Code>
        <Group>
          {(['kk', 'ru'] as const).map((language) => (
            <Button
              key={language}
              variant="light"
              leftSection={<IconPrinter size={16} />}
              onClick={() =>
                openPreview({
                  title: t('doc.recovery.title'),
                  language,
                  load: (c) => call('recovery.sheet', { language: c.language }),
                })
              }
            >
              {language === 'kk' ? t('setup.sheetKk') : t('setup.sheetRu')}
            </Button>
          ))}
        </Group>
      </Stack>
    );
  }
  return (
    <form
      onSubmit={form.onSubmit(async (v) => {
        try {
          setCode((await call('recovery.regenerate', v)).recoveryCode);
        } catch (e) {
          showApiError(t, e, form);
        }
      })}
    >
      <Stack>
        <Text size="sm">{t('station.newRecoveryText')}</Text>
        <PasswordInput
          label={`${t('fields.password')} (${session.login})`}
          data-autofocus
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end">
          <Button type="submit" color="orange">
            {t('station.newRecovery')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
