import { useCallMutation } from '../../api/hooks';
import { FILE_READS } from './queries';
import { Checkbox, Group, PasswordInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type PersonFile, type User } from '../../../../shared/api';
import { MOVE_KINDS, SUPERVISION_KINDS } from '../../../../shared/api/prevention';
import { shortName } from '../../../../shared/format';
import { DateField } from '../../app/DateField';
import { DateTimeFields } from '../../app/DateTimeFields';
import { GuardedForm } from '../../app/FormModal';
import { useContractForm } from '../../app/forms';
import { saveFile } from '../../app/saveFile';

const nowMinute = () => dayjs().format('YYYY-MM-DDTHH:mm');
type Done = (f: PersonFile) => void;

/** p.12: what was done at the address (or a check planned for a date); a planned one is fulfilled in place. */
export function SupervisionForm({
  file,
  mode,
  fulfilsId,
  onDone,
}: {
  file: PersonFile;
  mode: 'done' | 'plan';
  fulfilsId: number | null;
  onDone: Done;
}) {
  const { t } = useTranslation();
  const change = useCallMutation('prevention.addSupervision', { invalidates: FILE_READS });
  const planned = file.supervision.find((s) => s.id === fulfilsId);
  const form = useContractForm(api['prevention.addSupervision'].input, {
    id: file.id,
    kind: planned?.kind ?? (mode === 'plan' ? 'check' : 'visit'),
    plannedFor: mode === 'plan' ? dayjs().add(7, 'day').format('YYYY-MM-DD') : null,
    doneAt: mode === 'done' ? nowMinute() : null,
    text: '',
    violation: false,
    violationText: '',
    measures: '',
    fulfilsId,
  });
  const v = form.values;
  return (
    <GuardedForm form={form} onSubmit={async (x) => onDone(await change.mutateAsync(x))}>
      <Group grow align="flex-start" gap="xs">
        <Select
          label={t('prevention.supervision.kind')}
          allowDeselect={false}
          data-autofocus
          data={SUPERVISION_KINDS.map((k) => ({ value: k, label: t(`prevention.supervision.kinds.${k}`) }))}
          {...form.getInputProps('kind')}
        />
        {mode === 'plan' ? (
          <DateField
            label={t('prevention.supervision.plannedFor')}
            withAsterisk
            clearable={false}
            {...form.getInputProps('plannedFor')}
          />
        ) : (
          <DateTimeFields
            label={t('prevention.supervision.doneAt')}
            value={v.doneAt ?? ''}
            onChange={(x) => form.setFieldValue('doneAt', x)}
            error={form.errors.doneAt}
          />
        )}
      </Group>
      {mode === 'done' && (
        <>
          <Textarea
            label={t('prevention.supervision.text')}
            withAsterisk
            autosize
            minRows={3}
            maxRows={8}
            {...form.getInputProps('text')}
          />
          <Checkbox
            label={t('prevention.supervision.violation')}
            {...form.getInputProps('violation', { type: 'checkbox' })}
          />
          {v.violation && (
            <Textarea
              label={t('prevention.supervision.violationText')}
              withAsterisk
              autosize
              minRows={2}
              {...form.getInputProps('violationText')}
            />
          )}
          <Textarea
            label={t('prevention.supervision.measures')}
            autosize
            minRows={2}
            {...form.getInputProps('measures')}
          />
        </>
      )}
      {mode === 'plan' && <TextInput label={t('prevention.notes')} {...form.getInputProps('text')} />}
    </GuardedForm>
  );
}

/** p.13: the paper file taken out of its safe, or returned. */
export function CustodyForm({
  file,
  action,
  users,
  me,
  onDone,
}: {
  file: PersonFile;
  action: 'out' | 'in';
  users: User[];
  me: number;
  onDone: Done;
}) {
  const { t } = useTranslation();
  const change = useCallMutation('prevention.custody', { invalidates: FILE_READS });
  const form = useContractForm(api['prevention.custody'].input, { id: file.id, action, personId: me, reason: '' });
  const staff = users.filter((u) => u.active && !['admin', 'dutyOfficer'].includes(u.role));
  return (
    <GuardedForm
      form={form}
      submitLabel={t(action === 'out' ? 'prevention.custody.takeOut' : 'prevention.custody.return')}
      onSubmit={async (x) => onDone(await change.mutateAsync(x))}
    >
      <Select
        label={t('prevention.custody.person')}
        searchable
        allowDeselect={false}
        data={staff.map((u) => ({ value: String(u.id), label: shortName(u) }))}
        value={String(form.values.personId)}
        onChange={(x) => form.setFieldValue('personId', Number(x))}
        error={form.errors.personId}
      />
      <TextInput
        label={t('prevention.custody.reason')}
        withAsterisk={action === 'out'}
        data-autofocus
        {...form.getInputProps('reason')}
      />
      <Text size="xs" c="dimmed">
        {t('prevention.custody.overdueRule')}
      </Text>
    </GuardedForm>
  );
}

export function DepartureForm({ file, onDone }: { file: PersonFile; onDone: Done }) {
  const { t } = useTranslation();
  const change = useCallMutation('prevention.recordDeparture', { invalidates: FILE_READS });
  const form = useContractForm(api['prevention.recordDeparture'].input, {
    id: file.id,
    departedAt: nowMinute(),
    moveKind: 'region' as const,
    newAddress: '',
    newBody: '',
  });
  return (
    <GuardedForm form={form} onSubmit={async (x) => onDone(await change.mutateAsync(x))}>
      <Group grow align="flex-start" gap="xs">
        <DateTimeFields
          label={t('prevention.transfer.departedAt')}
          value={form.values.departedAt}
          onChange={(x) => form.setFieldValue('departedAt', x)}
          error={form.errors.departedAt}
        />
        <Select
          label={t('prevention.transfer.moveKind')}
          allowDeselect={false}
          data={MOVE_KINDS.map((k) => ({ value: k, label: t(`prevention.transfer.moveKinds.${k}`) }))}
          {...form.getInputProps('moveKind')}
        />
      </Group>
      <TextInput label={t('prevention.transfer.newAddress')} withAsterisk {...form.getInputProps('newAddress')} />
      <TextInput
        label={t('prevention.transfer.newBody')}
        description={t('prevention.transfer.newBodyHint')}
        withAsterisk
        {...form.getInputProps('newBody')}
      />
    </GuardedForm>
  );
}

export function RequestForm({ file, onDone }: { file: PersonFile; onDone: Done }) {
  const { t } = useTranslation();
  const change = useCallMutation('prevention.recordRequest', { invalidates: FILE_READS });
  const form = useContractForm(api['prevention.recordRequest'].input, {
    id: file.id,
    sentAt: nowMinute(),
    requestNumber: '',
  });
  return (
    <GuardedForm form={form} onSubmit={async (x) => onDone(await change.mutateAsync(x))}>
      <DateTimeFields
        label={t('prevention.transfer.sentAt')}
        value={form.values.sentAt}
        onChange={(x) => form.setFieldValue('sentAt', x)}
        error={form.errors.sentAt}
      />
      <TextInput
        label={t('prevention.transfer.requestNumber')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('requestNumber')}
      />
    </GuardedForm>
  );
}

export function ConfirmationForm({ file, onDone }: { file: PersonFile; onDone: Done }) {
  const { t } = useTranslation();
  const change = useCallMutation('prevention.recordConfirmation', { invalidates: FILE_READS });
  const form = useContractForm(api['prevention.recordConfirmation'].input, {
    id: file.id,
    confirmedOn: dayjs().format('YYYY-MM-DD'),
    confirmationRef: '',
  });
  return (
    <GuardedForm form={form} onSubmit={async (x) => onDone(await change.mutateAsync(x))}>
      <DateField
        label={t('prevention.transfer.confirmedOn')}
        withAsterisk
        clearable={false}
        {...form.getInputProps('confirmedOn')}
      />
      <TextInput
        label={t('prevention.transfer.confirmationRef')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('confirmationRef')}
      />
    </GuardedForm>
  );
}

export function MaterialsForm({ file, onDone }: { file: PersonFile; onDone: Done }) {
  const { t } = useTranslation();
  const change = useCallMutation('prevention.sendMaterials', { invalidates: FILE_READS });
  const form = useContractForm(api['prevention.sendMaterials'].input, {
    id: file.id,
    materialsList: '',
    coveringNumber: '',
  });
  return (
    <GuardedForm
      form={form}
      submitLabel={t('prevention.transfer.sendMaterials')}
      onSubmit={async (x) => onDone(await change.mutateAsync(x))}
    >
      <Textarea
        label={t('prevention.transfer.materialsList')}
        withAsterisk
        autosize
        minRows={4}
        maxRows={10}
        data-autofocus
        {...form.getInputProps('materialsList')}
      />
      <TextInput
        label={t('prevention.transfer.coveringNumber')}
        withAsterisk
        {...form.getInputProps('coveringNumber')}
      />
    </GuardedForm>
  );
}

export function RemovalForm({ file, onDone }: { file: PersonFile; onDone: Done }) {
  const { t } = useTranslation();
  const change = useCallMutation('prevention.remove', { invalidates: FILE_READS });
  const form = useContractForm(api['prevention.remove'].input, {
    id: file.id,
    removedOn: dayjs().format('YYYY-MM-DD'),
    removalGrounds: '',
    removalReason: '',
  });
  return (
    <GuardedForm
      form={form}
      color="red"
      submitLabel={t('prevention.transfer.remove')}
      onSubmit={async (x) => onDone(await change.mutateAsync(x))}
    >
      <DateField
        label={t('prevention.transfer.removedOn')}
        withAsterisk
        clearable={false}
        {...form.getInputProps('removedOn')}
      />
      <TextInput
        label={t('prevention.transfer.removalGrounds')}
        withAsterisk
        data-autofocus
        {...form.getInputProps('removalGrounds')}
      />
      <Textarea
        label={t('prevention.transfer.removalReason')}
        withAsterisk
        autosize
        minRows={2}
        {...form.getInputProps('removalReason')}
      />
    </GuardedForm>
  );
}

/** The encrypted package for the receiving station; the passphrase goes to them by another channel. */
export function ExportForm({
  file,
  purpose,
  onDone,
}: {
  file: PersonFile;
  purpose: { purpose: 'transfer'; purposeText: string };
  onDone: () => void;
}) {
  const { t } = useTranslation();
  // the export is a reading of the file (p.15): its access record grows
  const exportPackage = useCallMutation('prevention.exportPackage', { invalidates: ['prevention.accessLog'] });
  const form = useContractForm(api['prevention.exportPackage'].input, { id: file.id, passphrase: '', ...purpose });
  return (
    <GuardedForm
      form={form}
      submitLabel={t('prevention.transfer.exportPackage')}
      onSubmit={async (x) => {
        await saveFile(await exportPackage.mutateAsync(x));
        onDone();
      }}
    >
      <Stack gap={4}>
        <PasswordInput
          label={t('prevention.transfer.passphrase')}
          withAsterisk
          data-autofocus
          autoComplete="off"
          {...form.getInputProps('passphrase')}
        />
        <Text size="xs" c="dimmed">
          {t('prevention.transfer.passphraseHint')}
        </Text>
      </Stack>
    </GuardedForm>
  );
}
