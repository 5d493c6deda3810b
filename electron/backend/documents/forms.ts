import type { Language } from '../../../shared/api';
import type { PrintDoc } from './render';
import { handoverActDoc } from './handoverAct';
import {
  forwardingLetter,
  initiatorNotification,
  meetingNotice,
  meetingProtocol,
  meetingRegistration,
} from './meetingDocuments';
import { monthlyPlanDoc } from './monthlyPlan';
import { notebookExtract } from './notebookExtract';
import { passRegisterDoc } from './passRegister';
import { personFileCard } from './personFileCard';
import { receptionJournal } from './receptionJournal';
import { recoverySheet } from './recoverySheet';
import { safeInventory } from './safeInventory';
import { custodyLog } from './custodyLog';
import { figuresReference } from './figuresReference';
import { sectionListPdf } from './sectionLists';
import { sectionPassport } from './sectionPassport';
import { coveringLetter, transferRequest } from './transferLetters';
import { businessCards, infoSheet } from './tourSheets';

/**
 * Every printed form by name: (data, language) → the document. Forms run in the PDF worker, not on the backend's
 * thread — laying out 2,000 journal rows in two languages' words is itself a quarter of a second — so a handler
 * sends a form's name and its data (plain, structured-cloned), never a built document.
 */
export const FORMS = {
  receptionJournal,
  handoverAct: handoverActDoc,
  meetingNotice: (d: Parameters<typeof meetingNotice>[0], _language: Language) => meetingNotice(d),
  meetingRegistration,
  meetingProtocol,
  forwardingLetter,
  initiatorNotification,
  monthlyPlan: monthlyPlanDoc,
  notebookExtract,
  passRegister: passRegisterDoc,
  personFileCard,
  transferRequest,
  coveringLetter,
  recoverySheet,
  safeInventory,
  custodyLog,
  figuresReference,
  sectionList: sectionListPdf,
  sectionPassport,
  infoSheet,
  businessCards,
  /** not a form: an image drawn as the forms draw it, to refuse one no form could print (requireDrawableImage) */
  imageCheck: (d: { image: string }, _language: Language): PrintDoc => ({
    content: [{ image: d.image, fit: [50, 50] }],
    pageFooter: null,
  }),
} satisfies Record<string, (data: never, language: Language) => PrintDoc>;

export type FormName = keyof typeof FORMS;
export type FormData<K extends FormName> = Parameters<(typeof FORMS)[K]>[0];

/** What crosses to a PDF worker: the form, its data, the language. */
export interface FormJob<K extends FormName = FormName> {
  form: K;
  data: FormData<K>;
  language: Language;
}

/** The field of a form's data that holds its rows. */
type RowsField<T> = { [F in keyof T]-?: T[F] extends readonly unknown[] ? F : never }[keyof T];

/**
 * The forms that can run to tens of pages (ours), by the field of their data that holds the rows, with rows enough
 * to fill the first page and run over onto the next: what a form draws after its rows (totals, signatures) must never
 * reach the first page with the count of a part.
 */
const LONG_FORMS: { [K in FormName]?: { rows: RowsField<FormData<K>>; firstPage: number } } = {
  receptionJournal: { rows: 'entries', firstPage: 30 },
  notebookExtract: { rows: 'entries', firstPage: 40 },
  passRegister: { rows: 'rows', firstPage: 40 },
  safeInventory: { rows: 'rows', firstPage: 40 },
  custodyLog: { rows: 'rows', firstPage: 60 },
  sectionList: { rows: 'rows', firstPage: 40 },
};

/**
 * A long document's first page, shown in the preview while the whole is built (issue 14): the same form over its
 * first rows only, its page count not yet known ("1 из …"). Null when the document is short enough that the whole
 * comes as fast.
 */
export function firstPageJob(job: FormJob): FormJob | null {
  const long = LONG_FORMS[job.form] as { rows: string; firstPage: number } | undefined;
  if (!long) return null;
  const rows = (job.data as unknown as Record<string, readonly unknown[]>)[long.rows]!;
  if (rows.length <= long.firstPage * 2) return null;
  return { ...job, data: { ...job.data, [long.rows]: rows.slice(0, long.firstPage) } } as FormJob;
}

/** The first page's document: its footer with the page count left open. */
export function buildFirstPage(job: FormJob): PrintDoc {
  const doc = buildForm(job);
  return { ...doc, pageFooter: doc.pageFooter?.replace('{pages}', '…') ?? null };
}

export function buildForm<K extends FormName>(job: FormJob<K>): PrintDoc {
  const form = FORMS[job.form] as (data: FormData<K>, language: Language) => PrintDoc;
  return form(job.data, job.language);
}
