import { z } from 'zod';
import { defineCall } from './contract';
import { ROLE_GROUPS } from './roles';

export const auditApi = {
  'audit.verify': defineCall({
    input: z.object({}),
    output: z.object({
      ok: z.boolean(),
      rows: z.number().int(),
      firstBrokenId: z.number().int().nullable(),
      /** the newest rows recorded at the last lock are gone from this row on */
      missingFrom: z.number().int().nullable(),
    }),
    access: ROLE_GROUPS.auditors,
  }),
};
