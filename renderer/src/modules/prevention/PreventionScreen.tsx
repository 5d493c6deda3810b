import { RecordTable } from '../../app/RecordTable';
import { useMemo, useState } from 'react';
import { Badge, Button, Center, Group, Loader, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBox, IconLockOpen, IconPackageImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { canCall, inGroup, type PersonFile, type SessionUser } from '../../../../shared/api';
import { CATEGORIES, FILE_STATUSES, type Purpose } from '../../../../shared/api/prevention';
import { formatDate, formatDateTime, shortName } from '../../../../shared/format';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { DateField } from '../../app/DateField';
import { FormModal } from '../../app/FormModal';
import { notifySaved, showApiError } from '../../app/forms';
import { PurposeDialog } from './PurposeDialog';
import { NEW_FILE_DRAFT, PersonFileForm } from './PersonFileForm';
import { draftWaits } from '../../app/drafts';
import { PersonFileView, STATUS_COLORS } from './PersonFileView';
import { ImportForm } from './ImportDialog';
import { SafesPanel } from './SafesPanel';

type Filter = {
  category: (typeof CATEGORIES)[number] | null;
  inspectorId: number | null;
  sectionId: number | null;
  status: (typeof FILE_STATUSES)[number] | null;
  checksDueBy: string | null;
  text: string;
};

/** Preventive record (p.11–16): the files the user may work with; a file opens only for a stated purpose (p.15). */
export function PreventionScreen({
  session,
  openId,
  go,
}: {
  session: SessionUser;
  openId: number | null;
  go: (hash: string) => void;
}) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>({
    category: null,
    inspectorId: null,
    sectionId: null,
    status: 'active',
    checksDueBy: null,
    text: '',
  });
  // a new file kept through a lock opens again with its text (issue 15)
  const [dialog, setDialog] = useState<'new' | 'import' | 'safes' | null>(() =>
    draftWaits(NEW_FILE_DRAFT) ? 'new' : null,
  );
  // the file on screen and the purpose it was opened for; reopening asks again
  const [opened, setOpened] = useState<{ file: PersonFile; purpose: Required<Purpose> } | null>(null);
  const list = useCall('prevention.list', filter);
  const safes = useCall('prevention.safes', {});
  const users = useCall('users.list', { includeInactive: false });
  const station = useCall('station.get', {});
  const ready = safes.data && users.data && station.data;
  const decides = canCall(session.role, 'prevention.create');
  // stable option lists: a new array on every render makes a searchable select drop its highlighted option
  const options = useMemo(
    () => ({
      categories: CATEGORIES.map((k) => ({ value: k, label: t(`prevention.categoryShort.${k}`) })),
      statuses: FILE_STATUSES.map((s) => ({ value: s, label: t(`prevention.statuses.${s}`) })),
      sections: (station.data?.sections ?? []).map((s) => ({ value: String(s.id), label: s.number })),
      inspectors: (users.data ?? [])
        .filter((u) => inGroup('inspectors', u.role))
        .map((u) => ({ value: String(u.id), label: shortName(u) })),
    }),
    [t, station.data, users.data],
  );

  // leaving the address (Back, the list, another file) closes the file: it is opened again only with a purpose
  const [shownId, setShownId] = useState(openId);
  if (shownId !== openId) {
    setShownId(openId);
    if (opened && opened.file.id !== openId) setOpened(null);
  }
  const current = opened && opened.file.id === openId ? opened : null;

  const set = <K extends keyof Filter>(k: K, v: Filter[K]) => setFilter((f) => ({ ...f, [k]: v }));
  const show = (file: PersonFile, purpose: Required<Purpose>) => {
    setOpened({ file, purpose });
    go(`/prevention/${file.id}`);
  };

  if (current && ready) {
    return (
      <PersonFileView
        file={current.file}
        purpose={current.purpose}
        session={session}
        station={station.data}
        safes={safes.data}
        users={users.data}
        onChange={(file) => setOpened({ ...current, file })}
        onBack={() => {
          setOpened(null);
          go('/prevention');
        }}
      />
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('prevention.title')}</Title>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconBox size={16} />} onClick={() => setDialog('safes')}>
            {t('prevention.safes')}
          </Button>
          {decides && (
            <Button
              variant="default"
              leftSection={<IconPackageImport size={16} />}
              disabled={!ready}
              onClick={() => setDialog('import')}
            >
              {t('prevention.importPackage')}
            </Button>
          )}
          {decides && (
            <Button leftSection={<IconPlus size={16} />} disabled={!ready} onClick={() => setDialog('new')}>
              {t('prevention.newFile')}
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput
          label={t('prevention.search')}
          w={190}
          leftSection={<IconSearch size={14} />}
          value={filter.text}
          onChange={(e) => set('text', e.currentTarget.value)}
        />
        <Select
          label={t('prevention.categories')}
          w={190}
          clearable
          searchable
          selectFirstOptionOnChange
          placeholder={t('reception.all')}
          data={options.categories}
          value={filter.category}
          onChange={(v) => set('category', v as Filter['category'])}
        />
        <Select
          label={t('prevention.status')}
          w={140}
          clearable
          searchable
          selectFirstOptionOnChange
          placeholder={t('reception.all')}
          data={options.statuses}
          value={filter.status}
          onChange={(v) => set('status', v as Filter['status'])}
        />
        <Select
          label={t('prevention.section')}
          w={120}
          clearable
          placeholder={t('reception.all')}
          data={options.sections}
          value={filter.sectionId ? String(filter.sectionId) : null}
          onChange={(v) => set('sectionId', v ? Number(v) : null)}
        />
        <Select
          label={t('prevention.inspectorShort')}
          w={160}
          clearable
          searchable
          selectFirstOptionOnChange
          placeholder={t('reception.all')}
          data={options.inspectors}
          value={filter.inspectorId ? String(filter.inspectorId) : null}
          onChange={(v) => set('inspectorId', v ? Number(v) : null)}
        />
        <DateField
          label={t('prevention.checksDue')}
          w={140}
          value={filter.checksDueBy}
          onChange={(v) => set('checksDueBy', v)}
        />
      </Group>
      <RecordTable
        minHeight={180}
        height="calc(100vh - 250px)"
        fetching={list.isFetching}
        records={list.data}
        onOpen={(r) => go(`/prevention/${r.id}`)}
        rowLabel={(r) => `№ ${r.number} ${r.person}`}
        columns={[
          { accessor: 'number', title: '№', width: 48, textAlign: 'right' },
          {
            accessor: 'person',
            title: t('prevention.person'),
            render: (r) => (
              <div>
                <Text size="sm" fw={500}>
                  {r.person}
                </Text>
                {r.birthDate && (
                  <Text size="xs" c="dimmed">
                    {t('prevention.born', { date: formatDate(r.birthDate) })}
                  </Text>
                )}
              </div>
            ),
          },
          {
            accessor: 'categories',
            title: t('prevention.categories'),
            width: 230,
            render: (r) => (
              <Group gap={4}>
                {r.categories.map((k) => (
                  <Badge key={k} size="sm" variant="outline" tt="none" title={t(`prevention.categoryFull.${k}`)}>
                    {t(`prevention.categoryShort.${k}`)}
                  </Badge>
                ))}
              </Group>
            ),
          },
          { accessor: 'sectionNumber', title: t('prevention.section'), width: 95 },
          { accessor: 'inspector', title: t('prevention.inspectorShort'), width: 140, ellipsis: true },
          {
            accessor: 'nextCheck',
            title: t('prevention.nextCheck'),
            width: 150,
            render: (r) => formatDate(r.nextCheck),
          },
          {
            accessor: 'status',
            title: t('prevention.status'),
            width: 190,
            render: (r) => (
              <Group gap={4}>
                <Badge variant="light" color={STATUS_COLORS[r.status]}>
                  {t(`prevention.statuses.${r.status}`)}
                </Badge>
                {r.outSince && (
                  <Badge
                    variant="filled"
                    color="orange"
                    leftSection={<IconLockOpen size={11} />}
                    title={t('prevention.out', { since: formatDateTime(r.outSince) })}
                  >
                    {formatDateTime(r.outSince).slice(0, 5)}
                  </Badge>
                )}
              </Group>
            ),
          },
        ]}
      />

      <PurposeDialog
        opened={openId !== null && !current}
        title={t('prevention.purposeTitle')}
        submitLabel={t('prevention.open')}
        onClose={() => go('/prevention')}
        onSubmit={async (p) => {
          try {
            show(await call('prevention.open', { id: openId!, ...p }), p);
          } catch (e) {
            showApiError(t, e);
            go('/prevention');
          }
        }}
      />
      <FormModal opened={dialog === 'new'} onClose={() => setDialog(null)} size={1150} title={t('prevention.newFile')}>
        {dialog === 'new' && !ready && (
          <Center h={200}>
            <Loader />
          </Center>
        )}
        {dialog === 'new' && ready && (
          <PersonFileForm
            file={null}
            session={session}
            station={station.data}
            safes={safes.data}
            users={users.data}
            onDone={(f) => {
              setDialog(null);
              show(f, { purpose: 'supervision', purposeText: '' });
            }}
          />
        )}
      </FormModal>
      <FormModal
        opened={dialog === 'import'}
        onClose={() => setDialog(null)}
        size="lg"
        title={t('prevention.importDialog.title')}
      >
        {dialog === 'import' && ready && (
          <ImportForm
            me={session.id}
            station={station.data}
            safes={safes.data}
            users={users.data}
            onDone={(f) => {
              setDialog(null);
              notifySaved(t, t('prevention.importDialog.imported', { number: f.number }));
              show(f, { purpose: 'transfer', purposeText: '' });
            }}
          />
        )}
      </FormModal>
      <FormModal opened={dialog === 'safes'} onClose={() => setDialog(null)} size="lg" title={t('prevention.safes')}>
        {dialog === 'safes' && <SafesPanel safes={safes.data ?? []} canEdit={session.role === 'uppLead'} />}
      </FormModal>
    </Stack>
  );
}
