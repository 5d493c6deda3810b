import { inGroup, isRole } from '../api/roles';

/**
 * p.9, p.2(3): who may be written down as the one who received a citizen — an inspector, the UPP lead, or an
 * assistant (shown as such in the journal).
 */
export const canReceive = (role: string): boolean => isRole(role) && inGroup('sectionStaff', role);
