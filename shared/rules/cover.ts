import type { WorkingCalendar } from '../calendar/workingDays';

/** p.6: an absence of MORE than five working days is served by the adjacent inspector. */
export const COVER_THRESHOLD_WORKING_DAYS = 5;

export function coverRequired(calendar: WorkingCalendar, from: string, to: string): boolean {
  return calendar.workingDaysBetween(from, to) > COVER_THRESHOLD_WORKING_DAYS;
}

export interface AbsenceForCover {
  userId: number;
  from: string;
  to: string;
  coverUserId: number | null;
  cancelled: boolean;
}

export interface SectionAssignment {
  userId: number;
  sectionIds: readonly number[];
}

/**
 * Sections a person works on `date`: his own unless he is absent, plus the sections of
 * every absent colleague he covers by the chief's order (p.6). Access everywhere follows this.
 */
export function sectionsOnDate(
  userId: number,
  date: string,
  assignments: readonly SectionAssignment[],
  absences: readonly AbsenceForCover[],
): { own: number[]; covered: number[]; absent: boolean } {
  const live = absences.filter((a) => !a.cancelled && a.from <= date && date <= a.to);
  const own = [...(assignments.find((a) => a.userId === userId)?.sectionIds ?? [])];
  const absent = live.some((a) => a.userId === userId);
  const covered = new Set<number>();
  for (const a of live) {
    if (a.coverUserId !== userId) continue;
    for (const s of assignments.find((x) => x.userId === a.userId)?.sectionIds ?? []) covered.add(s);
  }
  for (const s of own) covered.delete(s);
  return { own, covered: [...covered].sort((a, b) => a - b), absent };
}

/**
 * p.6: the cover is by the inspector of an ADJACENT section. Adjacent when one of the cover's sections adjoins (or is)
 * one of the absent's; unknown — and so not refused — while the station has recorded no neighbour for the absent's
 * sections (ours). Otherwise only the chief's order may say so, with its reason recorded.
 */
export function coverIsAdjacent(
  absentSections: readonly number[],
  coverSections: readonly number[],
  adjacency: readonly { id: number; adjacentIds: readonly number[] }[],
): boolean {
  const neighbours = new Set(absentSections.flatMap((s) => adjacency.find((a) => a.id === s)?.adjacentIds ?? []));
  if (neighbours.size === 0) return true;
  return coverSections.some((s) => neighbours.has(s) || absentSections.includes(s));
}
