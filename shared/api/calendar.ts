import { z } from 'zod';
import { defineCall, isoDate, optionalText } from './contract';
import { ROLE_GROUPS } from './roles';

export const calendarDaySchema = z.object({
  date: isoDate,
  kind: z.enum(['holiday', 'workday']),
  name: z.string(),
});

export const calendarApi = {
  /** Station overrides of the built-in Kazakh calendar: a moved holiday, a working Saturday. */
  'calendar.overrides': defineCall({ input: z.object({}), output: z.array(calendarDaySchema), access: 'anyUser' }),
  'calendar.setOverride': defineCall({
    input: z.object({ date: isoDate, kind: z.enum(['holiday', 'workday', 'default']), name: optionalText(100) }),
    output: z.array(calendarDaySchema),
    access: ROLE_GROUPS.stationAdmins,
  }),
};
