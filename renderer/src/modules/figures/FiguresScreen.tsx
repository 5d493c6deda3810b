import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { BarChart, LineChart } from '@mantine/charts';
import { IconChevronLeft, IconChevronRight, IconFileSpreadsheet } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { inGroup, type Figures, type FiguresReport, type Language, type SessionUser } from '../../../../shared/api';
import { change, figureLines, lineLabel } from '../../../../shared/figureLines';
import { formatDate, isoDay } from '../../../../shared/format';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { DateField } from '../../app/DateField';
import { showApiError } from '../../app/forms';
import { openPreview } from '../../app/print/openPreview';
import { PrintMenu } from '../../app/print/PrintMenu';
import { saveFile } from '../../app/saveFile';

type Kind = 'month' | 'quarter' | 'year' | 'custom';
const KINDS: Kind[] = ['month', 'quarter', 'year', 'custom'];

/** The whole month, quarter or year that holds `day`. */
function wholePeriod(kind: Exclude<Kind, 'custom'>, day: dayjs.Dayjs) {
  const start =
    kind === 'month'
      ? day.startOf('month')
      : kind === 'year'
        ? day.startOf('year')
        : day.startOf('month').subtract(day.month() % 3, 'month');
  const months = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
  return { from: start.format('YYYY-MM-DD'), to: start.add(months, 'month').subtract(1, 'day').format('YYYY-MM-DD') };
}

/**
 * The figures the chiefs ask for (issue 17): a period against the one before, per staff member and for the station;
 * an inspector sees his own. The справка of the summary meeting (p.10, p.24(6)) prints from here.
 */
export function FiguresScreen({ session, go }: { session: SessionUser; go: (hash: string) => void }) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<Kind>('month');
  const [period, setPeriod] = useState(() => wholePeriod('month', dayjs()));
  const report = useCall('figures.get', period, { enabled: period.from <= period.to });
  const chief = inGroup('chiefs', session.role);

  const choose = (k: Kind) => {
    setKind(k);
    if (k !== 'custom') setPeriod(wholePeriod(k, dayjs(period.from)));
  };
  const shift = (n: number) => {
    if (kind === 'custom') return;
    const step = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 12;
    setPeriod(wholePeriod(kind, dayjs(period.from).add(n * step, 'month')));
  };
  const label =
    kind === 'month'
      ? dayjs(period.from).locale(i18n.language).format('MMMM YYYY')
      : kind === 'quarter'
        ? t('figures.quarterLabel', {
            q: Math.floor(dayjs(period.from).month() / 3) + 1,
            year: dayjs(period.from).year(),
          })
        : kind === 'year'
          ? String(dayjs(period.from).year())
          : '';

  const print = (language: Language) =>
    openPreview({
      title: t('figures.reference.title'),
      language,
      period,
      load: (c) => call('figures.print', { ...(c.period ?? period), language: c.language }),
    });
  const excel = async () => {
    try {
      await saveFile(await call('figures.exportXlsx', { ...period, language: i18n.language as Language }));
    } catch (e) {
      showApiError(t, e);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Group gap="xs" align="flex-end">
          <Title order={3} mr="md">
            {chief ? t('figures.title') : t('figures.own')}
          </Title>
          <Select
            label={t('figures.periodKind')}
            w={120}
            allowDeselect={false}
            data={KINDS.map((k) => ({ value: k, label: t(`figures.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => v && choose(v as Kind)}
          />
          {kind === 'custom' ? (
            <>
              <DateField
                label={t('figures.from')}
                w={125}
                clearable={false}
                value={period.from}
                onChange={(v) => v && setPeriod((p) => ({ ...p, from: v }))}
              />
              <DateField
                label={t('figures.to')}
                w={125}
                clearable={false}
                value={period.to}
                onChange={(v) => v && setPeriod((p) => ({ ...p, to: v }))}
                error={period.from > period.to ? t('validation.periodOrder') : undefined}
              />
            </>
          ) : (
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="default" size="lg" onClick={() => shift(-1)} aria-label="←">
                <IconChevronLeft size={16} />
              </ActionIcon>
              <Text fw={600} w={190} ta="center" style={{ whiteSpace: 'nowrap' }} data-testid="figures-period">
                {label.charAt(0).toUpperCase() + label.slice(1)}
              </Text>
              <ActionIcon
                variant="default"
                size="lg"
                onClick={() => shift(1)}
                aria-label="→"
                disabled={period.to >= isoDay(new Date())}
              >
                <IconChevronRight size={16} />
              </ActionIcon>
            </Group>
          )}
        </Group>
        <Group gap="xs">
          <PrintMenu
            label={t('figures.print')}
            disabled={period.from > period.to}
            choices={[
              { label: t('figures.printKk'), onClick: () => print('kk') },
              { label: t('figures.printRu'), onClick: () => print('ru') },
            ]}
          />
          <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void excel()}>
            {t('figures.excel')}
          </Button>
        </Group>
      </Group>
      {report.data && (
        <Text size="sm" c="dimmed">
          {formatDate(report.data.from)} – {formatDate(report.data.to)}.{' '}
          {t('figures.previous', {
            from: formatDate(report.data.previous.from),
            to: formatDate(report.data.previous.to),
          })}
        </Text>
      )}
      {report.data && <Charts report={report.data} />}
      {report.data && <FiguresTable report={report.data} chief={chief} go={go} />}
    </Stack>
  );
}

function Charts({ report }: { report: FiguresReport }) {
  const { t, i18n } = useTranslation();
  const series = (['receptions', 'notebook', 'checksDone'] as const).map((name, i) => ({
    name,
    label: t(`figures.series.${name}`),
    color: ['blue.6', 'teal.6', 'orange.6'][i]!,
  }));
  const chart = { h: 180, series, withLegend: true, yAxisProps: { allowDecimals: false } };
  const bars = useMemo(
    () =>
      report.rows.map((r) => ({
        person: r.name,
        receptions: r.current.receptions.total,
        notebook: r.current.notebook.total,
        checksDone: r.current.personFiles.checksDone,
      })),
    [report.rows],
  );
  const months = report.months.map((m) => ({
    ...m,
    month: dayjs(`${m.month}-01`).locale(i18n.language).format('MMM YY'),
  }));
  return (
    <SimpleGrid cols={2} spacing="sm">
      <Paper withBorder p="sm" data-testid="figures-bars">
        <Text fw={600} size="sm" mb={4}>
          {t('figures.bars')}
        </Text>
        <BarChart {...chart} data={bars} dataKey="person" tickLine="y" />
      </Paper>
      <Paper withBorder p="sm">
        <Text fw={600} size="sm" mb={4}>
          {t('figures.months')}
        </Text>
        <LineChart {...chart} data={months} dataKey="month" curveType="linear" />
      </Paper>
    </SimpleGrid>
  );
}

/** Where a figure's entries are listed, for the lines whose screens can show them: the journal and the notebooks. */
function entriesOf(line: string, userId: number | null, p: { from: string; to: string }): string | null {
  const journal = (mode: string) => `/reception/period/${p.from}/${p.to}/${userId ?? 'all'}/${mode}`;
  if (line === 'receptions') return journal('all');
  if (line === 'inPerson' || line === 'online') return journal(line);
  if (line === 'notebook' && userId !== null) return `/notebook/${userId}/period/${p.from}/${p.to}`;
  return null;
}

/** The lines, a column per staff member (this period, and its change against the one before), the total last. */
function FiguresTable({ report, chief, go }: { report: FiguresReport; chief: boolean; go: (hash: string) => void }) {
  const { t, i18n } = useTranslation();
  const lines = figureLines(report);
  const columns: { key: string; userId: number | null; title: string; current: Figures; previous: Figures }[] = [
    ...report.rows.map((r) => ({
      key: String(r.userId),
      userId: r.userId,
      title: r.name,
      current: r.current,
      previous: r.previous,
    })),
    ...(chief ? [{ key: 'total', userId: null, title: t('figures.total'), ...report.total }] : []),
  ];
  return (
    <ScrollArea h="calc(100vh - 430px)" mih={220} type="auto">
      <Table striped withTableBorder withColumnBorders stickyHeader fz="sm" data-testid="figures-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th miw={280}>{t('figures.line')}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c.key} ta="right" miw={90}>
                {c.title}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.flatMap((l, i) => {
            const head =
              i === 0 || lines[i - 1]!.group !== l.group ? (
                <Table.Tr key={`g-${l.group}`}>
                  <Table.Td colSpan={columns.length + 1} fw={700} bg="gray.0">
                    {t(`figures.groups.${l.group}`)}
                  </Table.Td>
                </Table.Tr>
              ) : null;
            return [
              head,
              <Table.Tr key={l.id}>
                <Table.Td pl={l.sub ? 40 : 'lg'} c={l.sub ? 'dimmed' : undefined}>
                  {lineLabel(l, (k, o) => t(k, o), i18n.language as Language)}
                </Table.Td>
                {columns.map((c) => {
                  const now = l.value(c.current);
                  const before = l.value(c.previous);
                  const target = entriesOf(l.id, c.userId, report);
                  return (
                    <Table.Td key={c.key} ta="right" title={`${t('figures.before')}: ${before}`}>
                      {target && now > 0 ? (
                        <Anchor component="button" fw={600} size="sm" onClick={() => go(target)}>
                          {now}
                        </Anchor>
                      ) : (
                        <Text span fw={600} size="sm">
                          {now}
                        </Text>
                      )}{' '}
                      <Text span size="xs" c="dimmed">
                        ({change(now, before)})
                      </Text>
                    </Table.Td>
                  );
                })}
              </Table.Tr>,
            ];
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
