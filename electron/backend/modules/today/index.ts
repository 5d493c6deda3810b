import type { BackendModule } from '../module';
import { todayHandlers } from './handlers';

/** Today: what every module says is due; the providers live in their modules. */
export const todayModule: BackendModule<'today'> = { handlers: todayHandlers };
