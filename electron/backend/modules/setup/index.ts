import type { BackendModule } from '../module';
import { setupHandlers } from './handlers';

/** The first run (the setup wizard). */
export const setupModule: BackendModule<'setup'> = { handlers: setupHandlers };
