import type { Transaction } from 'kysely';
import type { DB } from './store/schema';
import type { Ctx, Db } from './context';
import { writeAudit, type AuditEntry } from './modules/audit/service';

/** Who changes and when: a handler's Ctx, or the first run's scope before any user exists. */
export interface Scope {
  db: Db;
  now: Date;
  user: { id: number } | null;
}

/** Inside a change: the transaction, and its audit record. */
export interface Changing {
  db: Transaction<DB>;
  /** one audit row, chained to the previous one, in this transaction */
  audit(entry: AuditEntry): Promise<void>;
}
export type Tx = Scope & Changing;
/** A change made by the signed-in user: his context inside the transaction. */
export type SessionTx = Ctx & Changing;

const isChanging = <C extends Scope>(scope: C): scope is C & Changing => 'audit' in scope && scope.db.isTransaction;

/**
 * A reading that must be atomic with its own record but changes no record: opening a person file together with the
 * access log row of p.15 (that log, not the audit chain, records readings). Joins the caller's transaction.
 */
export async function atomically<C extends Scope, T>(
  scope: C,
  work: (tx: Omit<C, 'db'> & { db: Transaction<DB> }) => Promise<T>,
): Promise<T> {
  if (isChanging(scope)) return work(scope);
  return scope.db.transaction().execute((trx) => work({ ...scope, db: trx }));
}

/**
 * Runs a change to the records in one transaction, joining the caller's when there is one, in the spirit of Actual
 * Budget's `mutator`. The change writes its audit rows through `tx.audit`; one that wrote none is refused and rolled
 * back, so nothing reaches the records unaudited.
 */
export async function change<C extends Scope, T>(scope: C, work: (tx: C & Changing) => Promise<T>): Promise<T> {
  if (isChanging(scope)) return work(scope);
  return scope.db.transaction().execute(async (trx) => {
    let rows = 0;
    const audit = async (e: AuditEntry) => {
      rows++;
      await writeAudit(trx, e.by !== undefined ? e.by : (scope.user?.id ?? null), scope.now, e);
    };
    const result = await work({ ...scope, db: trx, audit });
    if (rows === 0) throw new Error('a change without an audit row');
    return result;
  });
}
