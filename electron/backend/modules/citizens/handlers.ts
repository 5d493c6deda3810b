import type { Handlers } from '../module';
import { searchCitizens } from './service';

export const citizensHandlers: Handlers<'citizens.search'> = {
  'citizens.search': async ({ query, limit }, { ctx }) => searchCitizens(ctx().db, query, limit),
};
