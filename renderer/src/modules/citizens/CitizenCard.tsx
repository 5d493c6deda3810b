import { useState } from 'react';
import { Badge, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock, IconListSearch, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { canCall, type CitizenCard as Card, type SessionUser } from '../../../../shared/api';
import { formatDate, formatDateTime, fullName, localName } from '../../../../shared/format';
import { useCall } from '../../api/hooks';
import { RecordTable } from '../../app/RecordTable';
import { citizenFromHit, CorrectCitizen } from './CitizenFields';

const LIST_ROUTES: Record<Card['lists'][number]['kind'], string> = {
  firearmOwner: 'firearms',
  probation: 'probation',
  foreigner: 'foreigners',
  applicantCheck: 'applicants',
};

const TABLE_HEIGHT = 'calc(100vh - 330px)';

/**
 * The citizen, whole (issue 15): who he is and every record of him the reader may see, each opening where it lives;
 * his details corrected here keep their earlier versions.
 */
export function CitizenCard({ session, id, go }: { session: SessionUser; id: number; go: (hash: string) => void }) {
  const { t, i18n } = useTranslation();
  const card = useCall('citizens.card', { id });
  const categories = useCall('reception.categories', {});
  const [correcting, setCorrecting] = useState(false);
  if (card.isError)
    return (
      <Center h={200}>
        <Text c="red">{t(card.error.shape.messageKey)}</Text>
      </Center>
    );
  if (!card.data)
    return (
      <Center h={200}>
        <Loader />
      </Center>
    );
  const { citizen: c, visits, notebook, personFiles, meetingItems, versions } = card.data;
  const lists = card.data.lists.map((l, i) => ({ ...l, recordId: l.id, id: i }));
  const catName = (code: string) => {
    const cat = categories.data?.find((x) => x.code === code);
    return cat ? localName(cat, i18n.language) : code;
  };
  const dash = (v: string | null | undefined) => v || '—';
  const count = (n: number) => (
    <Badge size="sm" variant="light" color={n ? 'blue' : 'gray'} circle>
      {n}
    </Badge>
  );

  return (
    <Stack gap="sm" data-testid="citizen-card">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div>
          <Text size="sm" c="dimmed">
            {t('citizens.card.title')}
          </Text>
          <Title order={3}>{fullName(c)}</Title>
        </div>
        <Group gap="xs" wrap="nowrap">
          {canCall(session.role, 'citizens.correct') && (
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setCorrecting(true)}>
              {t('citizens.correct')}
            </Button>
          )}
          {canCall(session.role, 'reception.list') && (
            <Button
              variant="default"
              leftSection={<IconListSearch size={16} />}
              onClick={() => go(`/reception/citizen/${c.id}`)}
            >
              {t('citizens.card.inJournal')}
            </Button>
          )}
        </Group>
      </Group>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" verticalSpacing={4}>
          <Field label={t('search.fields.iin')} value={c.iin ?? t(`iin.no.${c.noIin ?? 'unknown'}`)} />
          <Field label={t('reception.birthDate')} value={dash(formatDate(c.birthDate))} />
          <Field label={t('reception.sex')} value={c.sex ? t(`reception.sexes.${c.sex}`) : '—'} />
          <Field label={t('reception.address')} value={dash(c.address)} />
          <Field label={t('reception.phone')} value={dash(c.phone)} />
          {c.citizenship && <Field label={t('fields.citizenship')} value={c.citizenship} />}
          {c.passportNo && (
            <Field
              label={t('fields.passportNo')}
              value={[c.passportNo, c.passportValidUntil && formatDate(c.passportValidUntil)]
                .filter(Boolean)
                .join(' · ')}
            />
          )}
        </SimpleGrid>
      </Paper>

      <Tabs defaultValue="visits" keepMounted={false}>
        <Tabs.List>
          {(
            [
              ['visits', visits.length],
              ['notebook', notebook.length],
              ['files', personFiles.length],
              ['lists', lists.length],
              ['meetings', meetingItems.length],
              ['versions', versions.length],
            ] as const
          ).map(([tab, n]) => (
            <Tabs.Tab key={tab} value={tab} rightSection={count(n)}>
              {t(`citizens.card.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>

        <Tabs.Panel value="visits" pt="xs">
          <RecordTable
            records={visits}
            height={TABLE_HEIGHT}
            rowLabel={(v) => `№ ${v.number}`}
            rowStyle={(v) => (v.voided ? { opacity: 0.55, textDecoration: 'line-through' } : undefined)}
            onOpen={(v) => go(`/reception/${v.id}`)}
            columns={[
              { accessor: 'number', title: '№', width: 90 },
              {
                accessor: 'receivedAt',
                title: t('citizens.card.cols.date'),
                width: 140,
                render: (v) => formatDateTime(v.receivedAt),
              },
              {
                accessor: 'subject',
                title: t('citizens.card.cols.subject'),
                render: (v) => `${catName(v.categoryCode)}: ${v.subject}`,
              },
              { accessor: 'receiver', title: t('citizens.card.cols.receiver'), width: 170 },
              {
                accessor: 'followUpDue',
                title: t('citizens.card.cols.followUp'),
                width: 150,
                render: (v) =>
                  v.followUpDue ? (
                    <Badge variant="light" color={v.followUpDone ? 'green' : 'orange'} tt="none">
                      {v.followUpDone ? t('citizens.card.done') : formatDate(v.followUpDue)}
                    </Badge>
                  ) : null,
              },
            ]}
          />
        </Tabs.Panel>

        <Tabs.Panel value="notebook" pt="xs">
          <RecordTable
            records={notebook}
            height={TABLE_HEIGHT}
            rowLabel={(e) => `№ ${e.number} ${e.owner}`}
            onOpen={(e) => go(`/notebook/${e.ownerId}/${e.id}`)}
            columns={[
              { accessor: 'number', title: '№', width: 70 },
              {
                accessor: 'occurredAt',
                title: t('citizens.card.cols.date'),
                width: 140,
                render: (e) => formatDateTime(e.occurredAt),
              },
              { accessor: 'owner', title: t('citizens.card.cols.owner'), width: 170 },
              {
                accessor: 'kind',
                title: t('citizens.card.cols.kind'),
                width: 170,
                render: (e) => t(`notebook.kinds.${e.kind}`),
              },
              {
                accessor: 'text',
                title: t('citizens.card.cols.text'),
                render: (e) => (
                  <Text size="sm" lineClamp={2}>
                    {e.text}
                  </Text>
                ),
              },
            ]}
          />
        </Tabs.Panel>

        <Tabs.Panel value="files" pt="xs">
          <RecordTable
            records={personFiles}
            height={TABLE_HEIGHT}
            rowLabel={(f) => (f.number ? `№ ${f.number}` : f.sectionNumber)}
            onOpen={(f) =>
              f.restricted
                ? notifications.show({
                    color: 'orange',
                    icon: <IconLock size={16} />,
                    message: t('search.restrictedOpen', { section: f.sectionNumber }),
                  })
                : go(`/prevention/${f.id}`)
            }
            columns={[
              {
                accessor: 'number',
                title: '№',
                width: 70,
                render: (f) => (f.restricted ? <IconLock size={14} /> : f.number),
              },
              { accessor: 'sectionNumber', title: t('citizens.card.cols.section'), width: 110 },
              { accessor: 'inspector', title: t('citizens.card.cols.inspector'), width: 180 },
              {
                accessor: 'status',
                title: t('citizens.card.cols.status'),
                render: (f) =>
                  f.restricted ? (
                    <Text size="sm" c="dimmed">
                      {t('citizens.card.restricted')}
                    </Text>
                  ) : (
                    `${t(`prevention.statuses.${f.status}`)} · ${f.categories.map((k) => t(`prevention.categoryShort.${k}`)).join(', ')}`
                  ),
              },
              {
                accessor: 'startDate',
                title: t('citizens.card.cols.since'),
                width: 120,
                render: (f) => formatDate(f.startDate),
              },
            ]}
          />
        </Tabs.Panel>

        <Tabs.Panel value="lists" pt="xs">
          <RecordTable
            records={lists}
            height={TABLE_HEIGHT}
            rowLabel={(l) => t(`citizens.card.listKinds.${l.kind}`)}
            onOpen={(l) => go(`/lists/${LIST_ROUTES[l.kind]}/${l.recordId}`)}
            rowStyle={(l) => (l.until && l.kind !== 'applicantCheck' ? { opacity: 0.6 } : undefined)}
            columns={[
              {
                accessor: 'kind',
                title: t('citizens.card.cols.kind'),
                width: 260,
                render: (l) => t(`citizens.card.listKinds.${l.kind}`),
              },
              { accessor: 'sectionNumber', title: t('citizens.card.cols.section'), width: 110 },
              { accessor: 'detail', title: t('citizens.card.cols.detail') },
              {
                accessor: 'since',
                title: t('citizens.card.cols.since'),
                width: 120,
                render: (l) => formatDate(l.since),
              },
              {
                accessor: 'until',
                title: t('citizens.card.cols.until'),
                width: 120,
                render: (l) => formatDate(l.until),
              },
            ]}
          />
        </Tabs.Panel>

        <Tabs.Panel value="meetings" pt="xs">
          <Text size="xs" c="dimmed" mb={4}>
            {t('citizens.card.byName')}
          </Text>
          <RecordTable
            records={meetingItems}
            height={TABLE_HEIGHT}
            rowLabel={(i) => i.text}
            onOpen={(i) => go(`/meetings/${i.meetingId}`)}
            columns={[
              { accessor: 'date', title: t('citizens.card.cols.date'), width: 110, render: (i) => formatDate(i.date) },
              {
                accessor: 'kind',
                title: t('citizens.card.cols.kind'),
                width: 130,
                render: (i) => t(`meetings.itemKinds.${i.kind}`),
              },
              { accessor: 'text', title: t('citizens.card.cols.text') },
              { accessor: 'raisedBy', title: t('citizens.card.cols.raisedBy'), width: 240 },
            ]}
          />
        </Tabs.Panel>

        <Tabs.Panel value="versions" pt="xs">
          <RecordTable
            records={versions.map((v, i) => ({ ...v, id: i }))}
            height={TABLE_HEIGHT}
            rowLabel={(v) => formatDateTime(v.at)}
            columns={[
              {
                accessor: 'at',
                title: t('citizens.card.cols.date'),
                width: 140,
                render: (v) => (v.at ? formatDateTime(v.at) : '—'),
              },
              {
                accessor: 'change',
                title: t('citizens.card.cols.change'),
                width: 120,
                render: (v) => t(`citizens.card.${v.change}`),
              },
              { accessor: 'by', title: t('citizens.card.cols.by'), width: 190 },
              {
                accessor: 'citizen',
                title: t('citizens.card.cols.details'),
                render: (v) => (
                  <Text size="sm">
                    {fullName(v.citizen)} · {v.citizen.iin ?? t(`iin.no.${v.citizen.noIin ?? 'unknown'}`)} ·{' '}
                    {dash(v.citizen.address)} · {dash(v.citizen.phone)}
                  </Text>
                ),
              },
              { accessor: 'reason', title: t('citizens.card.cols.reason'), width: 200 },
            ]}
          />
        </Tabs.Panel>
      </Tabs>

      {correcting && (
        <CorrectCitizen
          citizen={citizenFromHit(c)}
          onClose={() => setCorrecting(false)}
          onDone={() => setCorrecting(false)}
        />
      )}
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}
