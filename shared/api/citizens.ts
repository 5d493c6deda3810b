import { z } from 'zod';
import { defineCall, isoDate, optionalText, requiredText } from './contract';
import { ROLE_GROUPS } from './roles';
import { parseIin } from '../iin';

/**
 * The station's one register of people (citizens, persons on record, list entries), keyed by IIN where there is one.
 */
export const NO_IIN_REASONS = ['foreigner', 'unknown'] as const;
export const SEXES = ['male', 'female'] as const;

export const citizenSchema = z.object({
  id: z.number().int(),
  iin: z.string().nullable(),
  noIin: z.enum(NO_IIN_REASONS).nullable(),
  surname: z.string(),
  name: z.string(),
  patronymic: z.string(),
  birthDate: isoDate.nullable(),
  sex: z.enum(SEXES).nullable(),
  address: z.string(),
  phone: z.string(),
  /** a foreigner's (App 4 cols. 2–3): the same person at the desk and in the list */
  citizenship: z.string(),
  passportNo: z.string(),
  passportValidUntil: isoDate.nullable(),
});
export type Citizen = z.infer<typeof citizenSchema>;

export const citizenInputSchema = z
  .object({
    /** an existing citizen chosen from the search; null for a new one */
    id: z.number().int().nullable().default(null),
    iin: z.string().trim().max(20, 'validation.tooLong').default(''),
    noIin: z.enum(NO_IIN_REASONS).nullable().default(null),
    surname: requiredText(80),
    name: requiredText(80),
    patronymic: optionalText(80),
    birthDate: isoDate.nullable().default(null),
    sex: z.enum(SEXES).nullable().default(null),
    address: optionalText(300),
    phone: optionalText(40),
    // a form without these fields leaves them as the register has them
    citizenship: z.string().trim().max(100, 'validation.tooLong').optional(),
    passportNo: z.string().trim().max(50, 'validation.tooLong').optional(),
    passportValidUntil: isoDate.nullable().optional(),
  })
  .superRefine((c, ctx) => {
    if (c.iin !== '') {
      const r = parseIin(c.iin);
      if (!r.ok) ctx.addIssue({ code: 'custom', path: ['iin'], message: `iin.${r.error}` });
    } else if (c.noIin === null) {
      ctx.addIssue({ code: 'custom', path: ['iin'], message: 'iin.requiredOrReason' });
    }
  });
export type CitizenInput = z.input<typeof citizenInputSchema>;

export const citizenHitSchema = citizenSchema.extend({ lastVisit: z.string().nullable(), visits: z.number().int() });
export type CitizenHit = z.infer<typeof citizenHitSchema>;

/** A correction of a person's details: what he is now, and why. */
export const citizenCorrectionSchema = z.object({ citizen: citizenInputSchema, reason: requiredText(500) });

export const citizensApi = {
  /** As the desk types: part of an IIN or of any name, Kazakh or Russian letters, any case. */
  'citizens.search': defineCall({
    input: z.object({ query: z.string().max(100), limit: z.number().int().min(1).max(50).default(10) }),
    output: z.array(citizenHitSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** A person's details corrected where he is recorded, the old version kept in the audit (ours). */
  'citizens.correct': defineCall({
    input: citizenCorrectionSchema.extend({ id: z.number().int() }),
    output: citizenSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
};
