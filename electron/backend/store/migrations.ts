import type { RawDb } from './database';

/**
 * Forward-only, numbered. Each runs in a transaction at unlock; PRAGMA user_version
 * holds the last applied number. Never edit a released step: add the next one.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'foundation',
    sql: `
      CREATE TABLE station (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        upp_number TEXT NOT NULL, upp_name TEXT NOT NULL, police_body TEXT NOT NULL,
        address TEXT NOT NULL, settings_json TEXT NOT NULL
      );
      CREATE TABLE sections (
        id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, kind TEXT NOT NULL CHECK (kind IN ('urban','rural')),
        boundary TEXT NOT NULL DEFAULT '', order_ref TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 1
      );
      CREATE TABLE calendar_overrides (
        date TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')), name TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE users (
        id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, surname TEXT NOT NULL, name TEXT NOT NULL,
        patronymic TEXT NOT NULL DEFAULT '', rank TEXT NOT NULL DEFAULT '', position TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, must_change_password INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE user_sections (
        user_id INTEGER NOT NULL REFERENCES users(id), section_id INTEGER NOT NULL REFERENCES sections(id),
        PRIMARY KEY (user_id, section_id)
      );
      CREATE TABLE absences (
        id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), kind TEXT NOT NULL,
        from_date TEXT NOT NULL, to_date TEXT NOT NULL, cover_user_id INTEGER REFERENCES users(id),
        order_number TEXT NOT NULL DEFAULT '', order_date TEXT, cancelled INTEGER NOT NULL DEFAULT 0,
        cancel_reason TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_id INTEGER, action TEXT NOT NULL, entity TEXT NOT NULL,
        entity_id TEXT NOT NULL, before_json TEXT, after_json TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL
      );
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: RawDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies what is missing; returns the versions applied. */
export function migrate(db: RawDb, migrations = MIGRATIONS): number[] {
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
