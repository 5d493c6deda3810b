import type { z } from 'zod';
import type { Api, CallName, CallOutput, CallsOf, DueItem, ModuleName } from '../../../shared/api';
import type { Ctx, HandlerEnv } from '../context';
import type { TodayWindow } from '../../../shared/rules/today';

export type Handler<N extends CallName> = (input: z.output<Api[N]['input']>, env: HandlerEnv) => Promise<CallOutput<N>>;
/** A handler for each call of a module's contract: a missing one does not compile. */
export type Handlers<N extends CallName> = { [K in N]: Handler<K> };

/** What is due for the caller on a date; each item cites the paragraph its deadline comes from. */
export type DeadlineProvider = (ctx: Ctx, date: string, window: TodayWindow) => Promise<DueItem[]>;

/** A backend module: the handlers of its calls (`<module>.*` in shared/api) and its rules for the Today screen. */
export interface BackendModule<M extends ModuleName> {
  handlers: Handlers<CallsOf<M>>;
  /** by rule id; the ids appear as `ruleId` of the due items */
  deadlines?: Readonly<Record<string, DeadlineProvider>>;
}
