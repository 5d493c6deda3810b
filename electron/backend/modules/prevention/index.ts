import type { BackendModule } from '../module';
import { preventionHandlers } from './handlers';
import { dueChecks, dueTransfers, filesOut } from './today';

/** Preventive-record person files (p.11–16): access, supervision, custody of the paper, transfer. */
export const preventionModule: BackendModule<'prevention'> = {
  handlers: preventionHandlers,
  deadlines: { 'prevention.transfer': dueTransfers, 'prevention.check': dueChecks, 'prevention.out': filesOut },
};
