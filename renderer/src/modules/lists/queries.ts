import type { CallName } from '../../../../shared/api';

/** What a change to a list entry makes stale: every list and the applicant checks (one may be in several), Today. */
export const LIST_READS = [
  'lists.firearms',
  'lists.probation',
  'lists.foreigners',
  'lists.applicantChecks',
  'today.list',
] as const satisfies readonly CallName[];
