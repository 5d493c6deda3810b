import { z } from 'zod';
import { defineCall, loginSchema, passwordSchema } from './contract';
import { userSchema } from './users';

/** Who is working now: the user as the shell needs him. */
export const sessionUserSchema = userSchema.pick({
  id: true,
  login: true,
  surname: true,
  name: true,
  patronymic: true,
  role: true,
  mustChangePassword: true,
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

const ok = z.object({ ok: z.literal(true) });

export const authApi = {
  'auth.status': defineCall({
    input: z.object({}),
    output: z.object({
      // keyringMissing: the database is here without its keyring (renamed, quarantined, half copied)
      state: z.enum(['setup', 'keyringMissing', 'locked', 'unlocked']),
      session: sessionUserSchema.nullable(),
      idleMinutes: z.number().int().nullable(),
      /** who issued the temporary password the signed-in person must replace, and when (the first-login screen) */
      issuedBy: z.object({ name: z.string(), at: z.string() }).nullable(),
    }),
    access: 'public',
  }),
  'auth.unlock': defineCall({
    input: z.object({
      login: loginSchema,
      password: z.string().min(1, 'validation.required').max(200, 'validation.tooLong'),
    }),
    output: z.object({ session: sessionUserSchema }),
    access: 'public',
  }),
  'auth.recover': defineCall({
    input: z.object({
      login: loginSchema,
      recoveryCode: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
      newPassword: passwordSchema,
    }),
    output: z.object({ session: sessionUserSchema }),
    access: 'public',
  }),
  'auth.lock': defineCall({ input: z.object({}), output: ok, access: 'public' }),
  'auth.changePassword': defineCall({
    input: z.object({
      /** not asked again of a person replacing the temporary password he has just signed in with */
      currentPassword: z.string().max(200, 'validation.tooLong').default(''),
      newPassword: passwordSchema,
    }),
    output: z.object({ session: sessionUserSchema }),
    access: 'anyUser',
  }),
};
