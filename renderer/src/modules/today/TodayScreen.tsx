import { useState } from 'react';
import { Badge, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { TODAY_HORIZON_DAYS, TODAY_WINDOWS, type TodayWindow } from '../../../../shared/rules/today';
import { useTranslation } from 'react-i18next';
import { formatDate, isoDay } from '../../../../shared/format';
import { useCall } from '../../api/hooks';

/** "What is due": every item from the deadlines registry, with its paragraph. */
export function TodayScreen({ go }: { go: (hash: string) => void }) {
  const { t } = useTranslation();
  const date = isoDay(new Date());
  const [range, setRange] = useState<TodayWindow>('soon');
  const items = useCall('today.list', { date, window: range });
  const station = useCall('station.get', {});
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={3}>
          {t('today.title')} — {formatDate(date)}
        </Title>
        <SegmentedControl
          data-testid="today-window"
          value={range}
          onChange={(v) => setRange(v as TodayWindow)}
          data={TODAY_WINDOWS.map((w) => ({ value: w, label: t(`today.windows.${w}`) }))}
        />
      </Group>
      {/* what the list holds, so nothing further off is taken for "nothing due" (issue 15) */}
      <Text size="sm" c="dimmed" data-testid="today-window-text">
        {range === 'all'
          ? t('today.windowAll')
          : t('today.windowSoon', {
              ...TODAY_HORIZON_DAYS,
              followUp: station.data?.settings.followUpNoticeDays ?? '…',
            })}
      </Text>
      {items.data?.length === 0 && <Text c="dimmed">{t(range === 'all' ? 'today.emptyAll' : 'today.empty')}</Text>}
      {items.data?.map((i, n) => (
        <Card
          key={`${i.ruleId}-${n}`}
          withBorder
          padding="sm"
          data-testid="due-item"
          component={i.link ? 'a' : 'div'}
          href={i.link ? `#${i.link}` : undefined}
          onClick={(e: React.MouseEvent) => {
            if (!i.link) return;
            e.preventDefault();
            go(i.link);
          }}
        >
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text style={{ flex: 1 }}>{t(i.titleKey, i.params)}</Text>
            <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
              {i.notice ? (
                <Badge color="orange" variant="light">
                  {t('today.noticeOn', { date: formatDate(i.due) })}
                </Badge>
              ) : (
                <Badge color={i.overdue ? 'red' : 'blue'} variant="light">
                  {i.overdue ? t('today.overdue') : t('today.due', { date: formatDate(i.due) })}
                </Badge>
              )}
              <Badge color="gray" variant="outline" tt="none">
                {i.paragraph === 'ours' ? t('today.ours') : t('today.paragraph', { p: i.paragraph })}
              </Badge>
            </Group>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
