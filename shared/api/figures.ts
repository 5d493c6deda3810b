import { z } from 'zod';
import { defineCall, fileOutput, isoDate, languageSchema, periodInOrder } from './contract';
import { ROLE_GROUPS, roleSchema } from './roles';

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

export const figuresReportSchema = z.object({
  from: isoDate,
  to: isoDate,
  /** the period of the same length just before (the month, quarter or year before a whole one) */
  previous: period,
  /** one per member of the section staff the caller may see: the chiefs all of them, the others themselves */
  rows: z.array(figuresRowSchema),
  /** the station's (or, for one inspector, his own) totals; a record counts once however many rows share it */
  total: z.object({ current: figuresSchema, previous: figuresSchema }),
  /** the reception categories' names, for the breakdown by category */
  categories: z.array(z.object({ code: z.string(), nameKk: z.string(), nameRu: z.string() })),
  /** the twelve months to the period's end, for the line: entries received and notebook entries written */
  months: z.array(z.object({ month: z.string(), receptions: count, notebook: count, checksDone: count })),
});
export type FiguresReport = z.infer<typeof figuresReportSchema>;

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
  'figures.exportXlsx': defineCall({
    input: periodInOrder(period.extend({ language: languageSchema })),
    output: fileOutput,
    access: ROLE_GROUPS.sectionReaders,
  }),
};
