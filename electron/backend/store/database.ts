import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import type { Cipher } from './keyring';
import type { DB } from './schema';
import { registerNameFold } from './nameSearch';
import { fsyncFile } from './files';

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
 * A copy of the open database under a new key, for `target`. SQLite3MultipleCiphers rekeys in place, page by page, and
 * a kill in the middle leaves a file that neither key opens whole (seen in the crash trials); so the copy is made with
 * `VACUUM INTO` under the old key, rekeyed under a rollback journal (rekey is refused in WAL mode, TOOLCHAIN.md), and
 * fsynced, for the caller to rename into place.
 */
export function rekeyedCopy(db: RawDb, target: string, oldKey: Buffer, newKey: Buffer, cipher: Cipher): void {
  for (const f of [target, `${target}-journal`]) fs.rmSync(f, { force: true });
  db.prepare('VACUUM INTO ?').run(target);
  const copy = new Database(target, { fileMustExist: true });
  try {
    applyKey(copy, oldKey, cipher);
    copy.pragma('journal_mode = DELETE');
    copy.pragma(`rekey = "x'${newKey.toString('hex')}'"`);
  } finally {
    copy.close();
  }
  fsyncFile(target);
}

/**
 * Kysely prepares every query anew, and the native statements of better-sqlite3 pile up
 * in the process faster than they are released (npm run bench: ~160 KB more memory per
 * Today refresh). One prepared statement per SQL text is kept instead; the bound covers
 * the `IN (?, ?, …)` lists whose text changes with their length.
 */
export function withStatementCache(first: RawDb, max = 500): SqliteDatabase & { replace(raw: RawDb): void } {
  const cache = new Map<string, Database.Statement>();
  let raw = first;
  return {
    /** the connection underneath, replaced (a new database key); its statements are dropped with it */
    replace(next: RawDb) {
      cache.clear();
      raw = next;
    },
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
  return liveKysely(raw).db;
}

/** Kysely over a connection that can be replaced underneath it, so that every holder of `db` keeps working. */
export function liveKysely(raw: RawDb): { db: Kysely<DB>; replace(raw: RawDb): void } {
  const database = withStatementCache(raw);
  return { db: new Kysely<DB>({ dialect: new SqliteDialect({ database }) }), replace: (r) => database.replace(r) };
}
