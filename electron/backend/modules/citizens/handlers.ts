import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { change } from '../../change';
import { correctCitizen, searchCitizens } from './service';
import { AppError } from '../../../../shared/api';
import { citizenCard } from './card';

export const citizensHandlers: Handlers<CallsOf<'citizens'>> = {
  'citizens.search': async ({ query, limit }, { ctx }) => searchCitizens(ctx().db, query, limit),
  'citizens.card': async ({ id }, { ctx }) => citizenCard(ctx(), id),
  'citizens.correct': async ({ id, citizen, reason }, { ctx }) =>
    change(ctx(), async (tx) => {
      const corrected = await correctCitizen(tx, id, citizen, reason);
      // a correction that changes nothing is said so, not written
      if (!corrected.changed) throw new AppError('VALIDATION', 'citizens.unchanged');
      return corrected.citizen;
    }),
};
