import type { BackendModule } from '../module';
import { listsHandlers } from './handlers';
import { dueFirearmChecks, dueForeigners } from './service';
import { dueApplicantChecks } from './applicants';

/** The section lists of p.17 (Appendices 2–4) and their Excel import; the applicant checks of p.22(10). */
export const listsModule: BackendModule<'lists'> = {
  handlers: listsHandlers,
  deadlines: {
    'lists.firearms': dueFirearmChecks,
    'lists.foreigners': dueForeigners,
    'lists.applicantChecks': dueApplicantChecks,
  },
};
