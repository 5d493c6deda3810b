import { z } from 'zod';
import { defineCall } from './contract';
import { ROLE_GROUPS } from './roles';

export const backupApi = {
  'backup.list': defineCall({
    input: z.object({}),
    output: z.array(z.object({ fileName: z.string(), bytes: z.number(), createdAt: z.string() })),
    access: ROLE_GROUPS.stationAdmins,
  }),
  'backup.now': defineCall({
    input: z.object({}),
    output: z.object({ fileName: z.string() }),
    access: ROLE_GROUPS.stationAdmins,
  }),
};
