import { sql, type Expression, type SqlBool } from 'kysely';
import { fullName } from '../../../shared/format';
import { foldName } from '../../../shared/search/fold';
import type { RawDb } from './database';

/** The SQL function that folds a full name as the desk's search does (shared/search/fold.ts). */
const FOLD_NAME = 'uchaske_fold_name';

/** Registered on every connection the store opens; the search index's triggers call `uchaske_fold` (searchIndex.ts). */
export function registerNameFold(raw: RawDb): void {
  raw.function('uchaske_fold', { deterministic: true, varargs: true }, (...texts: unknown[]) =>
    foldName(texts.filter((t) => typeof t === 'string' && t !== '').join(' ')),
  );
  raw.function(FOLD_NAME, { deterministic: true }, (surname: unknown, name: unknown, patronymic: unknown) =>
    foldName(
      fullName({ surname: String(surname ?? ''), name: String(name ?? ''), patronymic: String(patronymic ?? '') }),
    ),
  );
}

/**
 * What the lists and the person files' search box asks: the person's folded full name contains what was typed
 * (any case, either keyboard, Kazakh or Russian letters), or the IIN begins with it. `alias` is the citizens table.
 */
export function personMatches(alias: string, typed: string): Expression<SqlBool> {
  const text = typed.trim();
  const col = (c: string) => sql.ref(`${alias}.${c}`);
  return sql<SqlBool>`(instr(${sql.raw(FOLD_NAME)}(${col('surname')}, ${col('name')}, ${col('patronymic')}), ${foldName(text)}) > 0 OR substr(coalesce(${col('iin')}, ''), 1, ${text.length}) = ${text})`;
}
