import type { UseFormReturnType } from '@mantine/form';
import { useCallMutation } from '../../api/hooks';
import { LIST_READS } from './queries';
import {
  ActionIcon,
  Button,
  Divider,
  Grid,
  Group,
  ScrollArea,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  api,
  type Citizen,
  type CitizenHit,
  type CitizenInput,
  type FirearmOwner,
  type Foreigner,
  type ListKind,
  type ProbationPerson,
  type Station,
} from '../../../../shared/api';
import {
  firearmOwnerInputSchema,
  FOREIGNER_REMOVAL_REASONS,
  foreignerInputSchema,
  probationInputSchema,
} from '../../../../shared/api/lists';
import { formatDate, isoDay } from '../../../../shared/format';
import { DateField } from '../../app/DateField';
import { GuardedForm } from '../../app/FormModal';
import { useContractForm } from '../../app/forms';
import { CitizenSearch } from '../citizens/CitizenSearch';
import { CitizenFields, EMPTY_CITIZEN, applyTyped, citizenFromHit, KnownCitizen } from '../citizens/CitizenFields';

/** The person part shared by the three lists: found in the register, or typed anew. */
export function PersonBlock({
  form,
  known,
  station,
  noIinDefault,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the three list forms share 'citizen' and 'sectionId'
  form: any;
  known: boolean;
  station: Station;
  noIinDefault?: 'foreigner';
}) {
  const { t } = useTranslation();
  const v = form.values;
  const pick = (hit: CitizenHit) => {
    form.setFieldValue('citizen', citizenFromHit(hit));
    // App 4: a foreigner seen at the desk brings his citizenship and passport (issue 15)
    if (noIinDefault === 'foreigner' && hit.passportNo && !v.passportNo) {
      form.setFieldValue('citizenship', hit.citizenship);
      form.setFieldValue('passportNo', hit.passportNo);
      form.setFieldValue('passportValidUntil', hit.passportValidUntil);
    }
  };
  const startNew = (typed: string) => {
    // a fresh person: a foreigner's list starts him without an IIN
    if (!/^[\d\s]+$/.test(typed)) form.setFieldValue('citizen', { ...EMPTY_CITIZEN, noIin: noIinDefault ?? null });
    applyTyped(form, typed, t);
  };
  return (
    <Stack gap="xs">
      <Divider label={t('lists.person')} labelPosition="left" />
      {!known && v.citizen.id === null && <CitizenSearch onPick={pick} onNew={startNew} />}
      {v.citizen.id !== null && (
        <KnownCitizen
          citizen={v.citizen}
          // an entry's own person is corrected with the entry; a person picked for a new one only through this
          onCorrected={known ? undefined : (x) => form.setFieldValue('citizen', x)}
        />
      )}
      <CitizenFields form={form} linked={v.citizen.id !== null && !known} passport={noIinDefault !== 'foreigner'} />
      <Select
        label={t('lists.section')}
        withAsterisk
        allowDeselect={false}
        data={station.sections.filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.number }))}
        value={v.sectionId ? String(v.sectionId) : null}
        onChange={(x) => form.setFieldValue('sectionId', Number(x))}
        error={form.errors.sectionId}
      />
    </Stack>
  );
}

export const citizenOf = (e: { citizen: Citizen } | null, extra: Partial<CitizenInput> = {}): CitizenInput =>
  e ? citizenFromHit(e.citizen) : { ...EMPTY_CITIZEN, ...extra };

/** The draft name of a new entry's form of a list, kept through a lock (issue 15). */
export const newEntryDraft = (list: ListKind) => `lists.new.${list}`;

export function FirearmOwnerForm({
  entry,
  station,
  defaultSection,
  onDone,
}: {
  entry: FirearmOwner | null;
  station: Station;
  defaultSection: number;
  onDone: (o: FirearmOwner) => void;
}) {
  const { t } = useTranslation();
  const save = useCallMutation('lists.saveFirearmOwner', { invalidates: LIST_READS });
  const form = useContractForm(firearmOwnerInputSchema, {
    id: entry?.id ?? null,
    sectionId: entry?.sectionId ?? defaultSection,
    citizen: citizenOf(entry),
    address: entry?.address ?? '',
    homePhone: entry?.homePhone ?? '',
    weapons: entry?.weapons ?? [{ kind: '', make: '', calibre: '', serial: '' }],
    permitBy: entry?.permitBy ?? '',
    permitOn: entry?.permitOn ?? '',
    permitUntil: entry?.permitUntil ?? null,
    reregisteredOn: entry?.reregisteredOn ?? null,
    withdrawnOn: entry?.withdrawnOn ?? null,
    surrenderedOn: entry?.surrenderedOn ?? null,
  } as z.input<typeof firearmOwnerInputSchema>);
  const v = form.values;
  return (
    <GuardedForm
      form={form}
      onSubmit={async (x) => onDone(await save.mutateAsync(x))}
      draft={entry ? undefined : newEntryDraft('firearms')}
    >
      <Grid gap="lg">
        <Grid.Col span={5}>
          <PersonBlock form={form} known={entry !== null} station={station} />
        </Grid.Col>
        <Grid.Col span={7}>
          <Stack gap="xs">
            <Group grow gap="xs" align="flex-start">
              <TextInput label={t('lists.address')} withAsterisk {...form.getInputProps('address')} />
              <TextInput label={t('lists.homePhone')} {...form.getInputProps('homePhone')} />
            </Group>
            <Divider label={t('lists.weapons')} labelPosition="left" />
            {(v.weapons ?? []).map((_w, n) => (
              <Group key={n} gap={4} wrap="nowrap" align="flex-start">
                <TextInput
                  style={{ flex: 2 }}
                  aria-label={t('lists.weapon.kind')}
                  placeholder={t('lists.weapon.kind')}
                  {...form.getInputProps(`weapons.${n}.kind`)}
                />
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t('lists.weapon.make')}
                  placeholder={t('lists.weapon.make')}
                  {...form.getInputProps(`weapons.${n}.make`)}
                />
                <TextInput
                  w={96}
                  aria-label={t('lists.weapon.calibre')}
                  placeholder={t('lists.weapon.calibre')}
                  {...form.getInputProps(`weapons.${n}.calibre`)}
                />
                <TextInput
                  w={120}
                  aria-label={t('lists.weapon.serial')}
                  placeholder={t('lists.weapon.serial')}
                  {...form.getInputProps(`weapons.${n}.serial`)}
                />
                <ActionIcon
                  mt={6}
                  variant="subtle"
                  color="red"
                  aria-label={t('app.cancel')}
                  onClick={() => form.removeListItem('weapons', n)}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              </Group>
            ))}
            {typeof form.errors.weapons === 'string' && (
              <Text c="red" size="xs">
                {form.errors.weapons}
              </Text>
            )}
            <Button
              w="fit-content"
              variant="subtle"
              size="compact-sm"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('weapons', { kind: '', make: '', calibre: '', serial: '' })}
            >
              {t('lists.addWeapon')}
            </Button>
            <Group grow gap="xs" align="flex-start">
              <TextInput label={t('lists.permitBy')} withAsterisk {...form.getInputProps('permitBy')} />
              <DateField label={t('lists.permitOn')} withAsterisk {...form.getInputProps('permitOn')} />
              <DateField label={t('lists.permitUntil')} {...form.getInputProps('permitUntil')} />
            </Group>
            <Group grow gap="xs" align="flex-start">
              <DateField label={t('lists.reregisteredOn')} {...form.getInputProps('reregisteredOn')} />
              <DateField label={t('lists.withdrawnOn')} {...form.getInputProps('withdrawnOn')} />
              <DateField label={t('lists.surrenderedOn')} {...form.getInputProps('surrenderedOn')} />
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </GuardedForm>
  );
}

export function ProbationForm({
  entry,
  station,
  defaultSection,
  onDone,
}: {
  entry: ProbationPerson | null;
  station: Station;
  defaultSection: number;
  onDone: (o: ProbationPerson) => void;
}) {
  const { t } = useTranslation();
  const save = useCallMutation('lists.saveProbation', { invalidates: LIST_READS });
  const form = useContractForm(probationInputSchema, {
    id: entry?.id ?? null,
    sectionId: entry?.sectionId ?? defaultSection,
    citizen: citizenOf(entry),
    address: entry?.address ?? '',
    work: entry?.work ?? '',
    phones: entry?.phones ?? '',
    includedOn: entry?.includedOn ?? isoDay(new Date()),
    removedOn: entry?.removedOn ?? null,
    marks: entry?.marks ?? '',
    measure: entry?.measure ?? '',
  } as z.input<typeof probationInputSchema>);
  return (
    <GuardedForm
      form={form}
      onSubmit={async (x) => onDone(await save.mutateAsync(x))}
      draft={entry ? undefined : newEntryDraft('probation')}
    >
      <Grid gap="lg">
        <Grid.Col span={5}>
          <PersonBlock form={form} known={entry !== null} station={station} />
        </Grid.Col>
        <Grid.Col span={7}>
          <Stack gap="xs">
            <TextInput label={t('lists.address')} withAsterisk {...form.getInputProps('address')} />
            <Group grow gap="xs" align="flex-start">
              <TextInput label={t('lists.work')} {...form.getInputProps('work')} />
              <TextInput label={t('lists.phones')} {...form.getInputProps('phones')} />
            </Group>
            <Group grow gap="xs" align="flex-start">
              <DateField
                label={t('lists.includedOn')}
                withAsterisk
                clearable={false}
                {...form.getInputProps('includedOn')}
              />
              <DateField label={t('lists.removedOn')} {...form.getInputProps('removedOn')} />
            </Group>
            <Textarea label={t('lists.marks')} autosize minRows={2} {...form.getInputProps('marks')} />
            <TextInput label={t('lists.measure')} {...form.getInputProps('measure')} />
          </Stack>
        </Grid.Col>
      </Grid>
    </GuardedForm>
  );
}

export function ForeignerForm({
  entry,
  station,
  defaultSection,
  onDone,
  onRemove,
}: {
  entry: Foreigner | null;
  station: Station;
  defaultSection: number;
  onDone: (o: Foreigner) => void;
  /** the entry on the list: offers taking him off it */
  onRemove?: () => void;
}) {
  const { t } = useTranslation();
  const save = useCallMutation('lists.saveForeigner', { invalidates: LIST_READS });
  const form = useContractForm(foreignerInputSchema, {
    id: entry?.id ?? null,
    sectionId: entry?.sectionId ?? defaultSection,
    citizen: citizenOf(entry, { noIin: 'foreigner' }),
    citizenship: entry?.citizenship ?? '',
    passportNo: entry?.passportNo ?? '',
    passportValidUntil: entry?.passportValidUntil ?? null,
    stayUntil: entry?.stayUntil ?? null,
    tempAddress: entry?.tempAddress ?? '',
    homePhone: entry?.homePhone ?? '',
    work: entry?.work ?? '',
    workPhone: entry?.workPhone ?? '',
  } as z.input<typeof foreignerInputSchema>);
  return (
    <GuardedForm
      form={form}
      onSubmit={async (x) => onDone(await save.mutateAsync(x))}
      draft={entry ? undefined : newEntryDraft('foreigners')}
    >
      <Grid gap="lg">
        <Grid.Col span={5}>
          <PersonBlock form={form} known={entry !== null} station={station} noIinDefault="foreigner" />
        </Grid.Col>
        <Grid.Col span={7}>
          <Stack gap="xs">
            <Group grow gap="xs" align="flex-start">
              <TextInput label={t('lists.citizenship')} withAsterisk {...form.getInputProps('citizenship')} />
              <TextInput label={t('lists.passportNo')} withAsterisk {...form.getInputProps('passportNo')} />
            </Group>
            <Group grow gap="xs" align="flex-start">
              <DateField label={t('lists.passportValidUntil')} {...form.getInputProps('passportValidUntil')} />
              <DateField label={t('lists.stayUntil')} {...form.getInputProps('stayUntil')} />
            </Group>
            <Group grow gap="xs" align="flex-start">
              <TextInput label={t('lists.tempAddress')} withAsterisk {...form.getInputProps('tempAddress')} />
              <TextInput label={t('lists.homePhone')} {...form.getInputProps('homePhone')} />
            </Group>
            <Group grow gap="xs" align="flex-start">
              <TextInput label={t('lists.work')} {...form.getInputProps('work')} />
              <TextInput label={t('lists.workPhone')} {...form.getInputProps('workPhone')} />
            </Group>
            {entry && <CheckHistory checks={entry.checks} />}
            {entry && onRemove && entry.removedOn === null && (
              <Group justify="flex-end">
                <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove}>
                  {t('lists.remove')}…
                </Button>
              </Group>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </GuardedForm>
  );
}

/** A foreigner's residence checks, newest first (p.17(3)). */
function CheckHistory({ checks }: { checks: Foreigner['checks'] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Divider label={t('lists.checksHistory')} labelPosition="left" />
      {checks.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('lists.noChecks')}
        </Text>
      )}
      <ScrollArea.Autosize mah={140}>
        {checks.map((k, i) => (
          <Group key={i} gap="xs" wrap="nowrap" align="baseline">
            <Text size="sm" w={84} style={{ flexShrink: 0 }}>
              {formatDate(k.on)}
            </Text>
            <Text size="sm" style={{ flex: 1 }}>
              {k.note || '—'}
            </Text>
            <Text size="xs" c="dimmed">
              {k.by || t('lists.checkCarried')}
            </Text>
          </Group>
        ))}
      </ScrollArea.Autosize>
    </Stack>
  );
}

/** Off the list with the day and the reason; the entry stays (ours). */
export function RemoveForeignerForm({ entry, onDone }: { entry: Foreigner; onDone: () => void }) {
  const { t } = useTranslation();
  const remove = useCallMutation('lists.removeForeigner', { invalidates: LIST_READS });
  const form = useContractForm(api['lists.removeForeigner'].input, {
    id: entry.id,
    removedOn: isoDay(new Date()),
    reason: null as (typeof FOREIGNER_REMOVAL_REASONS)[number] | null,
    note: '',
  });
  return (
    <GuardedForm
      form={form}
      color="red"
      submitLabel={t('lists.remove')}
      onSubmit={async (x) => {
        // the form's check has refused an empty reason
        await remove.mutateAsync({ ...x, reason: x.reason! });
        onDone();
      }}
    >
      <Text size="sm" fw={500}>
        {entry.person}, {entry.citizenship}
      </Text>
      <DateField label={t('lists.removedOn')} withAsterisk clearable={false} {...form.getInputProps('removedOn')} />
      <Select
        label={t('lists.removalReason')}
        withAsterisk
        data-autofocus
        data={FOREIGNER_REMOVAL_REASONS.map((r) => ({ value: r, label: t(`lists.removalReasons.${r}`) }))}
        {...form.getInputProps('reason')}
      />
      <TextInput
        label={t('lists.removalNote')}
        withAsterisk={form.values.reason === 'other'}
        {...form.getInputProps('note')}
      />
    </GuardedForm>
  );
}

/** p.22(10) for owners; the residence check for foreigners. */
/**
 * A check's day and what it found, as each of the lists records it (p.22(10), App 4 col. 7): the day is today's by
 * default, so the cursor starts in the result.
 */
export function CheckResultFields<F extends 'result' | 'note'>({
  form,
  field,
  label,
  optional = false,
}: {
  form: UseFormReturnType<{ checkedOn: string } & Record<F, string>>;
  field: F;
  label: string;
  /** a foreigner's note may stay empty; a result may not */
  optional?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <DateField label={t('lists.checkedOn')} withAsterisk clearable={false} {...form.getInputProps('checkedOn')} />
      <Textarea
        label={label}
        withAsterisk={!optional}
        autosize
        minRows={optional ? 1 : 2}
        data-autofocus
        {...form.getInputProps(field)}
      />
    </>
  );
}

export function CheckForm({
  list,
  id,
  history,
  onDone,
}: {
  list: 'firearms' | 'foreigners';
  id: number;
  /** a foreigner's checks so far, shown under the form */
  history?: Foreigner['checks'];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const firearmCheck = useCallMutation('lists.recordFirearmCheck', { invalidates: LIST_READS });
  const foreignerCheck = useCallMutation('lists.recordForeignerCheck', { invalidates: LIST_READS });
  const firearm = useContractForm(api['lists.recordFirearmCheck'].input, {
    id,
    checkedOn: isoDay(new Date()),
    result: '',
  });
  const foreigner = useContractForm(api['lists.recordForeignerCheck'].input, {
    id,
    checkedOn: isoDay(new Date()),
    note: '',
  });
  return list === 'firearms' ? (
    <GuardedForm
      form={firearm}
      onSubmit={async (x) => {
        await firearmCheck.mutateAsync(x);
        onDone();
      }}
    >
      <Text size="sm" c="dimmed">
        {t('lists.checkRule')}
      </Text>
      <CheckResultFields form={firearm} field="result" label={t('lists.checkResult')} />
    </GuardedForm>
  ) : (
    <GuardedForm
      form={foreigner}
      onSubmit={async (x) => {
        await foreignerCheck.mutateAsync(x);
        onDone();
      }}
    >
      <CheckResultFields form={foreigner} field="note" label={t('lists.checkNote')} optional />
      {history && <CheckHistory checks={history} />}
    </GuardedForm>
  );
}
