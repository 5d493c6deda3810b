import type { BackendModule } from '../module';
import { citizensHandlers } from './handlers';

/** The station's one register of people, keyed by IIN where there is one. */
export const citizensModule: BackendModule<'citizens'> = {
  handlers: citizensHandlers,
};
