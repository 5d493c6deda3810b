import type { CallName } from '../../../../shared/api';

/** What an absence changes: the absences, who covers whom (p.6), Today. */
export const STAFF_READS = ['staff.absences', 'staff.coverage', 'today.list'] as const satisfies readonly CallName[];

/** Who heads the MPS and replaces him (p.18): the staff screen, and who may approve the plan. */
export const MPS_READS = ['staff.mpsHeads', 'today.list'] as const satisfies readonly CallName[];
