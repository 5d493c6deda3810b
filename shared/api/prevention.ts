import { z } from 'zod';
import {
  defineCall,
  FILE_INPUT_MAX,
  isoDate,
  languageSchema,
  localDateTime,
  optionalText,
  fileOutput,
  periodInOrder,
  requiredText,
} from './contract';
import { ROLE_GROUPS } from './roles';
import { citizenInputSchema, citizenSchema } from './citizens';
import { receptionLineSchema } from './reception';

/**
 * Preventive-record person files (p.11–16). The seven categories of p.11; item 3 holds
 * two different grounds, kept apart as 3a and 3b (our reading of p.11(3): one item, two grounds); several may apply.
 */
export const CATEGORIES = ['1', '2', '3a', '3b', '4', '5', '6', '7'] as const;
export type Category = (typeof CATEGORIES)[number];

/** active → moving (departure recorded, p.14) → transferred; or removed from the record. */
export const FILE_STATUSES = ['active', 'moving', 'transferred', 'removed'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];

/** p.15: what the information is used for; only prevention tasks. */
export const PURPOSES = ['supervision', 'individualWork', 'transfer', 'control', 'request', 'other'] as const;
export const purposeSchema = z
  .object({ purpose: z.enum(PURPOSES), purposeText: optionalText(300) })
  .refine((p) => p.purpose !== 'other' || p.purposeText !== '', {
    message: 'prevention.purposeTextRequired',
    path: ['purposeText'],
  });
export type Purpose = z.input<typeof purposeSchema>;

/** p.12: kinds of supervision records. */
export const SUPERVISION_KINDS = ['visit', 'check', 'conversation', 'other'] as const;
export const MOVE_KINDS = ['district', 'region'] as const;
/** p.13: the paper file sits in a station safe, or in the police body's premises. */
export const CUSTODY_PLACES = ['safe', 'policeBody'] as const;

export const relationSchema = z.object({
  kind: z.enum(['relative', 'associate']),
  fullName: requiredText(150),
  relation: optionalText(80),
  address: optionalText(300),
  phone: optionalText(40),
});

export const safeSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  location: z.string(),
  active: z.boolean(),
  files: z.number().int(),
});
export type Safe = z.infer<typeof safeSchema>;

export const supervisionSchema = z.object({
  id: z.number().int(),
  kind: z.enum(SUPERVISION_KINDS),
  plannedFor: isoDate.nullable(),
  doneAt: z.string().nullable(),
  by: z.string(),
  text: z.string(),
  violation: z.boolean(),
  violationText: z.string(),
  measures: z.string(),
  recordedAt: z.string(),
});
export type SupervisionRecord = z.infer<typeof supervisionSchema>;

export const custodyMoveSchema = z.object({
  id: z.number().int(),
  action: z.enum(['out', 'in', 'sent']),
  at: z.string(),
  person: z.string(),
  reason: z.string(),
  recordedBy: z.string(),
});

export const accessRowSchema = z.object({
  at: z.string(),
  user: z.string(),
  role: z.string(),
  action: z.string(),
  purpose: z.enum(PURPOSES),
  purposeText: z.string(),
});

/** An optional photo: JPEG or PNG as a data URL, at most about 500 KB. */
export const photoSchema = z
  .string()
  .max(700_000, 'prevention.photoTooBig')
  .regex(/^data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+$/, 'prevention.photoFormat')
  .nullable();

const fileCore = {
  categories: z.array(z.enum(CATEGORIES)),
  groundsBody: z.string(),
  groundsNumber: z.string(),
  groundsDate: isoDate.nullable(),
  restrictions: z.string(),
  obligations: z.string(),
  startDate: isoDate,
  plannedEnd: isoDate.nullable(),
  sectionId: z.number().int(),
  inspectorId: z.number().int(),
  actualAddress: z.string(),
  phones: z.string(),
  relations: z.array(relationSchema),
  notes: z.string(),
  custodyPlace: z.enum(CUSTODY_PLACES),
  safeId: z.number().int().nullable(),
  shelf: z.string(),
  controllingInspector: z.string(),
  photo: photoSchema,
};

/** What the list shows; no grounds, restrictions or relations. */
export const fileRowSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  person: z.string(),
  birthDate: isoDate.nullable(),
  categories: z.array(z.enum(CATEGORIES)),
  status: z.enum(FILE_STATUSES),
  sectionId: z.number().int(),
  sectionNumber: z.string(),
  inspector: z.string(),
  inspectorId: z.number().int(),
  /** the paper file is out of the safe since */
  outSince: z.string().nullable(),
  nextCheck: isoDate.nullable(),
});
export type PersonFileRow = z.infer<typeof fileRowSchema>;

export const personFileSchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  status: z.enum(FILE_STATUSES),
  citizen: citizenSchema,
  ...fileCore,
  sectionNumber: z.string(),
  inspector: z.string(),
  safeName: z.string(),
  outSince: z.string().nullable(),
  // p.14 move away
  departedAt: z.string().nullable(),
  moveKind: z.enum(MOVE_KINDS).nullable(),
  newAddress: z.string(),
  newBody: z.string(),
  requestSentAt: z.string().nullable(),
  requestNumber: z.string(),
  requestDue: z.string().nullable(),
  confirmedOn: isoDate.nullable(),
  confirmationRef: z.string(),
  materialsSentAt: z.string().nullable(),
  materialsList: z.string(),
  coveringNumber: z.string(),
  // removal
  removedOn: isoDate.nullable(),
  removalGrounds: z.string(),
  removalReason: z.string(),
  importedFrom: z.string(),
  createdAt: z.string(),
  /** who placed the person on record; an assistant with the inspector he works under (p.2(3)) */
  placedBy: z.string(),
  placedBySupervisor: z.string(),
  supervision: z.array(supervisionSchema),
  custody: z.array(custodyMoveSchema),
  access: z.array(accessRowSchema),
});
export type PersonFile = z.infer<typeof personFileSchema>;

export const fileInputSchema = z
  .object({
    citizen: citizenInputSchema,
    categories: z.array(z.enum(CATEGORIES)).min(1, 'prevention.categoryRequired').max(8),
    groundsBody: requiredText(300),
    groundsNumber: requiredText(50),
    groundsDate: isoDate,
    restrictions: optionalText(3000),
    obligations: optionalText(3000),
    startDate: isoDate,
    plannedEnd: isoDate.nullable().default(null),
    sectionId: z.number({ error: 'validation.required' }).int(),
    inspectorId: z.number({ error: 'validation.required' }).int(),
    actualAddress: optionalText(300),
    phones: optionalText(100),
    relations: z.array(relationSchema).max(30).default([]),
    notes: optionalText(3000),
    custodyPlace: z.enum(CUSTODY_PLACES).default('safe'),
    safeId: z.number().int().nullable().default(null),
    shelf: optionalText(50),
    controllingInspector: optionalText(150),
    photo: photoSchema.default(null),
  })
  .refine((f) => f.plannedEnd === null || f.plannedEnd >= f.startDate, {
    message: 'validation.periodOrder',
    path: ['plannedEnd'],
  })
  .refine((f) => f.groundsDate <= f.startDate, { message: 'prevention.groundsAfterStart', path: ['groundsDate'] })
  .refine((f) => f.custodyPlace !== 'safe' || f.safeId !== null, {
    message: 'prevention.safeRequired',
    path: ['safeId'],
  })
  .refine((f) => f.custodyPlace !== 'policeBody' || f.controllingInspector !== '', {
    message: 'prevention.controllerRequired',
    path: ['controllingInspector'],
  });
export type PersonFileInput = z.input<typeof fileInputSchema>;

export const listFilterSchema = z.object({
  category: z.enum(CATEGORIES).nullable().default(null),
  inspectorId: z.number().int().nullable().default(null),
  sectionId: z.number().int().nullable().default(null),
  status: z.enum(FILE_STATUSES).nullable().default(null),
  /** files with a planned check due by this date */
  checksDueBy: isoDate.nullable().default(null),
  text: z.string().max(100).default(''),
});

/** What a transfer package shows before it is saved. */
export const packagePreviewSchema = z.object({
  fromStation: z.string(),
  exportedAt: z.string(),
  person: z.string(),
  iin: z.string().nullable(),
  birthDate: isoDate.nullable(),
  categories: z.array(z.enum(CATEGORIES)),
  grounds: z.string(),
  startDate: isoDate,
  supervisionRecords: z.number().int(),
  relations: z.number().int(),
});

const fileId = { id: z.number().int() };
const packageFile = z.string().min(1, 'validation.required').max(FILE_INPUT_MAX.package, 'prevention.packageTooBig');
const passphrase = z.string().min(10, 'prevention.passphraseShort').max(200, 'validation.tooLong');

export const preventionApi = {
  'prevention.safes': defineCall({
    input: z.object({}),
    output: z.array(safeSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  'prevention.saveSafe': defineCall({
    input: z.object({
      id: z.number().int().nullable().default(null),
      name: requiredText(60),
      location: optionalText(200),
      active: z.boolean().default(true),
    }),
    output: z.array(safeSchema),
    access: ['uppLead'],
  }),
  'prevention.list': defineCall({
    input: listFilterSchema,
    output: z.array(fileRowSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** p.15: reading a file states the purpose; the reading is logged. */
  'prevention.open': defineCall({
    input: z.object({ ...fileId }).and(purposeSchema),
    output: personFileSchema,
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** Who opened, printed or exported the file, and why; no content of the file itself. */
  'prevention.accessLog': defineCall({
    input: z.object({ ...fileId }),
    output: z.array(accessRowSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** The reception entries that name the file (issue 16), newest first; for those who may work with the file. */
  'prevention.receptions': defineCall({
    input: z.object({ ...fileId }),
    output: z.array(receptionLineSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  'prevention.create': defineCall({
    input: fileInputSchema,
    output: personFileSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'prevention.update': defineCall({
    input: z.object({ ...fileId, file: fileInputSchema }),
    output: personFileSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** p.12: a planned check, or a visit/check/conversation done, with violations and measures. */
  'prevention.addSupervision': defineCall({
    input: z
      .object({
        ...fileId,
        kind: z.enum(SUPERVISION_KINDS),
        plannedFor: isoDate.nullable().default(null),
        doneAt: localDateTime.nullable().default(null),
        text: optionalText(3000),
        violation: z.boolean().default(false),
        violationText: optionalText(2000),
        measures: optionalText(2000),
        /** a planned check this record fulfils */
        fulfilsId: z.number().int().nullable().default(null),
      })
      .refine((s) => s.doneAt !== null || s.plannedFor !== null, {
        message: 'prevention.whenRequired',
        path: ['doneAt'],
      })
      .refine((s) => s.doneAt === null || s.text !== '', { message: 'validation.required', path: ['text'] })
      .refine((s) => !s.violation || s.violationText !== '', {
        message: 'prevention.violationTextRequired',
        path: ['violationText'],
      }),
    output: personFileSchema,
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** p.13: the paper file taken out of, or returned to, its safe. */
  'prevention.custody': defineCall({
    input: z
      .object({ ...fileId, action: z.enum(['out', 'in']), personId: z.number().int(), reason: optionalText(300) })
      .refine((c) => c.action === 'in' || c.reason !== '', { message: 'prevention.reasonRequired', path: ['reason'] }),
    output: personFileSchema,
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** p.14 step 1: departure for permanent residence in another district or region. */
  'prevention.recordDeparture': defineCall({
    input: z.object({
      ...fileId,
      departedAt: localDateTime,
      moveKind: z.enum(MOVE_KINDS),
      newAddress: requiredText(300),
      newBody: requiredText(300),
    }),
    output: personFileSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'prevention.recordRequest': defineCall({
    input: z.object({ ...fileId, sentAt: localDateTime, requestNumber: requiredText(50) }),
    output: personFileSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'prevention.recordConfirmation': defineCall({
    input: z.object({ ...fileId, confirmedOn: isoDate, confirmationRef: requiredText(100) }),
    output: personFileSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** p.14 last step: only after the arrival is confirmed; closes the file here. */
  'prevention.sendMaterials': defineCall({
    input: z.object({ ...fileId, materialsList: requiredText(3000), coveringNumber: requiredText(50) }),
    output: personFileSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'prevention.remove': defineCall({
    input: z.object({
      ...fileId,
      removedOn: isoDate,
      removalGrounds: requiredText(300),
      removalReason: requiredText(1000),
    }),
    output: personFileSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'prevention.print': defineCall({
    input: z
      .object({ ...fileId, document: z.enum(['card', 'request', 'covering']), language: languageSchema })
      .and(purposeSchema),
    output: fileOutput,
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** p.13: the inventory of a safe, or of the files kept in the police body's premises. */
  'prevention.printInventory': defineCall({
    input: z.object({ safeId: z.number().int().nullable(), language: languageSchema }),
    output: fileOutput,
    access: ROLE_GROUPS.chiefs,
  }),
  /** p.13: every taking out and return of the files of a safe (or the police body's premises) in a period. */
  'prevention.printCustodyLog': defineCall({
    input: periodInOrder(
      z.object({ safeId: z.number().int().nullable(), from: isoDate, to: isoDate, language: languageSchema }),
    ),
    output: fileOutput,
    access: ROLE_GROUPS.chiefs,
  }),
  'prevention.exportPackage': defineCall({
    input: z.object({ ...fileId, passphrase }).and(purposeSchema),
    output: fileOutput,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'prevention.previewPackage': defineCall({
    input: z.object({ base64: packageFile, passphrase }),
    output: packagePreviewSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'prevention.importPackage': defineCall({
    input: z
      .object({
        base64: packageFile,
        passphrase,
        sectionId: z.number({ error: 'validation.required' }).int(),
        inspectorId: z.number({ error: 'validation.required' }).int(),
        custodyPlace: z.enum(CUSTODY_PLACES).default('safe'),
        safeId: z.number().int().nullable().default(null),
        shelf: optionalText(50),
        controllingInspector: optionalText(150),
      })
      .refine((f) => f.custodyPlace !== 'safe' || f.safeId !== null, {
        message: 'prevention.safeRequired',
        path: ['safeId'],
      }),
    output: personFileSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
};
