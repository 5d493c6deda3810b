import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import type { Cipher } from './keyring';
import type { DB } from './schema';

export type RawDb = Database.Database;

/**
 * Opens the encrypted file. Order matters (TOOLCHAIN.md): cipher settings, then the raw
 * key, then a real read — a wrong key only shows there, as SQLITE_NOTADB.
 */
export function openEncrypted(file: string, key: Buffer, cipher: Cipher): RawDb {
  const db = new Database(file);
  try {
    applyKey(db, key, cipher);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
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

export function toKysely(raw: RawDb): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) });
}
