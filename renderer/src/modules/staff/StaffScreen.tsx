import { STAFF_READS } from './queries';
import { useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { DataTable } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { canCall, inGroup, api, type Absence, type Section, type SessionUser, type User } from '../../../../shared/api';
import { ABSENCE_KINDS, absenceInputSchema } from '../../../../shared/api/staff';
import { WorkingCalendar } from '../../../../shared/calendar/workingDays';
import { coverIsAdjacent, coverRequired } from '../../../../shared/rules/cover';
import { formatDate, fullName, isoDay, shortName } from '../../../../shared/format';
import { useCall, useCallMutation } from '../../api/hooks';
import { FormModal, GuardedForm } from '../../app/FormModal';
import { notifySaved, useContractForm } from '../../app/forms';
import { DateField } from '../../app/DateField';
import { MpsHeadsPanel } from './MpsHeadsPanel';

/** The station's staff, who works which section today, and absences with cover (p.6). */
export function StaffScreen({ session }: { session: SessionUser }) {
  const { t } = useTranslation();
  const today = isoDay(new Date());
  const [adding, setAdding] = useState(false);
  const [cancelling, setCancelling] = useState<Absence | null>(null);
  const users = useCall('users.list', { includeInactive: false });
  const station = useCall('station.get', {});
  const coverage = useCall('staff.coverage', { date: today });
  const absences = useCall('staff.absences', {});
  const numbers = (ids: number[]) =>
    ids.map((id) => station.data?.sections.find((s) => s.id === id)?.number ?? id).join(', ');
  const person = (id: number | null) => {
    const u = users.data?.find((x) => x.id === id);
    return u ? shortName(u) : '';
  };
  const canEdit = canCall(session.role, 'staff.addAbsence');

  return (
    <Stack>
      <Title order={3}>{t('staff.title')}</Title>
      <DataTable
        withTableBorder
        striped
        minHeight={120}
        noRecordsText={t('app.noRecords')}
        records={users.data ?? []}
        columns={[
          { accessor: 'surname', title: t('staff.person'), render: (u) => fullName(u) },
          { accessor: 'rank', title: t('fields.rank') },
          { accessor: 'role', title: t('fields.role'), render: (u) => t(`roles.${u.role}`) },
          {
            accessor: 'sectionIds',
            title: t('staff.sectionsToday'),
            render: (u) => {
              const c = coverage.data?.find((x) => x.userId === u.id);
              if (!c) return null;
              return (
                <Group gap={6}>
                  {c.absentToday ? (
                    <Badge color="gray">{t('staff.absentToday')}</Badge>
                  ) : (
                    <Text size="sm">{numbers(c.ownSectionIds)}</Text>
                  )}
                  {c.coveredSectionIds.length > 0 && (
                    <Badge color="orange" variant="light">
                      {t('staff.covers', { sections: numbers(c.coveredSectionIds) })}
                    </Badge>
                  )}
                </Group>
              );
            },
          },
        ]}
      />
      <Group justify="space-between" mt="md">
        <Title order={4}>{t('staff.absences')}</Title>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
            {t('staff.addAbsence')}
          </Button>
        )}
      </Group>
      <DataTable
        withTableBorder
        minHeight={120}
        noRecordsText={t('app.noRecords')}
        records={absences.data ?? []}
        rowStyle={(a) => (a.cancelled ? { opacity: 0.5, textDecoration: 'line-through' } : undefined)}
        columns={[
          { accessor: 'userId', title: t('staff.person'), render: (a) => person(a.userId) },
          { accessor: 'kind', title: t('staff.kind'), render: (a) => t(`staff.kinds.${a.kind}`) },
          { accessor: 'from', title: t('staff.period'), render: (a) => `${formatDate(a.from)} – ${formatDate(a.to)}` },
          { accessor: 'workingDays', title: t('staff.workingDaysShort'), textAlign: 'right' },
          {
            accessor: 'coverUserId',
            title: t('staff.coverUser'),
            render: (a) =>
              a.coverUserId ? (
                <Text size="sm">
                  {person(a.coverUserId)} · {t('staff.orderNumber')} {a.orderNumber} {formatDate(a.orderDate)}
                  {a.nonAdjacentReason && ` · ${t('staff.nonAdjacentReason')}: ${a.nonAdjacentReason}`}
                </Text>
              ) : a.coverRequired && !a.cancelled ? (
                <Badge color="red" variant="light">
                  {t('staff.noCover')}
                </Badge>
              ) : null,
          },
          {
            accessor: 'id',
            title: '',
            textAlign: 'right',
            render: (a) =>
              a.cancelled ? (
                <Badge color="gray">{t('staff.cancelled')}</Badge>
              ) : (
                canEdit && (
                  <Button size="xs" variant="subtle" color="red" onClick={() => setCancelling(a)}>
                    {t('staff.cancelAbsence')}
                  </Button>
                )
              ),
          },
        ]}
      />
      <MpsHeadsPanel session={session} users={users.data ?? []} />
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t('staff.addAbsence')} size="lg">
        {adding && (
          <AbsenceForm
            users={users.data ?? []}
            sections={station.data?.sections ?? []}
            onDone={() => setAdding(false)}
          />
        )}
      </FormModal>
      <FormModal opened={cancelling !== null} onClose={() => setCancelling(null)} title={t('staff.cancelAbsence')}>
        {cancelling && <CancelForm absence={cancelling} onDone={() => setCancelling(null)} />}
      </FormModal>
    </Stack>
  );
}

function AbsenceForm({ users, sections, onDone }: { users: User[]; sections: Section[]; onDone: () => void }) {
  const { t } = useTranslation();
  const addAbsenceCall = useCallMutation('staff.addAbsence', { invalidates: STAFF_READS });
  const overrides = useCall('calendar.overrides', {});
  const calendar = useMemo(() => new WorkingCalendar(overrides.data ?? []), [overrides.data]);
  const form = useContractForm(absenceInputSchema, {
    userId: null as number | null,
    kind: 'leave' as (typeof ABSENCE_KINDS)[number],
    from: isoDay(new Date()),
    to: isoDay(new Date()),
    coverUserId: null as number | null,
    orderNumber: '',
    orderDate: null as string | null,
    nonAdjacentReason: '',
  });
  const v = form.values;
  // p.6: an inspector of a non-adjacent section covers only by the chief's order, with its reason
  const sectionsOf = (id: number | null) => users.find((u) => u.id === id)?.sectionIds ?? [];
  const adjacent = v.coverUserId === null || coverIsAdjacent(sectionsOf(v.userId), sectionsOf(v.coverUserId), sections);
  const periodOk = v.from && v.to && v.from <= v.to;
  const days = periodOk ? calendar.workingDaysBetween(v.from, v.to) : null;
  const needed = periodOk ? coverRequired(calendar, v.from, v.to) : false;
  const people = users.map((u) => ({ value: String(u.id), label: `${shortName(u)} — ${t(`roles.${u.role}`)}` }));
  const inspectors = users
    .filter((u) => u.id !== v.userId && inGroup('inspectors', u.role))
    .map((u) => ({ value: String(u.id), label: shortName(u) }));

  async function add(values: typeof form.values) {
    await addAbsenceCall.mutateAsync({ ...values, userId: values.userId! });
    notifySaved(t);
    onDone();
  }

  return (
    <GuardedForm form={form} onSubmit={add}>
      <Group grow align="flex-start">
        <Select
          label={t('staff.person')}
          withAsterisk
          searchable
          data-autofocus
          data={people}
          value={v.userId ? String(v.userId) : null}
          onChange={(x) => form.setFieldValue('userId', x ? Number(x) : null)}
          error={form.errors.userId}
        />
        <Select
          label={t('staff.kind')}
          allowDeselect={false}
          data={ABSENCE_KINDS.map((k) => ({ value: k, label: t(`staff.kinds.${k}`) }))}
          {...form.getInputProps('kind')}
        />
      </Group>
      <Group grow align="flex-start">
        <DateField label={t('staff.from')} withAsterisk {...form.getInputProps('from')} />
        <DateField label={t('staff.to')} withAsterisk {...form.getInputProps('to')} />
      </Group>
      {days !== null && (
        <Alert color={needed ? 'orange' : 'gray'} data-testid="cover-rule">
          <Text size="sm" fw={500}>
            {t('staff.workingDays', { count: days })}
          </Text>
          <Text size="sm">{needed ? t('staff.coverNeeded') : t('staff.coverNotNeeded')}</Text>
        </Alert>
      )}
      <Select
        label={t('staff.coverUser')}
        clearable
        data={inspectors}
        value={v.coverUserId ? String(v.coverUserId) : null}
        onChange={(x) => form.setFieldValue('coverUserId', x ? Number(x) : null)}
        error={form.errors.coverUserId}
      />
      {v.coverUserId !== null && (
        <Group grow align="flex-start">
          <TextInput label={t('staff.orderNumber')} withAsterisk {...form.getInputProps('orderNumber')} />
          <DateField label={t('staff.orderDate')} withAsterisk {...form.getInputProps('orderDate')} />
        </Group>
      )}
      {!adjacent && (
        <TextInput label={t('staff.nonAdjacentReason')} withAsterisk {...form.getInputProps('nonAdjacentReason')} />
      )}
    </GuardedForm>
  );
}

function CancelForm({ absence, onDone }: { absence: Absence; onDone: () => void }) {
  const { t } = useTranslation();
  const cancelAbsenceCall = useCallMutation('staff.cancelAbsence', { invalidates: STAFF_READS });
  const form = useContractForm(z.object({ reason: api['staff.cancelAbsence'].input.shape.reason }), { reason: '' });
  async function cancel(v: typeof form.values) {
    await cancelAbsenceCall.mutateAsync({ id: absence.id, ...v });
    onDone();
  }
  return (
    <GuardedForm form={form} onSubmit={cancel} submitLabel={t('staff.cancelAbsence')} color="red">
      <Textarea label={t('fields.reason')} withAsterisk data-autofocus {...form.getInputProps('reason')} />
    </GuardedForm>
  );
}
