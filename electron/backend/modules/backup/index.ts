import type { CallsOf } from '../../../../shared/api';
import type { BackendModule, Handlers } from '../module';

const backupHandlers: Handlers<CallsOf<'backup'>> = {
  'backup.list': async (_i, { ctx }) => ctx().backups.list(),
  'backup.now': async (_i, { ctx }) => ({ fileName: ctx().backups.now('manual') }),
};

/** Encrypted copies of the database (the copying itself is the store's: electron/backend/store/backup.ts). */
export const backupModule: BackendModule<'backup'> = { handlers: backupHandlers };
