import { z } from 'zod';
import { defineCall, loginSchema, optionalText, passwordSchema, requiredText } from './contract';
import { newSectionSchema, personNameFields, stationFields } from './fields';
import { sessionUserSchema } from './auth';

export const setupApi = {
  /** First run: station, sections, safes, the UPP lead. Refused once a keyring exists. */
  'setup.create': defineCall({
    input: z.object({
      station: z.object(stationFields),
      sections: z.array(newSectionSchema).min(1, 'validation.sectionsRequired').max(200),
      /** p.13: the safes the person files are kept in; a new file needs one (issue 15: asked at the first run) */
      safes: z
        .array(z.object({ name: requiredText(60), location: optionalText(200) }))
        .max(50)
        .refine((xs) => new Set(xs.map((x) => x.name)).size === xs.length, 'prevention.safeNameTaken')
        .default([]),
      lead: z.object({ ...personNameFields, login: loginSchema, password: passwordSchema }),
    }),
    output: z.object({ session: sessionUserSchema, recoveryCode: z.string() }),
    access: 'public',
  }),
};
