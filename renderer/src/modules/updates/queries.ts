import type { CallName } from '../../../../shared/api';

/** What a change of the updates makes stale: the panel's status (an install also made a copy of the station). */
export const UPDATE_READS: readonly CallName[] = ['updates.status', 'backup.list'];
