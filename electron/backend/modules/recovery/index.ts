import type { BackendModule } from '../module';
import { recoveryHandlers } from './handlers';

/** The recovery code: its printed sheet, a new code. */
export const recoveryModule: BackendModule<'recovery'> = { handlers: recoveryHandlers };
