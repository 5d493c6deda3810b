import { PLAN_READS } from './queries';
import { useState } from 'react';
import { draftWaits } from '../../app/drafts';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus, IconTrash } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  inGroup,
  api,
  type Language,
  type Plan,
  type PlanItem,
  type SessionUser,
  type User,
} from '../../../../shared/api';
import { formatDate, formatDateTime, shortName } from '../../../../shared/format';
import { call } from '../../api/client';
import { useCall, useCallMutation } from '../../api/hooks';
import { DateField } from '../../app/DateField';
import { FormModal, GuardedForm } from '../../app/FormModal';
import { notifySaved, showApiError, useContractForm } from '../../app/forms';
import { openPreview } from '../../app/print/openPreview';
import { PrintMenu } from '../../app/print/PrintMenu';

const STATUS_COLORS = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  approved: 'teal',
  superseded: 'gray',
} as const;
const defaultMonth = () => {
  const d = dayjs();
  // from the last week of a month on, the work is next month's plan
  return (d.date() > d.daysInMonth() - 7 ? d.add(1, 'month') : d).format('YYYY-MM');
};

/** The monthly UPP plan (p.18, p.24(1)): the lead drafts, the chief approves, everyone marks his items. */
/** The draft name of a month's plan being written, kept through a lock (issue 15). */
const planDraft = (month: string) => `plans.edit.${month}`;

export function PlansScreen({
  session,
  monthParam,
  go,
}: {
  session: SessionUser;
  monthParam: string | null;
  go: (hash: string) => void;
}) {
  const { t } = useTranslation();
  const submit = useCallMutation('plans.submit', { invalidates: PLAN_READS });
  const revise = useCallMutation('plans.revise', { invalidates: PLAN_READS });
  const approve = useCallMutation('plans.approve', { invalidates: PLAN_READS });
  const month = monthParam && /^\d{4}-\d{2}$/.test(monthParam) ? monthParam : defaultMonth();
  const plans = useCall('plans.revisions', { month });
  const users = useCall('users.list', { includeInactive: false });
  const [editing, setEditing] = useState(() => draftWaits(planDraft(month)));
  const [dialog, setDialog] = useState<{ kind: 'return'; plan: Plan } | { kind: 'mark'; item: PlanItem } | null>(null);
  const latest = plans.data?.[0] ?? null;
  const inForce = plans.data?.find((p) => p.status === 'approved') ?? null;
  const shown = latest;
  const lead = session.role === 'uppLead';
  // p.18: the head of the MPS, or the person replacing him on the day, approves (shared/rules/plans.ts)
  const approver = useCall('staff.mpsHeads', {}).data?.approverToday ?? null;
  const chief = approver?.userId === session.id;
  const act = async (f: () => Promise<unknown>) => {
    try {
      await f();
      notifySaved(t);
    } catch (e) {
      showApiError(t, e);
    }
  };
  const monthLabel = (m: string) => `${t(`plans.months.${Number(m.slice(5)) - 1}`)} ${m.slice(0, 4)}`;
  const shift = (n: number) => go(`/plans/${dayjs(`${month}-01`).add(n, 'month').format('YYYY-MM')}`);
  const print = (p: Plan, language: Language) =>
    openPreview({
      title: `${t('plans.title')}: ${monthLabel(p.month)}`,
      language,
      load: (c) => call('plans.print', { id: p.id, language: c.language }),
    });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3}>{t('plans.title')}</Title>
          <ActionIcon variant="subtle" aria-label="←" onClick={() => shift(-1)}>
            <IconChevronLeft size={18} />
          </ActionIcon>
          <Text fw={600} data-testid="plan-month">
            {monthLabel(month)}
          </Text>
          <ActionIcon variant="subtle" aria-label="→" onClick={() => shift(1)}>
            <IconChevronRight size={18} />
          </ActionIcon>
        </Group>
        <Group gap="xs">
          {shown && (
            <PrintMenu
              label={t('prevention.print')}
              choices={[
                { label: t('reception.printKk'), onClick: () => void print(shown, 'kk') },
                { label: t('reception.printRu'), onClick: () => void print(shown, 'ru') },
              ]}
            />
          )}
          {lead && (!latest || latest.status === 'draft' || latest.status === 'returned') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(true)}>
              {latest ? t('app.edit') : t('plans.saveDraft')}
            </Button>
          )}
          {lead && latest?.status === 'draft' && (
            <Button color="blue" onClick={() => void act(() => submit.mutateAsync({ id: latest.id }))}>
              {t('plans.submit')}
            </Button>
          )}
          {lead && latest?.status === 'approved' && (
            <Button variant="default" onClick={() => void act(() => revise.mutateAsync({ id: latest.id }))}>
              {t('plans.revise')}
            </Button>
          )}
          {chief && latest?.status === 'submitted' && (
            <>
              <Button color="teal" onClick={() => void act(() => approve.mutateAsync({ id: latest.id }))}>
                {t('plans.approve')}
              </Button>
              <Button variant="default" color="orange" onClick={() => setDialog({ kind: 'return', plan: latest })}>
                {t('plans.return')}
              </Button>
            </>
          )}
        </Group>
      </Group>

      {!shown && !plans.isLoading && <Text c="dimmed">{t('plans.noPlan')}</Text>}
      {shown && (
        <Paper withBorder p="sm">
          <Group gap="xs" mb="xs">
            <Badge color={STATUS_COLORS[shown.status]} variant="light" data-testid="plan-status">
              {t(`plans.statuses.${shown.status}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('plans.revision', { n: shown.revision })}
            </Text>
            {shown.approvedAt && (
              <Text size="sm">
                {t('plans.approvedBy', { date: formatDate(shown.approvedAt), who: shown.approvedBy })}
              </Text>
            )}
            {shown.status === 'submitted' && (
              <Text size="sm" c={approver ? undefined : 'red'} data-testid="plan-approver">
                {approver
                  ? t(approver.kind === 'acting' ? 'staff.mps.approverActing' : 'staff.mps.approverToday', {
                      name: approver.name,
                    })
                  : t('staff.mps.none')}
              </Text>
            )}
            {inForce && inForce.id !== shown.id && (
              <Text size="sm" c="dimmed">
                ({t('plans.statuses.approved')}: {t('plans.revision', { n: inForce.revision })})
              </Text>
            )}
          </Group>
          {shown.returnRemarks && (
            <Alert color="orange" p="xs" mb="xs" title={t('plans.remarks')}>
              {shown.returnRemarks}
            </Alert>
          )}
          {shown.status === 'approved' && (
            <Text size="xs" c="dimmed" mb="xs">
              {t('plans.frozenNote')}
            </Text>
          )}
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36}>№</Table.Th>
                <Table.Th>{t('plans.item.text')}</Table.Th>
                <Table.Th w={170}>{t('plans.item.responsible')}</Table.Th>
                <Table.Th w={100}>{t('plans.item.dueDate')}</Table.Th>
                <Table.Th w={150}>{t('plans.item.basis')}</Table.Th>
                <Table.Th w={230}>{t('plans.item.result')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.items.map((i, n) => (
                <Table.Tr key={i.id} data-testid="plan-item">
                  <Table.Td>{n + 1}</Table.Td>
                  <Table.Td>{i.text}</Table.Td>
                  <Table.Td>{i.responsible}</Table.Td>
                  <Table.Td>{formatDate(i.dueDate)}</Table.Td>
                  <Table.Td>{i.basis}</Table.Td>
                  <Table.Td>
                    {i.result ? (
                      <Text size="sm" c={i.result === 'done' ? 'teal' : 'red'}>
                        {t(`plans.results.${i.result}`)}
                        {i.resultNote ? `: ${i.resultNote}` : ''}{' '}
                        <Text span size="xs" c="dimmed">
                          {formatDateTime(i.markedAt)}
                        </Text>
                      </Text>
                    ) : (
                      shown.status === 'approved' &&
                      (lead || i.responsibleId === session.id) && (
                        <Button size="compact-xs" variant="light" onClick={() => setDialog({ kind: 'mark', item: i })}>
                          {t('plans.mark')}
                        </Button>
                      )
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}

      <FormModal
        opened={editing}
        onClose={() => setEditing(false)}
        size={1200}
        title={`${t('plans.title')} — ${monthLabel(month)}`}
      >
        {editing && users.data && (
          <PlanForm
            month={month}
            plan={latest}
            users={users.data}
            onDone={() => {
              setEditing(false);
              notifySaved(t);
            }}
          />
        )}
      </FormModal>
      <FormModal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'return' ? t('plans.return') : t('plans.mark')}
      >
        {dialog?.kind === 'return' && <ReturnForm plan={dialog.plan} onDone={() => setDialog(null)} />}
        {dialog?.kind === 'mark' && <MarkForm item={dialog.item} onDone={() => setDialog(null)} />}
      </FormModal>
    </Stack>
  );
}

const draftSchema = api['plans.saveDraft'].input;

function PlanForm({
  month,
  plan,
  users,
  onDone,
}: {
  month: string;
  plan: Plan | null;
  users: User[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const saveDraftCall = useCallMutation('plans.saveDraft', { invalidates: PLAN_READS });
  const staff = users.filter((u) => u.active && inGroup('sectionStaff', u.role));
  const blank = {
    text: '',
    responsibleId: null as number | null,
    responsibleText: '',
    dueDate: `${month}-${dayjs(`${month}-01`).daysInMonth()}`,
    basis: '',
  };
  const form = useContractForm(draftSchema, {
    month,
    items: plan
      ? plan.items.map((i) => ({
          text: i.text,
          responsibleId: i.responsibleId,
          responsibleText: i.responsibleText,
          dueDate: i.dueDate,
          basis: i.basis,
        }))
      : [blank],
  });
  return (
    <GuardedForm
      form={form}
      draft={planDraft(month)}
      submitLabel={t('plans.saveDraft')}
      onSubmit={async (v) => {
        await saveDraftCall.mutateAsync(v);
        onDone();
      }}
    >
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <Text w={22} />
        <Text style={{ flex: 3 }} size="xs" fw={600}>
          {t('plans.item.text')}
        </Text>
        <Text w={170} size="xs" fw={600}>
          {t('plans.item.responsible')}
        </Text>
        <Text w={130} size="xs" fw={600}>
          {t('plans.item.responsibleText')}
        </Text>
        <Text w={130} size="xs" fw={600}>
          {t('plans.item.dueDate')}
        </Text>
        <Text w={150} size="xs" fw={600}>
          {t('plans.item.basis')}
        </Text>
        <Text w={28} />
      </Group>
      {form.values.items.map((_i, n) => (
        <Group key={n} gap="xs" align="flex-start" wrap="nowrap">
          <Text w={22} mt={8} size="sm">
            {n + 1}.
          </Text>
          <Textarea
            style={{ flex: 3 }}
            autosize
            minRows={1}
            aria-label={t('plans.item.text')}
            placeholder={t('plans.item.text')}
            data-autofocus={n === 0 || undefined}
            {...form.getInputProps(`items.${n}.text`)}
          />
          <Select
            w={170}
            clearable
            searchable
            aria-label={t('plans.item.responsible')}
            placeholder={t('plans.item.responsible')}
            data={staff.map((u) => ({ value: String(u.id), label: shortName(u) }))}
            value={form.values.items[n]!.responsibleId ? String(form.values.items[n]!.responsibleId) : null}
            onChange={(x) => form.setFieldValue(`items.${n}.responsibleId`, x ? Number(x) : null)}
            error={form.errors[`items.${n}.responsibleId`]}
          />
          <TextInput
            w={130}
            aria-label={t('plans.item.responsibleText')}
            placeholder={t('plans.item.responsibleText')}
            {...form.getInputProps(`items.${n}.responsibleText`)}
          />
          <DateField
            w={130}
            aria-label={t('plans.item.dueDate')}
            clearable={false}
            {...form.getInputProps(`items.${n}.dueDate`)}
          />
          <TextInput
            w={150}
            aria-label={t('plans.item.basis')}
            placeholder={t('plans.item.basis')}
            {...form.getInputProps(`items.${n}.basis`)}
          />
          <ActionIcon
            mt={6}
            variant="subtle"
            color="red"
            aria-label={t('app.cancel')}
            onClick={() => form.removeListItem('items', n)}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      {typeof form.errors.items === 'string' && (
        <Text c="red" size="sm">
          {form.errors.items}
        </Text>
      )}
      <Button
        w="fit-content"
        variant="subtle"
        leftSection={<IconPlus size={14} />}
        onClick={() => form.insertListItem('items', blank)}
      >
        {t('plans.addItem')}
      </Button>
    </GuardedForm>
  );
}

function ReturnForm({ plan, onDone }: { plan: Plan; onDone: () => void }) {
  const { t } = useTranslation();
  const returnCall = useCallMutation('plans.return', { invalidates: PLAN_READS });
  const form = useContractForm(api['plans.return'].input, { id: plan.id, remarks: '' });
  return (
    <GuardedForm
      form={form}
      submitLabel={t('plans.return')}
      onSubmit={async (v) => {
        await returnCall.mutateAsync(v);
        onDone();
      }}
    >
      <Textarea
        label={t('plans.remarks')}
        withAsterisk
        autosize
        minRows={3}
        data-autofocus
        {...form.getInputProps('remarks')}
      />
    </GuardedForm>
  );
}

function MarkForm({ item, onDone }: { item: PlanItem; onDone: () => void }) {
  const { t } = useTranslation();
  const markItemCall = useCallMutation('plans.markItem', { invalidates: PLAN_READS });
  const form = useContractForm(api['plans.markItem'].input, {
    itemId: item.id,
    result: 'done' as 'done' | 'notDone',
    note: '',
  });
  return (
    <GuardedForm
      form={form}
      onSubmit={async (v) => {
        await markItemCall.mutateAsync(v);
        onDone();
      }}
    >
      <Text size="sm">{item.text}</Text>
      <SegmentedControl
        value={form.values.result}
        onChange={(x) => form.setFieldValue('result', x as 'done' | 'notDone')}
        data={[
          { value: 'done', label: t('plans.results.done') },
          { value: 'notDone', label: t('plans.results.notDone') },
        ]}
      />
      <TextInput label={t('plans.note')} data-autofocus {...form.getInputProps('note')} />
    </GuardedForm>
  );
}
