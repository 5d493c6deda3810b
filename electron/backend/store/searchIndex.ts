import { sql } from 'kysely';
import { prefixQuery, type SearchQuery } from '../../../shared/search/query';
import type { Db } from '../context';

/**
 * The search box's indexes (issue 17, migration 16), kept by triggers so that no service has to:
 * - `citizens_fts` — the citizens' folded names, IINs and addresses (names and IINs kept by citizenIndex.ts);
 * - `notebook_fts` — the notebook entries' texts and addresses, by entry id;
 * - `search_fts` — the smaller kinds' addresses and texts; a row's id is the kind in the high bits and the record's
 *   id in the low ones, so one kind is one range of the index.
 * The large kinds have tables of their own: a word typed out past three letters is merged over its table's whole
 * list of that word, and the smaller kinds should not pay for the citizens' or the notebooks'.
 */
export const TEXT_KINDS = {
  personFileAddress: 3,
  firearmOwner: 4,
  probation: 5,
  foreigner: 6,
  meeting: 7,
  meetingParticipant: 8,
  meetingItem: 9,
  handoverAct: 10,
} as const;
export type TextKind = keyof typeof TEXT_KINDS;

// a bound must reach SQLite as an integer: FTS5 seeks to an integer bound and filters row by row on a real one
const SHIFT = 2n ** 40n;

/** The ids of one kind's records whose words begin with every word typed (or, mistyped, their Russian-layout twin). */
export async function matchText(db: Db, q: SearchQuery, kind: TextKind, limit: number): Promise<number[]> {
  const code = BigInt(TEXT_KINDS[kind]);
  const rows = await sql<{ id: number }>`
    SELECT rowid - ${code * SHIFT} AS id FROM search_fts
    WHERE search_fts MATCH ${words(q, null)} AND rowid >= ${code * SHIFT} AND rowid < ${(code + 1n) * SHIFT}
    ORDER BY rowid DESC LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => Number(r.id));
}

/** The notebook entries whose text or address has every word typed, newest first. */
export async function matchNotebook(db: Db, q: SearchQuery, limit: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    SELECT rowid AS id FROM notebook_fts WHERE notebook_fts MATCH ${words(q, null)}
    ORDER BY rowid DESC LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** The citizens whose folded names (or IIN, for digits) begin with what was typed, newest first. */
export async function matchNames(db: Db, q: SearchQuery, limit: number): Promise<number[]> {
  const match = q.digits !== null ? `iin:"${q.digits}"*` : words(q, 'names');
  const rows = await sql<{ id: number }>`
    SELECT rowid AS id FROM citizens_fts WHERE citizens_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${limit}`.execute(
    db,
  );
  return rows.rows.map((r) => r.id);
}

/** The citizens whose address has every word typed, newest first. */
export async function matchAddresses(db: Db, q: SearchQuery, limit: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    SELECT rowid AS id FROM citizens_fts WHERE citizens_fts MATCH ${words(q, 'address')}
    ORDER BY rowid DESC LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => r.id);
}

function words(q: SearchQuery, column: string | null): string {
  const own = `(${prefixQuery(q.words, column)})`;
  return q.layoutWords?.length ? `${own} OR (${prefixQuery(q.layoutWords, column)})` : own;
}
