import type { Kysely } from 'kysely';
import type { SessionUser } from '../../shared/api';
import type { DB } from './store/schema';
import type { Backend } from './backend';

/** What a handler gets: the open database, who is calling, and the clock. */
export interface Ctx {
  db: Kysely<DB>;
  user: SessionUser;
  now: Date;
  backend: Backend;
}
