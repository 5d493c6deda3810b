import { z } from 'zod';
import { defineCall, isoDate, languageSchema, optionalText, fileOutput, requiredText } from './contract';
import { ROLE_GROUPS } from './roles';
import { purposeSchema } from './prevention';

/**
 * Acceptance and handover of a section (p.4, p.6): an act generated from the live data —
 * person files and where their paper is, the lists, open instructions and unfinished checks —
 * with the superior present (p.4), remarks and signatures. Recording the act moves the
 * section (and its person files) to the accepting inspector in one transaction, starts the
 * one-month door-to-door tour (p.5), and the acts form the passport's §1 history.
 */
export const ACT_KINDS = ['handover', 'cover'] as const;

const actFileSchema = z.object({
  number: z.number().int(),
  person: z.string(),
  categories: z.array(z.string()),
  place: z.enum(['safe', 'policeBody']),
  storage: z.string(),
  out: z.boolean(),
});

export const actSnapshotSchema = z.object({
  section: z.string(),
  personFiles: z.array(actFileSchema),
  firearmOwners: z.array(z.object({ person: z.string(), weapons: z.number().int(), nextCheck: isoDate.nullable() })),
  probation: z.array(z.object({ person: z.string() })),
  foreigners: z.array(z.object({ person: z.string(), stayUntil: isoDate.nullable() })),
  openInstructions: z.array(z.object({ number: z.number().int(), text: z.string(), due: isoDate.nullable() })),
  unfinishedChecks: z.array(z.object({ what: z.string(), due: isoDate })),
  /** the passport's state on the day: the latest 1 January column and the objects of §4–§6 */
  passport: z
    .object({
      lastYear: z.number().int().nullable(),
      filledRows: z.number().int(),
      enterprises: z.number().int(),
      dormitories: z.number().int(),
      permitObjects: z.number().int(),
    })
    .optional(),
});
export type ActSnapshot = z.infer<typeof actSnapshotSchema>;

export const actSchema = z.object({
  id: z.number().int(),
  sectionId: z.number().int(),
  section: z.string(),
  kind: z.enum(ACT_KINDS),
  date: isoDate,
  fromUserId: z.number().int().nullable(),
  from: z.string(),
  toUserId: z.number().int(),
  to: z.string(),
  superior: z.string(),
  orderNumber: z.string(),
  orderDate: isoDate.nullable(),
  remarks: z.string(),
  /**
   * p.15: the act as a list shows it — its person files only counted (`personFileCount`), `snapshot.personFiles`
   * empty; `handover.open` gives them with the purpose stated and each file's reading logged
   */
  snapshot: actSnapshotSchema,
  personFileCount: z.number().int(),
  tourDoneOn: isoDate.nullable(),
  tourNote: z.string(),
});
export type HandoverAct = z.infer<typeof actSchema>;

const actInput = z
  .object({
    sectionId: z.number({ error: 'validation.required' }).int(),
    kind: z.enum(ACT_KINDS),
    fromUserId: z.number().int().nullable().default(null),
    toUserId: z.number({ error: 'validation.required' }).int(),
    date: isoDate,
    /** p.4: the deputy chief of the police body or the head of the MPS */
    superior: requiredText(200),
    orderNumber: optionalText(50),
    orderDate: isoDate.nullable().default(null),
    remarks: optionalText(3000),
  })
  .refine((a) => a.fromUserId !== a.toUserId, { message: 'handover.samePerson', path: ['toUserId'] })
  .refine((a) => a.kind !== 'cover' || (a.orderNumber !== '' && a.orderDate !== null), {
    message: 'staff.coverOrderRequired',
    path: ['orderNumber'],
  });

const actsApi = {
  'handover.list': defineCall({
    input: z.object({ sectionId: z.number().int().nullable().default(null) }),
    output: z.array(actSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  /**
   * What the act will list, read from the live data now. p.15: the draft names no person on preventive record — the
   * files by number, categories and where the paper is, enough to check the safe against — so it is no reading of a
   * file; the recorded act names them when opened or printed for a stated purpose, and that is logged.
   */
  'handover.preview': defineCall({
    input: z.object({ sectionId: z.number().int(), fromUserId: z.number().int().nullable().default(null) }),
    output: actSnapshotSchema.extend({ personFiles: z.array(actFileSchema.omit({ person: true })) }),
    access: ROLE_GROUPS.chiefs,
  }),
  'handover.record': defineCall({ input: actInput, output: actSchema, access: ROLE_GROUPS.chiefs }),
  /** p.15: the act with its person files; the purpose is asked and each file's reading logged. */
  'handover.open': defineCall({
    input: z.object({ id: z.number().int() }).and(purposeSchema),
    output: actSchema,
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** p.15: printing the act reads its person files: the purpose is asked and each file's print logged. */
  'handover.print': defineCall({
    input: z.object({ id: z.number().int(), language: languageSchema }).and(purposeSchema),
    output: fileOutput,
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** What changed between two acts of the same section (person files by their numbers, p.15). */
  'handover.compare': defineCall({
    input: z.object({ olderId: z.number().int(), newerId: z.number().int() }),
    output: z.object({ added: z.array(z.string()), removed: z.array(z.string()) }),
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** p.5: the door-to-door tour of the section within a month of accepting it. */
  'handover.tourDone': defineCall({
    input: z.object({ id: z.number().int(), doneOn: isoDate, note: optionalText(2000) }),
    output: actSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
};

export const tourAddressSchema = z.object({
  id: z.number().int(),
  address: z.string(),
  visitedOn: isoDate.nullable(),
  note: z.string(),
});
export type TourAddress = z.infer<typeof tourAddressSchema>;

const tourApi = {
  /** p.5: the buildings and addresses of the section, ticked off as the tour visits them. */
  'handover.tourAddresses': defineCall({
    input: z.object({ actId: z.number().int() }),
    output: z.array(tourAddressSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  'handover.addTourAddresses': defineCall({
    input: z.object({
      actId: z.number().int(),
      addresses: z.array(requiredText(300)).min(1, 'validation.required').max(2000),
    }),
    output: z.array(tourAddressSchema),
    access: ROLE_GROUPS.sectionStaff,
  }),
  'handover.markVisited': defineCall({
    input: z.object({ id: z.number().int(), visitedOn: isoDate, note: optionalText(1000) }),
    output: z.array(tourAddressSchema),
    access: ROLE_GROUPS.sectionStaff,
  }),
};

export const handoverApi = { ...actsApi, ...tourApi };
