import { Alert, Select, Stack, TextInput } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PURPOSES, purposeSchema, type Purpose } from '../../../../shared/api/prevention';
import { FormModal, GuardedForm } from '../../app/FormModal';
import { useContractForm } from '../../app/forms';

/** p.15: before a file is opened, printed or exported the user says why; the answer is logged with the file. */
export function PurposeForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial?: Purpose;
  submitLabel: string;
  onSubmit: (p: Required<Purpose>) => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useContractForm(purposeSchema, {
    purpose: initial?.purpose ?? 'supervision',
    purposeText: initial?.purposeText ?? '',
  });
  return (
    <GuardedForm
      form={form}
      submitLabel={submitLabel}
      onSubmit={(v) => onSubmit({ purpose: v.purpose, purposeText: v.purposeText ?? '' })}
    >
      <Alert variant="light" color="blue" icon={<IconShieldLock size={18} />} p="xs">
        {t('prevention.purposeRule')}
      </Alert>
      <Stack gap="xs">
        <Select
          label={t('prevention.purpose')}
          withAsterisk
          allowDeselect={false}
          data-autofocus
          data={PURPOSES.map((p) => ({ value: p, label: t(`prevention.purposes.${p}`) }))}
          {...form.getInputProps('purpose')}
        />
        <TextInput
          label={t('prevention.purposeText')}
          withAsterisk={form.values.purpose === 'other'}
          maxLength={300}
          {...form.getInputProps('purposeText')}
        />
      </Stack>
    </GuardedForm>
  );
}

export function PurposeDialog({
  opened,
  title,
  submitLabel,
  initial,
  onClose,
  onSubmit,
}: {
  opened: boolean;
  title: string;
  submitLabel: string;
  initial?: Purpose;
  onClose: () => void;
  onSubmit: (p: Required<Purpose>) => Promise<void>;
}) {
  return (
    <FormModal opened={opened} onClose={onClose} title={title} size="md">
      {opened && <PurposeForm initial={initial} submitLabel={submitLabel} onSubmit={onSubmit} />}
    </FormModal>
  );
}
