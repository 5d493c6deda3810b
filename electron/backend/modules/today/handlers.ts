import type { Handlers } from '../module';

export const todayHandlers: Handlers<'today.list'> = {
  'today.list': async ({ date, window }, { ctx, dueItems }) => dueItems(ctx(), date, window),
};
