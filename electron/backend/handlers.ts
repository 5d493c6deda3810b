import type { z } from 'zod';
import type { Api, CallName, CallOutput } from '../../shared/api';
import type { Backend } from './backend';
import type { Ctx } from './context';

export interface HandlerEnv {
  backend: Backend;
  /** the caller's context; the router has already checked the role */
  ctx: () => Ctx;
}
export type Handler<N extends CallName> = (input: z.output<Api[N]['input']>, env: HandlerEnv) => Promise<CallOutput<N>>;
export type Handlers<N extends CallName> = { [K in N]: Handler<K> };
