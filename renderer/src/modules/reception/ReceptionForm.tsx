import { ENTRY_READS } from './queries';
import { useCall, useCallMutation } from '../../api/hooks';
import { canReceive } from '../../../../shared/rules/reception';
import { Divider, Grid, Group, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  canCall,
  type CitizenHit,
  type Reception,
  type ReceptionCategory,
  type ReceptionInput,
  type SessionUser,
  type Settings,
  type User,
} from '../../../../shared/api';
import { RECEPTION_ACTIONS, receptionInputSchema } from '../../../../shared/api/reception';
import { shortName, localName } from '../../../../shared/format';
import { DateField } from '../../app/DateField';
import { DateTimeFields } from '../../app/DateTimeFields';
import { GuardedForm } from '../../app/FormModal';
import { notifySaved, useContractForm, type Draft } from '../../app/forms';
import { CitizenSearch } from '../citizens/CitizenSearch';
import { CitizenFields, EMPTY_CITIZEN, applyTyped, citizenFromHit, KnownCitizen } from '../citizens/CitizenFields';

const correctionSchema = z.object({
  reason: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
});

/** In the station's evening hours a visit is in person; otherwise most likely online (p.9). */
export function defaultMode(now: Date, s: Settings): 'inPerson' | 'online' {
  const hm = dayjs(now).format('HH:mm');
  return hm >= s.receptionFrom && hm <= s.receptionTo ? 'inPerson' : 'online';
}

function initialValues(
  entry: Reception | null,
  session: SessionUser,
  receivers: User[],
  settings: Settings,
): Draft<ReceptionInput> & { reason: string } {
  if (entry) {
    const c = entry.citizen;
    return {
      receivedAt: entry.receivedAt,
      mode: entry.mode,
      categoryCode: entry.categoryCode,
      subject: entry.subject,
      action: entry.action,
      actionDetails: entry.actionDetails,
      receiverId: entry.receiverId,
      followUpDue: entry.followUpDue,
      personFileId: entry.personFile?.id ?? null,
      reason: '',
      citizen: {
        id: c.id,
        iin: c.iin ?? '',
        noIin: c.noIin,
        surname: c.surname,
        name: c.name,
        patronymic: c.patronymic,
        birthDate: c.birthDate,
        sex: c.sex,
        address: c.address,
        phone: c.phone,
      },
    };
  }
  const now = new Date();
  return {
    receivedAt: dayjs(now).format('YYYY-MM-DDTHH:mm'),
    mode: defaultMode(now, settings),
    categoryCode: '',
    subject: '',
    action: 'explained',
    actionDetails: '',
    receiverId: receivers.some((u) => u.id === session.id) ? session.id : (receivers[0]?.id ?? null),
    followUpDue: null,
    personFileId: null,
    reason: '',
    citizen: EMPTY_CITIZEN,
  };
}

/** The draft name of an entry's correction, kept through a lock (issue 15). */
export const CORRECTION_DRAFT = 'reception.correct.';
const correctionDraft = (id: number) => `${CORRECTION_DRAFT}${id}`;

/** The draft name of a new entry's form, kept through a lock (issue 15). */
export const NEW_ENTRY_DRAFT = 'reception.new';

/** A journal entry: new, or a correction of one (with its reason). Keyboard first: Tab, Ctrl+Enter saves. */
export function ReceptionForm({
  entry,
  session,
  categories,
  users,
  settings,
  onDone,
}: {
  entry: Reception | null;
  session: SessionUser;
  categories: ReceptionCategory[];
  users: User[];
  settings: Settings;
  onDone: (saved: Reception) => void;
}) {
  const { t, i18n } = useTranslation();
  const receivers = users.filter((u) => u.active && canReceive(u.role));
  const form = useContractForm(
    entry ? receptionInputSchema.and(correctionSchema) : receptionInputSchema,
    initialValues(entry, session, receivers, settings),
  );
  const v = form.values;
  const c = v.citizen;
  const known = c.id !== null;
  // the files the person works with, for the measure "person file" (issue 16)
  const readsFiles = canCall(session.role, 'prevention.list');
  const files = useCall('prevention.list', { status: null }, { enabled: readsFiles && v.action === 'personFile' });

  function pick(hit: CitizenHit) {
    form.setFieldValue('citizen', citizenFromHit(hit));
    form.clearErrors();
    // straight on to what the citizen came with
    setTimeout(() => document.querySelector<HTMLInputElement>('[data-field="categoryCode"]')?.focus(), 0);
  }

  /** From the search box: twelve digits are an IIN, words are surname, name, patronymic. */
  function startNew(typed: string) {
    const focus = (name: string) =>
      setTimeout(() => document.querySelector<HTMLInputElement>(`[data-field="${name}"]`)?.focus(), 0);
    // the IIN typed: on to the surname; the name typed: on to the IIN
    focus(applyTyped(form, typed, t) === 'iin' ? 'citizen.surname' : 'citizen.iin');
  }

  const create = useCallMutation('reception.create', { invalidates: ENTRY_READS });
  const correct = useCallMutation('reception.correct', { invalidates: ENTRY_READS });

  async function save(values: typeof form.values) {
    const { reason, ...draft } = values;
    const input = receptionInputSchema.parse(draft);
    const saved = entry
      ? await correct.mutateAsync({ id: entry.id, reason, entry: input })
      : await create.mutateAsync(input);
    notifySaved(t, entry ? t('reception.corrected') : t('reception.created', { number: saved.number }));
    onDone(saved);
  }

  const hm = v.receivedAt.slice(11, 16);
  const outside = v.mode === 'inPerson' && (hm < settings.receptionFrom || hm > settings.receptionTo);
  const catLabel = (x: ReceptionCategory) => localName(x, i18n.language);

  return (
    <GuardedForm form={form} onSubmit={save} draft={entry ? correctionDraft(entry.id) : NEW_ENTRY_DRAFT}>
      <Grid gap="lg">
        <Grid.Col span={6}>
          <Stack gap="xs">
            <Divider label={t('reception.citizen')} labelPosition="left" />
            {!entry && !known && <CitizenSearch onPick={pick} onNew={startNew} />}
            {known && (
              <KnownCitizen
                citizen={c}
                onClear={
                  entry
                    ? undefined
                    : () => form.setFieldValue('citizen', initialValues(null, session, receivers, settings).citizen)
                }
                onCorrected={(x) => form.setFieldValue('citizen', x)}
              />
            )}
            <CitizenFields form={form} linked={known} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={6}>
          <Stack gap="xs">
            <Divider label={t('reception.visit')} labelPosition="left" />
            <Group align="flex-start" gap="xs" wrap="nowrap">
              <div style={{ flex: 3 }}>
                <DateTimeFields
                  label={t('reception.receivedAt')}
                  value={v.receivedAt}
                  onChange={(x) => form.setFieldValue('receivedAt', x)}
                  error={form.errors.receivedAt}
                />
              </div>
              <Stack gap={4} style={{ flex: 2 }}>
                <Text size="sm" fw={500}>
                  {t('reception.mode')}
                </Text>
                <SegmentedControl
                  value={v.mode}
                  onChange={(x) => form.setFieldValue('mode', x as 'inPerson' | 'online')}
                  data={[
                    { value: 'inPerson', label: t('reception.modes.inPerson') },
                    { value: 'online', label: t('reception.modes.online') },
                  ]}
                />
              </Stack>
            </Group>
            {outside && (
              <Text size="xs" c="orange">
                {t('reception.outsideHours', { from: settings.receptionFrom, to: settings.receptionTo })}
              </Text>
            )}
            <Select
              label={t('reception.category')}
              withAsterisk
              searchable
              selectFirstOptionOnChange
              data-field="categoryCode"
              data={categories.filter((x) => x.active).map((x) => ({ value: x.code, label: catLabel(x) }))}
              {...form.getInputProps('categoryCode')}
            />
            <Textarea
              label={t('reception.subject')}
              withAsterisk
              autosize
              minRows={2}
              maxRows={4}
              {...form.getInputProps('subject')}
            />
            <Select
              label={t('reception.action')}
              allowDeselect={false}
              searchable
              selectFirstOptionOnChange
              // typing replaces the measure offered, not adds to it (issue 15)
              onFocus={(e) => e.currentTarget.select()}
              data={RECEPTION_ACTIONS.map((a) => ({ value: a, label: t(`reception.actions.${a}`) }))}
              {...form.getInputProps('action')}
              onChange={(a) => {
                form.setFieldValue('action', a as typeof v.action);
                if (a !== 'personFile') form.setFieldValue('personFileId', null);
              }}
            />
            {v.action === 'personFile' && readsFiles && (
              <Select
                label={t('reception.personFile')}
                description={t('reception.personFileHint')}
                searchable
                clearable
                data-field="personFileId"
                nothingFoundMessage={t('reception.noFiles')}
                data={(files.data ?? [])
                  .filter((f) => f.status === 'active' || f.status === 'moving' || f.id === v.personFileId)
                  .map((f) => ({ value: String(f.id), label: `№ ${f.number} — ${f.person}` }))}
                value={v.personFileId ? String(v.personFileId) : null}
                onChange={(x) => form.setFieldValue('personFileId', x ? Number(x) : null)}
                error={form.errors.personFileId}
              />
            )}
            {v.action !== 'explained' && (
              <TextInput
                label={t('reception.actionDetails')}
                withAsterisk={['statementPassed', 'referred'].includes(v.action)}
                {...form.getInputProps('actionDetails')}
              />
            )}
            <Group grow align="flex-start" gap="xs">
              <Select
                label={t('reception.receiver')}
                allowDeselect={false}
                searchable
                data={receivers.map((u) => ({
                  value: String(u.id),
                  label: `${shortName(u)}${u.role === 'assistant' ? ` (${t('roles.assistant')})` : ''}`,
                }))}
                value={v.receiverId ? String(v.receiverId) : null}
                onChange={(x) => form.setFieldValue('receiverId', Number(x))}
                error={form.errors.receiverId}
              />
              <DateField label={t('reception.followUpDue')} {...form.getInputProps('followUpDue')} />
            </Group>
            {entry && (
              <TextInput label={t('reception.correctionReason')} withAsterisk {...form.getInputProps('reason')} />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed">
        {t('reception.newEntryHint')}
      </Text>
    </GuardedForm>
  );
}
