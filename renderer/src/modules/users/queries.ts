import type { CallName } from '../../../../shared/api';

/** What a change to a user makes stale: the users' list. */
export const USER_READS = ['users.list'] as const satisfies readonly CallName[];
