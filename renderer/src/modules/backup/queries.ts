import type { CallName } from '../../../../shared/api';

/** What a copy or a new folder changes: the lists of copies, and Today's reminder of a copy outside the PC. */
export const BACKUP_READS = ['backup.list', 'today.list'] as const satisfies readonly CallName[];
