import dayjs from 'dayjs';

/** p.27: the population is told of a reporting meeting at least ten calendar days before it. */
export const NOTICE_DAYS = 10;

/** The last day the notice of a meeting on `date` is in time (calendar days, not working days). */
export const noticeDeadline = (date: string): string => dayjs(date).subtract(NOTICE_DAYS, 'day').format('YYYY-MM-DD');

/** A notice given after the deadline is recorded and marked late (p.27), not refused. */
export const isNoticeLate = (noticeOn: string | null, date: string): boolean =>
  noticeOn !== null && noticeOn > noticeDeadline(date);

/** p.26: who reports to the population every quarter — the inspectors and the UPP lead, who has their duties too. */
export const reportsQuarterly = (role: string) => role === 'inspector' || role === 'uppLead';

/**
 * p.26: where a person's quarter stands, from his meetings in it: covered only by one that was held (its protocol
 * signed); a planned one is "planned" (the earliest named), none is "none".
 */
export function quarterState(
  meetings: readonly { date: string; status: string }[],
): { state: 'held' } | { state: 'planned'; date: string } | { state: 'none' } {
  if (meetings.some((m) => m.status === 'held')) return { state: 'held' };
  const planned = meetings
    .filter((m) => m.status === 'planned')
    .map((m) => m.date)
    .sort();
  return planned.length ? { state: 'planned', date: planned[0]! } : { state: 'none' };
}

/**
 * p.33: a population's item stays open until it is settled: answered in full at the meeting, or checked by its date,
 * or — outside the police's competence — forwarded and its initiator told.
 */
export const itemIsOpen = (i: {
  answered_in_full: number;
  outside_competence: number;
  forwarded_on: string | null;
  initiator_notified_on: string | null;
  check_done_at: string | null;
}): boolean =>
  i.answered_in_full !== 1 &&
  (i.outside_competence === 1 ? !(i.forwarded_on && i.initiator_notified_on) : !i.check_done_at);
