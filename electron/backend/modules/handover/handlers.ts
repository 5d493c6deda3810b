import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { printForm } from '../../documents/print';
import {
  addTourAddresses,
  compareActs,
  listActs,
  openAct,
  markVisited,
  recordAct,
  snapshot,
  readTourAddresses,
  tourDone,
} from './service';

export const handoverHandlers: Handlers<CallsOf<'handover'>> = {
  'handover.tourAddresses': async ({ actId }, { ctx }) => readTourAddresses(ctx(), actId),
  'handover.addTourAddresses': async ({ actId, addresses }, { ctx }) => addTourAddresses(ctx(), actId, addresses),
  'handover.markVisited': async ({ id, visitedOn, note }, { ctx }) => markVisited(ctx(), id, visitedOn, note),
  'handover.list': async ({ sectionId }, { ctx }) => listActs(ctx(), sectionId),
  'handover.preview': async ({ sectionId, fromUserId }, { ctx }) => {
    const snap = await snapshot(ctx(), sectionId, fromUserId);
    // p.15: no name of a person on preventive record in the draft (see the contract)
    return { ...snap, personFiles: snap.personFiles.map(({ person: _person, ...f }) => f) };
  },
  'handover.record': async (a, { ctx }) => recordAct(ctx(), a),
  'handover.open': async ({ id, purpose, purposeText }, { ctx }) => openAct(ctx(), id, { purpose, purposeText }),
  'handover.print': async ({ id, language, purpose, purposeText }, { ctx }) => {
    const c = ctx();
    const act = await openAct(c, id, { purpose, purposeText }, 'print');
    return printForm(c, `act-${act.section}-${act.date}-${language}.pdf`, 'handoverAct', language, (station) => ({
      station,
      act,
    }));
  },
  'handover.compare': async ({ olderId, newerId }, { ctx }) => compareActs(ctx(), olderId, newerId),
  'handover.tourDone': async ({ id, doneOn, note }, { ctx }) => tourDone(ctx(), id, doneOn, note),
};
