import dayjs from 'dayjs';

/** p.27: the population is told of a reporting meeting at least ten calendar days before it. */
export const NOTICE_DAYS = 10;

/** The last day the notice of a meeting on `date` is in time (calendar days, not working days). */
export const noticeDeadline = (date: string): string => dayjs(date).subtract(NOTICE_DAYS, 'day').format('YYYY-MM-DD');

/** A notice given after the deadline is recorded and marked late (p.27), not refused. */
export const isNoticeLate = (noticeOn: string | null, date: string): boolean =>
  noticeOn !== null && noticeOn > noticeDeadline(date);
