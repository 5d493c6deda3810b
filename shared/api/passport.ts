import { z } from 'zod';
import { defineCall, isoDate, languageSchema, optionalText, fileOutput, requiredText } from './contract';
import { ROLE_GROUPS } from './roles';

/**
 * The electronic passport of a section (p.5, p.19, Appendix 1). §1 is the history of the
 * acceptance/handover acts; §3 the characteristics, one column per year "as of 1 January";
 * §4–§6 the objects, every column of the forms. Columns the paper fills "in pencil" (names,
 * phones, home addresses of managers) are marked and printed only when asked for.
 */
/** §3 rows in the form's order; level 1 rows are the "including" lines under the one before. */
export const CHARACTERISTICS = [
  ['area', 0],
  ['dwellings', 0],
  ['multiStorey', 1],
  ['apartments', 1],
  ['dormitories', 1],
  ['dormRooms', 1],
  ['privateHouses', 1],
  ['privateDwellings', 1],
  ['dachaAreas', 1],
  ['dachas', 1],
  ['population', 0],
  ['adults', 1],
  ['children', 1],
  ['foreigners', 1],
  ['onTerritory', 0],
  ['enterprises', 1],
  ['jsc', 1],
  ['farms', 1],
  ['healthcare', 1],
  ['trade', 1],
  ['exchange', 1],
  ['banks', 1],
  ['post', 1],
  ['education', 1],
  ['parking', 1],
  ['culture', 1],
  ['sports', 1],
  ['religious', 0],
  ['mosques', 1],
  ['churches', 1],
  ['religiousEducation', 1],
] as const;
export type CharacteristicCode = (typeof CHARACTERISTICS)[number][0];
/** a heading line of the form with no figure of its own */
export const HEADING_ROWS: readonly string[] = ['onTerritory'];

export const OBJECT_PARTS = ['enterprises', 'dormitories', 'permitObjects'] as const;
export type ObjectPart = (typeof OBJECT_PARTS)[number];
/** every column of §4, §5, §6 after the number; pencil columns marked */
export const OBJECT_FIELDS = {
  enterprises: ['name', 'ownership', 'address', 'managers', 'workingHours', 'security', 'video', 'note'],
  dormitories: ['name', 'address', 'managers', 'accessRegime'],
  permitObjects: ['name', 'ownership', 'address', 'managers', 'checkpointHours', 'security'],
} as const;
export const PENCIL_FIELDS: readonly string[] = ['managers'];
/** Columns the form labels by its section: §5 col. 4 (head of the dormitory, commandant, watchman), §6 col. 2
 * (with departmental affiliation), col. 5 (the person responsible for the object), col. 7 (type of security). */
const PART_LABELS: Partial<Record<ObjectPart, readonly string[]>> = {
  dormitories: ['managers'],
  permitObjects: ['name', 'managers', 'security'],
};
/** The catalog key of a column's label, as the form words it in that section. */
export const objectFieldLabel = (part: ObjectPart, field: string) =>
  PART_LABELS[part]?.includes(field) ? `passport.partFields.${part}.${field}` : `passport.fields.${field}`;

export const passportObjectSchema = z.object({
  id: z.number().int(),
  part: z.enum(OBJECT_PARTS),
  fields: z.record(z.string(), z.string()),
  updatedAt: z.string(),
});
export type PassportObject = z.infer<typeof passportObjectSchema>;

export const passportSchema = z.object({
  sectionId: z.number().int(),
  section: z.string(),
  years: z.array(z.number().int()),
  /** year → row code → value */
  values: z.record(z.string(), z.record(z.string(), z.number().nullable())),
  objects: z.array(passportObjectSchema),
  /** §2: the plan with routes and posts, as an image; the paper insert may stay in the binder */
  plan: z.object({ image: z.string().nullable(), note: z.string(), updatedAt: z.string() }).nullable(),
  /** App 1's cover: "Начат / Окончен / Срок хранения" ("Басталды / Аяқталды / Сақтау мерзімі"), blank until filled */
  cover: z.object({ startedOn: isoDate.nullable(), endedOn: isoDate.nullable(), retention: z.string() }),
  /** p.5: what the door-to-door tours found, address by address */
  tourNotes: z.array(z.object({ date: z.string(), address: z.string(), note: z.string() })),
});
export type Passport = z.infer<typeof passportSchema>;

const value = z.number().min(0, 'validation.range').max(10_000_000, 'validation.range').nullable();

export const passportApi = {
  'passport.get': defineCall({
    input: z.object({ sectionId: z.number().int() }),
    output: passportSchema,
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** §3: the column "as of 1 January" of one year. */
  'passport.saveYear': defineCall({
    input: z.object({
      sectionId: z.number().int(),
      year: z.number().int().min(2000).max(2100),
      values: z.record(z.string().max(100, 'validation.tooLong'), value),
    }),
    output: passportSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'passport.saveObject': defineCall({
    input: z
      .object({
        sectionId: z.number().int(),
        id: z.number().int().nullable().default(null),
        part: z.enum(OBJECT_PARTS),
        fields: z.record(z.string().max(100, 'validation.tooLong'), optionalText(500)),
      })
      .refine((o) => (o.fields.name ?? '').trim() !== '', { message: 'validation.required', path: ['fields.name'] }),
    output: passportSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'passport.savePlan': defineCall({
    input: z.object({
      sectionId: z.number().int(),
      image: z
        .string()
        .max(3_000_000, 'prevention.photoTooBig')
        .regex(/^data:image\/(jpeg|png);base64,[A-Za-z0-9+/=]+$/, 'prevention.photoFormat')
        .nullable(),
      note: optionalText(2000),
    }),
    output: passportSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'passport.saveCover': defineCall({
    input: z
      .object({
        sectionId: z.number().int(),
        startedOn: isoDate.nullable().default(null),
        endedOn: isoDate.nullable().default(null),
        retention: optionalText(100),
      })
      .refine((c) => c.endedOn === null || (c.startedOn !== null && c.endedOn >= c.startedOn), {
        message: 'validation.periodOrder',
        path: ['endedOn'],
      }),
    output: passportSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'passport.removeObject': defineCall({
    input: z.object({ sectionId: z.number().int(), id: z.number().int(), reason: requiredText(300) }),
    output: passportSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /**
   * The whole passport in the form's layout: cover, contents, §1–§6, and the register of places where offences
   * concentrate kept with it (p.22(14)). The pencil columns print, marked, as the form has them; left out on asking.
   */
  'passport.print': defineCall({
    input: z.object({ sectionId: z.number().int(), language: languageSchema, withPencil: z.boolean().default(true) }),
    output: fileOutput,
    access: ROLE_GROUPS.sectionReaders,
  }),
};
