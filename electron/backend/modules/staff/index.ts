import type { BackendModule } from '../module';
import { staffHandlers } from './handlers';
import { uncoveredAbsences } from './service';

/** Absences and cover (p.6): who works which section on a day. */
export const staffModule: BackendModule<'staff'> = {
  handlers: staffHandlers,
  deadlines: { 'cover.missing': uncoveredAbsences },
};
