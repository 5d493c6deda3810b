import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Paper,
  ScrollArea,
  SegmentedControl,
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
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  inGroup,
  type FigureColumn,
  type Figures,
  type FiguresReport,
  type Language,
  type SessionUser,
} from '../../../../shared/api';
import { change, figureLines, lineLabel, type FigureLine } from '../../../../shared/figureLines';
import { formatDate, isoDay } from '../../../../shared/format';
import { call } from '../../api/client';
import { useCall } from '../../api/hooks';
import { DateField } from '../../app/DateField';
import { showApiError } from '../../app/forms';
import { openPreview } from '../../app/print/openPreview';
import { PrintMenu } from '../../app/print/PrintMenu';
import { saveFile } from '../../app/saveFile';
import { FigureEntries, type AskedFigure } from './FigureEntries';

type Kind = 'month' | 'quarter' | 'year' | 'custom';
/** The chiefs see the columns per staff member or per section (ours). */
type View = 'staff' | 'sections';
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
  const [view, setView] = useState<View>('staff');
  const [asked, setAsked] = useState<AskedFigure | null>(null);
  const columns = report.data ? columnsOf(report.data, view, chief, t) : [];

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
          {chief && (
            <SegmentedControl
              value={view}
              onChange={(v) => setView(v as View)}
              data={(['staff', 'sections'] as const).map((v) => ({ value: v, label: t(`figures.view.${v}`) }))}
              data-testid="figures-view"
            />
          )}
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
      {report.data && <Charts columns={columns} view={view} months={report.data.months} />}
      {report.data && <FiguresTable report={report.data} columns={columns} go={go} ask={setAsked} />}
      <FigureEntries asked={asked} period={period} onClose={() => setAsked(null)} go={go} />
    </Stack>
  );
}

/** A column of the table: a staff member, a section or the station, with the figures it shows. */
interface Col {
  key: string;
  column: FigureColumn;
  title: string;
  /** who holds a section; a star marks who holds more than one */
  sub?: string;
  shared?: boolean;
  current: Figures;
  previous: Figures;
}

function columnsOf(r: FiguresReport, view: View, chief: boolean, t: TFunction): Col[] {
  const own: Col[] =
    view === 'sections' && chief
      ? r.sections.map((x) => ({
          key: `s${x.sectionId}`,
          column: { sectionId: x.sectionId },
          title: t('figures.section', { number: x.number }),
          sub: x.staff.length
            ? x.staff.map((p) => (p.sectionCount > 1 ? `${p.name}*` : p.name)).join(', ')
            : t('figures.noStaff'),
          shared: x.staff.some((p) => p.sectionCount > 1),
          current: x.current,
          previous: x.previous,
        }))
      : r.rows.map((x) => ({
          key: `u${x.userId}`,
          column: { userId: x.userId },
          title: x.name,
          current: x.current,
          previous: x.previous,
        }));
  return chief ? [...own, { key: 'total', column: 'total', title: t('figures.total'), ...r.total }] : own;
}

function Charts({ columns, view, months: line }: { columns: Col[]; view: View; months: FiguresReport['months'] }) {
  const { t, i18n } = useTranslation();
  const series = (['receptions', 'notebook', 'checksDone'] as const).map((name, i) => ({
    name,
    label: t(`figures.series.${name}`),
    color: ['blue.6', 'teal.6', 'orange.6'][i]!,
  }));
  const chart = { h: 180, series, withLegend: true, yAxisProps: { allowDecimals: false } };
  const bars = useMemo(
    () =>
      columns
        .filter((c) => c.column !== 'total')
        .map((c) => ({
          person: c.title,
          receptions: c.current.receptions.total,
          notebook: c.current.notebook.total,
          checksDone: c.current.personFiles.checksDone,
        })),
    [columns],
  );
  const months = line.map((m) => ({
    ...m,
    month: dayjs(`${m.month}-01`).locale(i18n.language).format('MMM YY'),
  }));
  return (
    <SimpleGrid cols={2} spacing="sm">
      <Paper withBorder p="sm" data-testid="figures-bars">
        <Text fw={600} size="sm" mb={4}>
          {view === 'sections' ? t('figures.barsSections') : t('figures.bars')}
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

/**
 * The screens that list a figure's entries with their own filters: the journal (a person's or everyone's) and a
 * person's notebook. Every other figure opens its list of entries beside the table.
 */
function screenOf(line: string, column: FigureColumn, p: { from: string; to: string }): string | null {
  if (typeof column === 'object' && 'sectionId' in column) return null;
  const userId = column === 'total' ? null : column.userId;
  const journal = (mode: string) => `/reception/period/${p.from}/${p.to}/${userId ?? 'all'}/${mode}`;
  if (line === 'receptions') return journal('all');
  if (line === 'inPerson' || line === 'online') return journal(line);
  if (line === 'notebook' && userId !== null) return `/notebook/${userId}/period/${p.from}/${p.to}`;
  return null;
}

/** The lines, a column per staff member or section (the period, its change against the one before), the total last. */
function FiguresTable({
  report,
  columns,
  go,
  ask,
}: {
  report: FiguresReport;
  columns: Col[];
  go: (hash: string) => void;
  ask: (f: AskedFigure) => void;
}) {
  const { t, i18n } = useTranslation();
  const lines = figureLines(report);
  const name = (l: FigureLine) => lineLabel(l, (k, o) => t(k, o), i18n.language as Language);
  const open = (l: FigureLine, c: Col) => {
    const screen = screenOf(l.id, c.column, report);
    if (screen) go(screen);
    else ask({ line: l.id, lineName: name(l), column: c.column, columnName: c.title });
  };
  return (
    <>
      <ScrollArea h="calc(100vh - 430px)" mih={220} type="auto">
        <Table striped withTableBorder withColumnBorders stickyHeader fz="sm" data-testid="figures-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th miw={280}>{t('figures.line')}</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.key} ta="right" miw={90}>
                  {c.title}
                  {c.sub && (
                    <Text size="xs" c="dimmed" fw={400}>
                      {c.sub}
                    </Text>
                  )}
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
                    {name(l)}
                  </Table.Td>
                  {columns.map((c) => {
                    const now = l.value(c.current);
                    const before = l.value(c.previous);
                    return (
                      <Table.Td key={c.key} ta="right" title={`${t('figures.before')}: ${before}`}>
                        {now > 0 ? (
                          <Anchor
                            component="button"
                            fw={600}
                            size="sm"
                            onClick={() => open(l, c)}
                            data-testid={`figure-${l.id}-${c.key}`}
                          >
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
      {columns.some((c) => c.shared) && (
        <Text size="xs" c="dimmed">
          {t('figures.sharedNote')}
        </Text>
      )}
    </>
  );
}
