import { z } from 'zod';
import { defineCall, languageSchema, loginSchema, passwordSchema, pdfOutput } from './contract';
import { newSectionSchema, personNameFields, stationFields } from './fields';
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
  'app.status': defineCall({
    input: z.object({}),
    output: z.object({
      state: z.enum(['setup', 'locked', 'unlocked']),
      session: sessionUserSchema.nullable(),
      idleMinutes: z.number().int().nullable(),
    }),
    access: 'public',
  }),
  /** First run: station, sections, the UPP lead. Refused once a keyring exists. */
  'setup.create': defineCall({
    input: z.object({
      station: z.object(stationFields),
      sections: z.array(newSectionSchema).min(1, 'validation.sectionsRequired').max(200),
      lead: z.object({ ...personNameFields, login: loginSchema, password: passwordSchema }),
    }),
    output: z.object({ session: sessionUserSchema, recoveryCode: z.string() }),
    access: 'public',
  }),
  'auth.unlock': defineCall({
    input: z.object({ login: loginSchema, password: z.string().min(1, 'validation.required') }),
    output: z.object({ session: sessionUserSchema }),
    access: 'public',
  }),
  'auth.recover': defineCall({
    input: z.object({
      login: loginSchema,
      recoveryCode: z.string().trim().min(1, 'validation.required'),
      newPassword: passwordSchema,
    }),
    output: z.object({ session: sessionUserSchema }),
    access: 'public',
  }),
  'auth.lock': defineCall({ input: z.object({}), output: ok, access: 'public' }),
  'auth.changePassword': defineCall({
    input: z.object({ currentPassword: z.string().min(1, 'validation.required'), newPassword: passwordSchema }),
    output: z.object({ session: sessionUserSchema }),
    access: 'anyUser',
  }),
  /** The recovery sheet for the code just issued; the code is held in memory until lock. */
  'recovery.sheet': defineCall({
    input: z.object({ language: languageSchema }),
    output: pdfOutput,
    access: ['uppLead', 'admin'],
  }),
  'recovery.regenerate': defineCall({
    input: z.object({ password: z.string().min(1, 'validation.required') }),
    output: z.object({ recoveryCode: z.string() }),
    access: ['uppLead', 'admin'],
  }),
};
