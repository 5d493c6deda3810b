import { inGroup, type Role } from '../api/roles';

/**
 * (ours, after p.15: person files are read only by those who work the section and their chiefs) The station's
 * administrator keeps users and keys but may not read person files; so an account that can read them is created,
 * given that role or more sections, or has its password reset by him only with the confirmation of the UPP lead or a
 * chief, who types his own password in the same dialog. A chief doing it himself is his own confirmation.
 */
export const readsPersonFiles = (role: Role): boolean => inGroup('sectionReaders', role);
export const confirmsAccess = (role: Role): boolean => inGroup('chiefs', role);

interface Access {
  role: Role;
  sectionIds: readonly number[];
}

/** Whether a change of an account opens person files to it that it could not read before. */
export function grantsFileAccess(before: Access | null, after: Access): boolean {
  if (!readsPersonFiles(after.role)) return false;
  if (!before || before.role !== after.role) return true;
  return after.sectionIds.some((s) => !before.sectionIds.includes(s));
}

/** Whether the caller must bring a chief's confirmation for it. */
export const needsConfirmation = (caller: Role, grants: boolean): boolean => grants && !confirmsAccess(caller);

/** How long Today shows the chiefs an account given access to person files (ours). */
export const ACCESS_NOTICE_DAYS = 7;
