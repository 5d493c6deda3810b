import { z } from 'zod';
import { defineCall, loginSchema, passwordSchema } from './contract';
import { newSectionSchema, personNameFields, stationFields } from './fields';
import { sessionUserSchema } from './auth';

export const setupApi = {
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
};
