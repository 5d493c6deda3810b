import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  CloseButton,
  Fieldset,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconPencil, IconUserCheck } from '@tabler/icons-react';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Citizen, CitizenInput } from '../../../../shared/api';
import { citizenCorrectionSchema, NO_IIN_REASONS } from '../../../../shared/api/citizens';
import { parseIin } from '../../../../shared/iin';
import { fromEnglishLayout } from '../../../../shared/search/query';
import { formatDate, shortName } from '../../../../shared/format';
import { DateField } from '../../app/DateField';
import { FormModal, GuardedForm } from '../../app/FormModal';
import { notifySaved, useContractForm } from '../../app/forms';
import { useCallMutation } from '../../api/hooks';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form that holds a citizen under 'citizen'
type CitizenForm = UseFormReturnType<any>;

/** A person not yet chosen or typed. */
/** An empty person, as the form holds him (the contract's citizen input). */
/** м(ужской), е(р), m / ж(енский), ә(йел), f */
const SEX_KEYS: Record<string, 'male' | 'female'> = {
  м: 'male',
  е: 'male',
  m: 'male',
  ж: 'female',
  ә: 'female',
  f: 'female',
};

export const EMPTY_CITIZEN: CitizenInput = {
  id: null,
  iin: '',
  noIin: null,
  surname: '',
  name: '',
  patronymic: '',
  birthDate: null,
  sex: null,
  address: '',
  phone: '',
};

/** A person found in the register (a search hit, a corrected record), as the form holds him. */
export const citizenFromHit = (hit: Citizen): CitizenInput => ({
  id: hit.id,
  iin: hit.iin ?? '',
  noIin: hit.noIin,
  surname: hit.surname,
  name: hit.name,
  patronymic: hit.patronymic,
  birthDate: hit.birthDate,
  sex: hit.sex,
  address: hit.address,
  phone: hit.phone,
  citizenship: hit.citizenship,
  passportNo: hit.passportNo,
  passportValidUntil: hit.passportValidUntil,
});

/**
 * What was typed in the search when nobody matched: twelve digits are an IIN, words are
 * surname, name and patronymic (first letters capitalised). Says which it was.
 */
export function applyTyped(form: CitizenForm, typed: string, t: TFunction): 'iin' | 'name' {
  if (/^[\d\s]+$/.test(typed)) {
    applyIin(form, typed.replace(/\s/g, ''), t);
    return 'iin';
  }
  const [surname = '', name = '', ...rest] = typed.split(/\s+/);
  const cap = (w: string) => w.charAt(0).toLocaleUpperCase('kk') + w.slice(1);
  form.setFieldValue('citizen.surname', cap(surname));
  form.setFieldValue('citizen.name', cap(name));
  form.setFieldValue('citizen.patronymic', cap(rest.join(' ')));
  return 'name';
}

/** A typed IIN, checked as it is typed; a valid one fills date of birth and sex. */
export function applyIin(form: CitizenForm, value: string, t: TFunction): void {
  form.setFieldValue('citizen.iin', value);
  const r = parseIin(value);
  if (r.ok) {
    form.setFieldValue('citizen.birthDate', r.birthDate);
    form.setFieldValue('citizen.sex', r.sex);
    form.clearFieldError('citizen.iin');
  } else if (value.replace(/\s/g, '').length >= 12) form.setFieldError('citizen.iin', t(`iin.${r.error}`));
}

/**
 * The person's fields of the station's register (reception, person files): IIN or the reason there is none, names,
 * birth, address, phone.
 */
export function CitizenFields({
  form,
  linked = false,
  passport = true,
}: {
  form: CitizenForm;
  linked?: boolean;
  /** a foreigner's citizenship and passport; App 4's form keeps them in its own columns */
  passport?: boolean;
}) {
  const { t } = useTranslation();
  const c = form.values.citizen as CitizenInput;
  const iin = c.iin ? parseIin(c.iin) : null;
  const setIin = (value: string) => applyIin(form, value, t);
  return (
    // a person linked from the register is shown, not edited: saving the record changes nothing of him
    <Fieldset variant="unstyled" disabled={linked} data-testid="citizen-fields">
      <Stack gap="xs">
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            label={t('fields.iin')}
            data-field="citizen.iin"
            style={{ flex: 1 }}
            maxLength={14}
            inputMode="numeric"
            disabled={c.noIin !== null}
            value={c.iin}
            onChange={(e) => setIin(e.currentTarget.value)}
            error={form.errors['citizen.iin']}
            description={
              iin?.ok
                ? t('iin.valid', { date: formatDate(iin.birthDate), sex: t(`reception.sexes.${iin.sex}`) })
                : undefined
            }
          />
          <Checkbox
            mt={30}
            label={t('reception.noIin')}
            checked={c.noIin !== null}
            onChange={(e) => {
              form.setFieldValue('citizen.noIin', e.currentTarget.checked ? 'foreigner' : null);
              if (e.currentTarget.checked) form.setFieldValue('citizen.iin', '');
              form.clearFieldError('citizen.iin');
            }}
          />
        </Group>
        {c.noIin !== null && (
          <Select
            label={t('reception.noIinReason')}
            allowDeselect={false}
            data={NO_IIN_REASONS.map((r) => ({ value: r, label: t(`iin.no.${r}`) }))}
            {...form.getInputProps('citizen.noIin')}
          />
        )}
        {c.noIin === 'foreigner' && passport && (
          <Stack gap={2} data-testid="foreigner-fields">
            <Group grow align="flex-start" gap="xs">
              <TextInput
                label={t('fields.citizenship')}
                {...form.getInputProps('citizen.citizenship')}
                value={c.citizenship ?? ''}
              />
              <TextInput
                label={t('fields.passportNo')}
                {...form.getInputProps('citizen.passportNo')}
                value={c.passportNo ?? ''}
              />
              <DateField
                label={t('fields.passportValidUntil')}
                {...form.getInputProps('citizen.passportValidUntil')}
                value={c.passportValidUntil ?? null}
              />
            </Group>
            <Text size="xs" c="dimmed">
              {t('fields.foreignerHint')}
            </Text>
          </Stack>
        )}
        <Group grow align="flex-start" gap="xs">
          <TextInput
            label={t('fields.surname')}
            withAsterisk
            data-field="citizen.surname"
            {...form.getInputProps('citizen.surname')}
          />
          <TextInput label={t('fields.name')} withAsterisk {...form.getInputProps('citizen.name')} />
        </Group>
        <TextInput label={t('fields.patronymic')} {...form.getInputProps('citizen.patronymic')} />
        <Group grow align="flex-start" gap="xs">
          <DateField
            label={t('reception.birthDate')}
            disabled={iin?.ok === true}
            {...form.getInputProps('citizen.birthDate')}
          />
          <Stack
            gap={4}
            onKeyDown={(e) => {
              // (ours) one key: the first letter of either language's word, or the Latin m/f; arrows work too
              const k = e.key.toLowerCase();
              // the same key on the English layout by mistake: "v" is where "м" is
              const sex = SEX_KEYS[k] ?? SEX_KEYS[fromEnglishLayout(k)];
              if (!sex || iin?.ok === true || e.ctrlKey || e.altKey) return;
              e.preventDefault();
              form.setFieldValue('citizen.sex', sex);
            }}
          >
            <Text size="sm" fw={500}>
              {t('reception.sex')}
            </Text>
            <SegmentedControl
              aria-label={t('reception.sex')}
              title={t('reception.sexKeys')}
              disabled={iin?.ok === true}
              value={c.sex ?? ''}
              onChange={(x) => form.setFieldValue('citizen.sex', x as 'male' | 'female')}
              data={[
                { value: 'male', label: t('reception.sexes.male') },
                { value: 'female', label: t('reception.sexes.female') },
              ]}
            />
          </Stack>
        </Group>
        <TextInput label={t('reception.address')} {...form.getInputProps('citizen.address')} />
        <TextInput label={t('reception.phone')} {...form.getInputProps('citizen.phone')} />
      </Stack>
    </Fieldset>
  );
}

/**
 * The person chosen from the register, above his fields: name and IIN, and (for a new record) a way back to the
 * search.
 */
export function KnownCitizen({
  citizen,
  onClear,
  onCorrected,
}: {
  citizen: CitizenInput;
  onClear?: () => void;
  /** given where the person is linked, not edited: the way to correct his details in the register */
  onCorrected?: (c: CitizenInput) => void;
}) {
  const { t } = useTranslation();
  const [correcting, setCorrecting] = useState(false);
  return (
    <Alert color="teal" p="xs" icon={<IconUserCheck size={18} />} data-testid="known-citizen">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {shortName(citizen)} {citizen.iin ? `· ${citizen.iin}` : ''}
        </Text>
        <Group gap={4} wrap="nowrap">
          {onCorrected && (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconPencil size={14} />}
              onClick={() => setCorrecting(true)}
            >
              {t('citizens.correct')}
            </Button>
          )}
          {onClear && <CloseButton size="sm" aria-label={t('app.cancel')} onClick={onClear} />}
        </Group>
      </Group>
      {onCorrected && (
        <Text size="xs" c="dimmed">
          {t('citizens.linked')}
        </Text>
      )}
      {correcting && onCorrected && (
        <CorrectCitizen
          citizen={citizen}
          onClose={() => setCorrecting(false)}
          onDone={(c) => {
            setCorrecting(false);
            onCorrected(c);
          }}
        />
      )}
    </Alert>
  );
}

/** A person's details corrected in the register, with the reason; the old version stays in the audit. */
export function CorrectCitizen({
  citizen,
  onClose,
  onDone,
}: {
  citizen: CitizenInput;
  onClose: () => void;
  onDone: (c: CitizenInput) => void;
}) {
  const { t } = useTranslation();
  const form = useContractForm(citizenCorrectionSchema, { citizen, reason: '' });
  // every record that shows the person reads him again
  const correct = useCallMutation('citizens.correct', {
    invalidates: [
      'citizens.search',
      'citizens.card',
      'reception.list',
      'reception.get',
      'prevention.list',
      'prevention.open',
    ],
  });
  async function save(v: { citizen: CitizenInput; reason: string }) {
    const saved = await correct.mutateAsync({ id: citizen.id!, ...citizenCorrectionSchema.parse(v) });
    notifySaved(t, t('citizens.corrected'));
    onDone(citizenFromHit(saved));
  }
  return (
    <FormModal opened onClose={onClose} title={t('citizens.correctTitle')} size="lg">
      <GuardedForm form={form} onSubmit={save}>
        <Text size="sm" c="dimmed">
          {t('citizens.correctHint')}
        </Text>
        <CitizenFields form={form} />
        <TextInput label={t('citizens.reason')} withAsterisk data-autofocus {...form.getInputProps('reason')} />
      </GuardedForm>
    </FormModal>
  );
}
