/**
 * npm run bench — the cost of encryption on the app's own workload, side by side in
 * one run: plaintext vs SQLCipher-4 vs AEGIS (both from better-sqlite3-multiple-ciphers).
 * Workload: a person register with FTS5 (unicode61, remove_diacritics 2) and a hash-chained
 * audit row per insert, as the services write them; point lookups by id; name search.
 * Figures, not pass/fail. BENCH_SIZES=10000,1000000 by default.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../../electron/backend/store/database';

type Mode = 'plain' | 'sqlcipher' | 'aegis256';
const MODES: Mode[] = ['plain', 'sqlcipher', 'aegis256'];
const SIZES = (process.env.BENCH_SIZES ?? '10000,1000000').split(',').map(Number);
const KEY = crypto.randomBytes(32);

const SURNAMES = [
  'Әбдіқадыров',
  'Нұрланов',
  'Серікбаев',
  'Омаров',
  'Жұмабеков',
  'Иванов',
  'Ким',
  'Қасымов',
  'Төлеуов',
  'Үсенов',
  'Петров',
  'Ғабитов',
  'Бейсенов',
  'Өмірзақов',
  'Сидоров',
  'Құрманов',
];
const NAMES = [
  'Ерлан',
  'Гүлназ',
  'Данияр',
  'Әсел',
  'Айгүл',
  'Мұрат',
  'Сергей',
  'Ольга',
  'Нұрлан',
  'Дәурен',
  'Жанар',
  'Ұлжан',
];
let seed = 42;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!;

function open(file: string, mode: Mode) {
  const db = new Database(file);
  if (mode !== 'plain') applyKey(db, KEY, mode);
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

function schema(db: Database.Database) {
  db.exec(`
    CREATE TABLE people (id INTEGER PRIMARY KEY, surname TEXT, name TEXT, patronymic TEXT, iin TEXT, address TEXT, created_at TEXT);
    CREATE INDEX people_iin ON people(iin);
    CREATE VIRTUAL TABLE people_fts USING fts5(surname, name, patronymic, iin, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
    CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT, user_id INTEGER, action TEXT, entity TEXT, entity_id TEXT, before_json TEXT, after_json TEXT, prev_hash TEXT, hash TEXT);
  `);
}

function writer(db: Database.Database) {
  const ins = db.prepare(
    'INSERT INTO people (surname, name, patronymic, iin, address, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const fts = db.prepare('INSERT INTO people_fts (rowid, surname, name, patronymic, iin) VALUES (?, ?, ?, ?, ?)');
  const last = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck();
  const aud = db.prepare(
    'INSERT INTO audit_log (at, user_id, action, entity, entity_id, before_json, after_json, prev_hash, hash) VALUES (?, 1, ?, ?, ?, NULL, ?, ?, ?)',
  );
  return (i: number) => {
    const p = [
      pick(SURNAMES),
      pick(NAMES),
      pick(NAMES) + 'ұлы',
      String(800000000000 + i).padStart(12, '0'),
      `Алматы, көше ${i % 500}, үй ${i % 97}`,
    ];
    const at = new Date().toISOString();
    const id = Number(ins.run(...p, at).lastInsertRowid);
    fts.run(id, p[0], p[1], p[2], p[3]);
    const after = JSON.stringify({ id, surname: p[0], name: p[1], iin: p[3] });
    const prev = (last.get() as string | undefined) ?? '0'.repeat(64);
    const hash = crypto.createHash('sha256').update(prev).update(after).digest('hex');
    aud.run(at, 'reception.create', 'person', String(id), after, prev, hash);
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

interface Figures {
  buildUsPerRow: number;
  insertP50: number;
  insertP95: number;
  lookupP95: number;
  searchP50: number;
  searchP95: number;
  fileMB: number;
}

function run(mode: Mode, n: number): Figures {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `uchaske-bench-${mode}-`));
  const file = path.join(dir, 'b.db');
  try {
    let db = open(file, mode);
    schema(db);
    const write = writer(db);
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) write(i);
    });
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i += 5000) batch(i, Math.min(n, i + 5000));
    const buildUsPerRow = (ms(t0) * 1000) / n;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();

    // a fresh connection, as after an unlock
    db = open(file, mode);
    const one = db.transaction(writer(db));
    const ins: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = process.hrtime.bigint();
      one(n + i);
      ins.push(ms(t));
    }
    const get = db.prepare('SELECT * FROM people WHERE id = ?');
    const look: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t = process.hrtime.bigint();
      get.get(1 + Math.floor(rnd() * n));
      look.push(ms(t));
    }
    const search = db.prepare(
      'SELECT p.id, p.surname, p.name, p.iin FROM people_fts f JOIN people p ON p.id = f.rowid WHERE people_fts MATCH ? ORDER BY f.rowid DESC LIMIT 20',
    );
    const sr: number[] = [];
    for (let i = 0; i < 500; i++) {
      // what the desk types: a lower-case prefix of a surname and a name, or IIN digits
      const q =
        i % 3 === 0
          ? `iin:${String(800000000000 + Math.floor(rnd() * n)).slice(0, 9)}*`
          : `${pick(SURNAMES).toLowerCase().slice(0, 4)}* ${pick(NAMES).toLowerCase().slice(0, 3)}*`;
      const t = process.hrtime.bigint();
      search.all(q);
      sr.push(ms(t));
    }
    db.close();
    const fileMB = fs.readdirSync(dir).reduce((a, f) => a + fs.statSync(path.join(dir, f)).size, 0) / 1e6;
    return {
      buildUsPerRow,
      insertP50: pct(ins, 50),
      insertP95: pct(ins, 95),
      lookupP95: pct(look, 95) * 1000,
      searchP50: pct(sr, 50),
      searchP95: pct(sr, 95),
      fileMB,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const f = (x: number, d = 2) => x.toFixed(d).padStart(9);
console.log(
  `Uchaske store bench — Node ${process.version}, ${os.cpus().length} cores; encrypted ÷ plaintext in the last columns\n`,
);
for (const n of SIZES) {
  const r = Object.fromEntries(MODES.map((m) => [m, run(m, n)])) as Record<Mode, Figures>;
  console.log(`rows: ${n.toLocaleString('en')}`);
  console.log(
    `${'metric'.padEnd(30)}${'plain'.padStart(9)}${'sqlcipher'.padStart(10)}${'aegis'.padStart(9)}  ${'sqlc÷pl'.padStart(8)}${'aegis÷pl'.padStart(9)}`,
  );
  const rows: [string, keyof Figures][] = [
    ['bulk insert+FTS+audit, µs/row', 'buildUsPerRow'],
    ['single insert tx, ms p50', 'insertP50'],
    ['single insert tx, ms p95', 'insertP95'],
    ['point lookup, µs p95', 'lookupP95'],
    ['name/IIN search, ms p50', 'searchP50'],
    ['name/IIN search, ms p95', 'searchP95'],
    ['files on disk, MB', 'fileMB'],
  ];
  for (const [label, k] of rows) {
    const pl = r.plain[k];
    console.log(
      `${label.padEnd(30)}${f(pl)}${f(r.sqlcipher[k]).padStart(10)}${f(r.aegis256[k])}  ${f(r.sqlcipher[k] / pl).padStart(8)}×${f(
        r.aegis256[k] / pl,
      )
        .trim()
        .padStart(8)}×`,
    );
  }
  console.log('');
}
