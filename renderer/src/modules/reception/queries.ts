import type { CallName } from '../../../../shared/api';

/** What a change to a journal entry makes stale: the journal, the entry, Today's follow-ups, the citizen's visits. */
export const ENTRY_READS = [
  'reception.list',
  'reception.get',
  'today.list',
  'citizens.search',
  'citizens.card',
] as const satisfies readonly CallName[];
