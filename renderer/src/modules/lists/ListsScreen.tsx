import { RecordTable } from '../../app/RecordTable';
import { useState } from 'react';
import { Badge, Button, Checkbox, Group, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconPlus, IconSearch } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  canCall,
  type FirearmOwner,
  type Foreigner,
  type Language,
  type ListKind,
  type ProbationPerson,
  type SessionUser,
} from '../../../../shared/api';
import { LISTS } from '../../../../shared/api/lists';
import { formatDate, isoDay } from '../../../../shared/format';
import { call } from '../../api/client';
import { useCall, useCallMutation } from '../../api/hooks';
import { FormModal } from '../../app/FormModal';
import { notifySaved, showApiError } from '../../app/forms';
import { saveFile } from '../../app/saveFile';
import { openPreview } from '../../app/print/openPreview';
import { PrintMenu } from '../../app/print/PrintMenu';
import {
  CheckForm,
  FirearmOwnerForm,
  ForeignerForm,
  newEntryDraft,
  ProbationForm,
  RemoveForeignerForm,
} from './ListForms';
import { draftWaits } from '../../app/drafts';
import { LIST_READS } from './queries';
import { ApplicantChecks } from './ApplicantChecks';
import { ImportForm } from './ImportDialog';

type Dialog =
  | { kind: 'edit'; list: ListKind; entry: FirearmOwner | ProbationPerson | Foreigner | null }
  | { kind: 'check'; list: 'firearms' | 'foreigners'; id: number }
  | { kind: 'remove'; entry: Foreigner }
  | { kind: 'import' };

/** The section's electronic lists (p.17): Appendices 2, 3 and 4, with their checks. */

export function ListsScreen({
  session,
  listParam,
  entryParam,
  go,
}: {
  session: SessionUser;
  listParam: string | null;
  /** the entry the search box opened: shown and marked in its list */
  entryParam: number | null;
  go: (hash: string) => void;
}) {
  const { t } = useTranslation();
  const list: ListKind = LISTS.find((l) => l === listParam) ?? 'firearms';
  // p.22(10)'s applicant checks sit beside the appendices; they have no appendix form to print or import
  const tab = listParam === 'applicants' ? 'applicants' : list;
  const [filter, setFilter] = useState<{ sectionId: number | null; text: string }>({ sectionId: null, text: '' });
  // a new entry kept through a lock opens again with its text (issue 15)
  const [dialog, setDialog] = useState<Dialog | null>(() =>
    draftWaits(newEntryDraft(list)) ? { kind: 'edit', list, entry: null } : null,
  );
  const station = useCall('station.get', {});
  const users = useCall('users.list', { includeInactive: false });
  const firearms = useCall('lists.firearms', filter, { enabled: tab === 'firearms' });
  const probation = useCall('lists.probation', filter, { enabled: tab === 'probation' });
  // the entry the search opened is shown even when he was taken off the list
  const [showRemoved, setShowRemoved] = useState(entryParam !== null);
  const foreigners = useCall(
    'lists.foreigners',
    { ...filter, includeRemoved: showRemoved },
    { enabled: tab === 'foreigners' },
  );
  const restore = useCallMutation('lists.restoreForeigner', { invalidates: LIST_READS });
  const writes = canCall(session.role, 'lists.saveFirearmOwner');
  const mySection =
    users.data?.find((u) => u.id === session.id)?.sectionIds[0] ??
    station.data?.sections.find((s) => s.active)?.id ??
    1;
  const today = isoDay(new Date());
  // each change names what it makes stale (./queries.ts); the screen only closes the dialog
  const refresh = () => {
    if (dialog?.kind !== 'import') notifySaved(t);
    setDialog(null);
  };
  const out = async (kind: 'print' | 'exportXlsx', language: Language) => {
    if (kind === 'print') {
      return openPreview({
        title: t(`lists.tabs.${list}`),
        language,
        load: (c) => call('lists.print', { list, sectionId: filter.sectionId, language: c.language }),
      });
    }
    try {
      await saveFile(await call('lists.exportXlsx', { list, sectionId: filter.sectionId, language }));
    } catch (e) {
      showApiError(t, e);
    }
  };
  const open = writes
    ? (entry: FirearmOwner | ProbationPerson | Foreigner) => setDialog({ kind: 'edit', list, entry })
    : undefined;
  const soon = dayjs().add(30, 'day').format('YYYY-MM-DD');
  // overdue red, within the month's warning orange, later plain
  const due = (d: string | null) =>
    d ? (
      d <= soon ? (
        <Badge variant="light" color={d < today ? 'red' : 'orange'}>
          {formatDate(d)}
        </Badge>
      ) : (
        formatDate(d)
      )
    ) : null;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('lists.title')}</Title>
        <Group gap="xs" display={tab === 'applicants' ? 'none' : undefined}>
          <PrintMenu
            label={t('prevention.print')}
            choices={[
              { label: t('reception.printKk'), onClick: () => void out('print', 'kk') },
              { label: t('reception.printRu'), onClick: () => void out('print', 'ru') },
              { label: t('lists.excelKk'), onClick: () => void out('exportXlsx', 'kk'), spreadsheet: true },
              { label: t('lists.excelRu'), onClick: () => void out('exportXlsx', 'ru'), spreadsheet: true },
            ]}
          />
          {writes && (
            <Button
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} />}
              disabled={!station.data}
              onClick={() => setDialog({ kind: 'import' })}
            >
              {t('lists.importButton')}
            </Button>
          )}
          {writes && (
            <Button
              leftSection={<IconPlus size={16} />}
              disabled={!station.data}
              onClick={() => setDialog({ kind: 'edit', list, entry: null })}
            >
              {t('lists.add')}
            </Button>
          )}
        </Group>
      </Group>
      <Tabs value={tab} onChange={(v) => v && go(`/lists/${v}`)}>
        <Tabs.List>
          {LISTS.map((l) => (
            <Tabs.Tab key={l} value={l}>
              {t(`lists.tabs.${l}`)}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="applicants">{t('lists.applicants.tab')}</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Group gap="xs" align="flex-end">
        <TextInput
          label={t('lists.search')}
          w={220}
          leftSection={<IconSearch size={14} />}
          value={filter.text}
          onChange={(e) => {
            const text = e.currentTarget.value;
            setFilter((f) => ({ ...f, text }));
          }}
        />
        <Select
          label={t('lists.section')}
          w={120}
          clearable
          placeholder={t('reception.all')}
          data={(station.data?.sections ?? []).map((s) => ({ value: String(s.id), label: s.number }))}
          value={filter.sectionId ? String(filter.sectionId) : null}
          onChange={(v) => setFilter((f) => ({ ...f, sectionId: v ? Number(v) : null }))}
        />
        {tab === 'foreigners' && (
          <Checkbox
            mb={8}
            label={t('lists.showRemoved')}
            checked={showRemoved}
            onChange={(e) => setShowRemoved(e.currentTarget.checked)}
          />
        )}
      </Group>
      {tab === 'firearms' && (
        <RecordTable
          focusId={entryParam}
          minHeight={160}
          fetching={firearms.isFetching}
          records={firearms.data}
          onOpen={open}
          rowLabel={(r) => r.person}
          columns={[
            {
              accessor: 'person',
              title: t('lists.person'),
              width: 260,
              render: (r) => (
                <div>
                  <Text size="sm" fw={500}>
                    {r.person}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.address}
                  </Text>
                </div>
              ),
            },
            {
              accessor: 'weapons',
              title: t('lists.weapons'),
              render: (r) => r.weapons.map((w) => `${w.kind} ${w.make} ${w.calibre} № ${w.serial}`).join('; '),
            },
            { accessor: 'permitOn', title: t('lists.cols.permit'), width: 130, render: (r) => formatDate(r.permitOn) },
            {
              accessor: 'lastCheck',
              title: t('lists.cols.last'),
              width: 110,
              render: (r) => (r.lastCheck ? formatDate(r.lastCheck.on) : '—'),
            },
            { accessor: 'nextCheck', title: t('lists.cols.next'), width: 125, render: (r) => due(r.nextCheck) },
            {
              accessor: 'actions',
              title: '',
              width: 100,
              render: (r) =>
                writes &&
                r.nextCheck && (
                  <Button
                    size="compact-xs"
                    variant="light"
                    aria-label={t('lists.check')}
                    title={t('lists.check')}
                    onClick={(e) => {
                      e.stopPropagation();
                      setDialog({ kind: 'check', list: 'firearms', id: r.id });
                    }}
                  >
                    {t('lists.checkShort')}
                  </Button>
                ),
            },
          ]}
        />
      )}
      {tab === 'probation' && (
        <RecordTable
          focusId={entryParam}
          minHeight={160}
          fetching={probation.isFetching}
          records={probation.data}
          onOpen={open}
          rowLabel={(r) => r.person}
          rowStyle={(r) => (r.removedOn ? { opacity: 0.55 } : undefined)}
          columns={[
            {
              accessor: 'person',
              title: t('lists.person'),
              render: (r) => (
                <div>
                  <Text size="sm" fw={500}>
                    {r.person}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatDate(r.birthDate)}
                  </Text>
                </div>
              ),
            },
            { accessor: 'address', title: t('lists.address') },
            {
              accessor: 'includedOn',
              title: t('lists.includedOn'),
              width: 130,
              render: (r) => formatDate(r.includedOn),
            },
            { accessor: 'removedOn', title: t('lists.removedOn'), width: 130, render: (r) => formatDate(r.removedOn) },
            { accessor: 'marks', title: t('lists.marks'), ellipsis: true },
          ]}
        />
      )}
      {tab === 'foreigners' && (
        <RecordTable
          focusId={entryParam}
          minHeight={160}
          fetching={foreigners.isFetching}
          records={foreigners.data}
          onOpen={open}
          rowLabel={(r) => r.person}
          rowStyle={(r) => (r.removedOn ? { opacity: 0.6 } : undefined)}
          columns={[
            {
              accessor: 'person',
              title: t('lists.person'),
              render: (r) => (
                <div>
                  <Text size="sm" fw={500}>
                    {r.person}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {r.citizenship}
                  </Text>
                  {r.removedOn && r.removalReason && (
                    <Text size="xs" c="red">
                      {t('lists.removedOn')} {formatDate(r.removedOn)}: {t(`lists.removalReasons.${r.removalReason}`)}
                      {r.removalNote && ` (${r.removalNote})`}
                    </Text>
                  )}
                </div>
              ),
            },
            { accessor: 'passportNo', title: t('lists.passportNo'), width: 140 },
            {
              accessor: 'passportValidUntil',
              title: t('lists.passportValidUntil'),
              width: 150,
              render: (r) => formatDate(r.passportValidUntil),
            },
            { accessor: 'stayUntil', title: t('lists.stayUntil'), width: 150, render: (r) => formatDate(r.stayUntil) },
            { accessor: 'checkedOn', title: t('lists.cols.last'), width: 110, render: (r) => formatDate(r.checkedOn) },
            {
              accessor: 'actions',
              title: '',
              width: 100,
              render: (r) =>
                writes &&
                (r.removedOn ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    aria-label={t('lists.restore')}
                    title={t('lists.restore')}
                    loading={restore.isPending && restore.variables?.id === r.id}
                    onClick={(e) => {
                      e.stopPropagation();
                      restore.mutate(
                        { id: r.id },
                        { onSuccess: () => notifySaved(t, t('lists.restored')), onError: (x) => showApiError(t, x) },
                      );
                    }}
                  >
                    {t('lists.restoreShort')}
                  </Button>
                ) : (
                  <Button
                    size="compact-xs"
                    variant="light"
                    aria-label={t('lists.checkStay')}
                    title={t('lists.checkStay')}
                    onClick={(e) => {
                      e.stopPropagation();
                      setDialog({ kind: 'check', list: 'foreigners', id: r.id });
                    }}
                  >
                    {t('lists.checkShort')}
                  </Button>
                )),
            },
          ]}
        />
      )}
      {tab === 'applicants' && (
        <ApplicantChecks
          session={session}
          station={station.data}
          filter={filter}
          defaultSection={mySection}
          focusId={entryParam}
        />
      )}
      <FormModal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size={dialog?.kind === 'edit' || dialog?.kind === 'import' ? 1150 : 'md'}
        title={
          dialog?.kind === 'check'
            ? t(dialog.list === 'foreigners' ? 'lists.checkStay' : 'lists.check')
            : dialog?.kind === 'remove'
              ? t('lists.remove')
              : dialog?.kind === 'import'
                ? `${t('lists.import.title')}: ${t(`lists.tabs.${list}`)}`
                : t(`lists.tabs.${list}`)
        }
      >
        {dialog?.kind === 'import' && station.data && (
          <ImportForm list={list} station={station.data} defaultSection={mySection} onDone={refresh} />
        )}
        {dialog?.kind === 'edit' && station.data && dialog.list === 'firearms' && (
          <FirearmOwnerForm
            entry={dialog.entry as FirearmOwner | null}
            station={station.data}
            defaultSection={mySection}
            onDone={refresh}
          />
        )}
        {dialog?.kind === 'edit' && station.data && dialog.list === 'probation' && (
          <ProbationForm
            entry={dialog.entry as ProbationPerson | null}
            station={station.data}
            defaultSection={mySection}
            onDone={refresh}
          />
        )}
        {dialog?.kind === 'edit' && station.data && dialog.list === 'foreigners' && (
          <ForeignerForm
            entry={dialog.entry as Foreigner | null}
            station={station.data}
            defaultSection={mySection}
            onDone={refresh}
            onRemove={dialog.entry ? () => setDialog({ kind: 'remove', entry: dialog.entry as Foreigner }) : undefined}
          />
        )}
        {dialog?.kind === 'remove' && <RemoveForeignerForm entry={dialog.entry} onDone={refresh} />}
        {dialog?.kind === 'check' && (
          <CheckForm
            list={dialog.list}
            id={dialog.id}
            history={
              dialog.list === 'foreigners' ? foreigners.data?.find((f) => f.id === dialog.id)?.checks : undefined
            }
            onDone={refresh}
          />
        )}
      </FormModal>
    </Stack>
  );
}
