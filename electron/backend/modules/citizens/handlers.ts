import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { change } from '../../change';
import { correctCitizen, searchCitizens } from './service';
import { citizenCard } from './card';

export const citizensHandlers: Handlers<CallsOf<'citizens'>> = {
  'citizens.search': async ({ query, limit }, { ctx }) => searchCitizens(ctx().db, query, limit),
  'citizens.card': async ({ id }, { ctx }) => citizenCard(ctx(), id),
  'citizens.correct': async ({ id, citizen, reason }, { ctx }) =>
    change(ctx(), (tx) => correctCitizen(tx, id, citizen, reason)),
};
