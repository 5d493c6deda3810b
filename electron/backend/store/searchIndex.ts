import { sql } from 'kysely';
import { prefixQuery, type SearchQuery } from '../../../shared/search/query';
import type { Db } from '../context';

/**
 * The search index of issue 17 (ours): `search_fts`, an FTS5 table without content, holds the folded addresses and
 * texts of the records a search finds by their words; triggers (migration 16) keep it, so no service has to. A row's
 * id is the record's kind in the high bits and its id in the low ones, so one kind is one range of the index.
 * Names and IINs stay in `citizens_fts` (citizenIndex.ts).
 */
export const TEXT_KINDS = {
  citizenAddress: 1,
  notebookEntry: 2,
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

const SHIFT = 2 ** 40;

/** The ids of one kind's records whose words begin with every word typed (or, mistyped, their Russian-layout twin). */
export async function matchText(db: Db, q: SearchQuery, kind: TextKind, limit: number): Promise<number[]> {
  const code = TEXT_KINDS[kind];
  const rows = await sql<{ id: number }>`
    SELECT rowid - ${code * SHIFT} AS id FROM search_fts
    WHERE search_fts MATCH ${matchExpression(q, null)} AND rowid >= ${code * SHIFT} AND rowid < ${(code + 1) * SHIFT}
    ORDER BY rowid DESC LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** The ids of the citizens whose folded names (or IIN, for digits) begin with what was typed, newest first. */
export async function matchNames(db: Db, q: SearchQuery, limit: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    SELECT rowid AS id FROM citizens_fts WHERE citizens_fts MATCH ${matchExpression(q, 'names')}
    ORDER BY rowid DESC LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => r.id);
}

function matchExpression(q: SearchQuery, nameColumn: string | null): string {
  if (q.digits !== null && nameColumn) return `iin:"${q.digits}"*`;
  const own = `(${prefixQuery(q.words, nameColumn)})`;
  return q.layoutWords?.length ? `${own} OR (${prefixQuery(q.layoutWords, nameColumn)})` : own;
}
