import { z } from 'zod';
import { defineCall, isoDate } from './contract';
import { ROLE_GROUPS } from './roles';
import { citizenSchema } from './citizens';
import { CATEGORIES, FILE_STATUSES } from './prevention';
import { ENTRY_KINDS } from './notebook';
import { ITEM_KINDS } from './meetings';
import { receptionLineSchema } from './reception';

/**
 * The citizen, whole (issue 15): everything the station holds on one person, each part only as far as the caller may
 * read it. Kept apart from citizens.ts because it names the records of other modules, which themselves name a citizen.
 */
export const CARD_LIST_KINDS = ['firearmOwner', 'probation', 'foreigner', 'applicantCheck'] as const;

/** One state of the person's details: as he was first recorded, then after each correction, with its reason. */
export const citizenVersionSchema = z.object({
  at: z.string(),
  by: z.string(),
  change: z.enum(['created', 'corrected']),
  reason: z.string(),
  citizen: citizenSchema,
});

export const citizenCardSchema = z.object({
  citizen: citizenSchema,
  /** newest first */
  versions: z.array(citizenVersionSchema),
  visits: z.array(receptionLineSchema),
  notebook: z.array(
    z.object({
      id: z.number().int(),
      ownerId: z.number().int(),
      owner: z.string(),
      number: z.number().int(),
      kind: z.enum(ENTRY_KINDS),
      occurredAt: z.string(),
      text: z.string(),
    }),
  ),
  /** p.15: a file outside the caller's scope says only that it is there, where and with whom */
  personFiles: z.array(
    z.object({
      id: z.number().int(),
      restricted: z.boolean(),
      number: z.number().int().nullable(),
      status: z.enum(FILE_STATUSES).nullable(),
      categories: z.array(z.enum(CATEGORIES)),
      startDate: isoDate.nullable(),
      sectionNumber: z.string(),
      inspector: z.string(),
    }),
  ),
  lists: z.array(
    z.object({
      kind: z.enum(CARD_LIST_KINDS),
      id: z.number().int(),
      sectionNumber: z.string(),
      since: z.string(),
      /** off the list (removed, withdrawn, checked) since; null while it is open */
      until: z.string().nullable(),
      detail: z.string(),
    }),
  ),
  /** complaints, proposals and remarks at meetings, found by the name the protocol gives who raised them */
  meetingItems: z.array(
    z.object({
      id: z.number().int(),
      meetingId: z.number().int(),
      date: isoDate,
      kind: z.enum(ITEM_KINDS),
      text: z.string(),
      raisedBy: z.string(),
    }),
  ),
});
export type CitizenCard = z.infer<typeof citizenCardSchema>;

export const citizenCardApi = {
  'citizens.card': defineCall({
    input: z.object({ id: z.number().int() }),
    output: citizenCardSchema,
    access: ROLE_GROUPS.sectionReaders,
  }),
};
