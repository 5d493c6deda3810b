import { z } from 'zod';
import { defineCall, fileOutput, isoDate, languageSchema, optionalText, periodInOrder, requiredText } from './contract';
import { photoSchema } from './prevention';
import { ROLE_GROUPS } from './roles';

/**
 * The daily tour of the section (p.22(14)): the places where offences concentrate (криминогенные места /
 * криминогендік орындар), the day's tour with its survey and conversations, the business cards and the information
 * sheets; each tour is also an entry of the work notebook (p.20).
 */
export const PLACE_KINDS = ['street', 'yard', 'trade', 'entertainment', 'transport', 'abandoned', 'other'] as const;

export const offencePlaceSchema = z.object({
  id: z.number().int(),
  sectionId: z.number().int(),
  sectionNumber: z.string(),
  address: z.string(),
  kind: z.enum(PLACE_KINDS),
  reason: z.string(),
  since: isoDate,
  removedOn: isoDate.nullable(),
  removalReason: z.string(),
  /** the last tour that visited it */
  lastVisit: isoDate.nullable(),
});
export type OffencePlace = z.infer<typeof offencePlaceSchema>;

export const placeInputSchema = z.object({
  id: z.number().int().nullable().default(null),
  sectionId: z.number({ error: 'validation.required' }).int(),
  address: requiredText(300),
  kind: z.enum(PLACE_KINDS),
  reason: requiredText(1000),
  since: isoDate,
});

const count = z
  .number({ error: 'validation.required' })
  .int()
  .min(0, 'validation.range')
  .max(10_000, 'validation.range');

export const tourInputSchema = z
  .object({
    sectionId: z.number({ error: 'validation.required' }).int(),
    date: isoDate,
    /** the registered places visited */
    placeIds: z.array(z.number().int()).max(200).default([]),
    /** other addresses and objects walked through */
    addresses: optionalText(2000),
    /** the oral survey of residents: whom, what they complained of */
    survey: optionalText(4000),
    /** preventive conversations held, if any were needed */
    conversations: optionalText(4000),
    cardsGiven: count.default(0),
    sheetsPosted: count.default(0),
    sheetsWhere: optionalText(1000),
    /** what was found: the information for the notebook, so that measures are taken */
    findings: optionalText(4000),
    /** the language the notebook entry is written in: the screen's */
    language: languageSchema,
  })
  .refine((t) => t.placeIds.length > 0 || t.addresses !== '', {
    message: 'tours.whereRequired',
    path: ['addresses'],
  })
  .refine((t) => t.sheetsPosted === 0 || t.sheetsWhere !== '', {
    message: 'tours.sheetsWhereRequired',
    path: ['sheetsWhere'],
  });
export type TourInput = z.input<typeof tourInputSchema>;

export const tourSchema = z.object({
  id: z.number().int(),
  ownerId: z.number().int(),
  owner: z.string(),
  sectionId: z.number().int(),
  sectionNumber: z.string(),
  date: isoDate,
  places: z.array(z.object({ id: z.number().int(), address: z.string() })),
  addresses: z.string(),
  survey: z.string(),
  conversations: z.string(),
  cardsGiven: z.number().int(),
  sheetsPosted: z.number().int(),
  sheetsWhere: z.string(),
  findings: z.string(),
  /** the notebook entry the tour is written as (p.20) */
  notebookEntryId: z.number().int(),
  notebookNumber: z.number().int(),
});
export type Tour = z.infer<typeof tourSchema>;

const period = z.object({ from: isoDate, to: isoDate });

export const toursApi = {
  /** The register of a section's places where offences concentrate, the removed ones kept. */
  'tours.places': defineCall({
    input: z.object({ sectionId: z.number().int().nullable().default(null) }),
    output: z.array(offencePlaceSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  'tours.savePlace': defineCall({
    input: placeInputSchema,
    output: offencePlaceSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** A place that no longer draws offences leaves the register with the day and the reason; it is kept. */
  'tours.removePlace': defineCall({
    input: z.object({ id: z.number().int(), on: isoDate, reason: requiredText(500) }),
    output: offencePlaceSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** The tours of a period: one's own, or those of the staff whose notebooks the caller reads. */
  'tours.list': defineCall({
    input: periodInOrder(period.extend({ ownerId: z.number().int().nullable().default(null) })),
    output: z.array(tourSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  /** p.22(14): the day's tour, written in the notebook as a `tour` entry in the same step (p.20). */
  'tours.record': defineCall({
    input: tourInputSchema,
    output: tourSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** The phone the information sheet and the business card print: the staff member's own. */
  'tours.saveWorkPhone': defineCall({
    input: z.object({ phone: optionalText(40) }),
    output: z.object({ phone: z.string() }),
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** The caller's work phone, and the sections he works today (own and covered, p.6): where he tours. */
  'tours.contact': defineCall({
    input: z.object({}),
    output: z.object({ phone: z.string(), sectionIds: z.array(z.number().int()) }),
    access: ROLE_GROUPS.sectionStaff,
  }),
  /**
   * p.22(14): the information sheet for public places, Kazakh and Russian on one sheet: the inspector's name, rank,
   * photo if given (not kept), section, the reception's hours and place, the phones.
   */
  'tours.printSheet': defineCall({
    input: z.object({ size: z.enum(['A4', 'A5']), photo: photoSchema.default(null) }),
    output: fileOutput,
    access: ROLE_GROUPS.sectionStaff,
  }),
  /** p.22(14): the business cards, ten to an A4 sheet with cutting marks, each in Kazakh and Russian. */
  'tours.printCards': defineCall({
    input: z.object({}),
    output: fileOutput,
    access: ROLE_GROUPS.sectionStaff,
  }),
};
