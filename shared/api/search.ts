import { z } from 'zod';
import { defineCall } from './contract';
import { ROLE_GROUPS } from './roles';

/** The kinds of record the search finds, in the order their groups are shown when they rank alike (ours). */
export const SEARCH_KINDS = [
  'citizen',
  'personFile',
  'reception',
  'notebook',
  'firearmOwner',
  'probation',
  'foreigner',
  'meeting',
  'meetingItem',
  'handoverAct',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Why a record was found: the field that answered, and its text (a snippet of a long one). */
export const SEARCH_FIELDS = ['iin', 'name', 'number', 'address', 'text', 'participant', 'staff'] as const;

export const searchHitSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.number().int(),
  /** 3: an exact IIN or number, 2: a full name (every word whole), 1: the beginnings of words */
  rank: z.number().int(),
  /** the person or the record, as its list names it */
  title: z.string(),
  match: z.object({ field: z.enum(SEARCH_FIELDS), text: z.string() }),
  /** the record's date (or moment), for "newer before older" and for the line */
  date: z.string().nullable(),
  /** a person's birth date, that tells two namesakes apart */
  born: z.string().nullable(),
  /** a number as the record is known by: "12/2026", "№ 7" */
  number: z.string().nullable(),
  sectionNumber: z.string().nullable(),
  /** the inspector (a file, a list entry, an act), the notebook's owner, the receiver */
  staff: z.string().nullable(),
  /** what else the kind tells (a category, a meeting's kind, a list); a catalog key's last part */
  tag: z.string().nullable(),
  /**
   * a person file of a section outside the caller's scope: only that it exists, where and with whom (p.15, p.16);
   * opening it is refused like any other opening
   */
  restricted: z.boolean(),
  /** where it opens: the notebook's owner, the item's meeting */
  parentId: z.number().int().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchApi = {
  /**
   * Ctrl+K (issue 17): citizens, reception entries, notebook entries, person files, the three lists, meetings and their
   * items, handover acts, by part of a name (either alphabet, either keyboard), of an IIN, an entry number or an
   * address. Each kind as the caller may read it; the best first.
   */
  'search.find': defineCall({
    input: z.object({ query: z.string().max(100, 'validation.tooLong') }),
    output: z.array(searchHitSchema),
    access: ROLE_GROUPS.notebookUsers,
  }),
};
