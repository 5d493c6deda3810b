import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, isoDay } from '../../../../shared/format';
import { useCall } from '../../api/hooks';

/** "What is due": every item from the deadlines registry, with its paragraph. */
export function TodayScreen({ go }: { go: (hash: string) => void }) {
  const { t } = useTranslation();
  const date = isoDay(new Date());
  const items = useCall('today.list', { date });
  return (
    <Stack>
      <Title order={3}>
        {t('today.title')} — {formatDate(date)}
      </Title>
      {items.data?.length === 0 && <Text c="dimmed">{t('today.empty')}</Text>}
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
