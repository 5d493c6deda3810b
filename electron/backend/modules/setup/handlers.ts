import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { change } from '../../change';
import { insertStation } from '../station/service';
import { insertSafe } from '../prevention/custody';
import { getSessionUser, insertUser } from '../users/service';

export const setupHandlers: Handlers<CallsOf<'setup'>> = {
  /** First run: the station, its sections, its safes and the UPP lead, in one transaction inside the new database. */
  'setup.create': async (input, { lifecycle, ctx }) => {
    const { login, password, ...person } = input.lead;
    const { recoveryCode, userId } = await lifecycle.create(
      (scope) =>
        change(scope, async (tx) => {
          await insertStation(tx, input.station, input.sections);
          for (const safe of input.safes) await insertSafe(tx, { ...safe, active: true });
          return (await insertUser(tx, { ...person, login, role: 'uppLead', sectionIds: [] }, false)).id;
        }),
      login,
      password,
    );
    const c = ctx();
    const session = await getSessionUser(c.db, userId);
    if (!session) throw new Error('the new lead is not in the database');
    c.session.setUser(session);
    return { session, recoveryCode };
  },
};
