import { MEETING_READS } from './queries';
import { useCallMutation } from '../../api/hooks';
import { noticeDeadline } from '../../../../shared/rules/meetings';
import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Paper,
  Select,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconArrowBack, IconChevronDown, IconPlus, IconPrinter, IconSignature, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  canCall,
  api,
  type Language,
  type Meeting,
  type MeetingItem,
  type SessionUser,
  type Station,
  type User,
} from '../../../../shared/api';
import { INVITEE_KINDS } from '../../../../shared/api/meetings';
import { formatDate, formatDateTime, isoDay } from '../../../../shared/format';
import dayjs from 'dayjs';
import { call } from '../../api/client';
import { FormModal, GuardedForm } from '../../app/FormModal';
import { notifySaved, showApiError, useContractForm, action } from '../../app/forms';
import { openPreview } from '../../app/print/openPreview';
import { ItemForm, MeetingForm, NoticeForm, ResolveForm } from './MeetingForms';

export const MEETING_COLORS = { planned: 'blue', held: 'teal', cancelled: 'gray' } as const;
type Dialog =
  | { kind: 'edit' }
  | { kind: 'notice' }
  | { kind: 'item' }
  | { kind: 'resolve'; item: MeetingItem }
  | { kind: 'cancel' }
  | { kind: 'dispose' };
type Doc = 'notice' | 'registration' | 'protocol' | 'forwarding' | 'notification';

/** One meeting from plan to protocol and follow-up (p.26–34). */
export function MeetingView({
  meeting,
  session,
  station,
  users,
  onChange,
  onBack,
}: {
  meeting: Meeting;
  session: SessionUser;
  station: Station;
  users: User[];
  onChange: (m: Meeting) => void;
  onBack: () => void;
}) {
  const { t, i18n } = useTranslation();
  const removeParticipant = useCallMutation('meetings.removeParticipant', { invalidates: MEETING_READS });
  const finalize = useCallMutation('meetings.finalize', { invalidates: MEETING_READS });
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const m = meeting;
  const writes = canCall(session.role, 'meetings.update');
  const live = m.status !== 'cancelled' && !m.disposedOn;
  const editable = writes && live && !m.finalizedAt;
  const started = isoDay(new Date()) >= m.date;
  const done = (f: Meeting) => {
    setDialog(null);
    notifySaved(t);
    onChange(f);
  };
  function print(document: Doc, language: Language, itemId: number | null, title: string) {
    openPreview({
      title,
      language,
      // the notice is one bilingual page
      bilingual: document !== 'notice',
      load: (c) => call('meetings.print', { id: m.id, document, itemId, language: c.language }),
    });
  }
  const printMenu = (document: Doc, label: string, itemId: number | null = null, size: 'sm' | 'xs' = 'sm') => (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          size={size}
          variant="default"
          leftSection={<IconPrinter size={14} />}
          rightSection={<IconChevronDown size={12} />}
        >
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => print(document, 'kk', itemId, label)}>{t('reception.printKk')}</Menu.Item>
        <Menu.Item onClick={() => print(document, 'ru', itemId, label)}>{t('reception.printRu')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
  const itemStatus = (i: MeetingItem) =>
    i.answeredInFull ? t('meetings.answered') : i.open ? t('meetings.open') : t('meetings.settled');

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Button variant="subtle" px={6} onClick={onBack} aria-label={t('app.back')}>
            <IconArrowBack size={18} />
          </Button>
          <div>
            <Group gap="xs">
              <Title order={3}>
                {formatDate(m.date)}, {m.time} — {m.place}
              </Title>
              <Badge color={MEETING_COLORS[m.status]} variant="light" data-testid="meeting-status">
                {t(`meetings.statuses.${m.status}`)}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t(`meetings.kinds.${m.kind}`)} · {t(`meetings.formats.${m.format}`)} · {t('meetings.sections')}:{' '}
              {m.sections} · {m.inspectors}
            </Text>
          </div>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {editable && (
            <Button variant="default" onClick={() => setDialog({ kind: 'edit' })}>
              {t('app.edit')}
            </Button>
          )}
          {editable && !started && (
            <Button variant="subtle" color="red" onClick={() => setDialog({ kind: 'cancel' })}>
              {t('meetings.cancel')}
            </Button>
          )}
        </Group>
      </Group>
      {m.cancelReason && (
        <Alert color="gray" p="xs">
          {t('meetings.cancelReason')}: {m.cancelReason}
        </Alert>
      )}
      {m.disposedOn && (
        <Alert color="gray" p="xs">
          {t('meetings.disposed', { date: formatDate(m.disposedOn), act: m.disposalAct })}
        </Alert>
      )}

      <Tabs defaultValue={started ? 'participants' : 'notice'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="notice">
            {t('meetings.notice')}
            {m.noticeOn ? '' : ' •'}
          </Tabs.Tab>
          <Tabs.Tab value="invitees">{t('meetings.invitees')}</Tabs.Tab>
          <Tabs.Tab value="report">{t('meetings.report')}</Tabs.Tab>
          <Tabs.Tab value="participants">
            {t('meetings.participants')} ({m.participantsCount})
          </Tabs.Tab>
          <Tabs.Tab value="items">
            {t('meetings.items')} ({m.items.length})
          </Tabs.Tab>
          <Tabs.Tab value="protocol">{t('meetings.printProtocol')}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="notice" pt="sm">
          <Stack gap="xs">
            <Text size="sm">{t('meetings.noticeRule', { date: formatDate(noticeDeadline(m.date)) })}</Text>
            {m.noticeOn ? (
              <Text size="sm" data-testid="notice-given">
                {t('meetings.noticeGiven', {
                  date: formatDate(m.noticeOn),
                  channels: m.noticeChannels.map((c) => t(`meetings.channels.${c}`)).join(', '),
                })}
                {m.noticeLate && (
                  <Badge ml="xs" color="red" variant="light">
                    {t('meetings.noticeLate')}
                  </Badge>
                )}
              </Text>
            ) : null}
            {m.noticeDetails && (
              <Text size="sm" c="dimmed">
                {m.noticeDetails}
              </Text>
            )}
            <Group gap="xs">
              {editable && <Button onClick={() => setDialog({ kind: 'notice' })}>{t('meetings.recordNotice')}</Button>}
              <Button
                variant="default"
                leftSection={<IconPrinter size={14} />}
                onClick={() => print('notice', i18n.language as Language, null, t('meetings.printNotice'))}
              >
                {t('meetings.printNotice')}
              </Button>
            </Group>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="invitees" pt="sm">
          <Invitees meeting={m} editable={writes && live && !m.finalizedAt} onDone={done} />
        </Tabs.Panel>

        <Tabs.Panel value="report" pt="sm">
          <RecordForm meeting={m} editable={editable} part="report" onDone={done} />
        </Tabs.Panel>

        <Tabs.Panel value="participants" pt="sm">
          <Stack gap="xs">
            {editable && started && (
              <ParticipantForm meeting={m} fields={station.settings.meetingFields} onDone={onChange} />
            )}
            {!started && (
              <Text size="sm" c="dimmed">
                {t('meetings.notYet')}
              </Text>
            )}
            <Group justify="space-between">
              <Text size="sm" fw={500}>
                {t('meetings.participantsCount', { n: m.participantsCount })}
              </Text>
              {!m.disposedOn && printMenu('registration', t('meetings.printRegistration'))}
            </Group>
            <Table striped withTableBorder>
              <Table.Tbody>
                {m.participants.map((p, n) => (
                  <Table.Tr key={p.id}>
                    <Table.Td w={40}>{n + 1}</Table.Td>
                    <Table.Td>{p.fullName}</Table.Td>
                    <Table.Td c="dimmed">{[p.address, p.organization, p.phone].filter(Boolean).join(', ')}</Table.Td>
                    <Table.Td w={40}>
                      {editable && (
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={t('app.cancel')}
                          onClick={action(t, async () =>
                            onChange(await removeParticipant.mutateAsync({ id: m.id, participantId: p.id })),
                          )}
                        >
                          <IconTrash size={14} />
                        </ActionIcon>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="items" pt="sm">
          <Stack gap="xs">
            {editable && started && (
              <Button w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'item' })}>
                {t('meetings.addItem')}
              </Button>
            )}
            {m.items.map((i, n) => (
              <Paper key={i.id} withBorder p="xs" data-testid="meeting-item">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <div style={{ flex: 1 }}>
                    <Text size="sm">
                      <b>
                        {n + 1}. {t(`meetings.itemKinds.${i.kind}`)}
                      </b>{' '}
                      — {i.raisedBy}: {i.text}
                    </Text>
                    {i.answeredInFull && (
                      <Text size="sm" c="dimmed">
                        {i.answer}
                      </Text>
                    )}
                    {!i.answeredInFull && !i.outsideCompetence && (
                      <Text size="sm" c="dimmed">
                        {t('meetings.item.checkDue')}: {formatDate(i.checkDue)}
                        {i.checkResult ? ` — ${i.checkResult}` : ''}
                      </Text>
                    )}
                    {i.outsideCompetence && (
                      <Text size="sm" c="dimmed">
                        {t('meetings.item.forwardTo')}: {i.forwardTo}
                        {i.forwardedOn ? ` — ${formatDate(i.forwardedOn)}, № ${i.forwardNumber}` : ''}
                        {i.initiatorNotifiedOn
                          ? `; ${t('meetings.item.initiatorNotifiedOn').toLowerCase()} ${formatDate(i.initiatorNotifiedOn)}`
                          : ''}
                      </Text>
                    )}
                  </div>
                  <Group gap={4} wrap="nowrap">
                    <Badge variant="light" color={i.open ? 'orange' : 'teal'}>
                      {itemStatus(i)}
                    </Badge>
                    {i.outsideCompetence && printMenu('forwarding', t('meetings.printForwarding'), i.id, 'xs')}
                    {i.outsideCompetence && printMenu('notification', t('meetings.printNotification'), i.id, 'xs')}
                    {writes && live && !i.answeredInFull && (
                      <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'resolve', item: i })}>
                        {t('meetings.resolve')}
                      </Button>
                    )}
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="protocol" pt="sm">
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('meetings.finalizeRule')}
            </Text>
            <RecordForm meeting={m} editable={editable} part="protocol" onDone={done} />
            <Group gap="xs">
              {editable && started && canCall(session.role, 'meetings.finalize') && (
                <Button
                  color="teal"
                  leftSection={<IconSignature size={16} />}
                  onClick={action(t, async () => {
                    try {
                      done(await finalize.mutateAsync({ id: m.id }));
                    } catch (e) {
                      showApiError(t, e);
                    }
                  })}
                >
                  {t('meetings.finalize')}
                </Button>
              )}
              {m.finalizedAt && (
                <Text size="sm" data-testid="finalized">
                  {t('meetings.finalized', { at: formatDateTime(m.finalizedAt) })}
                  {m.finalizedLate && (
                    <Badge ml="xs" color="red" variant="light">
                      {t('meetings.finalizedLate')}
                    </Badge>
                  )}
                </Text>
              )}
              {m.finalizedAt && printMenu('protocol', t('meetings.printProtocol'))}
              {m.status === 'held' && !m.disposedOn && session.role === 'uppLead' && (
                <Button variant="subtle" color="red" onClick={() => setDialog({ kind: 'dispose' })}>
                  {t('meetings.dispose')}
                </Button>
              )}
            </Group>
            {m.status === 'held' && (
              <Text size="xs" c="dimmed">
                {t('meetings.retentionRule', { date: formatDate(dayjs(m.date).add(1, 'year').format('YYYY-MM-DD')) })}
              </Text>
            )}
          </Stack>
        </Tabs.Panel>
      </Tabs>

      <FormModal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size={dialog?.kind === 'edit' ? 'xl' : 'lg'}
        title={dialog ? dialogTitle(dialog, t) : ''}
      >
        {dialog?.kind === 'edit' && (
          <MeetingForm
            meeting={m}
            station={station}
            users={users}
            me={users.find((u) => u.id === session.id)}
            onDone={done}
          />
        )}
        {dialog?.kind === 'notice' && <NoticeForm meeting={m} onDone={done} />}
        {dialog?.kind === 'item' && <ItemForm meeting={m} onDone={done} />}
        {dialog?.kind === 'resolve' && <ResolveForm meeting={m} item={dialog.item} onDone={done} />}
        {dialog?.kind === 'cancel' && <ReasonForm call="cancel" meeting={m} onDone={done} />}
        {dialog?.kind === 'dispose' && <ReasonForm call="dispose" meeting={m} onDone={done} />}
      </FormModal>
    </Stack>
  );
}

function dialogTitle(d: Dialog, t: (k: string) => string) {
  return {
    edit: t('app.edit'),
    notice: t('meetings.recordNotice'),
    item: t('meetings.items'),
    resolve: t('meetings.resolve'),
    cancel: t('meetings.cancel'),
    dispose: t('meetings.dispose'),
  }[d.kind];
}

function ReasonForm({
  call: which,
  meeting,
  onDone,
}: {
  call: 'cancel' | 'dispose';
  meeting: Meeting;
  onDone: (m: Meeting) => void;
}) {
  const { t } = useTranslation();
  const cancelMeeting = useCallMutation('meetings.cancel', { invalidates: MEETING_READS });
  const disposeMaterials = useCallMutation('meetings.dispose', { invalidates: MEETING_READS });
  const cancel = useContractForm(api['meetings.cancel'].input, { id: meeting.id, reason: '' });
  const dispose = useContractForm(api['meetings.dispose'].input, { id: meeting.id, disposalAct: '' });
  return which === 'cancel' ? (
    <GuardedForm
      form={cancel}
      color="red"
      submitLabel={t('meetings.cancel')}
      onSubmit={async (x) => onDone(await cancelMeeting.mutateAsync(x))}
    >
      <TextInput label={t('meetings.cancelReason')} withAsterisk data-autofocus {...cancel.getInputProps('reason')} />
    </GuardedForm>
  ) : (
    <GuardedForm
      form={dispose}
      color="red"
      submitLabel={t('meetings.dispose')}
      onSubmit={async (x) => onDone(await disposeMaterials.mutateAsync(x))}
    >
      <TextInput
        label={t('meetings.disposalAct')}
        withAsterisk
        data-autofocus
        {...dispose.getInputProps('disposalAct')}
      />
    </GuardedForm>
  );
}

/** The report text (p.30) or the protocol's own lines (p.32): decisions, video, awards. */
function RecordForm({
  meeting,
  editable,
  part,
  onDone,
}: {
  meeting: Meeting;
  editable: boolean;
  part: 'report' | 'protocol';
  onDone: (m: Meeting) => void;
}) {
  const { t, i18n } = useTranslation();
  const saveRecord = useCallMutation('meetings.saveRecord', { invalidates: MEETING_READS });
  const form = useContractForm(api['meetings.saveRecord'].input, {
    id: meeting.id,
    reportText: meeting.reportText,
    decisions: meeting.decisions,
    videoRef: meeting.videoRef,
    awards: meeting.awards,
  });
  return (
    <form
      onSubmit={form.onSubmit(async (x) => {
        try {
          onDone(await saveRecord.mutateAsync(x));
          form.resetDirty();
        } catch (e) {
          showApiError(t, e, form);
        }
      })}
    >
      <Stack gap="xs">
        {part === 'report' ? (
          <>
            {editable && (
              <Button
                w="fit-content"
                variant="light"
                onClick={action(t, async () =>
                  form.setFieldValue(
                    'reportText',
                    (await call('meetings.draftReport', { id: meeting.id, language: i18n.language as Language })).text,
                  ),
                )}
              >
                {t('meetings.draftReport')}
              </Button>
            )}
            <Textarea
              label={t('meetings.reportText')}
              autosize
              minRows={10}
              maxRows={22}
              readOnly={!editable}
              {...form.getInputProps('reportText')}
            />
          </>
        ) : (
          <>
            <Textarea
              label={t('meetings.decisions')}
              autosize
              minRows={3}
              readOnly={!editable}
              {...form.getInputProps('decisions')}
            />
            <Group grow align="flex-start" gap="xs">
              <TextInput label={t('meetings.videoRef')} readOnly={!editable} {...form.getInputProps('videoRef')} />
              <TextInput label={t('meetings.awards')} readOnly={!editable} {...form.getInputProps('awards')} />
            </Group>
          </>
        )}
        {editable && (
          <Group>
            <Button type="submit" variant="default" disabled={!form.isDirty()}>
              {t('meetings.saveRecord')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** At the door: the name and the fields the station chose; Enter registers and the next person can be typed at once. */
function ParticipantForm({
  meeting,
  fields,
  onDone,
}: {
  meeting: Meeting;
  fields: readonly string[];
  onDone: (m: Meeting) => void;
}) {
  const { t } = useTranslation();
  const addParticipant = useCallMutation('meetings.addParticipant', { invalidates: MEETING_READS });
  const form = useContractForm(api['meetings.addParticipant'].input, {
    id: meeting.id,
    fullName: '',
    address: '',
    organization: '',
    phone: '',
  });
  return (
    <form
      onSubmit={form.onSubmit(async (x) => {
        try {
          onDone(await addParticipant.mutateAsync(x));
          form.reset();
          document.querySelector<HTMLInputElement>('[data-field="participant.fullName"]')?.focus();
        } catch (e) {
          showApiError(t, e, form);
        }
      })}
    >
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          style={{ flex: 2 }}
          label={t('meetings.participant.fullName')}
          withAsterisk
          data-field="participant.fullName"
          autoFocus
          {...form.getInputProps('fullName')}
        />
        {fields.map((f) => (
          <TextInput key={f} style={{ flex: 1 }} label={t(`meetings.participant.${f}`)} {...form.getInputProps(f)} />
        ))}
        <Button type="submit" leftSection={<IconPlus size={14} />}>
          {t('meetings.register')}
        </Button>
      </Group>
    </form>
  );
}

function Invitees({
  meeting,
  editable,
  onDone,
}: {
  meeting: Meeting;
  editable: boolean;
  onDone: (m: Meeting) => void;
}) {
  const { t } = useTranslation();
  const saveInvitees = useCallMutation('meetings.saveInvitees', { invalidates: MEETING_READS });
  const form = useContractForm(api['meetings.saveInvitees'].input, {
    id: meeting.id,
    invitees: meeting.invitees.map(({ kind, name, came }) => ({ kind, name, came })),
  });
  return (
    <form
      onSubmit={form.onSubmit(async (x) => {
        try {
          onDone(await saveInvitees.mutateAsync(x));
          form.resetDirty();
        } catch (e) {
          showApiError(t, e, form);
        }
      })}
    >
      <Stack gap="xs">
        {form.values.invitees.map((_i, n) => (
          <Group key={n} gap="xs" wrap="nowrap" align="flex-start">
            <Select
              w={230}
              allowDeselect={false}
              aria-label={t('meetings.invitees')}
              data={INVITEE_KINDS.map((k) => ({ value: k, label: t(`meetings.inviteeKinds.${k}`) }))}
              disabled={!editable}
              {...form.getInputProps(`invitees.${n}.kind`)}
            />
            <TextInput
              style={{ flex: 1 }}
              aria-label={t('meetings.inviteeName')}
              placeholder={t('meetings.inviteeName')}
              disabled={!editable}
              {...form.getInputProps(`invitees.${n}.name`)}
            />
            <Checkbox
              mt={8}
              label={t('meetings.came')}
              disabled={!editable}
              {...form.getInputProps(`invitees.${n}.came`, { type: 'checkbox' })}
            />
            {editable && (
              <ActionIcon
                mt={4}
                variant="subtle"
                color="red"
                aria-label={t('app.cancel')}
                onClick={() => form.removeListItem('invitees', n)}
              >
                <IconTrash size={14} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {editable && (
          <Group gap="xs">
            <Button
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('invitees', { kind: 'public', name: '', came: false })}
            >
              {t('meetings.addInvitee')}
            </Button>
            <Button type="submit" variant="default" disabled={!form.isDirty()}>
              {t('meetings.saveRecord')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
