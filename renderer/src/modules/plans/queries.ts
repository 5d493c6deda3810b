import type { CallName } from '../../../../shared/api';

/** What a change to a plan makes stale: its revisions and Today's reminders. */
export const PLAN_READS = ['plans.revisions', 'today.list'] as const satisfies readonly CallName[];
