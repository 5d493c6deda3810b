import { inGroup, type DueItem } from '../../../../shared/api';
import type { Ctx } from '../../context';
import type { BackendModule } from '../module';
import { recoveryHandlers } from './handlers';

/**
 * (ours) A station set up by an earlier build has a recovery code of format 1, which a new database key cannot be
 * given without the code: until it is renewed, revocations cannot change the key. Today says so to the station's
 * administrators, every day, until done.
 */
async function renewalDue(ctx: Ctx, date: string): Promise<DueItem[]> {
  if (!inGroup('stationAdmins', ctx.user.role) || !ctx.keys.recoveryNeedsRenewal) return [];
  return [
    {
      ruleId: 'recovery.renew',
      paragraph: 'ours',
      titleKey: 'today.rules.recoveryRenew',
      params: {},
      due: date,
      overdue: true,
      link: '/station',
    },
  ];
}

/** The recovery code: its printed sheet, a new code. */
export const recoveryModule: BackendModule<'recovery'> = {
  handlers: recoveryHandlers,
  deadlines: { 'recovery.renew': renewalDue },
};
