import { MEETING_READS } from './queries';
import { useCallMutation } from '../../api/hooks';
import { noticeDeadline } from '../../../../shared/rules/meetings';
import { Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  inGroup,
  api,
  type Meeting,
  type MeetingItem,
  type MeetingInput,
  type Station,
  type User,
} from '../../../../shared/api';
import {
  ITEM_KINDS,
  MEETING_FORMATS,
  MEETING_KINDS,
  NOTICE_CHANNELS,
  meetingInputSchema,
} from '../../../../shared/api/meetings';
import { formatDate, isoDay, shortName } from '../../../../shared/format';
import dayjs from 'dayjs';
import { DateField } from '../../app/DateField';
import { GuardedForm } from '../../app/FormModal';
import { useContractForm } from '../../app/forms';

type Done = (m: Meeting) => void;

/** The draft name of a new meeting's form, kept through a lock (issue 15). */
export const NEW_MEETING_DRAFT = 'meetings.new';

/** p.26–27: who reports, for which sections, when and where. */
export function MeetingForm({
  meeting,
  station,
  users,
  me,
  onDone,
}: {
  meeting: Meeting | null;
  station: Station;
  users: User[];
  me: User | undefined;
  onDone: Done;
}) {
  const { t } = useTranslation();
  const update = useCallMutation('meetings.update', { invalidates: MEETING_READS });
  const plan = useCallMutation('meetings.plan', { invalidates: MEETING_READS });
  const initial: MeetingInput = meeting
    ? {
        kind: meeting.kind,
        format: meeting.format,
        date: meeting.date,
        time: meeting.time,
        place: meeting.place,
        sectionIds: meeting.sectionIds,
        inspectorIds: meeting.inspectorIds,
        expected: meeting.expected,
        policeLeaders: meeting.policeLeaders,
        executiveReps: meeting.executiveReps,
      }
    : {
        kind: 'gathering',
        format: 'indoor',
        date: dayjs().add(14, 'day').format('YYYY-MM-DD'),
        time: '18:30',
        place: '',
        sectionIds: me?.sectionIds ?? [],
        inspectorIds: me && me.role === 'inspector' ? [me.id] : [],
        expected: null,
        policeLeaders: '',
        executiveReps: '',
      };
  const form = useContractForm(meetingInputSchema, initial);
  const v = form.values;
  const inspectors = users.filter((u) => u.active && inGroup('sectionStaff', u.role));
  return (
    <GuardedForm
      form={form}
      draft={meeting ? undefined : NEW_MEETING_DRAFT}
      onSubmit={async (x) =>
        onDone(meeting ? await update.mutateAsync({ id: meeting.id, meeting: x }) : await plan.mutateAsync(x))
      }
    >
      <Group grow align="flex-start" gap="xs">
        <Select
          label={t('meetings.kind')}
          allowDeselect={false}
          data={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kinds.${k}`) }))}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('meetings.format')}
          allowDeselect={false}
          data={MEETING_FORMATS.map((k) => ({ value: k, label: t(`meetings.formats.${k}`) }))}
          {...form.getInputProps('format')}
        />
      </Group>
      <Group grow align="flex-start" gap="xs">
        <DateField
          label={t('meetings.date')}
          withAsterisk
          clearable={false}
          {...form.getInputProps('date')}
          description={v.date ? t('meetings.noticeRule', { date: formatDate(noticeDeadline(v.date)) }) : undefined}
        />
        <TextInput label={t('meetings.time')} withAsterisk maxLength={5} {...form.getInputProps('time')} />
        <NumberInput
          label={t('meetings.expected')}
          min={0}
          allowDecimal={false}
          value={v.expected ?? ''}
          onChange={(x) => form.setFieldValue('expected', typeof x === 'number' ? x : null)}
        />
      </Group>
      <TextInput label={t('meetings.place')} withAsterisk data-autofocus {...form.getInputProps('place')} />
      <Group grow align="flex-start" gap="xs">
        <MultiSelect
          label={t('meetings.sections')}
          withAsterisk
          searchable
          data={station.sections.filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.number }))}
          value={v.sectionIds.map(String)}
          onChange={(x) => form.setFieldValue('sectionIds', x.map(Number))}
          error={form.errors.sectionIds}
        />
        <MultiSelect
          label={t('meetings.inspectors')}
          withAsterisk
          searchable
          data={inspectors.map((u) => ({ value: String(u.id), label: shortName(u) }))}
          value={v.inspectorIds.map(String)}
          onChange={(x) => form.setFieldValue('inspectorIds', x.map(Number))}
          error={form.errors.inspectorIds}
        />
      </Group>
      <Group grow align="flex-start" gap="xs">
        <TextInput label={t('meetings.policeLeaders')} {...form.getInputProps('policeLeaders')} />
        <TextInput label={t('meetings.executiveReps')} {...form.getInputProps('executiveReps')} />
      </Group>
    </GuardedForm>
  );
}

export function NoticeForm({ meeting, onDone }: { meeting: Meeting; onDone: Done }) {
  const { t } = useTranslation();
  const recordNotice = useCallMutation('meetings.recordNotice', { invalidates: MEETING_READS });
  const form = useContractForm(api['meetings.recordNotice'].input, {
    id: meeting.id,
    channels: meeting.noticeChannels,
    noticeOn: meeting.noticeOn ?? isoDay(new Date()),
    details: meeting.noticeDetails,
  });
  return (
    <GuardedForm
      form={form}
      submitLabel={t('meetings.recordNotice')}
      onSubmit={async (x) => onDone(await recordNotice.mutateAsync(x))}
    >
      <Text size="sm" c="dimmed">
        {t('meetings.noticeRule', { date: formatDate(noticeDeadline(meeting.date)) })}
      </Text>
      <Checkbox.Group
        label={t('meetings.noticeChannels')}
        withAsterisk
        value={form.values.channels}
        onChange={(x) => form.setFieldValue('channels', x as typeof form.values.channels)}
        error={form.errors.channels}
      >
        <Stack gap={6} mt={6}>
          {NOTICE_CHANNELS.map((c) => (
            <Checkbox key={c} value={c} label={t(`meetings.channels.${c}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <DateField label={t('meetings.noticeOn')} withAsterisk clearable={false} {...form.getInputProps('noticeOn')} />
      <Textarea label={t('meetings.noticeDetails')} autosize minRows={2} {...form.getInputProps('details')} />
    </GuardedForm>
  );
}

/**
 * p.31–32: a complaint, proposal or remark; without a full answer it needs a check, or a forwarding when outside police
 * competence.
 */
export function ItemForm({ meeting, onDone }: { meeting: Meeting; onDone: Done }) {
  const { t } = useTranslation();
  const addItem = useCallMutation('meetings.addItem', { invalidates: MEETING_READS });
  const form = useContractForm(api['meetings.addItem'].input, {
    id: meeting.id,
    kind: 'complaint' as const,
    text: '',
    raisedBy: '',
    answeredInFull: true,
    answer: '',
    outsideCompetence: false,
    checkDue: dayjs(meeting.date).add(10, 'day').format('YYYY-MM-DD'),
    forwardTo: '',
    initiatorAddress: '',
  });
  const v = form.values;
  return (
    <GuardedForm form={form} onSubmit={async (x) => onDone(await addItem.mutateAsync(x))}>
      <Group grow align="flex-start" gap="xs">
        <Select
          label={t('meetings.item.kind')}
          allowDeselect={false}
          data={ITEM_KINDS.map((k) => ({ value: k, label: t(`meetings.itemKinds.${k}`) }))}
          {...form.getInputProps('kind')}
        />
        <TextInput label={t('meetings.item.raisedBy')} withAsterisk {...form.getInputProps('raisedBy')} />
      </Group>
      <Textarea
        label={t('meetings.item.text')}
        withAsterisk
        autosize
        minRows={2}
        data-autofocus
        {...form.getInputProps('text')}
      />
      <Checkbox
        label={t('meetings.item.answeredInFull')}
        {...form.getInputProps('answeredInFull', { type: 'checkbox' })}
      />
      {v.answeredInFull ? (
        <Textarea
          label={t('meetings.item.answer')}
          withAsterisk
          autosize
          minRows={2}
          {...form.getInputProps('answer')}
        />
      ) : (
        <>
          <Checkbox
            label={t('meetings.item.outsideCompetence')}
            {...form.getInputProps('outsideCompetence', { type: 'checkbox' })}
          />
          {v.outsideCompetence ? (
            <Group grow align="flex-start" gap="xs">
              <TextInput label={t('meetings.item.forwardTo')} withAsterisk {...form.getInputProps('forwardTo')} />
              <TextInput label={t('meetings.item.initiatorAddress')} {...form.getInputProps('initiatorAddress')} />
            </Group>
          ) : (
            <DateField label={t('meetings.item.checkDue')} withAsterisk {...form.getInputProps('checkDue')} />
          )}
        </>
      )}
    </GuardedForm>
  );
}

/** After the meeting: the check's result, or the forwarding and the initiator told. */
export function ResolveForm({ meeting, item, onDone }: { meeting: Meeting; item: MeetingItem; onDone: Done }) {
  const { t } = useTranslation();
  const resolveItem = useCallMutation('meetings.resolveItem', { invalidates: MEETING_READS });
  const form = useContractForm(api['meetings.resolveItem'].input, {
    id: meeting.id,
    itemId: item.id,
    checkResult: item.checkResult,
    forwardedOn: item.forwardedOn,
    forwardNumber: item.forwardNumber,
    initiatorNotifiedOn: item.initiatorNotifiedOn,
  });
  return (
    <GuardedForm form={form} onSubmit={async (x) => onDone(await resolveItem.mutateAsync(x))}>
      <Text size="sm">
        «{item.text}» — {item.raisedBy}
      </Text>
      {item.outsideCompetence ? (
        <>
          <Text size="sm" c="dimmed">
            {t('meetings.item.forwardTo')}: {item.forwardTo}
          </Text>
          <Group grow align="flex-start" gap="xs">
            <DateField label={t('meetings.item.forwardedOn')} {...form.getInputProps('forwardedOn')} />
            <TextInput
              label={t('meetings.item.forwardNumber')}
              data-autofocus
              {...form.getInputProps('forwardNumber')}
            />
            <DateField label={t('meetings.item.initiatorNotifiedOn')} {...form.getInputProps('initiatorNotifiedOn')} />
          </Group>
        </>
      ) : (
        <Textarea
          label={t('meetings.item.checkResult')}
          withAsterisk
          autosize
          minRows={3}
          data-autofocus
          {...form.getInputProps('checkResult')}
        />
      )}
    </GuardedForm>
  );
}
