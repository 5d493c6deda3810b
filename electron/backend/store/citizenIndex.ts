import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Citizen } from '../../../shared/api';
import { citizenQuery, foldName } from '../../../shared/search/fold';
import type { Db } from '../context';

/**
 * The citizen register's full-text index: an FTS5 table, SQLite's own, kept here so that the services speak Kysely
 * only. On another database this file is what changes (a trigram index, `tsvector`).
 */
export async function indexCitizen(db: Db, c: Citizen): Promise<void> {
  await db.deleteFrom('citizens_fts').where('rowid', '=', c.id).execute();
  await db
    .insertInto('citizens_fts')
    .values({
      rowid: c.id,
      names: foldName([c.surname, c.name, c.patronymic].join(' ')),
      iin: c.iin ?? '',
      address: foldName(c.address),
    })
    .execute();
}

/** The ids of the citizens whose folded names or IIN begin with what was typed, newest first. */
export async function matchCitizenIds(db: Db, typed: string, limit: number): Promise<number[]> {
  const q = citizenQuery(typed);
  if (!q) return [];
  const rows = await sql<{ id: number }>`
    SELECT rowid AS id FROM citizens_fts WHERE citizens_fts MATCH ${q} ORDER BY rowid DESC LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => r.id);
}

/** A condition on a column holding citizen ids: the citizens whose names or IIN begin with what was typed. */
export function citizenMatches(column: string, typed: string): RawBuilder<SqlBool> {
  const q = citizenQuery(typed);
  if (!q) return sql<SqlBool>`0`;
  return sql<SqlBool>`${sql.ref(column)} IN (SELECT rowid FROM citizens_fts WHERE citizens_fts MATCH ${q})`;
}
