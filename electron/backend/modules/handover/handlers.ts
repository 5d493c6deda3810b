import type { Handlers } from '../../handlers';
import { renderPdf } from '../../documents/render';
import { handoverActDoc } from '../../documents/handoverAct';
import { getStation } from '../station/service';
import {
  addTourAddresses,
  compareActs,
  getAct,
  listActs,
  markVisited,
  recordAct,
  snapshot,
  tourAddresses,
  tourDone,
} from './service';

type N =
  | 'handover.tourAddresses'
  | 'handover.addTourAddresses'
  | 'handover.markVisited'
  | 'handover.list'
  | 'handover.preview'
  | 'handover.record'
  | 'handover.print'
  | 'handover.compare'
  | 'handover.tourDone';

export const handoverHandlers: Handlers<N> = {
  'handover.tourAddresses': async ({ actId }, { ctx }) => tourAddresses(ctx().db, actId),
  'handover.addTourAddresses': async ({ actId, addresses }, { ctx }) => addTourAddresses(ctx(), actId, addresses),
  'handover.markVisited': async ({ id, visitedOn, note }, { ctx }) => markVisited(ctx(), id, visitedOn, note),
  'handover.list': async ({ sectionId }, { ctx }) => listActs(ctx(), sectionId),
  'handover.preview': async ({ sectionId, fromUserId }, { ctx }) => snapshot(ctx(), sectionId, fromUserId),
  'handover.record': async (a, { ctx }) => recordAct(ctx(), a),
  'handover.print': async ({ id, language }, { ctx, backend }) => {
    const c = ctx();
    const act = await getAct(c.db, id);
    const pdf = await renderPdf(
      backend.resourcesDir,
      handoverActDoc({ station: await getStation(c.db), act }, language),
    );
    return { fileName: `act-${act.section}-${act.date}-${language}.pdf`, base64: pdf.toString('base64') };
  },
  'handover.compare': async ({ olderId, newerId }, { ctx }) => compareActs(ctx(), olderId, newerId),
  'handover.tourDone': async ({ id, doneOn, note }, { ctx }) => tourDone(ctx(), id, doneOn, note),
};
