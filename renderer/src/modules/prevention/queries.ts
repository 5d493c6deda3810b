import type { CallName } from '../../../../shared/api';

/** What a change to a person file makes stale: the list, the safes' counts, Today's deadlines, its access record. */
export const FILE_READS = [
  'prevention.list',
  'prevention.safes',
  'prevention.accessLog',
  'today.list',
] as const satisfies readonly CallName[];
