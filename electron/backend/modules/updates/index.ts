import type { BackendModule } from '../module';
import { updatesHandlers } from './handlers';

/**
 * The program's own updates (ours): from the department's server or a USB drive, signed by the release key. The
 * path a release takes is in updater.ts; the signature in manifest.ts.
 */
export const updatesModule: BackendModule<'updates'> = { handlers: updatesHandlers };
