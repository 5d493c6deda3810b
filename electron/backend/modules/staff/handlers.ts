import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { addAbsence, cancelAbsence, coverage, listAbsences } from './service';
import { addMpsActing, mpsHeads, removeMpsActing, setMpsHead } from './mpsHead';

export const staffHandlers: Handlers<CallsOf<'staff'>> = {
  'staff.absences': async (_i, { ctx }) => listAbsences(ctx().db),
  'staff.addAbsence': async (i, { ctx }) => addAbsence(ctx(), i),
  'staff.cancelAbsence': async ({ id, reason }, { ctx }) => cancelAbsence(ctx(), id, reason),
  'staff.mpsHeads': async (_i, { ctx }) => mpsHeads(ctx()),
  'staff.setMpsHead': async ({ userId, from }, { ctx }) => setMpsHead(ctx(), userId, from),
  'staff.addMpsActing': async (a, { ctx }) => addMpsActing(ctx(), a),
  'staff.removeMpsActing': async ({ id }, { ctx }) => removeMpsActing(ctx(), id),
  'staff.coverage': async ({ date }, { ctx }) => coverage(ctx().db, date),
};
