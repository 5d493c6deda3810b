import { useMemo, useState } from 'react';
import { Badge, Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../shared/api';
import { builtInHolidays } from '../../../../shared/calendar/workingDays';
import { formatDate } from '../../../../shared/format';
import { useCall, useCallMutation, callKey } from '../../api/hooks';
import { DateField } from '../../app/DateField';
import { notifySaved, showApiError, useContractForm } from '../../app/forms';

/**
 * Kazakhstan's days off for a year, and the station's changes to them (every deadline counting working days uses this).
 */
export function CalendarPanel() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [year, setYear] = useState(new Date().getFullYear());
  const overrides = useCall('calendar.overrides', {});
  // the answer is the whole list of overrides; Today's deadlines count working days with it
  const setOverride = useCallMutation('calendar.setOverride', {
    invalidates: ['today.list'],
    onSuccess: (list) => qc.setQueryData(callKey('calendar.overrides', {}), list),
  });
  const rows = useMemo(() => {
    const days = new Map<string, { date: string; name: string; source: 'law' | 'holiday' | 'workday' }>();
    for (const [date, name] of builtInHolidays(year))
      days.set(date, { date, name: t(`calendar.holidays.${name}`), source: 'law' });
    for (const o of overrides.data ?? [])
      if (o.date.startsWith(String(year))) days.set(o.date, { date: o.date, name: o.name, source: o.kind });
    return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
  }, [year, overrides.data, t]);
  const form = useContractForm(api['calendar.setOverride'].input, {
    date: '',
    kind: 'holiday' as 'holiday' | 'workday' | 'default',
    name: '',
  });

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm">
        <Title order={5}>{t('calendar.title')}</Title>
        <NumberInput
          w={110}
          value={year}
          min={2016}
          max={2100}
          allowDecimal={false}
          aria-label={t('calendar.year')}
          onChange={(v) => typeof v === 'number' && setYear(v)}
        />
      </Group>
      <Stack gap="sm">
        <DataTable
          withTableBorder
          maxHeight={260}
          idAccessor="date"
          records={rows}
          noRecordsText={t('app.noRecords')}
          columns={[
            { accessor: 'date', title: t('calendar.date'), render: (r) => formatDate(r.date), width: 120 },
            { accessor: 'name', title: t('calendar.name') },
            {
              accessor: 'source',
              title: '',
              render: (r) => (
                <Badge
                  tt="none"
                  variant="light"
                  color={r.source === 'law' ? 'gray' : r.source === 'holiday' ? 'orange' : 'teal'}
                >
                  {t(`calendar.source.${r.source}`)}
                </Badge>
              ),
            },
          ]}
        />
        <form
          onSubmit={form.onSubmit(async (v) => {
            try {
              await setOverride.mutateAsync(v);
              form.reset();
              notifySaved(t);
            } catch (e) {
              showApiError(t, e, form);
            }
          })}
        >
          <Group align="flex-end" wrap="nowrap">
            <DateField label={t('calendar.date')} withAsterisk w={150} {...form.getInputProps('date')} />
            <Select
              label={t('calendar.kind')}
              w={220}
              allowDeselect={false}
              data={(['holiday', 'workday', 'default'] as const).map((k) => ({
                value: k,
                label: t(`calendar.kinds.${k}`),
              }))}
              {...form.getInputProps('kind')}
            />
            <TextInput label={t('calendar.name')} style={{ flex: 1 }} {...form.getInputProps('name')} />
            <Button type="submit">{t('app.save')}</Button>
          </Group>
        </form>
        <Text size="xs" c="dimmed">
          {t('calendar.hint')}
        </Text>
      </Stack>
    </Paper>
  );
}
