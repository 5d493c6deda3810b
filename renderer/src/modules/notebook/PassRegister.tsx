import { NOTEBOOK_READS } from './queries';
import { useState } from 'react';
import { Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import dayjs from 'dayjs';
import { DataTable } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api, type NotebookEntry } from '../../../../shared/api';
import { formatDateTime } from '../../../../shared/format';
import { call } from '../../api/client';
import { useCall, useCallMutation } from '../../api/hooks';
import { DateField } from '../../app/DateField';
import { FormModal, GuardedForm } from '../../app/FormModal';
import { notifySaved, useContractForm } from '../../app/forms';
import { openPreview } from '../../app/print/openPreview';
import { IconPrinter } from '@tabler/icons-react';

/** p.24(5): every piece of information passed on, with the check result filed by the UPP lead. */
export function PassRegister({ canRecord }: { canRecord: boolean }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState({
    from: dayjs().startOf('month').format('YYYY-MM-DD'),
    to: dayjs().format('YYYY-MM-DD'),
  });
  const [recording, setRecording] = useState<NotebookEntry | null>(null);
  const rows = useCall('notebook.passRegister', period, { enabled: period.from <= period.to });
  return (
    <Stack gap="sm">
      <Group gap="xs" align="flex-start">
        <DateField
          label={t('reception.from')}
          w={125}
          clearable={false}
          value={period.from}
          onChange={(v) => v && setPeriod((p) => ({ ...p, from: v }))}
        />
        <DateField
          label={t('reception.to')}
          w={125}
          clearable={false}
          value={period.to}
          onChange={(v) => v && setPeriod((p) => ({ ...p, to: v }))}
        />
        {(['kk', 'ru'] as const).map((language) => (
          <Button
            key={language}
            mt={24}
            variant="default"
            leftSection={<IconPrinter size={16} />}
            onClick={() =>
              openPreview({
                title: t('doc.register.title'),
                language,
                period,
                load: (c) => call('notebook.printRegister', { ...period, ...c.period, language: c.language }),
              })
            }
          >
            {t(language === 'kk' ? 'reception.printKk' : 'reception.printRu')}
          </Button>
        ))}
      </Group>
      <DataTable
        withTableBorder
        striped
        minHeight={150}
        noRecordsText={t('app.noRecords')}
        records={rows.data ?? []}
        columns={[
          { accessor: 'ownerName', title: t('notebook.owner'), width: 140 },
          { accessor: 'number', title: '№', width: 50, textAlign: 'right' },
          {
            accessor: 'occurredAt',
            title: t('notebook.received'),
            width: 130,
            render: (r) => formatDateTime(r.occurredAt),
          },
          {
            accessor: 'text',
            title: t('notebook.text'),
            render: (r) => (
              <Text size="sm" lineClamp={2}>
                {r.text}
              </Text>
            ),
          },
          { accessor: 'passTo', title: t('notebook.passTo'), width: 170 },
          {
            accessor: 'passedAt',
            title: t('notebook.passed'),
            width: 170,
            render: (r) =>
              r.passedAt ? (
                <Text size="sm">
                  {formatDateTime(r.passedAt)} · {r.passedHow} {r.outgoingNumber}
                </Text>
              ) : (
                <Badge color="orange" variant="light">
                  {t('notebook.notPassed')}
                </Badge>
              ),
          },
          {
            accessor: 'checkResult',
            title: t('notebook.checkResult'),
            width: 190,
            render: (r) =>
              r.checkResult ? (
                <Text size="sm">{r.checkResult}</Text>
              ) : (
                canRecord && (
                  <Button size="compact-xs" variant="light" onClick={() => setRecording(r)}>
                    {t('notebook.recordCheck')}
                  </Button>
                )
              ),
          },
        ]}
      />
      <FormModal opened={recording !== null} onClose={() => setRecording(null)} title={t('notebook.recordCheck')}>
        {recording && <CheckForm entry={recording} onDone={() => setRecording(null)} />}
      </FormModal>
    </Stack>
  );
}

function CheckForm({ entry, onDone }: { entry: NotebookEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const recordCheck = useCallMutation('notebook.recordCheck', { invalidates: NOTEBOOK_READS });
  const form = useContractForm(z.object({ checkResult: api['notebook.recordCheck'].input.shape.checkResult }), {
    checkResult: '',
  });
  return (
    <GuardedForm
      form={form}
      onSubmit={async (v) => {
        await recordCheck.mutateAsync({ id: entry.id, ...v });
        notifySaved(t);
        onDone();
      }}
    >
      <Text size="sm">
        № {entry.number}: {entry.text}
      </Text>
      <Textarea
        label={t('notebook.checkResult')}
        withAsterisk
        autosize
        minRows={3}
        data-autofocus
        {...form.getInputProps('checkResult')}
      />
    </GuardedForm>
  );
}
