import type { CallName } from '../../../../shared/api';

/** What a change to a list entry makes stale: the three lists (a person may stand in several), and Today's checks. */
export const LIST_READS = [
  'lists.firearms',
  'lists.probation',
  'lists.foreigners',
  'today.list',
] as const satisfies readonly CallName[];
