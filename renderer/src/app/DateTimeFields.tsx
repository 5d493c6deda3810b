import { Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from './DateField';

/** Date and time as two fields over one 'YYYY-MM-DDTHH:mm' value. */
export function DateTimeFields({
  value,
  onChange,
  error,
  label,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: React.ReactNode;
  label: string;
}) {
  const { t } = useTranslation();
  const [date, time] = [value.slice(0, 10), value.slice(11, 16)];
  return (
    <Group grow align="flex-start" gap="xs">
      <DateField
        label={label}
        withAsterisk
        clearable={false}
        value={date}
        onChange={(d) => d && onChange(`${d}T${time}`)}
        error={error}
      />
      <TextInput
        label={t('fields.time')}
        aria-label={`${label}, ${t('fields.time')}`}
        maxLength={5}
        value={time}
        onChange={(e) => onChange(`${date}T${e.currentTarget.value}`)}
      />
    </Group>
  );
}
