import type { BackendModule } from '../module';
import { handoverHandlers } from './handlers';
import { dueTours } from './service';

/** Acceptance and handover of a section (p.4–6) and the door-to-door tour (p.5). */
export const handoverModule: BackendModule<'handover'> = {
  handlers: handoverHandlers,
  deadlines: { 'handover.tour': dueTours },
};
