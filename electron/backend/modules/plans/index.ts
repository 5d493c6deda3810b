import type { BackendModule } from '../module';
import { plansHandlers } from './handlers';
import { duePlans } from './service';

/** The monthly UPP plan (p.18, p.24(1)). */
export const plansModule: BackendModule<'plans'> = {
  handlers: plansHandlers,
  deadlines: { plans: duePlans },
};
