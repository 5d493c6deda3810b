import { z } from 'zod';
import { defineCall, isoDate } from './contract';
import { TODAY_WINDOWS } from '../rules/today';

/** One due item on the Today screen; every rule cites its paragraph of Order 1095 (or "ours"). */
export const dueItemSchema = z.object({
  ruleId: z.string(),
  /** paragraph of Order 1095, e.g. '6' or '22(10)'; 'ours' where the rule is the station's */
  paragraph: z.string(),
  titleKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  due: isoDate,
  overdue: z.boolean(),
  link: z.string().nullable(),
  /** something that happened, on the day `due`, for the reader to know of; not a deadline */
  notice: z.boolean().optional(),
});
export type DueItem = z.infer<typeof dueItemSchema>;

export const todayApi = {
  /** What is due: the overdue and those due within each kind's horizon, or (window 'all') everything open. */
  'today.list': defineCall({
    input: z.object({ date: isoDate, window: z.enum(TODAY_WINDOWS).default('soon') }),
    output: z.array(dueItemSchema),
    access: 'anyUser',
  }),
};
