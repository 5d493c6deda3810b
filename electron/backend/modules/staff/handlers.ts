import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { addAbsence, cancelAbsence, coverage, listAbsences } from './service';

export const staffHandlers: Handlers<CallsOf<'staff'>> = {
  'staff.absences': async (_i, { ctx }) => listAbsences(ctx().db),
  'staff.addAbsence': async (i, { ctx }) => addAbsence(ctx(), i),
  'staff.cancelAbsence': async ({ id, reason }, { ctx }) => cancelAbsence(ctx(), id, reason),
  'staff.coverage': async ({ date }, { ctx }) => coverage(ctx().db, date),
};
