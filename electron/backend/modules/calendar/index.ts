import type { CallsOf } from '../../../../shared/api';
import type { BackendModule, Handlers } from '../module';
import { calendarOverrides, setCalendarOverride } from './service';

const calendarHandlers: Handlers<CallsOf<'calendar'>> = {
  'calendar.overrides': async (_i, { ctx }) => calendarOverrides(ctx().db),
  'calendar.setOverride': async (i, { ctx }) => setCalendarOverride(ctx(), i),
};

/** Kazakhstan's working days and the station's changes to them (every deadline in working days counts with it). */
export const calendarModule: BackendModule<'calendar'> = { handlers: calendarHandlers };
