import type { BackendModule } from '../module';
import { passportHandlers } from './handlers';
import { dueYearColumn } from './service';

/** The section passport (Appendix 1, p.19). */
export const passportModule: BackendModule<'passport'> = {
  handlers: passportHandlers,
  deadlines: { 'passport.year': dueYearColumn },
};
