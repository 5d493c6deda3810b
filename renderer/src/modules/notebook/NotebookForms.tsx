import { useCallMutation } from '../../api/hooks';
import { NOTEBOOK_READS } from './queries';
import { useState } from 'react';
import { Badge, CloseButton, Group, MultiSelect, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, type NotebookEntry } from '../../../../shared/api';
import { OWN_KINDS } from '../../../../shared/api/notebook';
import { DateField } from '../../app/DateField';
import { GuardedForm } from '../../app/FormModal';
import { notifySaved, useContractForm } from '../../app/forms';
import { fullName } from '../../../../shared/format';
import { CitizenSearch } from '../citizens/CitizenSearch';
import { DateTimeFields } from '../../app/DateTimeFields';

const nowMinute = () => dayjs().format('YYYY-MM-DDTHH:mm');

/** The draft name of a new own entry's form, kept through a lock (issue 15). */
export const NEW_ENTRY_DRAFT = 'notebook.new';

/** One's own entry, or the correction of one: the old entry stays, marked as corrected. */
export function EntryForm({ corrects, onDone }: { corrects: NotebookEntry | null; onDone: () => void }) {
  const { t } = useTranslation();
  const write = useCallMutation('notebook.write', { invalidates: NOTEBOOK_READS });
  const form = useContractForm(api['notebook.write'].input, {
    kind: (corrects?.kind ?? 'information') as (typeof OWN_KINDS)[number],
    occurredAt: corrects?.occurredAt ?? nowMinute(),
    text: corrects?.text ?? '',
    passTo: corrects?.passTo ?? '',
    citizenId: corrects?.citizenId ?? null,
    address: corrects?.address ?? '',
    correctsId: corrects?.id ?? null,
  });
  const [citizen, setCitizen] = useState(corrects?.citizenName ?? '');
  return (
    <GuardedForm
      form={form}
      draft={corrects ? undefined : NEW_ENTRY_DRAFT}
      onSubmit={async (v) => {
        const e = await write.mutateAsync(v);
        notifySaved(t, t('notebook.written', { n: e.number }));
        onDone();
      }}
    >
      {corrects && (
        <Text size="sm" c="dimmed">
          {t('notebook.correcting', { n: corrects.number })}
        </Text>
      )}
      <Group grow align="flex-start" gap="xs">
        <Select
          label={t('notebook.kind')}
          allowDeselect={false}
          searchable
          selectFirstOptionOnChange
          disabled={corrects !== null}
          data={OWN_KINDS.map((k) => ({ value: k, label: t(`notebook.kinds.${k}`) }))}
          {...form.getInputProps('kind')}
        />
        <DateTimeFields
          label={t('notebook.when')}
          value={form.values.occurredAt}
          onChange={(v) => form.setFieldValue('occurredAt', v)}
          error={form.errors.occurredAt}
        />
      </Group>
      <Textarea
        label={t('notebook.text')}
        withAsterisk
        autosize
        minRows={4}
        maxRows={10}
        data-autofocus
        {...form.getInputProps('text')}
      />
      {form.values.kind === 'passOn' && (
        <TextInput
          label={t('notebook.passTo')}
          withAsterisk
          description={t('notebook.passRule')}
          {...form.getInputProps('passTo')}
        />
      )}
      <Group grow align="flex-end" gap="xs">
        {citizen ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('notebook.citizen')}
            </Text>
            <Group gap={4} wrap="nowrap">
              <Badge variant="light" size="lg" tt="none" data-testid="linked-citizen">
                {citizen}
              </Badge>
              <CloseButton
                size="sm"
                aria-label={t('app.cancel')}
                onClick={() => {
                  setCitizen('');
                  form.setFieldValue('citizenId', null);
                }}
              />
            </Group>
          </Stack>
        ) : (
          <CitizenSearch
            label={t('notebook.citizen')}
            autoFocus={false}
            short
            onPick={(c) => {
              form.setFieldValue('citizenId', c.id);
              setCitizen(`${fullName(c)}${c.iin ? `, ${c.iin}` : ''}`);
            }}
            onNew={() => undefined}
          />
        )}
        <TextInput label={t('notebook.address')} {...form.getInputProps('address')} />
      </Group>
    </GuardedForm>
  );
}

export function InstructionForm({
  owners,
  onDone,
}: {
  owners: { userId: number; name: string; role: string; own: boolean }[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const instruct = useCallMutation('notebook.instruct', { invalidates: NOTEBOOK_READS });
  const form = useContractForm(api['notebook.instruct'].input, {
    ownerIds: [] as number[],
    text: '',
    dueDate: dayjs().add(3, 'day').format('YYYY-MM-DD'),
    expectedResult: '',
  });
  return (
    <GuardedForm
      form={form}
      submitLabel={t('notebook.instruct')}
      onSubmit={async (v) => {
        await instruct.mutateAsync(v);
        notifySaved(t, t('notebook.instructed'));
        onDone();
      }}
    >
      <MultiSelect
        label={t('notebook.addressees')}
        withAsterisk
        searchable
        data-autofocus
        data={owners
          .filter((o) => !o.own)
          .map((o) => ({ value: String(o.userId), label: `${o.name} — ${t(`roles.${o.role}`)}` }))}
        value={form.values.ownerIds.map(String)}
        onChange={(v) => form.setFieldValue('ownerIds', v.map(Number))}
        error={form.errors.ownerIds}
      />
      <Textarea label={t('notebook.text')} withAsterisk autosize minRows={3} {...form.getInputProps('text')} />
      <Group grow align="flex-start">
        <DateField label={t('notebook.due')} withAsterisk clearable={false} {...form.getInputProps('dueDate')} />
        <TextInput label={t('notebook.expectedResult')} {...form.getInputProps('expectedResult')} />
      </Group>
    </GuardedForm>
  );
}

export function CallInForm({ ownerId, onDone }: { ownerId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const callIn = useCallMutation('notebook.callIn', { invalidates: NOTEBOOK_READS });
  const form = useContractForm(api['notebook.callIn'].input, { ownerId, occurredAt: nowMinute(), text: '' });
  return (
    <GuardedForm
      form={form}
      onSubmit={async (v) => {
        await callIn.mutateAsync(v);
        notifySaved(t);
        onDone();
      }}
    >
      <DateTimeFields
        label={t('notebook.when')}
        value={form.values.occurredAt}
        onChange={(v) => form.setFieldValue('occurredAt', v)}
        error={form.errors.occurredAt}
      />
      <Textarea
        label={t('notebook.reported')}
        withAsterisk
        autosize
        minRows={3}
        data-autofocus
        {...form.getInputProps('text')}
      />
    </GuardedForm>
  );
}

export function ReviewForm({ ownerId, onDone }: { ownerId: number; onDone: () => void }) {
  const { t } = useTranslation();
  const review = useCallMutation('notebook.review', { invalidates: NOTEBOOK_READS });
  const form = useContractForm(api['notebook.review'].input, { ownerId, remark: '' });
  return (
    <GuardedForm
      form={form}
      submitLabel={t('notebook.review')}
      onSubmit={async (v) => {
        await review.mutateAsync(v);
        notifySaved(t);
        onDone();
      }}
    >
      <Text size="sm" c="dimmed">
        {t('notebook.reviewText')}
      </Text>
      <Textarea label={t('notebook.remark')} autosize minRows={3} data-autofocus {...form.getInputProps('remark')} />
    </GuardedForm>
  );
}

export function MarkForm({
  kind,
  entry,
  onDone,
}: {
  kind: 'done' | 'passed';
  entry: NotebookEntry;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const markDone = useCallMutation('notebook.markDone', { invalidates: NOTEBOOK_READS });
  const markPassed = useCallMutation('notebook.markPassed', { invalidates: NOTEBOOK_READS });
  const schema =
    kind === 'done'
      ? z.object({ doneText: api['notebook.markDone'].input.shape.doneText })
      : api['notebook.markPassed'].input.omit({ id: true });
  const form = useContractForm(schema, { doneText: '', passedHow: '', outgoingNumber: '' });
  return (
    <GuardedForm
      form={form}
      onSubmit={async (v) => {
        if (kind === 'done') await markDone.mutateAsync({ id: entry.id, doneText: v.doneText });
        else await markPassed.mutateAsync({ id: entry.id, passedHow: v.passedHow, outgoingNumber: v.outgoingNumber });
        notifySaved(t);
        onDone();
      }}
    >
      <Text size="sm">
        № {entry.number}: {entry.text}
      </Text>
      {kind === 'done' ? (
        <Textarea
          label={t('notebook.doneText')}
          withAsterisk
          autosize
          minRows={3}
          data-autofocus
          {...form.getInputProps('doneText')}
        />
      ) : (
        <Group grow align="flex-start">
          <TextInput label={t('notebook.passedHow')} withAsterisk data-autofocus {...form.getInputProps('passedHow')} />
          <TextInput label={t('notebook.outgoingNumber')} {...form.getInputProps('outgoingNumber')} />
        </Group>
      )}
    </GuardedForm>
  );
}
