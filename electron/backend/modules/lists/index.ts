import type { BackendModule } from '../module';
import { listsHandlers } from './handlers';
import { dueFirearmChecks, dueForeigners } from './service';

/** The section lists of p.17 (Appendices 2–4) and their Excel import. */
export const listsModule: BackendModule<'lists'> = {
  handlers: listsHandlers,
  deadlines: { 'lists.firearms': dueFirearmChecks, 'lists.foreigners': dueForeigners },
};
