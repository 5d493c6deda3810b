import type { CallsOf } from '../../../../shared/api';
import type { BackendModule, Handlers } from '../module';
import { verifyAudit } from './service';

const auditHandlers: Handlers<CallsOf<'audit'>> = {
  'audit.verify': async (_i, { ctx }) => {
    const c = ctx();
    return verifyAudit(c.db, c.keys.auditHead());
  },
};

/** The change log: one row per change, chained by SHA-256; written through `change()` (electron/backend/change.ts). */
export const auditModule: BackendModule<'audit'> = { handlers: auditHandlers };
