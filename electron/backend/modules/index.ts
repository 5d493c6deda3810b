import type { ModuleName } from '../../../shared/api';
import type { BackendModule } from './module';
import { authModule } from './auth';
import { setupModule } from './setup';
import { recoveryModule } from './recovery';
import { usersModule } from './users';
import { stationModule } from './station';
import { calendarModule } from './calendar';
import { auditModule } from './audit';
import { backupModule } from './backup';
import { staffModule } from './staff';
import { todayModule } from './today';
import { citizensModule } from './citizens';
import { receptionModule } from './reception';
import { notebookModule } from './notebook';
import { preventionModule } from './prevention';
import { meetingsModule } from './meetings';
import { plansModule } from './plans';
import { listsModule } from './lists';
import { handoverModule } from './handover';
import { passportModule } from './passport';
import { documentsModule } from './documents';
import { updatesModule } from './updates';
import { searchModule } from './search';
import { figuresModule } from './figures';
import { toursModule } from './tours';
import { draftsModule } from './drafts';

/**
 * Every backend module, once. The compiler holds this list to the contract's (shared/api/index.ts): a module that is
 * missing here, or a call of the contract without its handler, does not compile.
 */
export const modules = {
  auth: authModule,
  setup: setupModule,
  recovery: recoveryModule,
  users: usersModule,
  station: stationModule,
  calendar: calendarModule,
  audit: auditModule,
  backup: backupModule,
  staff: staffModule,
  today: todayModule,
  citizens: citizensModule,
  reception: receptionModule,
  notebook: notebookModule,
  prevention: preventionModule,
  meetings: meetingsModule,
  plans: plansModule,
  lists: listsModule,
  handover: handoverModule,
  passport: passportModule,
  documents: documentsModule,
  updates: updatesModule,
  search: searchModule,
  figures: figuresModule,
  tours: toursModule,
  drafts: draftsModule,
} satisfies { [M in ModuleName]: BackendModule<M> };
