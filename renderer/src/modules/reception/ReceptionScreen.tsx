import { RecordTable } from '../../app/RecordTable';
import { useState } from 'react';
import { Badge, Button, Center, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { canCall, type Reception, type ReceptionFilter, type SessionUser } from '../../../../shared/api';
import { RECEPTION_MODES, RECEPTION_STATUSES } from '../../../../shared/api/reception';
import { formatDate, fullName, isoDay, shortName, localName } from '../../../../shared/format';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { DateField } from '../../app/DateField';
import { FormModal } from '../../app/FormModal';
import { showApiError } from '../../app/forms';
import { saveFile } from '../../app/saveFile';
import { openPreview } from '../../app/print/openPreview';
import { PrintMenu } from '../../app/print/PrintMenu';
import { useFromAddress } from '../../app/addressed';
import { draftWaits, draftWaitsFor } from '../../app/drafts';
import { CORRECTION_DRAFT, NEW_ENTRY_DRAFT, ReceptionForm } from './ReceptionForm';
import { ReceptionDetails } from './ReceptionDetails';

/** (ours) "all his visits": the first day a register of this program can hold */
const EVER = '2000-01-01';

export const STATUS_COLORS = { open: 'orange', done: 'teal', voided: 'gray' } as const;

/** The evening desk (p.9): today's journal, F2 for the next citizen, print or export for any period. */
export function ReceptionScreen({
  session,
  openId,
  citizenId,
  preset,
  onOpen,
  go,
}: {
  session: SessionUser;
  openId: number | null;
  /** one citizen's visits, all of them, as the search box opens them */
  citizenId: number | null;
  /** a period, a receiver and a mode, as a figure of the Figures screen opens the entries it counts */
  preset: { from: string; to: string; receiverId: number | null; mode: (typeof RECEPTION_MODES)[number] | null } | null;
  onOpen: (id: number | null) => void;
  go: (hash: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const today = isoDay(new Date());
  const [chosen, setFilter] = useState<Omit<Required<ReceptionFilter>, 'citizen'>>({
    from: today,
    to: today,
    mode: null,
    categoryCode: null,
    receiverId: null,
    status: null,
    citizenId: null,
  });
  // the citizen named in the address: his visits since the register began; an entry opened from them keeps them
  useFromAddress(citizenId, (id) => setFilter((f) => ({ ...f, from: EVER, to: today, citizenId: id })));
  useFromAddress(preset, (p) => setFilter((f) => ({ ...f, ...p, citizenId: null })));
  // a new entry kept through a lock opens again with its text (issue 15)
  const [opened, setOpened] = useState<{ entry: Reception | null } | null>(() =>
    draftWaits(NEW_ENTRY_DRAFT) ? { entry: null } : null,
  );
  const canWrite = canCall(session.role, 'reception.create');
  // a correction kept through a lock: its entry read again, then its form opened with the text; until another form
  // is opened or this one closes
  const [correcting, setCorrecting] = useState(() => draftWaitsFor(CORRECTION_DRAFT));
  const kept = useCall('reception.get', { id: correcting ?? 0 }, { enabled: correcting !== null });
  const form = opened ?? (correcting !== null && kept.data ? { entry: kept.data.entry } : null);
  const closeForm = () => {
    setOpened(null);
    setCorrecting(null);
  };

  // the citizen as the desk search takes him; asked of the backend once the typing pauses
  const [typed, setTyped] = useState('');
  const [citizen] = useDebouncedValue(typed.trim(), 250);
  const filter: Required<ReceptionFilter> = { ...chosen, citizen: citizen || null };
  // a page belongs to the filter it was turned for: another filter starts at the first
  const [paged, setPaged] = useState({ of: '', page: 1 });
  const filterKey = JSON.stringify(filter);
  const page = paged.of === filterKey ? paged.page : 1;
  const setPage = (p: number) => setPaged({ of: filterKey, page: p });
  const list = useCall('reception.list', { ...filter, page }, { enabled: filter.from <= filter.to });
  const categories = useCall('reception.categories', {});
  const users = useCall('users.list', { includeInactive: false });
  const station = useCall('station.get', {});
  const ready = categories.data && users.data && station.data;

  // F2 works at once, even while the lists are still loading: the form waits for them
  useHotkeys([['F2', () => canWrite && !form && setOpened({ entry: null })]], []);

  const set = <K extends keyof typeof chosen>(k: K, v: ReceptionFilter[K]) =>
    setFilter((f) => ({ ...f, [k]: v ?? null }));
  const catName = (code: string) => {
    const c = categories.data?.find((x) => x.code === code);
    return c ? localName(c, i18n.language) : code;
  };
  async function exportAs(kind: 'print' | 'exportXlsx', language: 'kk' | 'ru') {
    if (kind === 'print') {
      // the period is the screen's, changeable in the preview; the other filters stay as on the screen
      return openPreview({
        title: t('reception.title'),
        language,
        period: { from: filter.from, to: filter.to },
        load: (c) => call('reception.print', { filter: { ...filter, ...c.period }, language: c.language }),
      });
    }
    try {
      await saveFile(await call('reception.exportXlsx', { filter, language }));
    } catch (e) {
      showApiError(t, e);
    }
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs" align="baseline">
          <Title order={3}>{t('reception.title')}</Title>
          {station.data && (
            <Text c="dimmed" size="sm">
              {station.data.settings.receptionFrom}–{station.data.settings.receptionTo}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <PrintMenu
            label={t('reception.print')}
            choices={[
              { label: t('reception.printKk'), onClick: () => void exportAs('print', 'kk') },
              { label: t('reception.printRu'), onClick: () => void exportAs('print', 'ru') },
              {
                label: t('reception.excel'),
                onClick: () => void exportAs('exportXlsx', i18n.language as 'kk' | 'ru'),
                spreadsheet: true,
              },
            ]}
          />
          {canWrite && (
            <Button
              leftSection={<IconPlus size={16} />}
              disabled={!ready}
              onClick={() => setOpened({ entry: null })}
              title="F2"
            >
              {t('reception.newEntry')} (F2)
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <DateField
          label={t('reception.from')}
          w={125}
          clearable={false}
          value={filter.from}
          onChange={(v) => v && set('from', v)}
        />
        <DateField
          label={t('reception.to')}
          w={125}
          clearable={false}
          value={filter.to}
          onChange={(v) => v && set('to', v)}
          error={filter.from > filter.to ? t('validation.periodOrder') : undefined}
        />
        <TextInput
          label={t('reception.citizen')}
          w={190}
          placeholder={t('reception.citizenFilter')}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
        />
        <Select
          label={t('reception.mode')}
          w={120}
          clearable
          placeholder={t('reception.all')}
          data={RECEPTION_MODES.map((m) => ({ value: m, label: t(`reception.modes.${m}`) }))}
          value={filter.mode}
          onChange={(v) => set('mode', RECEPTION_MODES.find((m) => m === v) ?? null)}
        />
        <Select
          label={t('reception.category')}
          w={170}
          clearable
          placeholder={t('reception.all')}
          data={(categories.data ?? []).map((c) => ({ value: c.code, label: catName(c.code) }))}
          value={filter.categoryCode}
          onChange={(v) => set('categoryCode', v)}
        />
        <Select
          label={t('reception.receiver')}
          w={165}
          clearable
          searchable
          placeholder={t('reception.all')}
          data={(users.data ?? []).map((u) => ({ value: String(u.id), label: shortName(u) }))}
          value={filter.receiverId ? String(filter.receiverId) : null}
          onChange={(v) => set('receiverId', v ? Number(v) : null)}
        />
        <Select
          label={t('reception.statusLabel')}
          w={140}
          clearable
          placeholder={t('reception.all')}
          data={RECEPTION_STATUSES.map((s) => ({ value: s, label: t(`reception.status.${s}`) }))}
          value={filter.status}
          onChange={(v) => set('status', RECEPTION_STATUSES.find((s) => s === v) ?? null)}
        />
      </Group>
      {filter.citizenId !== null && (
        <Group gap="xs">
          <Badge size="lg" variant="light" tt="none" data-testid="citizen-filter">
            {t('search.citizenVisits', {
              name: list.data?.entries[0] ? fullName(list.data.entries[0].citizen) : '…',
            })}
          </Badge>
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => {
              setFilter((f) => ({ ...f, from: today, to: today, citizenId: null }));
              go('/reception');
            }}
          >
            {t('search.allCitizens')}
          </Button>
          {canCall(session.role, 'citizens.card') && (
            <Button size="compact-sm" variant="subtle" onClick={() => go(`/citizens/${filter.citizenId}`)}>
              {t('citizens.card.open')}
            </Button>
          )}
        </Group>
      )}
      <RecordTable
        minHeight={180}
        height={filter.citizenId !== null ? 'calc(100vh - 290px)' : 'calc(100vh - 250px)'}
        fetching={list.isFetching}
        records={list.data?.entries}
        pages={
          list.data && list.data.total > list.data.perPage
            ? { page, perPage: list.data.perPage, total: list.data.total, onPage: setPage }
            : undefined
        }
        onOpen={(r) => onOpen(r.id)}
        rowLabel={(r) => `№ ${r.number} ${fullName(r.citizen)}`}
        rowStyle={(r) => (r.status === 'voided' ? { opacity: 0.55, textDecoration: 'line-through' } : undefined)}
        columns={[
          { accessor: 'number', title: '№', width: 44, textAlign: 'right' },
          {
            accessor: 'receivedAt',
            title: t('doc.journal.when'),
            width: filter.from === filter.to ? 90 : 130,
            render: (r) =>
              filter.from === filter.to
                ? r.receivedAt.slice(11, 16)
                : `${formatDate(r.receivedAt)} ${r.receivedAt.slice(11, 16)}`,
          },
          { accessor: 'mode', title: t('reception.mode'), width: 105, render: (r) => t(`reception.modes.${r.mode}`) },
          {
            accessor: 'citizen',
            title: t('reception.citizen'),
            width: 200,
            render: (r) => (
              <div>
                <Text size="sm" fw={500}>
                  {fullName(r.citizen)}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.citizen.iin ?? t(`iin.no.${r.citizen.noIin ?? 'unknown'}`)}
                </Text>
              </div>
            ),
          },
          {
            accessor: 'subject',
            title: t('reception.subject'),
            render: (r) => (
              <Text size="sm" lineClamp={2}>
                {catName(r.categoryCode)}: {r.subject}
              </Text>
            ),
          },
          {
            accessor: 'action',
            title: t('reception.action'),
            width: 150,
            ellipsis: true,
            render: (r) => t(`reception.actions.${r.action}`),
          },
          { accessor: 'receiverName', title: t('reception.receiver'), width: 150 },
          {
            accessor: 'status',
            title: t('reception.statusLabel'),
            width: 175,
            render: (r) => (
              <Badge variant="light" tt="none" color={STATUS_COLORS[r.status]}>
                {r.status === 'open' && r.followUpDue
                  ? `${t('reception.status.open')} ${formatDate(r.followUpDue).slice(0, 5)}`
                  : t(`reception.status.${r.status}`)}
              </Badge>
            ),
          },
        ]}
      />
      <Text size="xs" c="dimmed">
        {t('reception.count', { count: list.data?.active ?? 0 })}
      </Text>

      <FormModal
        opened={form !== null}
        onClose={closeForm}
        size={1100}
        title={form?.entry ? t('reception.editTitle', { number: form.entry.number }) : t('reception.newEntry')}
      >
        {form && !ready && (
          <Center h={200}>
            <Loader />
          </Center>
        )}
        {form && ready && (
          <ReceptionForm
            entry={form.entry}
            session={session}
            categories={categories.data}
            users={users.data}
            settings={station.data.settings}
            onDone={(saved) => {
              closeForm();
              if (form.entry) onOpen(saved.id);
            }}
          />
        )}
      </FormModal>
      {openId !== null && (
        <ReceptionDetails
          id={openId}
          session={session}
          categoryName={catName}
          onClose={() => onOpen(null)}
          onCitizen={(cid) => go(`/citizens/${cid}`)}
          onCorrect={(entry) => {
            onOpen(null);
            setOpened({ entry });
          }}
        />
      )}
    </Stack>
  );
}
