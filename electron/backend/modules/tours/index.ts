import type { BackendModule } from '../module';
import { toursHandlers } from './handlers';
import { missingTours } from './service';

/** The daily tour of the section (p.22(14)): the places where offences concentrate, the tours, the sheet and cards. */
export const toursModule: BackendModule<'tours'> = {
  handlers: toursHandlers,
  deadlines: { 'tours.daily': missingTours },
};
