import { useCallMutation } from '../../api/hooks';
import { ActionIcon, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconHistory, IconPlus, IconPrinter } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api, type Language, type Safe } from '../../../../shared/api';
import { call } from '../../api/client';
import { GuardedForm } from '../../app/FormModal';
import { notifySaved, useContractForm } from '../../app/forms';
import { openPreview } from '../../app/print/openPreview';

/** p.13: the station's named safes, and the inventory of each for the check of what is inside. */
export function SafesPanel({ safes, canEdit }: { safes: Safe[]; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const saveSafe = useCallMutation('prevention.saveSafe', { invalidates: ['prevention.safes'] });
  const form = useContractForm(api['prevention.saveSafe'].input, { id: null, name: '', location: '', active: true });
  const print = (safeId: number | null) =>
    openPreview({
      title: t('prevention.inventory'),
      language: i18n.language as Language,
      load: (c) => call('prevention.printInventory', { safeId, language: c.language }),
    });
  // p.13: the custody log of the place for a period (this month by default, changeable in the preview)
  const month = { from: dayjs().startOf('month').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') };
  const printLog = (safeId: number | null) =>
    openPreview({
      title: t('prevention.custodyLog'),
      language: i18n.language as Language,
      period: month,
      load: (c) => call('prevention.printCustodyLog', { safeId, ...(c.period ?? month), language: c.language }),
    });
  return (
    <Stack gap="sm">
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('prevention.safeName')}</Table.Th>
            <Table.Th>{t('prevention.safeLocation')}</Table.Th>
            <Table.Th w={60}>{t('prevention.safeFiles')}</Table.Th>
            <Table.Th w={80} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {safes.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td>{s.location}</Table.Td>
              <Table.Td>{s.files}</Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  aria-label={`${t('prevention.inventory')} ${s.name}`}
                  title={t('prevention.inventory')}
                  onClick={() => void print(s.id)}
                >
                  <IconPrinter size={16} />
                </ActionIcon>
                <ActionIcon
                  variant="subtle"
                  aria-label={`${t('prevention.custodyLog')} ${s.name}`}
                  title={t('prevention.custodyLog')}
                  onClick={() => void printLog(s.id)}
                >
                  <IconHistory size={16} />
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="xs">
        <Button
          variant="subtle"
          w="fit-content"
          leftSection={<IconPrinter size={16} />}
          onClick={() => void print(null)}
        >
          {t('prevention.inventoryPolice')}
        </Button>
        <Button
          variant="subtle"
          w="fit-content"
          leftSection={<IconHistory size={16} />}
          onClick={() => void printLog(null)}
        >
          {t('prevention.custodyLogPolice')}
        </Button>
      </Group>
      {canEdit && (
        <GuardedForm
          form={form}
          submitLabel={t('prevention.addSafe')}
          onSubmit={async (v) => {
            await saveSafe.mutateAsync(v);
            form.reset();
            notifySaved(t);
          }}
        >
          <Group grow gap="xs" align="flex-start">
            <TextInput
              label={t('prevention.safeName')}
              withAsterisk
              leftSection={<IconPlus size={14} />}
              {...form.getInputProps('name')}
            />
            <TextInput label={t('prevention.safeLocation')} {...form.getInputProps('location')} />
          </Group>
        </GuardedForm>
      )}
      {safes.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('app.noRecords')}
        </Text>
      )}
    </Stack>
  );
}
