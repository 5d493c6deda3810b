import type { BackendModule } from '../module';
import { stationHandlers } from './handlers';

/** The station: its name and police body, its sections, its settings. */
export const stationModule: BackendModule<'station'> = { handlers: stationHandlers };
