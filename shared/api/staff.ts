import { z } from 'zod';
import { defineCall, isoDate, optionalText, periodInOrder, requiredText } from './contract';
import { ROLE_GROUPS } from './roles';

export const ABSENCE_KINDS = ['leave', 'illness', 'businessTrip', 'vacancy'] as const;

export const absenceSchema = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  kind: z.enum(ABSENCE_KINDS),
  from: isoDate,
  to: isoDate,
  workingDays: z.number().int(),
  /** p.6: an adjacent-section inspector covers when the absence is longer than five working days. */
  coverRequired: z.boolean(),
  coverUserId: z.number().int().nullable(),
  orderNumber: z.string(),
  orderDate: isoDate.nullable(),
  /** p.6: why the chief's order has an inspector of a non-adjacent section cover; '' for an adjacent one */
  nonAdjacentReason: z.string(),
  cancelled: z.boolean(),
});
export type Absence = z.infer<typeof absenceSchema>;

export const absenceInputSchema = periodInOrder(
  z.object({
    userId: z.number({ error: 'validation.required' }).int(),
    kind: z.enum(ABSENCE_KINDS),
    from: isoDate,
    to: isoDate,
    coverUserId: z.number().int().nullable().default(null),
    orderNumber: optionalText(50),
    orderDate: isoDate.nullable().default(null),
    nonAdjacentReason: optionalText(300),
  }),
)
  .refine((a) => a.coverUserId !== a.userId, { message: 'staff.coverSelf', path: ['coverUserId'] })
  .refine((a) => a.coverUserId === null || (a.orderNumber !== '' && a.orderDate !== null), {
    message: 'staff.coverOrderRequired',
    path: ['orderNumber'],
  });

export const coverageSchema = z.object({
  userId: z.number().int(),
  ownSectionIds: z.array(z.number().int()),
  coveredSectionIds: z.array(z.number().int()),
  absentToday: z.boolean(),
});

/** p.18: the head of the MPS and those replacing him by the chief's order: who approves the monthly plan. */
export const mpsDesignationSchema = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  name: z.string(),
  position: z.string(),
  kind: z.enum(['head', 'acting']),
  from: isoDate,
  to: isoDate.nullable(),
  orderNumber: z.string(),
  orderDate: isoDate.nullable(),
});
export type MpsDesignationRow = z.infer<typeof mpsDesignationSchema>;

export const mpsActingInputSchema = periodInOrder(
  z.object({
    userId: z.number({ error: 'validation.required' }).int(),
    from: isoDate,
    to: isoDate,
    orderNumber: requiredText(50),
    orderDate: isoDate,
  }),
);

export const staffApi = {
  'staff.absences': defineCall({ input: z.object({}), output: z.array(absenceSchema), access: 'anyUser' }),
  'staff.addAbsence': defineCall({
    input: absenceInputSchema,
    output: absenceSchema,
    access: ROLE_GROUPS.chiefs,
  }),
  'staff.cancelAbsence': defineCall({
    input: z.object({ id: z.number().int(), reason: requiredText(300) }),
    output: absenceSchema,
    access: ROLE_GROUPS.chiefs,
  }),
  /** p.18: the MPS head, his replacements, and who approves the plan today. */
  'staff.mpsHeads': defineCall({
    input: z.object({}),
    output: z.object({
      designations: z.array(mpsDesignationSchema),
      approverToday: z
        .object({ userId: z.number().int(), name: z.string(), kind: z.enum(['head', 'acting']) })
        .nullable(),
    }),
    access: 'anyUser',
  }),
  /** p.18: a new head of the MPS from a day; the previous one's term ends the day before (ours: a chief records it). */
  'staff.setMpsHead': defineCall({
    input: z.object({ userId: z.number({ error: 'validation.required' }).int(), from: isoDate }),
    output: z.array(mpsDesignationSchema),
    access: ROLE_GROUPS.chiefs,
  }),
  /** p.18: the person replacing the head of the MPS for a period, by the chief's order. */
  'staff.addMpsActing': defineCall({
    input: mpsActingInputSchema,
    output: z.array(mpsDesignationSchema),
    access: ROLE_GROUPS.chiefs,
  }),
  'staff.removeMpsActing': defineCall({
    input: z.object({ id: z.number().int() }),
    output: z.array(mpsDesignationSchema),
    access: ROLE_GROUPS.chiefs,
  }),
  /** Sections each person works on a date: his own plus those he covers (p.6). */
  'staff.coverage': defineCall({
    input: z.object({ date: isoDate }),
    output: z.array(coverageSchema),
    access: 'anyUser',
  }),
};
