import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { change } from '../../change';
import { correctCitizen, searchCitizens } from './service';

export const citizensHandlers: Handlers<CallsOf<'citizens'>> = {
  'citizens.search': async ({ query, limit }, { ctx }) => searchCitizens(ctx().db, query, limit),
  'citizens.correct': async ({ id, citizen, reason }, { ctx }) =>
    change(ctx(), (tx) => correctCitizen(tx, id, citizen, reason)),
};
