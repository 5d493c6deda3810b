import { RecordTable } from '../../app/RecordTable';
import { useMemo, useState } from 'react';
import { Badge, Button, Center, Group, Loader, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { canCall, type Meeting, type SessionUser } from '../../../../shared/api';
import { formatDate } from '../../../../shared/format';
import { useCall, callKey } from '../../api/hooks';
import { FormModal } from '../../app/FormModal';
import { notifySaved } from '../../app/forms';
import { MeetingForm, NEW_MEETING_DRAFT } from './MeetingForms';
import { draftWaits } from '../../app/drafts';
import { MEETING_COLORS, MeetingView } from './MeetingView';

/** Reporting meetings (Chapter 3): the year's meetings, the open items of all protocols (p.33), one meeting in full. */
export function MeetingsScreen({
  session,
  openId,
  go,
}: {
  session: SessionUser;
  openId: number | null;
  go: (hash: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const [planning, setPlanning] = useState(() => draftWaits(NEW_MEETING_DRAFT));
  const list = useCall('meetings.list', { year });
  const open = useCall('meetings.openItems', {});
  const users = useCall('users.list', { includeInactive: false });
  const station = useCall('station.get', {});
  const meeting = useCall('meetings.get', { id: openId! }, { enabled: openId !== null });
  const ready = users.data && station.data;
  const me = useMemo(() => users.data?.find((u) => u.id === session.id), [users.data, session.id]);
  const writes = canCall(session.role, 'meetings.plan');

  // each change names what it makes stale (./queries.ts); the changed meeting is shown at once
  const refresh = (m?: Meeting) => {
    if (m) qc.setQueryData(callKey('meetings.get', { id: m.id }), m);
  };

  if (openId !== null) {
    if (!meeting.data || !ready)
      return (
        <Center h={200}>
          <Loader />
        </Center>
      );
    return (
      <MeetingView
        meeting={meeting.data}
        session={session}
        station={station.data}
        users={users.data}
        onChange={refresh}
        onBack={() => go('/meetings')}
      />
    );
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('meetings.title')}</Title>
        <Group gap="xs" align="flex-end">
          <NumberInput
            aria-label={t('meetings.year')}
            w={90}
            min={2020}
            max={2100}
            value={year}
            onChange={(v) => typeof v === 'number' && setYear(v)}
          />
          {writes && (
            <Button leftSection={<IconPlus size={16} />} disabled={!ready} onClick={() => setPlanning(true)}>
              {t('meetings.plan')}
            </Button>
          )}
        </Group>
      </Group>
      <RecordTable
        minHeight={150}
        fetching={list.isFetching}
        records={list.data}
        onOpen={(r) => go(`/meetings/${r.id}`)}
        rowLabel={(r) => `${formatDate(r.date)} ${r.place}`}
        columns={[
          { accessor: 'date', title: t('meetings.date'), width: 130, render: (r) => `${formatDate(r.date)} ${r.time}` },
          { accessor: 'place', title: t('meetings.place'), ellipsis: true },
          { accessor: 'sections', title: t('meetings.sections'), width: 110 },
          { accessor: 'inspectors', title: t('meetings.inspectors'), width: 200, ellipsis: true },
          { accessor: 'participantsCount', title: t('meetings.participants'), width: 135, textAlign: 'right' },
          {
            accessor: 'status',
            title: t('prevention.status'),
            width: 230,
            render: (r) => (
              <Group gap={4}>
                <Badge variant="light" color={MEETING_COLORS[r.status]}>
                  {t(`meetings.statuses.${r.status}`)}
                </Badge>
                {r.noticeLate && (
                  <Badge variant="light" color="red">
                    {t('meetings.noticeLate')}
                  </Badge>
                )}
                {r.openItems > 0 && (
                  <Badge variant="light" color="orange">
                    {t('meetings.open')}: {r.openItems}
                  </Badge>
                )}
              </Group>
            ),
          },
        ]}
      />
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          {t('meetings.openItemsTitle')}
        </Title>
        {(open.data ?? []).length === 0 && (
          <Text size="sm" c="dimmed">
            {t('meetings.noOpenItems')}
          </Text>
        )}
        <Stack gap={4}>
          {(open.data ?? []).map((i) => (
            <Text
              key={i.id}
              size="sm"
              component="a"
              href={`#/meetings/${i.meetingId}`}
              data-testid="open-item"
              onClick={(e: React.MouseEvent) => {
                e.preventDefault();
                go(`/meetings/${i.meetingId}`);
              }}
            >
              {formatDate(i.meetingDate)} · {i.inspectors} · {t(`meetings.itemKinds.${i.kind}`)}: {i.text} —{' '}
              {i.outsideCompetence
                ? `${t('meetings.item.forwardTo')}: ${i.forwardTo}`
                : `${t('meetings.item.checkDue')}: ${formatDate(i.checkDue)}`}
            </Text>
          ))}
        </Stack>
      </Paper>
      <FormModal opened={planning} onClose={() => setPlanning(false)} size="xl" title={t('meetings.plan')}>
        {planning && ready && (
          <MeetingForm
            meeting={null}
            station={station.data}
            users={users.data}
            me={me}
            onDone={(m) => {
              setPlanning(false);
              notifySaved(t);
              refresh(m);
              go(`/meetings/${m.id}`);
            }}
          />
        )}
      </FormModal>
    </Stack>
  );
}
