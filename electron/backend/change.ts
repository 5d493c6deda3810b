import { sql, type ControlledTransaction, type Kysely, type Transaction } from 'kysely';
import type { DB } from './store/schema';
import type { Ctx, Db } from './context';
import { writeAudit, type AuditEntry } from './modules/audit/service';

/** Who changes and when: a handler's Ctx, or the first run's scope before any user exists. */
export interface Scope {
  db: Db;
  now: Date;
  user: { id: number } | null;
  /** the call's unit of work, when the router made one (see CallUnit) */
  unit?: CallUnit;
}

/**
 * One call's writes (ours): opened by the call's first change, committed by the router only once the answer has
 * passed the contract, rolled back when anything of the call failed — so a failed call writes nothing, not even a
 * change that had finished before the failure. While it is open it holds the one connection: the call's context
 * reads through it (`db`), other calls wait for it. Long work that writes nothing (rendering a PDF) commits first.
 */
export class CallUnit {
  #open: Promise<ControlledTransaction<DB>> | null = null;
  #savepoints = 0;
  /** the transaction once open, else the database */
  db: Db;
  constructor(private readonly base: Kysely<DB>) {
    this.db = base;
  }

  async transaction(): Promise<Transaction<DB>> {
    this.#open ??= this.base
      .startTransaction()
      .execute()
      .then((t) => ((this.db = t), t));
    return this.#open;
  }

  /** a named point inside the unit, for one change that may fail while the call goes on */
  nextSavepoint(): string {
    return `change_${++this.#savepoints}`;
  }

  async commit(): Promise<void> {
    const t = await this.#settle();
    if (t) await t.commit().execute();
  }

  async rollback(): Promise<void> {
    const t = await this.#settle();
    if (t) await t.rollback().execute();
  }

  async #settle(): Promise<ControlledTransaction<DB> | null> {
    const open = this.#open;
    this.#open = null;
    this.db = this.base;
    return open;
  }
}

/**
 * The call's writes so far, committed now: for work that must follow them outside any transaction — seconds of PDF
 * rendering, or a new database key, which SQLite cannot set inside one.
 */
export async function commitNow(scope: Pick<Scope, 'unit'>): Promise<void> {
  await scope.unit?.commit();
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
  if (scope.unit) return inUnit(scope.unit, (trx) => work({ ...scope, db: trx }));
  return scope.db.transaction().execute((trx) => work({ ...scope, db: trx }));
}

/** work inside the call's unit, under a savepoint so that its own failure undoes only itself */
async function inUnit<T>(unit: CallUnit, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const trx = await unit.transaction();
  const point = sql.id(unit.nextSavepoint());
  await sql`savepoint ${point}`.execute(trx);
  try {
    const result = await work(trx);
    await sql`release ${point}`.execute(trx);
    return result;
  } catch (e) {
    await sql`rollback to ${point}`.execute(trx);
    await sql`release ${point}`.execute(trx);
    throw e;
  }
}

/**
 * Runs a change to the records in one transaction, joining the caller's when there is one, in the spirit of Actual
 * Budget's `mutator`. The change writes its audit rows through `tx.audit`; one that wrote none is refused and rolled
 * back, so nothing reaches the records unaudited.
 */
export async function change<C extends Scope, T>(scope: C, work: (tx: C & Changing) => Promise<T>): Promise<T> {
  if (isChanging(scope)) return work(scope);
  const audited = async (trx: Transaction<DB>) => {
    let rows = 0;
    const audit = async (e: AuditEntry) => {
      rows++;
      await writeAudit(trx, e.by !== undefined ? e.by : (scope.user?.id ?? null), scope.now, e);
    };
    const result = await work({ ...scope, db: trx, audit });
    if (rows === 0) throw new Error('a change without an audit row');
    return result;
  };
  if (scope.unit) return inUnit(scope.unit, audited);
  return scope.db.transaction().execute(audited);
}
