import type { Handlers } from '../../handlers';
import { renderPdf } from '../../documents/render';
import { monthlyPlanDoc } from '../../documents/monthlyPlan';
import { getStation } from '../station/service';
import { approvePlan, getPlan, markItem, returnPlan, revisePlan, revisions, saveDraft, submitPlan } from './service';

type N =
  | 'plans.revisions'
  | 'plans.saveDraft'
  | 'plans.submit'
  | 'plans.approve'
  | 'plans.return'
  | 'plans.revise'
  | 'plans.markItem'
  | 'plans.print';

export const plansHandlers: Handlers<N> = {
  'plans.revisions': async ({ month }, { ctx }) => revisions(ctx().db, month),
  'plans.saveDraft': async ({ month, items }, { ctx }) => saveDraft(ctx(), month, items),
  'plans.submit': async ({ id }, { ctx }) => submitPlan(ctx(), id),
  'plans.approve': async ({ id }, { ctx }) => approvePlan(ctx(), id),
  'plans.return': async ({ id, remarks }, { ctx }) => returnPlan(ctx(), id, remarks),
  'plans.revise': async ({ id }, { ctx }) => revisePlan(ctx(), id),
  'plans.markItem': async ({ itemId, result, note }, { ctx }) => markItem(ctx(), itemId, result, note),
  'plans.print': async ({ id, language }, { ctx, backend }) => {
    const c = ctx();
    const plan = await getPlan(c.db, id);
    const pdf = await renderPdf(
      backend.resourcesDir,
      monthlyPlanDoc({ station: await getStation(c.db), plan, leadName: plan.draftedBy }, language),
    );
    return { fileName: `plan-${plan.month}-r${plan.revision}-${language}.pdf`, base64: pdf.toString('base64') };
  },
};
