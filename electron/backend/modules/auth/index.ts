import type { BackendModule } from '../module';
import { authHandlers } from './handlers';

/** Unlock, lock, recovery by code, the own password. */
export const authModule: BackendModule<'auth'> = { handlers: authHandlers };
