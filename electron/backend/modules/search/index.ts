import type { CallsOf } from '../../../../shared/api';
import type { BackendModule, Handlers } from '../module';
import { find } from './service';

const searchHandlers: Handlers<CallsOf<'search'>> = {
  'search.find': async (i, { ctx }) => find(ctx(), i.query),
};

/** Ctrl+K over everything the station holds (issue 17), as the caller may read it. */
export const searchModule: BackendModule<'search'> = { handlers: searchHandlers };
