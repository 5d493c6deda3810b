import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Cipher } from './keyring';
import type { DB } from './schema';
import { registerNameFold } from './nameSearch';

export type RawDb = Database.Database;

/**
 * Opens the encrypted file. Order matters: cipher settings, then the raw
 * key, then a real read — a wrong key only shows there, as SQLITE_NOTADB. Read-only opens are for copies.
 */
export function openEncrypted(file: string, key: Buffer, cipher: Cipher, o: { readonly?: boolean } = {}): RawDb {
  const db = new Database(file, { readonly: o.readonly ?? false, fileMustExist: o.readonly ?? false });
  try {
    applyKey(db, key, cipher);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // a large sort or index build would otherwise spill to an unencrypted etilqs_* temporary file
    db.pragma('temp_store = MEMORY');
    // a copy is read as it is: no WAL files appear beside it
    if (o.readonly) return db;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    registerNameFold(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function applyKey(db: RawDb, key: Buffer, cipher: Cipher): void {
  if (cipher === 'sqlcipher') {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
  } else {
    db.pragma(`cipher = 'aegis'`);
  }
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/**
 * Kysely prepares every query anew, and the native statements of better-sqlite3 pile up
 * in the process faster than they are released (npm run bench: ~160 KB more memory per
 * Today refresh). One prepared statement per SQL text is kept instead; the bound covers
 * the `IN (?, ?, …)` lists whose text changes with their length.
 */
export function withStatementCache(raw: RawDb, max = 500): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => {
      cache.clear();
      raw.close();
    },
    prepare(sql) {
      let stmt = cache.get(sql);
      if (stmt) {
        // most recently used last
        cache.delete(sql);
      } else {
        stmt = raw.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export function toKysely(raw: RawDb): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
}
