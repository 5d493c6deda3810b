import { z } from 'zod';
import { defineCall, isoDate, languageSchema, optionalText, fileOutput, requiredText } from './contract';
import { ROLE_GROUPS } from './roles';

/**
 * The monthly UPP work plan (p.18, p.24(1)): drafted by the UPP lead, approved by the head of the MPS or the person
 * replacing him (shared/rules/plans.ts). An approved revision is frozen; a change is a new revision that needs approval
 * again. Items are marked done or not done during the month.
 */
export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'superseded'] as const;
export const ITEM_RESULTS = ['done', 'notDone'] as const;
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'plans.month');

export const planItemInputSchema = z
  .object({
    text: requiredText(1000),
    responsibleId: z.number().int().nullable().default(null),
    responsibleText: optionalText(200),
    dueDate: isoDate,
    basis: optionalText(200),
  })
  .refine((i) => i.responsibleId !== null || i.responsibleText !== '', {
    message: 'plans.responsibleRequired',
    path: ['responsibleId'],
  });

export const planItemSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  responsibleId: z.number().int().nullable(),
  responsibleText: z.string(),
  responsible: z.string(),
  dueDate: isoDate,
  basis: z.string(),
  result: z.enum(ITEM_RESULTS).nullable(),
  resultNote: z.string(),
  markedAt: z.string().nullable(),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const planSchema = z.object({
  id: z.number().int(),
  month,
  revision: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  draftedBy: z.string(),
  submittedAt: z.string().nullable(),
  approvedBy: z.string(),
  approvedByPosition: z.string(),
  /** p.18: approved by the head of the MPS or by the person replacing him */
  approvedAs: z.enum(['head', 'acting']).nullable(),
  approvedAt: z.string().nullable(),
  returnRemarks: z.string(),
  items: z.array(planItemSchema),
});
export type Plan = z.infer<typeof planSchema>;

const id = { id: z.number().int() };

export const plansApi = {
  /** Every revision of a month's plan, newest first. */
  'plans.revisions': defineCall({
    input: z.object({ month }),
    output: z.array(planSchema),
    access: ROLE_GROUPS.sectionReaders,
  }),
  'plans.saveDraft': defineCall({
    input: z.object({ month, items: z.array(planItemInputSchema).min(1, 'plans.itemsRequired').max(200) }),
    output: planSchema,
    access: ['uppLead'],
  }),
  'plans.submit': defineCall({ input: z.object(id), output: planSchema, access: ['uppLead'] }),
  'plans.approve': defineCall({ input: z.object(id), output: planSchema, access: ['supervisor'] }),
  'plans.return': defineCall({
    input: z.object({ ...id, remarks: requiredText(2000) }),
    output: planSchema,
    access: ['supervisor'],
  }),
  /** An approved plan changes only through a new revision, approved again. */
  'plans.revise': defineCall({ input: z.object(id), output: planSchema, access: ['uppLead'] }),
  'plans.markItem': defineCall({
    input: z.object({ itemId: z.number().int(), result: z.enum(ITEM_RESULTS), note: optionalText(1000) }),
    output: planSchema,
    access: ROLE_GROUPS.sectionStaff,
  }),
  'plans.print': defineCall({
    input: z.object({ ...id, language: languageSchema }),
    output: fileOutput,
    access: ROLE_GROUPS.sectionReaders,
  }),
};
