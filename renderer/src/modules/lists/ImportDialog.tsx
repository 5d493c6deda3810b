import { LIST_READS } from './queries';
import { useCallMutation } from '../../api/hooks';
import { useState } from 'react';
import { Badge, Button, FileInput, Group, ScrollArea, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ListKind, Station } from '../../../../shared/api';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS } from '../../../../shared/api/lists';
import { readBase64 } from '../../app/files';
import { useCloseGuard } from '../../app/FormModal';
import { notifySaved, showApiError, action } from '../../app/forms';

const COLORS = { add: 'teal', update: 'blue', reject: 'red' } as const;

/** The list as it arrives today, in Excel: read, map the columns, see every row's fate, then load it in one go. */
export function ImportForm({
  list,
  station,
  defaultSection,
  onDone,
}: {
  list: ListKind;
  station: Station;
  defaultSection: number;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [base64, setBase64] = useState('');
  const [sectionId, setSectionId] = useState(defaultSection);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const readFile = useCallMutation('lists.importPreview', {
    onSuccess: setPreview,
    onError: (e) => {
      setPreview(null);
      showApiError(t, e);
    },
  });
  const load = useCallMutation('lists.importApply', {
    invalidates: LIST_READS,
    onSuccess: (r) => {
      notifySaved(t, t('lists.import.done', r));
      onDone();
    },
    onError: (e) => showApiError(t, e),
  });
  const busy = readFile.isPending || load.isPending;
  const close = useCloseGuard(preview !== null);
  // "lists.import.missing:permitOn" → "нет поля «Дата разрешения»"
  const reason = (r: string) => {
    const [key, field] = r.split(':');
    return t(key!, field ? { field: t(`lists.fields.${field}`) } : {});
  };
  const read = (mapping: Record<string, number> | null, data = base64) =>
    readFile.mutate({ list, base64: data, sectionId, mapping });
  const apply = () => preview && load.mutate({ list, base64, sectionId, mapping: preview.mapping });
  const counts = { add: 0, update: 0, reject: 0 };
  for (const r of preview?.rows ?? []) counts[r.action]++;
  const columnOptions = [
    { value: '-1', label: t('lists.import.notImported') },
    ...(preview?.columns ?? []).map((c, i) => ({ value: String(i), label: `${i + 1}. ${c || '—'}` })),
  ];

  return (
    <Stack gap="sm">
      <Group grow align="flex-end">
        <FileInput
          label={t('lists.import.file')}
          accept=".xlsx"
          leftSection={<IconFileSpreadsheet size={16} />}
          value={file}
          data-autofocus
          onChange={action(t, async (f: File | null) => {
            setFile(f);
            setPreview(null);
            const b = f ? await readBase64(f) : '';
            setBase64(b);
            if (b) read(null, b);
          })}
        />
        <Select
          label={t('lists.section')}
          allowDeselect={false}
          data={station.sections.filter((s) => s.active).map((s) => ({ value: String(s.id), label: s.number }))}
          value={String(sectionId)}
          onChange={(v) => {
            setSectionId(Number(v));
            setPreview(null);
          }}
        />
      </Group>
      {preview && (
        <>
          <Text size="sm" fw={600}>
            {t('lists.import.mapping')}
          </Text>
          <SimpleGrid cols={4} spacing="xs" verticalSpacing={4}>
            {IMPORT_FIELDS[list].map((f) => (
              <Select
                key={f}
                size="xs"
                label={t(`lists.fields.${f}`)}
                withAsterisk={(REQUIRED_IMPORT_FIELDS[list] as readonly string[]).includes(f)}
                allowDeselect={false}
                data={columnOptions}
                value={String(preview.mapping[f] ?? -1)}
                onChange={(v) => {
                  const mapping = { ...preview.mapping };
                  if (v === '-1' || v === null) delete mapping[f];
                  else mapping[f] = Number(v);
                  read(mapping);
                }}
              />
            ))}
          </SimpleGrid>
          <Group justify="space-between">
            <Text size="sm" fw={600}>
              {t('lists.import.preview')}
            </Text>
            <Text size="sm" data-testid="import-summary">
              {t('lists.import.summary', counts)}
            </Text>
          </Group>
          <ScrollArea.Autosize mah={260}>
            <Table striped withTableBorder>
              <Table.Tbody>
                {preview.rows.map((r) => (
                  <Table.Tr key={r.row} data-testid="import-row">
                    <Table.Td w={90} style={{ whiteSpace: 'nowrap' }}>
                      {t('lists.import.row')} {r.row}
                    </Table.Td>
                    <Table.Td>{r.person || '—'}</Table.Td>
                    <Table.Td w={140}>
                      <Badge variant="light" color={COLORS[r.action]}>
                        {t(`lists.import.actions.${r.action}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td c="red">{r.reasons.map(reason).join('; ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={close}>
          {t('app.cancel')}
        </Button>
        <Button loading={busy} disabled={!preview || counts.add + counts.update === 0} onClick={apply}>
          {t('lists.import.apply')}
        </Button>
      </Group>
    </Stack>
  );
}
