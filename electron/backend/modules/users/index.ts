import type { BackendModule } from '../module';
import { usersHandlers } from './handlers';
import { accessGrantedNotices } from './service';

/** The station's people, their roles and sections; each has a keyslot of his own. */
export const usersModule: BackendModule<'users'> = {
  handlers: usersHandlers,
  deadlines: { 'users.accessGranted': accessGrantedNotices },
};
