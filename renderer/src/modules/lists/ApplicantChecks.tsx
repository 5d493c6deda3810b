import { useState } from 'react';
import { Badge, Button, Grid, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api, canCall, type ApplicantCheck, type SessionUser, type Station } from '../../../../shared/api';
import { APPLICANT_PERMITS, applicantCheckInputSchema } from '../../../../shared/api/lists';
import { formatDate, isoDay } from '../../../../shared/format';
import { useCall, useCallMutation } from '../../api/hooks';
import { DateField } from '../../app/DateField';
import { FormModal, GuardedForm } from '../../app/FormModal';
import { draftWaits } from '../../app/drafts';
import { notifySaved, useContractForm } from '../../app/forms';
import { RecordTable } from '../../app/RecordTable';
import { CheckResultFields, citizenOf, PersonBlock } from './ListForms';
import { LIST_READS } from './queries';

type Dialog = { kind: 'edit'; entry: ApplicantCheck | null } | { kind: 'check'; entry: ApplicantCheck };
const APPLICANT_DRAFT = 'lists.new.applicants';

/** p.22(10): the applicants for a weapons permit the weapons unit asked to check, with the day each is due. */
export function ApplicantChecks({
  session,
  station,
  filter,
  defaultSection,
  focusId,
}: {
  session: SessionUser;
  station: Station | undefined;
  filter: { sectionId: number | null; text: string };
  defaultSection: number;
  focusId: number | null;
}) {
  const { t } = useTranslation();
  // a new instruction half typed when the PC locked is opened again (issue 15)
  const [dialog, setDialog] = useState<Dialog | null>(() =>
    draftWaits(APPLICANT_DRAFT) ? { kind: 'edit', entry: null } : null,
  );
  const rows = useCall('lists.applicantChecks', filter);
  const writes = canCall(session.role, 'lists.saveApplicantCheck');
  const today = isoDay(new Date());
  const done = () => {
    notifySaved(t);
    setDialog(null);
  };
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={820}>
          {t('lists.applicants.rule')}
        </Text>
        {writes && (
          <Button
            leftSection={<IconPlus size={16} />}
            disabled={!station}
            onClick={() => setDialog({ kind: 'edit', entry: null })}
            style={{ flexShrink: 0 }}
          >
            {t('lists.applicants.add')}
          </Button>
        )}
      </Group>
      <RecordTable
        focusId={focusId}
        minHeight={160}
        fetching={rows.isFetching}
        records={rows.data}
        // the instruction is corrected while not yet done; a done one opens nothing to change
        onOpen={writes ? (r) => r.checkedOn === null && setDialog({ kind: 'edit', entry: r }) : undefined}
        rowLabel={(r) => r.person}
        rowStyle={(r) => (r.checkedOn ? { opacity: 0.75 } : undefined)}
        columns={[
          {
            accessor: 'person',
            title: t('lists.person'),
            render: (r) => (
              <div>
                <Text size="sm" fw={500}>
                  {r.person}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.address}
                </Text>
              </div>
            ),
          },
          {
            accessor: 'permit',
            title: t('lists.applicants.permit'),
            width: 190,
            render: (r) => (
              <div>
                <Text size="sm">{t(`lists.applicants.permits.${r.permit}`)}</Text>
                <Text size="xs" c="dimmed">
                  {r.weapon}
                </Text>
              </div>
            ),
          },
          {
            accessor: 'instructedBy',
            title: t('lists.applicants.instruction'),
            width: 210,
            render: (r) => (
              <div>
                <Text size="sm">
                  {r.instructionRef && `№ ${r.instructionRef}, `}
                  {formatDate(r.receivedOn)}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.instructedBy}
                </Text>
              </div>
            ),
          },
          {
            accessor: 'dueOn',
            title: t('lists.applicants.due'),
            width: 120,
            render: (r) =>
              r.checkedOn ? (
                formatDate(r.dueOn)
              ) : (
                <Badge variant="light" color={r.dueOn < today ? 'red' : 'orange'}>
                  {formatDate(r.dueOn)}
                </Badge>
              ),
          },
          {
            accessor: 'checkedOn',
            title: t('lists.applicants.checkedOn'),
            width: 230,
            render: (r) =>
              r.checkedOn ? (
                <div>
                  <Text size="sm">
                    {formatDate(r.checkedOn)} · {r.checkedBy}
                  </Text>
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {r.result}
                  </Text>
                </div>
              ) : writes ? (
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={(e) => {
                    e.stopPropagation();
                    setDialog({ kind: 'check', entry: r });
                  }}
                >
                  {t('lists.checkShort')}
                </Button>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('lists.applicants.pending')}
                </Text>
              ),
          },
        ]}
      />
      <FormModal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size={dialog?.kind === 'edit' ? 1150 : 'md'}
        title={dialog?.kind === 'check' ? t('lists.applicants.result') : t('lists.applicants.tab')}
      >
        {dialog?.kind === 'edit' && station && (
          <ApplicantForm entry={dialog.entry} station={station} defaultSection={defaultSection} onDone={done} />
        )}
        {dialog?.kind === 'check' && <ApplicantCheckForm entry={dialog.entry} onDone={done} />}
      </FormModal>
    </Stack>
  );
}

function ApplicantForm({
  entry,
  station,
  defaultSection,
  onDone,
}: {
  entry: ApplicantCheck | null;
  station: Station;
  defaultSection: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useCallMutation('lists.saveApplicantCheck', { invalidates: LIST_READS });
  const form = useContractForm(applicantCheckInputSchema, {
    id: entry?.id ?? null,
    sectionId: entry?.sectionId ?? defaultSection,
    citizen: citizenOf(entry),
    address: entry?.address ?? '',
    permit: entry?.permit ?? null,
    weapon: entry?.weapon ?? '',
    instructedBy: entry?.instructedBy ?? '',
    instructionRef: entry?.instructionRef ?? '',
    receivedOn: entry?.receivedOn ?? isoDay(new Date()),
    dueOn: entry?.dueOn ?? '',
  } as z.input<typeof applicantCheckInputSchema>);
  return (
    <GuardedForm
      form={form}
      onSubmit={async (x) => {
        await save.mutateAsync(x);
        onDone();
      }}
      draft={entry ? undefined : APPLICANT_DRAFT}
    >
      <Grid gap="lg">
        <Grid.Col span={5}>
          <PersonBlock form={form} known={entry !== null} station={station} />
        </Grid.Col>
        <Grid.Col span={7}>
          <Stack gap="xs">
            <TextInput label={t('lists.address')} withAsterisk {...form.getInputProps('address')} />
            <Group grow gap="xs" align="flex-start">
              <Select
                label={t('lists.applicants.permit')}
                withAsterisk
                data={APPLICANT_PERMITS.map((p) => ({ value: p, label: t(`lists.applicants.permits.${p}`) }))}
                {...form.getInputProps('permit')}
              />
              <TextInput label={t('lists.applicants.weapon')} {...form.getInputProps('weapon')} />
            </Group>
            <Group grow gap="xs" align="flex-start">
              <TextInput
                label={t('lists.applicants.instructedBy')}
                withAsterisk
                {...form.getInputProps('instructedBy')}
              />
              <TextInput label={t('lists.applicants.instructionRef')} {...form.getInputProps('instructionRef')} />
            </Group>
            <Group grow gap="xs" align="flex-start">
              <DateField
                label={t('lists.applicants.receivedOn')}
                withAsterisk
                clearable={false}
                {...form.getInputProps('receivedOn')}
              />
              <DateField label={t('lists.applicants.dueOn')} withAsterisk {...form.getInputProps('dueOn')} />
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </GuardedForm>
  );
}

function ApplicantCheckForm({ entry, onDone }: { entry: ApplicantCheck; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useCallMutation('lists.recordApplicantCheck', { invalidates: LIST_READS });
  const form = useContractForm(api['lists.recordApplicantCheck'].input, {
    id: entry.id,
    checkedOn: isoDay(new Date()),
    result: '',
  });
  return (
    <GuardedForm
      form={form}
      onSubmit={async (x) => {
        await record.mutateAsync(x);
        onDone();
      }}
    >
      <Text size="sm" fw={500}>
        {entry.person}, {entry.address}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`lists.applicants.permits.${entry.permit}`)} · {entry.instructedBy} · {t('lists.applicants.dueOn')}{' '}
        {formatDate(entry.dueOn)}
      </Text>
      <CheckResultFields form={form} field="result" label={t('lists.applicants.result')} />
    </GuardedForm>
  );
}
