import { z } from 'zod';
import { defineCall, languageSchema, loginSchema, passwordSchema, pdfOutput, requiredText, optionalText, roleSchema } from './contract';

export const sessionUserSchema = z.object({
  id: z.number().int(),
  login: z.string(),
  surname: z.string(),
  name: z.string(),
  patronymic: z.string(),
  role: roleSchema,
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sectionKindSchema = z.enum(['urban', 'rural']);
export const newSectionSchema = z.object({
  number: requiredText(20),
  kind: sectionKindSchema,
});

export const personNameFields = {
  surname: requiredText(80),
  name: requiredText(80),
  patronymic: optionalText(80),
  rank: optionalText(80),
  position: optionalText(200),
};

export const stationFields = {
  uppNumber: requiredText(20),
  uppName: requiredText(200),
  policeBody: requiredText(200),
  address: requiredText(300),
};

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
    input: z.object({ login: loginSchema, recoveryCode: z.string().trim().min(1, 'validation.required'), newPassword: passwordSchema }),
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
