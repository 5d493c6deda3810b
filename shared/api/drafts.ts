import { z } from 'zod';
import { defineCall } from './contract';

/** ours: what a form's draft may hold (a reception entry with a long story is a few kilobytes) */
export const DRAFT_MAX_CHARS = 200_000;

export const draftSchema = z.object({
  /** the screen's address when it was kept, e.g. '/reception' */
  route: z.string(),
  /** which form: the screen that owns it reopens it (e.g. 'reception.new') */
  form: z.string(),
  values: z.record(z.string(), z.unknown()),
  savedAt: z.string(),
});
export type Draft = z.infer<typeof draftSchema>;

/**
 * Nothing typed is lost to a lock (issue 15): the open form's text is kept in the encrypted store when the window
 * locks, one per person, and given back, once, after he unlocks.
 */
export const draftsApi = {
  'drafts.save': defineCall({
    input: z
      .object({
        route: z.string().max(300, 'validation.tooLong'),
        form: z.string().min(1).max(100, 'validation.tooLong'),
        values: z.record(z.string().max(100), z.unknown()),
      })
      .refine((d) => JSON.stringify(d.values).length <= DRAFT_MAX_CHARS, {
        message: 'validation.tooLong',
        path: ['values'],
      }),
    output: z.object({ savedAt: z.string() }),
    access: 'anyUser',
  }),
  /** The person's draft, removed as it is given: a second call answers null. */
  'drafts.take': defineCall({
    input: z.object({}),
    output: draftSchema.nullable(),
    access: 'anyUser',
  }),
};
