import { Badge, Drawer, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FigureColumn, FigureEntry } from '../../../../shared/api';
import { formatDate, formatDateTime } from '../../../../shared/format';
import { useCall } from '../../api/hooks';
import { searchTarget, TAG_KEYS } from '../search/targets';

/** A figure the person clicked: its line, whose column, and the names to show for both. */
export interface AskedFigure {
  line: string;
  lineName: string;
  column: FigureColumn;
  columnName: string;
}

/** Where an entry of a figure opens: where the search would open it; a plan item in its month's plan. */
const entryTarget = (e: FigureEntry): string | null =>
  e.kind === 'planItem' ? `/plans/${e.month}` : searchTarget({ ...e, kind: e.kind, restricted: false });

const when = (d: string | null) => (d?.includes('T') ? formatDateTime(d) : formatDate(d));

/**
 * The records behind one figure (issue 17: every figure clicks through), as the backend lets the person read them,
 * newest first; a row opens the record where it lives (a person file through its purpose dialog, p.15).
 */
export function FigureEntries({
  asked,
  period,
  onClose,
  go,
}: {
  asked: AskedFigure | null;
  period: { from: string; to: string };
  onClose: () => void;
  go: (hash: string) => void;
}) {
  const { t } = useTranslation();
  const entries = useCall(
    'figures.entries',
    { ...period, line: asked?.line ?? '', column: asked?.column ?? 'total' },
    { enabled: asked !== null },
  );
  const open = (e: FigureEntry) => {
    const target = entryTarget(e);
    if (!target) return;
    onClose();
    go(target);
  };
  const d = entries.data;
  return (
    <Drawer
      opened={asked !== null}
      onClose={onClose}
      position="right"
      size={720}
      title={
        asked && <Text fw={700}>{t('figures.entries.title', { line: asked.lineName, who: asked.columnName })}</Text>
      }
    >
      <Stack gap="xs" data-testid="figure-entries">
        <Text size="sm" c="dimmed">
          {t('figures.entries.period', { from: formatDate(period.from), to: formatDate(period.to) })}
          {d && ` · ${t('figures.entries.count', { count: d.count })}`}
        </Text>
        {entries.isLoading && <Loader size="sm" />}
        {d && d.hidden > 0 && (
          <Text size="sm" c="orange.8">
            {t('figures.entries.hidden', { hidden: d.hidden })}
          </Text>
        )}
        {d && d.entries.length < d.count - d.hidden && (
          <Text size="sm" c="dimmed">
            {t('figures.entries.shown', { shown: d.entries.length, count: d.count - d.hidden })}
          </Text>
        )}
        {d && d.entries.length === 0 && d.hidden === 0 && <Text size="sm">{t('figures.entries.empty')}</Text>}
        {d && d.entries.length > 0 && (
          <Table highlightOnHover fz="sm" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={130}>{t('figures.entries.date')}</Table.Th>
                <Table.Th w={80}>{t('figures.entries.number')}</Table.Th>
                <Table.Th>{t('figures.entries.what')}</Table.Th>
                <Table.Th w={130}>{t('figures.entries.staff')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {d.entries.map((e, i) => {
                const tagKey = TAG_KEYS[e.kind];
                return (
                  <Table.Tr
                    key={`${e.kind}-${e.id}-${i}`}
                    tabIndex={0}
                    style={{ cursor: 'pointer' }}
                    aria-label={`${t('figures.entries.open')}: ${e.title}`}
                    onClick={() => open(e)}
                    onKeyDown={(k) => k.key === 'Enter' && open(e)}
                    data-testid="figure-entry"
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(e.date)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.number}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap" justify="space-between">
                        <Text size="sm" lineClamp={2}>
                          {e.title}
                        </Text>
                        {tagKey && e.tag && (
                          <Badge size="sm" variant="light" tt="none" style={{ flexShrink: 0 }}>
                            {t(`${tagKey}.${e.tag}`)}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{e.staff}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Drawer>
  );
}
