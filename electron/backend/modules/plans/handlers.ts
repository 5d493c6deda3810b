import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { printForm } from '../../documents/print';
import { approvePlan, getPlan, markItem, returnPlan, revisePlan, revisions, saveDraft, submitPlan } from './service';

export const plansHandlers: Handlers<CallsOf<'plans'>> = {
  'plans.revisions': async ({ month }, { ctx }) => revisions(ctx().db, month),
  'plans.saveDraft': async ({ month, items }, { ctx }) => saveDraft(ctx(), month, items),
  'plans.submit': async ({ id }, { ctx }) => submitPlan(ctx(), id),
  'plans.approve': async ({ id }, { ctx }) => approvePlan(ctx(), id),
  'plans.return': async ({ id, remarks }, { ctx }) => returnPlan(ctx(), id, remarks),
  'plans.revise': async ({ id }, { ctx }) => revisePlan(ctx(), id),
  'plans.markItem': async ({ itemId, result, note }, { ctx }) => markItem(ctx(), itemId, result, note),
  'plans.print': async ({ id, language }, { ctx }) => {
    const c = ctx();
    const plan = await getPlan(c.db, id);
    return printForm(c, `plan-${plan.month}-r${plan.revision}-${language}.pdf`, 'monthlyPlan', language, (station) => ({
      station,
      plan,
      leadName: plan.draftedBy,
    }));
  },
};
