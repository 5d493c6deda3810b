import type { CallName } from '../../../../shared/api';

/** What an absence changes: the absences, who covers whom (p.6), Today. */
export const STAFF_READS = ['staff.absences', 'staff.coverage', 'today.list'] as const satisfies readonly CallName[];
