import { Alert, Checkbox, CloseButton, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CitizenHit, CitizenInput } from '../../../../shared/api';
import { NO_IIN_REASONS } from '../../../../shared/api/citizens';
import { parseIin } from '../../../../shared/iin';
import { formatDate, shortName } from '../../../../shared/format';
import { DateField } from '../../app/DateField';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any form that holds a citizen under 'citizen'
type CitizenForm = UseFormReturnType<any>;

/** A person not yet chosen or typed. */
/** An empty person, as the form holds him (the contract's citizen input). */
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

/** A person found in the register, as the form holds him. */
export const citizenFromHit = (hit: CitizenHit): CitizenInput => ({
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
export function CitizenFields({ form }: { form: CitizenForm }) {
  const { t } = useTranslation();
  const c = form.values.citizen as CitizenInput;
  const iin = c.iin ? parseIin(c.iin) : null;
  const setIin = (value: string) => applyIin(form, value, t);
  return (
    <>
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
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('reception.sex')}
          </Text>
          <SegmentedControl
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
    </>
  );
}

/**
 * The person chosen from the register, above his fields: name and IIN, and (for a new record) a way back to the
 * search.
 */
export function KnownCitizen({ citizen, onClear }: { citizen: CitizenInput; onClear?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" p="xs" icon={<IconUserCheck size={18} />} data-testid="known-citizen">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {shortName(citizen)} {citizen.iin ? `· ${citizen.iin}` : ''}
        </Text>
        {onClear && <CloseButton size="sm" aria-label={t('app.cancel')} onClick={onClear} />}
      </Group>
    </Alert>
  );
}
