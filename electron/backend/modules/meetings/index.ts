import type { BackendModule } from '../module';
import { meetingsHandlers } from './handlers';
import { dueMeetingSteps, quarterCoverage } from './service';

/** Reporting meetings with the population (Chapter 3, p.25–34). */
export const meetingsModule: BackendModule<'meetings'> = {
  handlers: meetingsHandlers,
  deadlines: { 'meetings.quarter': quarterCoverage, 'meetings.steps': dueMeetingSteps },
};
