import { useEffect, useState } from 'react';
import { ADDRESSED, useFromAddress } from '../../app/addressed';
import { Badge, Button, Card, Group, Menu, Select, Stack, Switch, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconChecks, IconPencil, IconPhoneCall, IconPlus, IconPrinter, IconSend, IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { canCall, type EntryKind, type NotebookEntry, type SessionUser } from '../../../../shared/api';
import { ENTRY_KINDS, ENTRY_STATUSES } from '../../../../shared/api/notebook';

type EntryStatus = (typeof ENTRY_STATUSES)[number];
import { formatDate, formatDateTime } from '../../../../shared/format';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { DateField } from '../../app/DateField';
import { FormModal } from '../../app/FormModal';
import { openPreview } from '../../app/print/openPreview';
import { CallInForm, EntryForm, InstructionForm, MarkForm, NEW_ENTRY_DRAFT, ReviewForm } from './NotebookForms';
import { draftWaits } from '../../app/drafts';
import { PassRegister } from './PassRegister';

export const KIND_COLORS: Record<EntryKind, string> = {
  instruction: 'red',
  information: 'blue',
  tour: 'teal',
  onlineReception: 'grape',
  callIn: 'cyan',
  passOn: 'orange',
  other: 'gray',
};

type Dialog =
  | { kind: 'write'; corrects: NotebookEntry | null }
  | { kind: 'instruct' }
  | { kind: 'callIn' }
  | { kind: 'review' }
  | { kind: 'done' | 'passed'; entry: NotebookEntry }
  | null;

/**
 * The work notebook (p.20): one's own to write, others' to read as the rules allow, reviews, the register of p.24(5).
 */
export function NotebookScreen({
  session,
  ownerParam,
  entryParam,
  periodParam,
  go,
}: {
  session: SessionUser;
  ownerParam: number | null;
  /** the entry the search box opened: shown, marked and scrolled to */
  entryParam: number | null;
  /** the period a figure of the Figures screen counts */
  periodParam: { from: string; to: string } | null;
  go: (hash: string) => void;
}) {
  const { t } = useTranslation();
  // a new entry kept through a lock opens again with its text (issue 15)
  const [dialog, setDialog] = useState<Dialog>(() =>
    draftWaits(NEW_ENTRY_DRAFT) ? { kind: 'write', corrects: null } : null,
  );
  const [filter, setFilter] = useState<{
    from: string | null;
    to: string | null;
    kind: EntryKind | null;
    text: string;
    status: EntryStatus | null;
  }>({ from: null, to: null, kind: null, text: '', status: null });
  useFromAddress(periodParam, (p) => setFilter((f) => ({ ...f, ...p })));
  const owners = useCall('notebook.owners', {});
  const ownerId = ownerParam ?? owners.data?.[0]?.userId ?? null;
  const owner = owners.data?.find((o) => o.userId === ownerId);
  const data = useCall('notebook.entries', { ownerId: ownerId!, ...filter }, { enabled: ownerId !== null });
  const own = owner?.own === true;
  const canInstruct = canCall(session.role, 'notebook.instruct');
  const canReview = canCall(session.role, 'notebook.review');
  const isDuty = session.role === 'dutyOfficer';
  const showRegister = canCall(session.role, 'notebook.passRegister');
  useHotkeys([['F2', () => own && !dialog && setDialog({ kind: 'write', corrects: null })]], []);

  // each change names what it makes stale (./queries.ts); the screen only closes the dialog
  const refresh = () => setDialog(null);
  const lastReview = data.data?.reviews[0];
  // a reviewer reads from the last review on (p.23(3), p.16)
  const [sinceReview, setSinceReview] = useState(false);
  const shown = (data.data?.entries ?? []).filter(
    (e) => !sinceReview || !lastReview || e.number > lastReview.upToNumber,
  );
  const focused = shown.some((e) => e.id === entryParam);
  useEffect(() => {
    if (focused) document.querySelector(`[data-entry-id="${entryParam}"]`)?.scrollIntoView({ block: 'center' });
  }, [focused, entryParam]);

  const notebook = (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group gap="xs" align="flex-end">
          <Select
            label={t('notebook.owner')}
            w={260}
            allowDeselect={false}
            // the box shows the name; the list says whose role too (the two did not fit the box, in Kazakh least)
            data={(owners.data ?? []).map((o) => ({ value: String(o.userId), label: o.name }))}
            renderOption={({ option }) => {
              const o = owners.data?.find((x) => String(x.userId) === option.value);
              return (
                <div>
                  <Text size="sm">{option.label}</Text>
                  {o && (
                    <Text size="xs" c="dimmed">
                      {t(`roles.${o.role}`)}
                    </Text>
                  )}
                </div>
              );
            }}
            value={ownerId ? String(ownerId) : null}
            onChange={(v) => v && go(`/notebook/${v}`)}
          />
          <DateField
            label={t('reception.from')}
            w={140}
            value={filter.from}
            onChange={(v) => setFilter((f) => ({ ...f, from: v }))}
          />
          <DateField
            label={t('reception.to')}
            w={140}
            value={filter.to}
            onChange={(v) => setFilter((f) => ({ ...f, to: v }))}
          />
          <Select
            label={t('notebook.kind')}
            w={170}
            clearable
            placeholder={t('reception.all')}
            data={ENTRY_KINDS.map((k) => ({ value: k, label: t(`notebook.kinds.${k}`) }))}
            value={filter.kind}
            onChange={(v) => setFilter((f) => ({ ...f, kind: v as EntryKind | null }))}
          />
          <Select
            label={t('reception.statusLabel')}
            w={140}
            clearable
            placeholder={t('reception.all')}
            data={ENTRY_STATUSES.map((k) => ({ value: k, label: t(`notebook.statuses.${k}`) }))}
            value={filter.status}
            onChange={(v) => setFilter((f) => ({ ...f, status: v as EntryStatus | null }))}
          />
          <TextInput
            label={t('notebook.search')}
            w={150}
            value={filter.text}
            onChange={(e) => {
              const text = e.currentTarget.value;
              setFilter((f) => ({ ...f, text }));
            }}
          />
        </Group>
        <Group gap="xs">
          {isDuty && owner && (
            <Button
              variant="light"
              leftSection={<IconPhoneCall size={16} />}
              onClick={() => setDialog({ kind: 'callIn' })}
            >
              {t('notebook.callIn')}
            </Button>
          )}
          {canReview && owner && !own && (
            <Button variant="light" leftSection={<IconEye size={16} />} onClick={() => setDialog({ kind: 'review' })}>
              {t('notebook.review')}
            </Button>
          )}
          {canInstruct && (
            <Button
              variant="light"
              leftSection={<IconSend size={16} />}
              onClick={() => setDialog({ kind: 'instruct' })}
            >
              {t('notebook.instruct')}
            </Button>
          )}
          {owner && (
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" leftSection={<IconPrinter size={16} />}>
                  {t('notebook.print')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {(['kk', 'ru'] as const).map((language) => (
                  <Menu.Item
                    key={language}
                    onClick={() =>
                      openPreview({
                        title: t('doc.notebook.title'),
                        language,
                        load: (c) =>
                          call('notebook.print', {
                            ownerId: ownerId!,
                            from: filter.from,
                            to: filter.to,
                            language: c.language,
                          }),
                      })
                    }
                  >
                    {t(language === 'kk' ? 'reception.printKk' : 'reception.printRu')}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
          {own && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setDialog({ kind: 'write', corrects: null })}
              title="F2"
            >
              {t('notebook.newEntry')} (F2)
            </Button>
          )}
        </Group>
      </Group>

      {data.data?.reviews.length ? (
        <Card withBorder padding="xs" bg="yellow.0" data-testid="reviews">
          {data.data.reviews.slice(0, 3).map((r) => (
            <Text size="sm" key={r.id}>
              <b>
                {t('notebook.reviewed', {
                  date: formatDateTime(r.reviewedAt),
                  who: r.reviewer,
                  role: t(`roles.${r.reviewerRole}`),
                  n: r.upToNumber,
                })}
              </b>
              {r.remark ? ` — ${r.remark}` : ''}
            </Text>
          ))}
        </Card>
      ) : null}

      {lastReview && (
        <Switch
          label={t('notebook.sinceReview', { n: lastReview.upToNumber })}
          checked={sinceReview}
          onChange={(e) => setSinceReview(e.currentTarget.checked)}
        />
      )}
      {shown.length === 0 && <Text c="dimmed">{t('app.noRecords')}</Text>}
      <Stack gap={6}>
        {shown.map((e) => (
          <Card
            key={e.id}
            withBorder
            padding="xs"
            data-testid="notebook-entry"
            data-entry-id={e.id}
            style={{
              ...(e.correctedByNumber ? { opacity: 0.6 } : {}),
              ...(e.id === entryParam ? ADDRESSED : {}),
            }}
          >
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Group gap="xs" wrap="nowrap" align="flex-start" style={{ flex: 1 }}>
                <Text fw={700} w={36} ta="right">
                  {e.number}
                </Text>
                <Stack gap={2} style={{ flex: 1 }}>
                  <Group gap={6}>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(e.occurredAt)}
                    </Text>
                    <Badge size="sm" variant="light" color={KIND_COLORS[e.kind]}>
                      {t(`notebook.kinds.${e.kind}`)}
                    </Badge>
                    {e.writtenBy &&
                      e.kind !== 'onlineReception' &&
                      (e.kind === 'instruction' || e.kind === 'callIn') && (
                        <Text size="xs" c="dimmed">
                          {e.kind === 'instruction' ? t('notebook.givenBy', { who: e.givenBy }) : e.writtenBy}
                        </Text>
                      )}
                    {e.correctsNumber && (
                      <Badge size="sm" variant="outline" color="gray">
                        {t('notebook.corrects', { n: e.correctsNumber })}
                      </Badge>
                    )}
                    {e.correctedByNumber && (
                      <Badge size="sm" variant="outline" color="gray">
                        {t('notebook.correctedBy', { n: e.correctedByNumber })}
                      </Badge>
                    )}
                    {lastReview && e.number <= lastReview.upToNumber && (
                      <IconChecks
                        size={14}
                        color="var(--mantine-color-teal-6)"
                        aria-label={t('notebook.reviewedMark')}
                      />
                    )}
                  </Group>
                  <Text
                    size="sm"
                    style={{ whiteSpace: 'pre-wrap', textDecoration: e.correctedByNumber ? 'line-through' : undefined }}
                  >
                    {e.text}
                  </Text>
                  {(e.citizenName || e.address) && (
                    <Text size="xs" c="dimmed">
                      {[e.citizenName, e.address].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                  {e.kind === 'instruction' && (
                    <Text size="xs" c={e.doneAt ? 'teal' : 'orange'}>
                      {t('notebook.dueBy', { date: formatDate(e.dueDate) })}
                      {e.expectedResult ? ` · ${e.expectedResult}` : ''}
                      {e.doneAt ? ` · ${t('notebook.doneOn', { date: formatDateTime(e.doneAt) })}: ${e.doneText}` : ''}
                    </Text>
                  )}
                  {e.kind === 'passOn' && (
                    <Text size="xs" c={e.passedAt ? 'teal' : 'orange'}>
                      {t('notebook.passToLine', { to: e.passTo })}
                      {e.passedAt
                        ? ` · ${t('notebook.passedOn', { date: formatDateTime(e.passedAt), how: e.passedHow, number: e.outgoingNumber || '—' })}`
                        : ''}
                      {e.checkResult ? ` · ${t('notebook.checkResult')}: ${e.checkResult}` : ''}
                    </Text>
                  )}
                </Stack>
              </Group>
              {own && !e.correctedByNumber && (
                <Group gap={4} wrap="nowrap">
                  {e.kind === 'instruction' && !e.doneAt && (
                    <Button size="compact-xs" variant="light" onClick={() => setDialog({ kind: 'done', entry: e })}>
                      {t('notebook.markDone')}
                    </Button>
                  )}
                  {e.kind === 'passOn' && !e.passedAt && (
                    <Button
                      size="compact-xs"
                      variant="light"
                      color="orange"
                      onClick={() => setDialog({ kind: 'passed', entry: e })}
                    >
                      {t('notebook.markPassed')}
                    </Button>
                  )}
                  {['information', 'tour', 'passOn', 'other'].includes(e.kind) && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconPencil size={12} />}
                      onClick={() => setDialog({ kind: 'write', corrects: e })}
                    >
                      {t('notebook.correct')}
                    </Button>
                  )}
                </Group>
              )}
            </Group>
          </Card>
        ))}
      </Stack>
    </Stack>
  );

  return (
    <Stack gap="sm">
      <Title order={3}>
        {t('notebook.title')}
        {owner && !own ? ` — ${owner.name}` : ''}
      </Title>
      {showRegister ? (
        <Tabs defaultValue="notebook" keepMounted={false}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="notebook">{t('notebook.title')}</Tabs.Tab>
            <Tabs.Tab value="register">{t('notebook.register')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="notebook">{notebook}</Tabs.Panel>
          <Tabs.Panel value="register">
            <PassRegister canRecord={session.role === 'uppLead'} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        notebook
      )}
      <FormModal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size="lg"
        title={dialog ? t(`notebook.dialogs.${dialog.kind}`) : ''}
      >
        {dialog?.kind === 'write' && <EntryForm corrects={dialog.corrects} onDone={refresh} />}
        {dialog?.kind === 'instruct' && <InstructionForm owners={owners.data ?? []} onDone={refresh} />}
        {dialog?.kind === 'callIn' && ownerId !== null && <CallInForm ownerId={ownerId} onDone={refresh} />}
        {dialog?.kind === 'review' && ownerId !== null && <ReviewForm ownerId={ownerId} onDone={refresh} />}
        {(dialog?.kind === 'done' || dialog?.kind === 'passed') && (
          <MarkForm kind={dialog.kind} entry={dialog.entry} onDone={refresh} />
        )}
      </FormModal>
    </Stack>
  );
}
