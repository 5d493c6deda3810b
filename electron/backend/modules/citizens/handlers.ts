import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { change } from '../../change';
import { correctCitizen, getCitizen, searchCitizens } from './service';
import { AppError } from '../../../../shared/api';
import { citizenCard } from './card';

export const citizensHandlers: Handlers<CallsOf<'citizens'>> = {
  'citizens.search': async ({ query, limit }, { ctx }) => searchCitizens(ctx().db, query, limit),
  'citizens.card': async ({ id }, { ctx }) => citizenCard(ctx(), id),
  'citizens.correct': async ({ id, citizen, reason }, { ctx }) =>
    change(ctx(), async (tx) => {
      const before = await getCitizen(tx.db, id);
      const after = await correctCitizen(tx, id, citizen, reason);
      // a correction that changes nothing is said so, not written
      if (JSON.stringify(before) === JSON.stringify(after)) throw new AppError('VALIDATION', 'citizens.unchanged');
      return after;
    }),
};
