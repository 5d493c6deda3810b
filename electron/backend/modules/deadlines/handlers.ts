import type { Handlers } from '../../handlers';
import type { DeadlineRegistry } from './registry';

export const todayHandlers = (registry: DeadlineRegistry): Handlers<'today.list'> => ({
  'today.list': async ({ date }, { ctx }) => registry.list(ctx(), date),
});
