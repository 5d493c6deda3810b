import type { BackendModule } from '../module';
import { receptionHandlers } from './handlers';
import { dueFollowUps } from './service';

/** The reception log of citizens (p.9). */
export const receptionModule: BackendModule<'reception'> = {
  handlers: receptionHandlers,
  deadlines: { 'reception.followUp': dueFollowUps },
};
