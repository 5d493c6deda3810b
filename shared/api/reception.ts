import { z } from 'zod';
import {
  defineCall,
  isoDate,
  periodInOrder,
  localDateTime,
  languageSchema,
  optionalText,
  fileOutput,
  requiredText,
} from './contract';
import { ROLE_GROUPS } from './roles';
import { citizenInputSchema, citizenSchema } from './citizens';

/** p.9: in person at the UPP in the evening hours, or online during the working day. */
export const RECEPTION_MODES = ['inPerson', 'online'] as const;
/** What was done with the visit (ours: the Rules give no list). */
export const RECEPTION_ACTIONS = ['explained', 'statementPassed', 'referred', 'personFile', 'other'] as const;
export const RECEPTION_STATUSES = ['open', 'done', 'voided'] as const;

export const categorySchema = z.object({
  code: z.string(),
  nameKk: z.string(),
  nameRu: z.string(),
  builtin: z.boolean(),
  active: z.boolean(),
});
export type ReceptionCategory = z.infer<typeof categorySchema>;

export const receptionInputSchema = z
  .object({
    receivedAt: localDateTime,
    mode: z.enum(RECEPTION_MODES),
    citizen: citizenInputSchema,
    categoryCode: z.string().min(1, 'validation.required').max(40, 'validation.tooLong'),
    subject: requiredText(2000),
    action: z.enum(RECEPTION_ACTIONS),
    /** passed on to whom / referred where */
    actionDetails: optionalText(500),
    receiverId: z.number({ error: 'validation.required' }).int(),
    followUpDue: isoDate.nullable().default(null),
    /** the person file the entry concerns, with the measure "person file" (ours: the brief's link, issue 16) */
    personFileId: z.number().int().nullable().default(null),
  })
  .refine((r) => r.personFileId === null || r.action === 'personFile', {
    message: 'reception.fileOnlyWithMeasure',
    path: ['personFileId'],
  })
  .refine((r) => !['statementPassed', 'referred'].includes(r.action) || r.actionDetails !== '', {
    message: 'reception.detailsRequired',
    path: ['actionDetails'],
  })
  .refine((r) => r.followUpDue === null || r.followUpDue >= r.receivedAt.slice(0, 10), {
    message: 'reception.followUpBeforeVisit',
    path: ['followUpDue'],
  });
export type ReceptionInput = z.input<typeof receptionInputSchema>;

export const receptionSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  number: z.number().int(),
  receivedAt: z.string(),
  mode: z.enum(RECEPTION_MODES),
  citizen: citizenSchema,
  categoryCode: z.string(),
  subject: z.string(),
  action: z.enum(RECEPTION_ACTIONS),
  actionDetails: z.string(),
  receiverId: z.number().int(),
  receiverName: z.string(),
  receiverRole: z.string(),
  /** p.2(3): when an assistant received the citizen, the inspector he works under */
  receiverSupervisor: z.string(),
  followUpDue: z.string().nullable(),
  followUpResult: z.string(),
  followUpDoneAt: z.string().nullable(),
  /** the person file it concerns: its number only, the person's name is read in the file (p.15) */
  personFile: z.object({ id: z.number().int(), number: z.number().int() }).nullable().default(null),
  status: z.enum(RECEPTION_STATUSES),
  voidReason: z.string(),
  version: z.number().int(),
});
export type Reception = z.infer<typeof receptionSchema>;

/** A journal entry as another record lists it (a person file's entries, a citizen's visits): no person, no text. */
export const receptionLineSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  receivedAt: z.string(),
  categoryCode: z.string(),
  subject: z.string(),
  receiver: z.string(),
  voided: z.boolean(),
  followUpDue: isoDate.nullable(),
  followUpDone: z.boolean(),
});

export const receptionVersionSchema = z.object({
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: z.string(),
  reason: z.string(),
  data: receptionSchema,
});

const receptionFilterFields = z.object({
  from: isoDate,
  to: isoDate,
  /** the citizen, as the desk search takes him: the start of a name or of the IIN */
  citizen: z.string().trim().max(100, 'validation.tooLong').nullable().default(null),
  /** one citizen's visits, as the search box opens them (issue 17) */
  citizenId: z.number().int().nullable().default(null),
  mode: z.enum(RECEPTION_MODES).nullable().default(null),
  categoryCode: z.string().max(40, 'validation.tooLong').nullable().default(null),
  receiverId: z.number().int().nullable().default(null),
  status: z.enum(RECEPTION_STATUSES).nullable().default(null),
});
export const receptionFilterSchema = periodInOrder(receptionFilterFields);
export type ReceptionFilter = z.input<typeof receptionFilterSchema>;

/** (ours) The screen shows the journal a page at a time; a year of a busy station is tens of thousands of entries. */
export const RECEPTION_PAGE = 100;
/**
 * (ours) One printout takes at most so many entries (a few hundred pages); more is refused with the count, and the
 * Excel export, which takes every entry, is offered instead.
 */
export const JOURNAL_PRINT_MAX = 10_000;
export const receptionListSchema = periodInOrder(
  receptionFilterFields.extend({ page: z.number().int().min(1).max(100_000).default(1) }),
);

const byId = z.object({ id: z.number().int() });

export const receptionApi = {
  'reception.categories': defineCall({
    input: z.object({}),
    output: z.array(categorySchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  'reception.addCategory': defineCall({
    input: z.object({ nameKk: requiredText(100), nameRu: requiredText(100) }),
    output: z.array(categorySchema),
    access: ['uppLead'],
  }),
  'reception.create': defineCall({
    input: receptionInputSchema,
    output: receptionSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** A correction keeps the previous version in the entry's history. */
  'reception.correct': defineCall({
    input: z.object({ id: z.number().int(), reason: requiredText(300), entry: receptionInputSchema }),
    output: receptionSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** An entry made by mistake is voided, never deleted. */
  'reception.void': defineCall({
    input: z.object({ id: z.number().int(), reason: requiredText(300) }),
    output: receptionSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'reception.setResult': defineCall({
    input: z.object({ id: z.number().int(), result: requiredText(1000) }),
    output: receptionSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'reception.get': defineCall({
    input: byId,
    output: z.object({ entry: receptionSchema, history: z.array(receptionVersionSchema) }),
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** One page of the journal, with how many entries the filter takes in all and how many are not voided. */
  'reception.list': defineCall({
    input: receptionListSchema,
    output: z.object({
      entries: z.array(receptionSchema),
      total: z.number().int(),
      active: z.number().int(),
      page: z.number().int(),
      perPage: z.number().int(),
    }),
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** The journal for a day or a period: A4 landscape, numbered rows, totals. */
  'reception.print': defineCall({
    input: z.object({ filter: receptionFilterSchema, language: languageSchema }),
    output: fileOutput,
    access: ROLE_GROUPS.sectionReaders,
  }),
  'reception.exportXlsx': defineCall({
    input: z.object({ filter: receptionFilterSchema, language: languageSchema }),
    output: fileOutput,
    access: ROLE_GROUPS.sectionReaders,
  }),
};
