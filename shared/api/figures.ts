import { z } from 'zod';
import { defineCall, fileOutput, isoDate, languageSchema, periodInOrder } from './contract';
import { ROLE_GROUPS, roleSchema } from './roles';
import { SEARCH_KINDS } from './search';

const count = z.number().int();
const counts = z.record(z.string(), count);

/**
 * The figures of one person, one section or the station for a period (issue 17: p.10, p.24(6), p.26, p.30). Every
 * count is of records that stand: a voided reception entry and a notebook entry corrected by a later one are not
 * counted, the correction is (once).
 */
export const figuresSchema = z.object({
  receptions: z.object({
    total: count,
    byMode: counts,
    byCategory: counts,
    byAction: counts,
    /** follow-ups of the period's entries: done by their date, done after it or still open past it, not yet due */
    followUpsInTime: count,
    followUpsLate: count,
    followUpsOpen: count,
  }),
  notebook: z.object({
    total: count,
    byKind: counts,
    /** p.22: information for another body passed on within 24 hours of receipt, later, or not yet and not late */
    passedInTime: count,
    passedLate: count,
    passPending: count,
  }),
  /** p.20: the instructions given in the period */
  instructions: z.object({ total: count, doneInTime: count, doneLate: count, overdue: count, open: count }),
  personFiles: z.object({
    placed: count,
    removed: count,
    transferred: count,
    /** on record at the period's end, by category (a file of two categories counts in both) */
    activeByCategory: counts,
    active: count,
    checksPlanned: count,
    checksDone: count,
    violations: count,
  }),
  /** p.22(10): the yearly check at home of the firearm owners of the sections */
  firearms: z.object({ owners: count, checksDone: count, checksOverdue: count }),
  /** p.17: foreigners whose stay ended in the period without a check after it */
  foreigners: z.object({ total: count, staysEndedUnchecked: count }),
  /** p.26–27, p.33: the reporting meetings held, the notice in time, the population's items closed and open */
  meetings: z.object({ held: count, noticeInTime: count, noticeLate: count, itemsClosed: count, itemsOpen: count }),
  /** p.18: the items of the approved monthly plans due in the period */
  plans: z.object({ done: count, notDone: count, unmarked: count }),
});
export type Figures = z.infer<typeof figuresSchema>;

const period = z.object({ from: isoDate, to: isoDate });

export const figuresRowSchema = z.object({
  userId: z.number().int(),
  name: z.string(),
  role: roleSchema,
  sectionNumbers: z.array(z.string()),
  current: figuresSchema,
  previous: figuresSchema,
});
export type FiguresRow = z.infer<typeof figuresRowSchema>;

/**
 * A section's column (ours: the Order counts by inspector, the chiefs asked for sections too): its person files,
 * lists and meetings, and the receptions, notebook entries and plan items of the staff who hold it. A staff member
 * who holds two sections counts in both; the station's total counts each record once.
 */
export const sectionFiguresSchema = z.object({
  sectionId: z.number().int(),
  number: z.string(),
  staff: z.array(z.object({ userId: z.number().int(), name: z.string(), sectionCount: z.number().int() })),
  current: figuresSchema,
  previous: figuresSchema,
});
export type SectionFigures = z.infer<typeof sectionFiguresSchema>;

export const figuresReportSchema = z.object({
  from: isoDate,
  to: isoDate,
  /** the period of the same length just before (the month, quarter or year before a whole one) */
  previous: period,
  /** one per member of the section staff the caller may see: the chiefs all of them, the others themselves */
  rows: z.array(figuresRowSchema),
  /** one per section, for the chiefs; none for the others */
  sections: z.array(sectionFiguresSchema),
  /** the station's (or, for one inspector, his own) totals; a record counts once however many rows share it */
  total: z.object({ current: figuresSchema, previous: figuresSchema }),
  /** the reception categories' names, for the breakdown by category */
  categories: z.array(z.object({ code: z.string(), nameKk: z.string(), nameRu: z.string() })),
  /** the twelve months to the period's end, for the line: entries received and notebook entries written */
  months: z.array(z.object({ month: z.string(), receptions: count, notebook: count, checksDone: count })),
});
export type FiguresReport = z.infer<typeof figuresReportSchema>;

export const FIGURE_ENTRY_KINDS = [...SEARCH_KINDS, 'planItem'] as const;

/** One record a figure counts, as the list under a figure shows it and opens it where it lives. */
export const figureEntrySchema = z.object({
  kind: z.enum(FIGURE_ENTRY_KINDS),
  id: z.number().int(),
  title: z.string(),
  /** when it happened as the line counts it: received, written, placed, checked, held, due */
  date: z.string().nullable(),
  number: z.string().nullable(),
  staff: z.string().nullable(),
  tag: z.string().nullable(),
  /** the notebook's owner of an entry, the meeting of an item */
  parentId: z.number().int().nullable(),
  /** a plan item's month (YYYY-MM) */
  month: z.string().nullable(),
});
export type FigureEntry = z.infer<typeof figureEntrySchema>;

/** Whose figure: a staff member's column, a section's, or the station's total. */
export const figureColumnSchema = z.union([
  z.object({ userId: z.number().int() }),
  z.object({ sectionId: z.number().int() }),
  z.literal('total'),
]);
export type FigureColumn = z.infer<typeof figureColumnSchema>;

/** (ours) How many entries the list under a figure shows; the rest are counted. */
export const FIGURE_ENTRIES_SHOWN = 300;

export const figuresApi = {
  /** The figures screen: the period against the one before, per person and in all (p.10, p.24(6)). */
  'figures.get': defineCall({
    input: periodInOrder(period),
    output: figuresReportSchema,
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** "Справка к итоговому совещанию" / "Қорытынды кеңеске анықтама" of the period (p.10, p.24(6)). */
  'figures.print': defineCall({
    input: periodInOrder(period.extend({ language: languageSchema })),
    output: fileOutput,
    access: ROLE_GROUPS.sectionReaders,
  }),
  /**
   * The records one figure counts (issue 17: every figure clicks through), newest first, each as the caller may read
   * it: a record his screens do not show him is counted in `hidden`, not listed.
   */
  'figures.entries': defineCall({
    input: periodInOrder(period.extend({ line: z.string().min(1).max(80), column: figureColumnSchema })),
    output: z.object({ count: count, hidden: count, entries: z.array(figureEntrySchema) }),
    access: ROLE_GROUPS.sectionReaders,
  }),
  'figures.exportXlsx': defineCall({
    input: periodInOrder(period.extend({ language: languageSchema })),
    output: fileOutput,
    access: ROLE_GROUPS.sectionReaders,
  }),
};
