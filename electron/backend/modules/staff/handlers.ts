import type { Handlers } from '../../handlers';
import { addAbsence, cancelAbsence, coverage, listAbsences } from './service';

type N = 'staff.absences' | 'staff.addAbsence' | 'staff.cancelAbsence' | 'staff.coverage';

export const staffHandlers: Handlers<N> = {
  'staff.absences': async (_i, { ctx }) => listAbsences(ctx().db),
  'staff.addAbsence': async (i, { ctx }) => addAbsence(ctx(), i),
  'staff.cancelAbsence': async ({ id, reason }, { ctx }) => cancelAbsence(ctx(), id, reason),
  'staff.coverage': async ({ date }, { ctx }) => coverage(ctx().db, date),
};
