import { z } from 'zod';
import { defineCall, languageSchema, fileOutput } from './contract';
import { ROLE_GROUPS } from './roles';

export const recoveryApi = {
  /** The recovery sheet for the code just issued; the code is held in memory until lock. */
  'recovery.sheet': defineCall({
    input: z.object({ language: languageSchema }),
    output: fileOutput,
    access: ROLE_GROUPS.stationAdmins,
  }),
  'recovery.regenerate': defineCall({
    input: z.object({ password: z.string().min(1, 'validation.required').max(200, 'validation.tooLong') }),
    output: z.object({ recoveryCode: z.string() }),
    access: ROLE_GROUPS.stationAdmins,
  }),
};
