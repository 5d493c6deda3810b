import { HANDOVER_READS } from './queries';
import { useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconChevronDown, IconPrinter, IconTransfer } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  canCall,
  api,
  type HandoverAct,
  type Language,
  type SessionUser,
  type Station,
  type TourAddress,
  type User,
} from '../../../../shared/api';
import { formatDate, isoDay, shortName } from '../../../../shared/format';
import { call } from '../../api/client';
import { useCall, callKey, useCallMutation } from '../../api/hooks';
import { DateField } from '../../app/DateField';
import { FormModal, GuardedForm } from '../../app/FormModal';
import { notifySaved, showApiError, useContractForm, action } from '../../app/forms';
import { openPreview } from '../../app/print/openPreview';
import { DataTable } from 'mantine-datatable';
import type { Purpose } from '../../../../shared/api/prevention';
import { PurposeDialog } from '../prevention/PurposeDialog';

/** Acceptance and handover of sections (p.4–6): the acts, the passport's §1 history, the tour of p.5. */
export function HandoverScreen({
  session,
  openId,
  go,
}: {
  session: SessionUser;
  /** the act the search box opened: its files are asked for with a purpose (p.15) */
  openId: number | null;
  go: (hash: string) => void;
}) {
  const { t } = useTranslation();
  const [sectionId, setSectionId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<{ kind: 'record' } | { kind: 'tour'; act: HandoverAct } | null>(null);
  const [diff, setDiff] = useState<{ id: number; added: string[]; removed: string[] } | null>(null);
  // p.15: an act's person files are read for a stated purpose, to see them or to print the act
  const [asking, setAsking] = useState<{ act: HandoverAct; then: 'open' | Language } | null>(null);
  const [opened, setOpened] = useState<HandoverAct | null>(null);
  const station = useCall('station.get', {});
  const users = useCall('users.list', { includeInactive: false });
  const acts = useCall('handover.list', { sectionId });
  const chief = canCall(session.role, 'handover.record');
  // the act named in the address is asked for once, when the list has it
  const [askedFor, setAskedFor] = useState<number | null>(null);
  const named = acts.data?.find((a) => a.id === openId);
  if (openId === null && askedFor !== null) setAskedFor(null);
  if (named && askedFor !== named.id) {
    setAskedFor(named.id);
    setAsking({ act: named, then: 'open' });
  }
  // p.5: the accepting inspector, his assistant (p.2(3)) or the lead walks the section
  const mySupervisor = users.data?.find((u) => u.id === session.id)?.supervisingInspectorId ?? null;
  const tours = (a: HandoverAct) =>
    a.toUserId === session.id || session.role === 'uppLead' || (mySupervisor !== null && mySupervisor === a.toUserId);
  // each change names what it makes stale (./queries.ts); the screen only closes the dialog
  const refresh = () => setDialog(null);
  const print = (id: number, language: Language, purpose: Required<Purpose>) =>
    openPreview({
      title: t('handover.title'),
      language,
      load: (c) => call('handover.print', { id, language: c.language, ...purpose }),
    });
  const withPurpose = async (purpose: Required<Purpose>) => {
    if (!asking) return;
    const { act, then } = asking;
    if (then === 'open') setOpened(await call('handover.open', { id: act.id, ...purpose }));
    else void print(act.id, then, purpose);
    setAsking(null);
  };
  const compare = async (act: HandoverAct) => {
    const older = (acts.data ?? []).find(
      (x) => x.sectionId === act.sectionId && (x.date < act.date || (x.date === act.date && x.id < act.id)),
    );
    if (!older) return setDiff({ id: act.id, added: [], removed: [] });
    try {
      setDiff({ id: act.id, ...(await call('handover.compare', { olderId: older.id, newerId: act.id })) });
    } catch (e) {
      showApiError(t, e);
    }
  };
  const label = (e: string) => e.split(':').slice(1).join(' · ');

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('handover.title')}</Title>
        <Group gap="xs" align="flex-end">
          <Select
            aria-label={t('handover.section')}
            w={140}
            clearable
            placeholder={t('reception.all')}
            data={(station.data?.sections ?? []).map((s) => ({ value: String(s.id), label: s.number }))}
            value={sectionId ? String(sectionId) : null}
            onChange={(v) => setSectionId(v ? Number(v) : null)}
          />
          {chief && (
            <Button
              leftSection={<IconTransfer size={16} />}
              disabled={!station.data || !users.data}
              onClick={() => setDialog({ kind: 'record' })}
            >
              {t('handover.record')}
            </Button>
          )}
        </Group>
      </Group>
      <Text size="sm" fw={600}>
        {t('handover.history')}
      </Text>
      {(acts.data ?? []).length === 0 && (
        <Text size="sm" c="dimmed">
          {t('app.noRecords')}
        </Text>
      )}
      {(acts.data ?? []).map((a) => (
        <Paper key={a.id} withBorder p="sm" data-testid="act">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Group gap="xs">
                <Text fw={600}>
                  {formatDate(a.date)} · {t('handover.section')} {a.section}
                </Text>
                <Badge variant="light">{t(`handover.kinds.${a.kind}`)}</Badge>
              </Group>
              <Text size="sm">
                {t('handover.from')}: {a.from || t('handover.vacant')} → {t('handover.to')}: {a.to}; {a.superior}
              </Text>
              <Text size="xs" c="dimmed">
                {t('handover.files', { n: a.personFileCount })} ·{' '}
                {t('handover.firearms', { n: a.snapshot.firearmOwners.length })} ·{' '}
                {t('handover.foreigners', { n: a.snapshot.foreigners.length })} ·{' '}
                {t('handover.instructions', { n: a.snapshot.openInstructions.length })}
              </Text>
              {a.kind === 'handover' &&
                (a.tourDoneOn ? (
                  <Text size="xs" c="teal">
                    {t('handover.tourDone', { date: formatDate(a.tourDoneOn) })}
                    {a.tourNote ? `: ${a.tourNote}` : ''}
                  </Text>
                ) : (
                  <Text size="xs" c="orange">
                    {t('handover.tourRule')}
                  </Text>
                ))}
              {diff?.id === a.id && (
                <Text size="xs" mt={4}>
                  {diff.added.length + diff.removed.length === 0
                    ? t('handover.noChanges')
                    : `${t('handover.added')}: ${diff.added.map(label).join('; ') || '—'}. ${t('handover.removed')}: ${diff.removed.map(label).join('; ') || '—'}`}
                </Text>
              )}
            </div>
            <Group gap={4} wrap="nowrap">
              {a.kind === 'handover' && !a.tourDoneOn && tours(a) && (
                <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'tour', act: a })}>
                  {t('handover.tour')}
                </Button>
              )}
              {a.personFileCount > 0 && (
                <Button size="xs" variant="subtle" onClick={() => setAsking({ act: a, then: 'open' })}>
                  {t('handover.openFiles')}
                </Button>
              )}
              <Button size="xs" variant="subtle" onClick={() => void compare(a)}>
                {t('handover.compare')}
              </Button>
              <Menu position="bottom-end">
                <Menu.Target>
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconPrinter size={14} />}
                    rightSection={<IconChevronDown size={12} />}
                  >
                    {t('prevention.print')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => setAsking({ act: a, then: 'kk' })}>{t('reception.printKk')}</Menu.Item>
                  <Menu.Item onClick={() => setAsking({ act: a, then: 'ru' })}>{t('reception.printRu')}</Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </Paper>
      ))}
      <PurposeDialog
        opened={asking !== null}
        title={asking?.then === 'open' ? t('handover.openFiles') : t('prevention.print')}
        submitLabel={asking?.then === 'open' ? t('prevention.open') : t('prevention.print')}
        onClose={() => {
          setAsking(null);
          if (openId !== null) go('/handover');
        }}
        onSubmit={withPurpose}
      />
      <Modal
        opened={opened !== null}
        onClose={() => {
          setOpened(null);
          if (openId !== null) go('/handover');
        }}
        size="xl"
        title={opened && t('handover.filesTitle', { date: formatDate(opened.date), section: opened.section })}
      >
        {opened && <ActFiles act={opened} />}
      </Modal>
      <FormModal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size="xl"
        title={dialog?.kind === 'tour' ? t('handover.tour') : t('handover.record')}
      >
        {dialog?.kind === 'record' && station.data && users.data && (
          <ActForm
            station={station.data}
            users={users.data}
            onDone={(a) => {
              notifySaved(t, t('handover.recorded', { section: a.section }));
              refresh();
            }}
          />
        )}
        {dialog?.kind === 'tour' && (
          <TourForm
            act={dialog.act}
            onDone={() => {
              notifySaved(t);
              refresh();
            }}
          />
        )}
      </FormModal>
    </Stack>
  );
}

function ActForm({ station, users, onDone }: { station: Station; users: User[]; onDone: (a: HandoverAct) => void }) {
  const { t } = useTranslation();
  const recordCall = useCallMutation('handover.record', { invalidates: HANDOVER_READS });
  const inspectors = users.filter((u) => u.active && u.role === 'inspector');
  const first = station.sections.find((s) => s.active);
  const holder = (sectionId: number | undefined) =>
    inspectors.find((u) => sectionId !== undefined && u.sectionIds.includes(sectionId))?.id ?? null;
  const form = useContractForm(api['handover.record'].input, {
    sectionId: first?.id ?? null,
    kind: 'handover' as 'handover' | 'cover',
    fromUserId: holder(first?.id),
    toUserId: null as number | null,
    date: isoDay(new Date()),
    superior: '',
    orderNumber: '',
    orderDate: null,
    remarks: '',
  });
  const v = form.values;
  const preview = useCall(
    'handover.preview',
    { sectionId: v.sectionId ?? 0, fromUserId: v.fromUserId ?? null },
    { enabled: v.sectionId !== null },
  );
  const p = preview.data;
  return (
    <GuardedForm
      form={form}
      submitLabel={t('handover.record')}
      onSubmit={async (x) => onDone(await recordCall.mutateAsync(api['handover.record'].input.parse(x)))}
    >
      <SegmentedControl
        value={v.kind}
        onChange={(x) => form.setFieldValue('kind', x as 'handover' | 'cover')}
        data={(['handover', 'cover'] as const).map((k) => ({ value: k, label: t(`handover.kinds.${k}`) }))}
      />
      <Group grow align="flex-start" gap="xs">
        <Select
          label={t('handover.section')}
          withAsterisk
          allowDeselect={false}
          data={station.sections.filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.number }))}
          value={String(v.sectionId)}
          onChange={(x) => {
            form.setFieldValue('sectionId', Number(x));
            form.setFieldValue('fromUserId', holder(Number(x)));
          }}
        />
        <Select
          label={t('handover.from')}
          clearable
          placeholder={t('handover.vacant')}
          data={inspectors.map((u) => ({ value: String(u.id), label: shortName(u) }))}
          value={v.fromUserId ? String(v.fromUserId) : null}
          onChange={(x) => form.setFieldValue('fromUserId', x ? Number(x) : null)}
          error={form.errors.fromUserId}
        />
        <Select
          label={t('handover.to')}
          withAsterisk
          searchable
          data={inspectors.map((u) => ({ value: String(u.id), label: shortName(u) }))}
          value={v.toUserId ? String(v.toUserId) : null}
          onChange={(x) => form.setFieldValue('toUserId', Number(x))}
          error={form.errors.toUserId}
        />
        <DateField label={t('handover.date')} withAsterisk clearable={false} {...form.getInputProps('date')} />
      </Group>
      <TextInput label={t('handover.superior')} withAsterisk data-autofocus {...form.getInputProps('superior')} />
      <Group grow align="flex-start" gap="xs">
        <TextInput
          label={t('handover.orderNumber')}
          withAsterisk={v.kind === 'cover'}
          {...form.getInputProps('orderNumber')}
        />
        <DateField
          label={t('handover.orderDate')}
          withAsterisk={v.kind === 'cover'}
          {...form.getInputProps('orderDate')}
        />
      </Group>
      <Textarea label={t('handover.remarks')} autosize minRows={2} {...form.getInputProps('remarks')} />
      {p && (
        <Alert variant="light" title={t('handover.preview')} data-testid="act-preview">
          <SimpleGrid cols={3} spacing={4}>
            <Text size="sm">{t('handover.files', { n: p.personFiles.length })}</Text>
            <Text size="sm">{t('handover.firearms', { n: p.firearmOwners.length })}</Text>
            <Text size="sm">{t('handover.probation', { n: p.probation.length })}</Text>
            <Text size="sm">{t('handover.foreigners', { n: p.foreigners.length })}</Text>
            <Text size="sm">{t('handover.instructions', { n: p.openInstructions.length })}</Text>
            <Text size="sm">{t('handover.checks', { n: p.unfinishedChecks.length })}</Text>
          </SimpleGrid>
          {p.personFiles.map((f) => (
            <Text key={f.number} size="xs">
              № {f.number} — {f.storage}
            </Text>
          ))}
          {v.kind === 'handover' && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('handover.moves')}
            </Text>
          )}
        </Alert>
      )}
    </GuardedForm>
  );
}

/** p.15: the person files an act lists, as opened for a stated purpose (each file's log has the reading). */
function ActFiles({ act }: { act: HandoverAct }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('handover.filesRule')}
      </Text>
      <DataTable
        withTableBorder
        striped
        noRecordsText={t('app.noRecords')}
        records={act.snapshot.personFiles}
        idAccessor="number"
        columns={[
          { accessor: 'number', title: '№', width: 60 },
          { accessor: 'person', title: t('handover.person') },
          { accessor: 'categories', title: t('handover.categories'), render: (f) => f.categories.join(', ') },
          { accessor: 'storage', title: t('handover.storage') },
          {
            accessor: 'out',
            title: '',
            render: (f) => (
              <Badge variant="light" tt="none" color={f.out ? 'orange' : 'teal'}>
                {f.out ? t('handover.outOfSafe') : t('handover.inSafe')}
              </Badge>
            ),
          },
        ]}
      />
    </Stack>
  );
}

/** p.5: the section's addresses ticked off as the tour visits them, then the tour marked done. */
function TourForm({ act, onDone }: { act: HandoverAct; onDone: () => void }) {
  const { t } = useTranslation();
  const tourDoneCall = useCallMutation('handover.tourDone', { invalidates: HANDOVER_READS });
  const markVisitedCall = useCallMutation('handover.markVisited', { invalidates: HANDOVER_READS });
  const addTourAddressesCall = useCallMutation('handover.addTourAddresses', { invalidates: HANDOVER_READS });
  const qc = useQueryClient();
  const list = useCall('handover.tourAddresses', { actId: act.id });
  const [typed, setTyped] = useState('');
  const [visit, setVisit] = useState<{ id: number; note: string } | null>(null);
  const form = useContractForm(api['handover.tourDone'].input, { id: act.id, doneOn: isoDay(new Date()), note: '' });
  const put = (rows: TourAddress[]) => qc.setQueryData(callKey('handover.tourAddresses', { actId: act.id }), rows);
  const left = (list.data ?? []).filter((a) => !a.visitedOn).length;
  return (
    <GuardedForm
      form={form}
      onSubmit={async (x) => {
        await tourDoneCall.mutateAsync(x);
        onDone();
      }}
    >
      <Text size="sm" c="dimmed">
        {t('handover.tourRule')}
      </Text>
      <Text size="sm" fw={600}>
        {t('handover.addresses')} ({(list.data ?? []).length - left}/{(list.data ?? []).length})
      </Text>
      <Stack gap={4} mah={260} style={{ overflowY: 'auto' }}>
        {(list.data ?? []).map((a) => (
          <Group key={a.id} gap="xs" wrap="nowrap" data-testid="tour-address">
            <Text size="sm" style={{ flex: 1 }}>
              {a.address}
            </Text>
            {a.visitedOn ? (
              <Text size="xs" c="teal">
                {t('handover.visitedOn', { date: formatDate(a.visitedOn) })}
                {a.note ? `: ${a.note}` : ''}
              </Text>
            ) : visit?.id === a.id ? (
              <Group gap={4} wrap="nowrap">
                <TextInput
                  size="xs"
                  aria-label={t('handover.visitNote')}
                  placeholder={t('handover.visitNote')}
                  value={visit.note}
                  onChange={(e) => {
                    const note = e.currentTarget.value;
                    setVisit({ id: a.id, note });
                  }}
                />
                <Button
                  size="xs"
                  onClick={action(t, async () => {
                    try {
                      put(
                        await markVisitedCall.mutateAsync({
                          id: a.id,
                          visitedOn: isoDay(new Date()),
                          note: visit.note,
                        }),
                      );
                      setVisit(null);
                    } catch (e) {
                      showApiError(t, e);
                    }
                  })}
                >
                  {t('handover.visited')}
                </Button>
              </Group>
            ) : (
              <Button size="compact-xs" variant="light" onClick={() => setVisit({ id: a.id, note: '' })}>
                {t('handover.markVisited')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Textarea
          style={{ flex: 1 }}
          label={t('handover.addAddresses')}
          autosize
          minRows={2}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
        />
        <Button
          variant="default"
          disabled={!typed.trim()}
          onClick={action(t, async () => {
            try {
              put(
                await addTourAddressesCall.mutateAsync({
                  actId: act.id,
                  addresses: typed.split('\n').filter((x) => x.trim()),
                }),
              );
              setTyped('');
            } catch (e) {
              showApiError(t, e);
            }
          })}
        >
          {t('passport.addObject')}
        </Button>
      </Group>
      <DateField label={t('handover.date')} withAsterisk clearable={false} {...form.getInputProps('doneOn')} />
      <Textarea label={t('handover.tourNote')} autosize minRows={2} data-autofocus {...form.getInputProps('note')} />
    </GuardedForm>
  );
}
