import type { CallName } from '../../../../shared/api';

/** What a change to a meeting makes stale: the year's list, the open items of p.33, Today's steps. */
export const MEETING_READS = [
  'meetings.list',
  'meetings.get',
  'meetings.openItems',
  'today.list',
] as const satisfies readonly CallName[];
