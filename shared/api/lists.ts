import { z } from 'zod';
import {
  defineCall,
  FILE_INPUT_MAX,
  isoDate,
  languageSchema,
  optionalText,
  fileOutput,
  requiredText,
} from './contract';
import { ROLE_GROUPS } from './roles';
import { citizenInputSchema, citizenSchema } from './citizens';

/**
 * The section's three electronic lists (p.17): firearm owners (Appendix 2, with the yearly
 * check at home of p.22(10)), persons under non-custodial measures (Appendix 3), foreigners
 * (Appendix 4). Every column of each appendix; the person is one of the station's register.
 */
export const LISTS = ['firearms', 'probation', 'foreigners'] as const;
export type ListKind = (typeof LISTS)[number];

const date = isoDate.nullable().default(null);

export const weaponSchema = z.object({
  kind: requiredText(100),
  make: optionalText(100),
  calibre: optionalText(30),
  serial: requiredText(50),
});

export const firearmOwnerInputSchema = z.object({
  id: z.number().int().nullable().default(null),
  sectionId: z.number({ error: 'validation.required' }).int(),
  citizen: citizenInputSchema,
  address: requiredText(300),
  homePhone: optionalText(40),
  weapons: z.array(weaponSchema).min(1, 'lists.weaponRequired').max(30),
  permitBy: requiredText(200),
  permitOn: isoDate,
  permitUntil: date,
  reregisteredOn: date,
  withdrawnOn: date,
  surrenderedOn: date,
});

export const probationInputSchema = z
  .object({
    id: z.number().int().nullable().default(null),
    sectionId: z.number({ error: 'validation.required' }).int(),
    citizen: citizenInputSchema,
    address: requiredText(300),
    work: optionalText(300),
    phones: optionalText(100),
    includedOn: isoDate,
    removedOn: date,
    marks: optionalText(1000),
    /** ours, kept out of the appendix print (the Order's Appendix 3 has no such column) */
    measure: optionalText(300),
  })
  .refine((p) => p.removedOn === null || p.removedOn >= p.includedOn, {
    message: 'validation.periodOrder',
    path: ['removedOn'],
  });

/** Why a foreigner leaves the list (ours: App 4 has no column for it; the entry is kept, not deleted). */
export const FOREIGNER_REMOVAL_REASONS = ['left', 'moved', 'citizenship', 'other'] as const;

export const foreignerInputSchema = z.object({
  id: z.number().int().nullable().default(null),
  sectionId: z.number({ error: 'validation.required' }).int(),
  citizen: citizenInputSchema,
  citizenship: requiredText(100),
  passportNo: requiredText(50),
  passportValidUntil: date,
  stayUntil: date,
  tempAddress: requiredText(300),
  homePhone: optionalText(40),
  work: optionalText(300),
  workPhone: optionalText(40),
});

/** p.22(10): the permit the applicant asks for (acquisition; storage; storage and carrying). */
export const APPLICANT_PERMITS = ['acquisition', 'storage', 'storageCarrying'] as const;

export const applicantCheckInputSchema = z
  .object({
    id: z.number().int().nullable().default(null),
    sectionId: z.number({ error: 'validation.required' }).int(),
    citizen: citizenInputSchema,
    address: requiredText(300),
    permit: z.enum(APPLICANT_PERMITS, { error: 'validation.required' }),
    weapon: optionalText(200),
    /** the weapons unit's employee who gave the instruction (name, position) */
    instructedBy: requiredText(200),
    instructionRef: optionalText(100),
    receivedOn: isoDate,
    dueOn: isoDate,
  })
  .refine((x) => x.dueOn >= x.receivedOn, { message: 'validation.periodOrder', path: ['dueOn'] });

const base = {
  id: z.number().int(),
  sectionId: z.number().int(),
  sectionNumber: z.string(),
  citizenId: z.number().int(),
  citizen: citizenSchema,
  person: z.string(),
  iin: z.string().nullable(),
  birthDate: isoDate.nullable(),
};

export const firearmOwnerSchema = z.object({
  ...base,
  address: z.string(),
  homePhone: z.string(),
  weapons: z.array(z.object({ kind: z.string(), make: z.string(), calibre: z.string(), serial: z.string() })),
  permitBy: z.string(),
  permitOn: isoDate,
  permitUntil: isoDate.nullable(),
  reregisteredOn: isoDate.nullable(),
  withdrawnOn: isoDate.nullable(),
  surrenderedOn: isoDate.nullable(),
  lastCheck: z.object({ on: isoDate, result: z.string(), by: z.string() }).nullable(),
  /** p.22(10): a year after the last check (or after the permit, before the first) */
  nextCheck: isoDate.nullable(),
});
export const probationSchema = z.object({
  ...base,
  address: z.string(),
  work: z.string(),
  phones: z.string(),
  includedOn: isoDate,
  removedOn: isoDate.nullable(),
  marks: z.string(),
  measure: z.string(),
});
export const foreignerSchema = z.object({
  ...base,
  citizenship: z.string(),
  passportNo: z.string(),
  passportValidUntil: isoDate.nullable(),
  stayUntil: isoDate.nullable(),
  tempAddress: z.string(),
  homePhone: z.string(),
  work: z.string(),
  workPhone: z.string(),
  /** the last check of `checks` (App 4 col. 7) */
  checkedOn: isoDate.nullable(),
  checkNote: z.string(),
  /** every residence check, newest first; `by` is '' for one carried over from before the history was kept */
  checks: z.array(z.object({ on: isoDate, note: z.string(), by: z.string() })),
  removedOn: isoDate.nullable(),
  removalReason: z.enum(FOREIGNER_REMOVAL_REASONS).nullable(),
  removalNote: z.string(),
});
export const applicantCheckSchema = z.object({
  ...base,
  address: z.string(),
  permit: z.enum(APPLICANT_PERMITS),
  weapon: z.string(),
  instructedBy: z.string(),
  instructionRef: z.string(),
  receivedOn: isoDate,
  dueOn: isoDate,
  checkedOn: isoDate.nullable(),
  result: z.string(),
  checkedBy: z.string(),
});
export type ApplicantCheck = z.infer<typeof applicantCheckSchema>;
export type FirearmOwner = z.infer<typeof firearmOwnerSchema>;
export type ProbationPerson = z.infer<typeof probationSchema>;
export type Foreigner = z.infer<typeof foreignerSchema>;

const filter = z.object({
  sectionId: z.number().int().nullable().default(null),
  text: z.string().max(100).default(''),
});

const listRecordsApi = {
  'lists.firearms': defineCall({
    input: filter,
    output: z.array(firearmOwnerSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  'lists.saveFirearmOwner': defineCall({
    input: firearmOwnerInputSchema,
    output: firearmOwnerSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** p.22(10): the yearly check at home. */
  'lists.recordFirearmCheck': defineCall({
    input: z.object({ id: z.number().int(), checkedOn: isoDate, result: requiredText(1000) }),
    output: firearmOwnerSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'lists.probation': defineCall({
    input: filter,
    output: z.array(probationSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  'lists.saveProbation': defineCall({
    input: probationInputSchema,
    output: probationSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** The foreigners on the list; those removed only when asked for. */
  'lists.foreigners': defineCall({
    input: filter.extend({ includeRemoved: z.boolean().default(false) }),
    output: z.array(foreignerSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  'lists.saveForeigner': defineCall({
    input: foreignerInputSchema,
    output: foreignerSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'lists.recordForeignerCheck': defineCall({
    input: z.object({ id: z.number().int(), checkedOn: isoDate, note: optionalText(500) }),
    output: foreignerSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** p.22(10): the applicants the weapons unit asked to check, those not yet checked first. */
  'lists.applicantChecks': defineCall({
    input: filter,
    output: z.array(applicantCheckSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** The instruction as received; corrected while the check is not yet recorded. */
  'lists.saveApplicantCheck': defineCall({
    input: applicantCheckInputSchema,
    output: applicantCheckSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'lists.recordApplicantCheck': defineCall({
    input: z.object({ id: z.number().int(), checkedOn: isoDate, result: requiredText(1000) }),
    output: applicantCheckSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** Off the list (left the country, moved, became a citizen): kept with the date and reason. */
  'lists.removeForeigner': defineCall({
    input: z
      .object({
        id: z.number().int(),
        removedOn: isoDate,
        reason: z.enum(FOREIGNER_REMOVAL_REASONS, { error: 'validation.required' }),
        note: optionalText(500),
      })
      .refine((x) => x.reason !== 'other' || x.note.trim() !== '', {
        message: 'lists.removalNoteRequired',
        path: ['note'],
      }),
    output: foreignerSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** Undoes a removal made by mistake; the audit keeps both. */
  'lists.restoreForeigner': defineCall({
    input: z.object({ id: z.number().int() }),
    output: foreignerSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** In the appendix's layout and columns. */
  'lists.print': defineCall({
    input: z.object({
      list: z.enum(LISTS),
      sectionId: z.number().int().nullable().default(null),
      language: languageSchema,
    }),
    output: fileOutput,
    access: ROLE_GROUPS.sectionReaders,
  }),
  'lists.exportXlsx': defineCall({
    input: z.object({
      list: z.enum(LISTS),
      sectionId: z.number().int().nullable().default(null),
      language: languageSchema,
    }),
    output: fileOutput,
    access: ROLE_GROUPS.sectionReaders,
  }),
};

/** The fields a spreadsheet column can fill, per list; the person's name is one column "surname name patronymic". */
export const IMPORT_FIELDS = {
  firearms: [
    'fullName',
    'iin',
    'address',
    'homePhone',
    'weaponKind',
    'weaponMake',
    'weaponCalibre',
    'weaponSerial',
    'permitBy',
    'permitOn',
    'permitUntil',
    'reregisteredOn',
    // App 2 col. 7
    'withdrawnOn',
    'surrenderedOn',
  ],
  probation: ['fullName', 'iin', 'birthDate', 'address', 'work', 'phones', 'includedOn', 'removedOn', 'marks'],
  foreigners: [
    'fullName',
    'citizenship',
    'iin',
    'birthDate',
    'passportNo',
    'passportValidUntil',
    'stayUntil',
    'tempAddress',
    'homePhone',
    'work',
    'workPhone',
    // App 4 col. 7: the last check at the place of stay
    'checkedOn',
    'checkNote',
  ],
} as const;
export const REQUIRED_IMPORT_FIELDS = {
  firearms: ['fullName', 'address', 'weaponKind', 'weaponSerial', 'permitBy', 'permitOn'],
  probation: ['fullName', 'address', 'includedOn'],
  foreigners: ['fullName', 'citizenship', 'passportNo', 'tempAddress'],
} as const;

/** column index (0-based) for each field the user mapped; a field left out is not imported */
const mappingSchema = z.record(z.string().max(100, 'validation.tooLong'), z.number().int().min(0).max(100));
const importInput = z.object({
  list: z.enum(LISTS),
  base64: z.string().min(1, 'validation.required').max(FILE_INPUT_MAX.spreadsheet, 'lists.fileTooBig'),
  sectionId: z.number({ error: 'validation.required' }).int(),
  mapping: mappingSchema.nullable().default(null),
});

export const importPreviewSchema = z.object({
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.number().int()),
  rows: z.array(
    z.object({
      row: z.number().int(),
      action: z.enum(['add', 'update', 'reject']),
      person: z.string(),
      reasons: z.array(z.string()),
    }),
  ),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

const listImportApi = {
  /** Reads the file and says, row by row, what would be added, updated or rejected and why; saves nothing. */
  'lists.importPreview': defineCall({
    input: importInput,
    output: importPreviewSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** The confirmed import: the valid rows in one transaction; rejected rows are left out. */
  'lists.importApply': defineCall({
    input: importInput,
    output: z.object({ added: z.number().int(), updated: z.number().int(), rejected: z.number().int() }),
    access: ROLE_GROUPS.sectionStaff,
  }),
};

export const listsApi = { ...listRecordsApi, ...listImportApi };
