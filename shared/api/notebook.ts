import { z } from 'zod';
import { defineCall, isoDate, localDateTime, languageSchema, optionalText, fileOutput, requiredText } from './contract';
import { ROLE_GROUPS } from './roles';

/** The work notebook (p.20): numbered entries, never erased; a correction is a new entry. */
export const ENTRY_KINDS = [
  'instruction',
  'information',
  'tour',
  'onlineReception',
  'callIn',
  'passOn',
  'other',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
/**
 * Kinds the owner writes himself; instructions come from superiors, call-ins from the duty officer, online receptions
 * from the reception log.
 */
export const OWN_KINDS = ['information', 'tour', 'passOn', 'other'] as const;
/** open: an instruction not yet done or information not yet passed; corrected: replaced by a later entry */
export const ENTRY_STATUSES = ['open', 'corrected'] as const;

export const notebookEntrySchema = z.object({
  id: z.number().int(),
  ownerId: z.number().int(),
  number: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  occurredAt: z.string(),
  text: z.string(),
  writtenBy: z.string(),
  writtenByRole: z.string(),
  createdAt: z.string(),
  correctsNumber: z.number().int().nullable(),
  correctedByNumber: z.number().int().nullable(),
  // instruction (p.20)
  givenBy: z.string(),
  dueDate: z.string().nullable(),
  expectedResult: z.string(),
  doneAt: z.string().nullable(),
  doneText: z.string(),
  // information to pass on within 24 hours (p.22, last paragraph; p.24(5))
  passTo: z.string(),
  passedAt: z.string().nullable(),
  passedHow: z.string(),
  outgoingNumber: z.string(),
  checkResult: z.string(),
  receptionId: z.number().int().nullable(),
  /** links (p.20): the person the entry is about, the address */
  citizenId: z.number().int().nullable(),
  citizenName: z.string(),
  address: z.string(),
});
export type NotebookEntry = z.infer<typeof notebookEntrySchema>;

export const reviewSchema = z.object({
  id: z.number().int(),
  reviewer: z.string(),
  reviewerRole: z.string(),
  reviewedAt: z.string(),
  upToNumber: z.number().int(),
  remark: z.string(),
});

const ownEntry = z
  .object({
    kind: z.enum(OWN_KINDS),
    occurredAt: localDateTime,
    text: requiredText(4000),
    passTo: optionalText(300),
    citizenId: z.number().int().nullable().default(null),
    address: optionalText(300),
    /** an entry this one corrects (same notebook) */
    correctsId: z.number().int().nullable().default(null),
  })
  .refine((e) => e.kind !== 'passOn' || e.passTo !== '', { message: 'notebook.passToRequired', path: ['passTo'] });

export const notebookApi = {
  /** Whose notebooks the caller may open: his own, his assistants', those he covers or reviews. */
  'notebook.owners': defineCall({
    input: z.object({}),
    output: z.array(
      z.object({
        userId: z.number().int(),
        name: z.string(),
        role: z.string(),
        own: z.boolean(),
        canWrite: z.boolean(),
      }),
    ),
    access: ROLE_GROUPS.notebookUsers,
  }),
  'notebook.entries': defineCall({
    input: z.object({
      ownerId: z.number().int(),
      from: isoDate.nullable().default(null),
      to: isoDate.nullable().default(null),
      kind: z.enum(ENTRY_KINDS).nullable().default(null),
      text: z.string().max(100).default(''),
      status: z.enum(ENTRY_STATUSES).nullable().default(null),
    }),
    output: z.object({ entries: z.array(notebookEntrySchema), reviews: z.array(reviewSchema) }),
    access: ROLE_GROUPS.notebookUsers,
  }),
  'notebook.write': defineCall({ input: ownEntry, output: notebookEntrySchema, access: ROLE_GROUPS.sectionStaff }),
  /** p.20: a superior's instruction lands in each addressee's notebook. */
  'notebook.instruct': defineCall({
    input: z.object({
      ownerIds: z.array(z.number().int()).min(1, 'notebook.addresseesRequired').max(50),
      text: requiredText(4000),
      dueDate: isoDate,
      expectedResult: optionalText(1000),
    }),
    output: z.array(notebookEntrySchema),
    access: ROLE_GROUPS.chiefs,
  }),
  'notebook.markDone': defineCall({
    input: z.object({ id: z.number().int(), doneText: requiredText(2000) }),
    output: notebookEntrySchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'notebook.markPassed': defineCall({
    input: z.object({ id: z.number().int(), passedHow: requiredText(300), outgoingNumber: optionalText(50) }),
    output: notebookEntrySchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** p.23(3): the duty officer records a rural inspector's daily call-in. */
  'notebook.callIn': defineCall({
    input: z.object({ ownerId: z.number().int(), occurredAt: localDateTime, text: requiredText(2000) }),
    output: notebookEntrySchema,
    access: ['dutyOfficer'],
  }),
  'notebook.review': defineCall({
    input: z.object({ ownerId: z.number().int(), remark: optionalText(2000) }),
    output: reviewSchema,
    access: ROLE_GROUPS.notebookReviewers,
  }),
  /** p.24(5): the UPP lead's register of information passed, with the check results filed. */
  'notebook.passRegister': defineCall({
    input: z.object({ from: isoDate, to: isoDate }),
    output: z.array(notebookEntrySchema.extend({ ownerName: z.string() })),
    access: ROLE_GROUPS.chiefs,
  }),
  'notebook.print': defineCall({
    input: z.object({
      ownerId: z.number().int(),
      from: isoDate.nullable().default(null),
      to: isoDate.nullable().default(null),
      language: languageSchema,
    }),
    output: fileOutput,
    access: ROLE_GROUPS.notebookUsers,
  }),
  'notebook.printRegister': defineCall({
    input: z.object({ from: isoDate, to: isoDate, language: languageSchema }),
    output: fileOutput,
    access: ROLE_GROUPS.chiefs,
  }),
  'notebook.recordCheck': defineCall({
    input: z.object({ id: z.number().int(), checkResult: requiredText(2000) }),
    output: notebookEntrySchema,
    access: ['uppLead'],
  }),
};
