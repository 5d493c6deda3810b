import dayjs from 'dayjs';

/**
 * What Today shows (ours; the Order sets the deadlines, not how early to see them): every overdue item, and those
 * due within a horizon by kind of work. "All open" drops the horizons.
 */
export const TODAY_WINDOWS = ['soon', 'all'] as const;
export type TodayWindow = (typeof TODAY_WINDOWS)[number];

/** days ahead: a task (an instruction, a supervision check, a plan item) and a list's expiry or yearly check */
export const TODAY_HORIZON_DAYS = { task: 3, list: 30 } as const;

/** The last due day Today shows for a horizon of `days` from `date`: none in "all open". */
export const dueBy = (date: string, days: number, window: TodayWindow): string =>
  window === 'all' ? '9999-12-31' : dayjs(date).add(days, 'day').format('YYYY-MM-DD');
