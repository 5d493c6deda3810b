import { useState } from 'react';
import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, canCall, type SessionUser, type User } from '../../../../shared/api';
import { mpsActingInputSchema } from '../../../../shared/api/staff';
import { formatDate, isoDay, shortName } from '../../../../shared/format';
import { useCall, useCallMutation } from '../../api/hooks';
import { DateField } from '../../app/DateField';
import { notifySaved, showApiError, useContractForm } from '../../app/forms';
import { MPS_READS } from './queries';

/**
 * p.18: the head of the MPS and the person replacing him by the chief's order — who approves the monthly plan on a
 * day. Chiefs record them; everybody sees who it is.
 */
export function MpsHeadsPanel({ session, users }: { session: SessionUser; users: User[] }) {
  const { t } = useTranslation();
  const heads = useCall('staff.mpsHeads', {});
  const canEdit = canCall(session.role, 'staff.setMpsHead');
  const chiefs = users
    .filter((u) => u.role === 'supervisor')
    .map((u) => ({ value: String(u.id), label: shortName(u) }));
  const remove = useCallMutation('staff.removeMpsActing', {
    invalidates: MPS_READS,
    onSuccess: () => notifySaved(t),
    onError: (e) => showApiError(t, e),
  });
  const approver = heads.data?.approverToday ?? null;
  return (
    <Paper withBorder p="md" data-testid="mps-heads">
      <Title order={5} mb="xs">
        {t('staff.mps.title')}
      </Title>
      <Stack gap="xs">
        <Text size="sm" fw={500} c={approver ? 'teal' : 'red'}>
          {approver
            ? t(approver.kind === 'acting' ? 'staff.mps.approverActing' : 'staff.mps.approverToday', {
                name: approver.name,
              })
            : t('staff.mps.none')}
        </Text>
        {(heads.data?.designations ?? []).map((d) => (
          <Group key={d.id} justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm">
              <b>{d.name}</b>
              {' — '}
              {d.kind === 'head'
                ? t('staff.mps.headRow', {
                    from: formatDate(d.from),
                    until: d.to ? t('staff.mps.until', { to: formatDate(d.to) }) : '',
                  })
                : t('staff.mps.actingRow', {
                    from: formatDate(d.from),
                    to: formatDate(d.to),
                    order: d.orderNumber,
                    orderDate: formatDate(d.orderDate),
                  })}
            </Text>
            {canEdit && d.kind === 'acting' && (
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={12} />}
                loading={remove.isPending && remove.variables?.id === d.id}
                onClick={() => remove.mutate({ id: d.id })}
              >
                {t('staff.mps.remove')}
              </Button>
            )}
          </Group>
        ))}
        {canEdit && <HeadForm chiefs={chiefs} />}
        {canEdit && <ActingForm chiefs={chiefs} />}
      </Stack>
    </Paper>
  );
}

type Options = { value: string; label: string }[];

function HeadForm({ chiefs }: { chiefs: Options }) {
  const { t } = useTranslation();
  const form = useContractForm(api['staff.setMpsHead'].input, {
    userId: null as number | null,
    from: isoDay(new Date()),
  });
  const save = useCallMutation('staff.setMpsHead', {
    invalidates: MPS_READS,
    onSuccess: () => {
      form.reset();
      notifySaved(t);
    },
    onError: (e) => showApiError(t, e, form),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate({ userId: v.userId!, from: v.from }))}>
      <Group align="flex-end" gap="xs">
        <Select
          w={220}
          label={t('staff.mps.head')}
          data={chiefs}
          searchable
          value={form.values.userId ? String(form.values.userId) : null}
          onChange={(v) => form.setFieldValue('userId', v ? Number(v) : null)}
          error={form.errors.userId}
        />
        <DateField w={150} label={t('staff.mps.since')} {...form.getInputProps('from')} />
        <Button type="submit" variant="light" loading={save.isPending}>
          {t('staff.mps.setHead')}
        </Button>
      </Group>
    </form>
  );
}

function ActingForm({ chiefs }: { chiefs: Options }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const form = useContractForm(mpsActingInputSchema, {
    userId: null as number | null,
    from: isoDay(new Date()),
    to: isoDay(new Date()),
    orderNumber: '',
    orderDate: isoDay(new Date()),
  });
  const save = useCallMutation('staff.addMpsActing', {
    invalidates: MPS_READS,
    onSuccess: () => {
      form.reset();
      setOpen(false);
      notifySaved(t);
    },
    onError: (e) => showApiError(t, e, form),
  });
  if (!open)
    return (
      <Group>
        <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => setOpen(true)}>
          {t('staff.mps.addActing')}
        </Button>
      </Group>
    );
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate({ ...v, userId: v.userId! }))}>
      <Group align="flex-end" gap="xs">
        <Select
          w={220}
          label={t('staff.mps.acting')}
          data={chiefs}
          searchable
          value={form.values.userId ? String(form.values.userId) : null}
          onChange={(v) => form.setFieldValue('userId', v ? Number(v) : null)}
          error={form.errors.userId}
        />
        <DateField w={140} label={t('staff.mps.from')} {...form.getInputProps('from')} />
        <DateField w={140} label={t('staff.mps.to')} {...form.getInputProps('to')} />
        <TextInput w={110} label={t('staff.mps.orderNumber')} {...form.getInputProps('orderNumber')} />
        <DateField w={140} label={t('staff.mps.orderDate')} {...form.getInputProps('orderDate')} />
        <Button type="submit" variant="light" loading={save.isPending}>
          {t('staff.mps.addActing')}
        </Button>
      </Group>
    </form>
  );
}
