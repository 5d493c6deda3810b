import dayjs from 'dayjs';

/**
 * (ours) The period the figures are set against: the month, quarter or year before a whole one, otherwise as many
 * days just before.
 */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const f = dayjs(from);
  const t = dayjs(to);
  const wholeMonths = f.date() === 1 && t.add(1, 'day').date() === 1;
  if (wholeMonths) {
    const months = t.add(1, 'day').diff(f, 'month');
    return {
      from: f.subtract(months, 'month').format('YYYY-MM-DD'),
      to: f.subtract(1, 'day').format('YYYY-MM-DD'),
    };
  }
  const days = t.diff(f, 'day') + 1;
  return { from: f.subtract(days, 'day').format('YYYY-MM-DD'), to: f.subtract(1, 'day').format('YYYY-MM-DD') };
}
