import type { Handlers } from '../module';

export const todayHandlers: Handlers<'today.list'> = {
  'today.list': async ({ date }, { ctx, dueItems }) => dueItems(ctx(), date),
};
