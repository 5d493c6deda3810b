import { z } from 'zod';
import { defineCall, isoDate, loginSchema, optionalText, passwordSchema, requiredText } from './contract';
import { ROLE_GROUPS, roleSchema } from './roles';
import { personNameFields } from './fields';

export const userSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  surname: z.string(),
  name: z.string(),
  patronymic: z.string(),
  rank: z.string(),
  position: z.string(),
  role: roleSchema,
  sectionIds: z.array(z.number().int()),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  /** p.2(3): the inspector an assistant works under; null for every other role */
  supervisingInspectorId: z.number().int().nullable(),
  /** p.5: appointed to the post on this day, by this order; the door-to-door tour is due a month after */
  appointedOn: isoDate.nullable(),
  appointmentOrder: z.string(),
});
export type User = z.infer<typeof userSchema>;

const userFields = {
  ...personNameFields,
  role: roleSchema,
  sectionIds: z.array(z.number().int()).max(200).default([]),
  supervisingInspectorId: z.number().int().nullable().default(null),
  appointedOn: isoDate.nullable().default(null),
  appointmentOrder: optionalText(100),
};

/**
 * The UPP lead's or a chief's own password, given in the dialog of an administrator's change that opens person files
 * to an account (see shared/rules/access.ts); null where none is needed.
 */
export const accessConfirmationSchema = z
  .object({
    login: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
    password: z.string().min(1, 'validation.required').max(200, 'validation.tooLong'),
  })
  .nullable()
  .default(null);

export const usersApi = {
  'users.list': defineCall({
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(userSchema),
    access: 'anyUser',
  }),
  'users.create': defineCall({
    input: z.object({
      ...userFields,
      login: loginSchema,
      temporaryPassword: passwordSchema,
      confirmation: accessConfirmationSchema,
    }),
    output: userSchema,
    access: ROLE_GROUPS.stationAdmins,
  }),
  'users.update': defineCall({
    input: z.object({ id: z.number().int(), ...userFields, confirmation: accessConfirmationSchema }),
    output: userSchema,
    access: ROLE_GROUPS.stationAdmins,
  }),
  'users.resetPassword': defineCall({
    input: z.object({
      id: z.number().int(),
      temporaryPassword: passwordSchema,
      confirmation: accessConfirmationSchema,
    }),
    output: userSchema,
    access: ROLE_GROUPS.stationAdmins,
  }),
  /** Removes the keyslot; the person and everything he wrote stay. */
  'users.deactivate': defineCall({
    input: z.object({ id: z.number().int(), reason: requiredText(300) }),
    output: userSchema,
    access: ROLE_GROUPS.stationAdmins,
  }),
};
