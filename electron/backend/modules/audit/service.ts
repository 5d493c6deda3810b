import crypto from 'node:crypto';
import type { Transaction, Kysely } from 'kysely';
import type { DB } from '../../store/schema';

export interface AuditEntry {
  action: string; // e.g. 'users.create'
  entity: string; // table or domain object
  entityId: string | number;
  before?: unknown;
  after?: unknown;
  /** who the row names when it is not the session's user (the first run: the UPP lead just created) */
  by?: number | null;
}

const GENESIS = '0'.repeat(64);

function rowHash(
  prev: string,
  r: {
    at: string;
    user_id: number | null;
    action: string;
    entity: string;
    entity_id: string;
    before_json: string | null;
    after_json: string | null;
  },
): string {
  return crypto
    .createHash('sha256')
    .update(prev)
    .update(JSON.stringify([r.at, r.user_id, r.action, r.entity, r.entity_id, r.before_json, r.after_json]))
    .digest('hex');
}

/** Writes one audit row chained to the previous one; call inside the mutation's transaction. */
export async function writeAudit(trx: Transaction<DB>, userId: number | null, at: Date, e: AuditEntry): Promise<void> {
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const prev = last?.hash ?? GENESIS;
  const row = {
    at: at.toISOString(),
    user_id: userId,
    action: e.action,
    entity: e.entity,
    entity_id: String(e.entityId),
    before_json: e.before === undefined ? null : JSON.stringify(e.before),
    after_json: e.after === undefined ? null : JSON.stringify(e.after),
  };
  await trx
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prev, hash: rowHash(prev, row) })
    .execute();
}

type ChainRow = Parameters<typeof rowHash>[1] & { id: number; prev_hash: string; hash: string };

/** Walks the rows in order; reports the first whose link or content does not match, and the newest hash. */
export function checkChain(rows: readonly ChainRow[]): {
  ok: boolean;
  rows: number;
  firstBrokenId: number | null;
  head: string;
} {
  let prev = GENESIS;
  for (const r of rows) {
    if (r.prev_hash !== prev || rowHash(prev, r) !== r.hash)
      return { ok: false, rows: rows.length, firstBrokenId: r.id, head: prev };
    prev = r.hash;
  }
  return { ok: true, rows: rows.length, firstBrokenId: null, head: prev };
}

/**
 * Walks the chain, and holds it against the head kept outside the database: fewer rows than that, or another row in
 * its place, means the newest rows were deleted or replaced (`missingFrom`: the first row that should be there).
 */
export async function verifyAudit(
  db: Kysely<DB>,
  recorded: { rows: number; hash: string } | 'forged' | null = null,
): Promise<{ ok: boolean; rows: number; firstBrokenId: number | null; missingFrom: number | null }> {
  const all = await db.selectFrom('audit_log').selectAll().orderBy('id').execute();
  const { ok, rows, firstBrokenId } = checkChain(all);
  let missingFrom: number | null = null;
  if (recorded === 'forged') missingFrom = 1;
  else if (recorded && recorded.rows > 0 && all[recorded.rows - 1]?.hash !== recorded.hash)
    missingFrom = Math.min(rows, recorded.rows) + 1;
  return { ok: ok && missingFrom === null, rows, firstBrokenId, missingFrom };
}

/**
 * What a change changed: the fields that differ, with their values before and after (ours). A whole record on every
 * edit copied its photo into the chain again each time: ten edits of one file, 10.7 MB.
 */
export function changes<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof T>) {
    if (JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
    b[k] = before[k];
    a[k] = after[k];
  }
  return { before: b, after: a };
}
