import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import type { RawDb } from './database';
import { fsyncDir, fsyncFile, PARTIAL, sha256File, sha256FileAsync, writeFileAtomic } from './files';
import { copyInWorker } from './copyInWorker';
import type { Cipher } from './keyring';

/**
 * The copies' files. A copy is three files: the encrypted database (`uchaske-<stamp>-<kind>.db`), its keyring
 * (`.db.keyring`) and its manifest (`.db.json`), written in that order, each under a `.partial-` name first and
 * renamed only when whole and fsynced. The manifest comes last and only after the copy was verified, so a copy
 * without one was cut short: it is never listed and `cleanPartials` removes it. (ours, after SQLite's and
 * KeePassXC's own safe-save rule)
 */
export const BACKUP_DIR = 'backups';
export const BACKUP_KINDS = ['daily', 'manual', 'lock', 'migration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
const NAME = /^uchaske-(\d{8}-\d{6})-(daily|manual|lock|migration)(-\d+)?\.db$/;
/** the first wave's copies: no manifest, the migration ones named by the schema version they held */
const OLD_NAME = /^uchaske-(\d{8}-\d{6})-(daily|manual|v\d+)\.db$/;

/** What a verified copy holds, written beside it. No personal data: counts and the station's own name. */
export interface CopyFacts {
  schemaVersion: number;
  station: string;
  /** `ok` false: the chain was already broken in the database copied (the copy is faithful; restore refuses it) */
  audit: { rows: number; head: string; ok?: boolean };
  counts: Record<string, number>;
}
export interface CopyManifest extends CopyFacts {
  format: 1;
  kind: BackupKind;
  createdAt: string;
  bytes: number;
  sha256: string;
}
export interface BackupInfo extends CopyManifest {
  fileName: string;
  folder: string;
  /** the files are there and the database has the size the manifest says */
  intact: boolean;
}

/** local time: the station's day, not UTC's */
const stamp = (d: Date) => dayjs(d).format('YYYYMMDD-HHmmss');
const fromStamp = (s: string) =>
  new Date(+s.slice(0, 4), +s.slice(4, 6) - 1, +s.slice(6, 8), +s.slice(9, 11), +s.slice(11, 13), +s.slice(13, 15));

function freeName(dir: string, now: Date, kind: BackupKind): string {
  const base = `uchaske-${stamp(now)}-${kind}`;
  for (let i = 1; ; i++) {
    const name = i === 1 ? `${base}.db` : `${base}-${i}.db`;
    const taken = [name, `${name}.json`, `${PARTIAL}${name}`].some((f) => fs.existsSync(path.join(dir, f)));
    if (!taken) return name;
  }
}

function removeCopyFiles(dir: string, fileName: string): void {
  for (const f of [fileName, `${fileName}.keyring`, `${fileName}.json`]) fs.rmSync(path.join(dir, f), { force: true });
}

/** A copy being written: its final name and the temporary names its database and keyring are written under. */
interface Pending {
  dir: string;
  fileName: string;
  tmpDb: string;
  tmpRing: string;
}

function beginCopy(dir: string, now: Date, kind: BackupKind): Pending {
  fs.mkdirSync(dir, { recursive: true });
  const fileName = freeName(dir, now, kind);
  const tmpDb = path.join(dir, `${PARTIAL}${fileName}`);
  fs.rmSync(tmpDb, { force: true });
  return { dir, fileName, tmpDb, tmpRing: `${tmpDb}.keyring` };
}

function copyKeyring(p: Pending, keyringFile: string): void {
  fs.copyFileSync(keyringFile, p.tmpRing);
  fsyncFile(p.tmpRing);
}

/** The checked copy under its final names, the manifest last. */
function finishCopy(
  p: Pending,
  now: Date,
  kind: BackupKind,
  file: { bytes: number; sha256: string },
  facts: CopyFacts,
): BackupInfo {
  const manifest: CopyManifest = { format: 1, kind, createdAt: now.toISOString(), ...file, ...facts };
  fs.renameSync(p.tmpRing, path.join(p.dir, `${p.fileName}.keyring`));
  fs.renameSync(p.tmpDb, path.join(p.dir, p.fileName));
  fsyncDir(p.dir);
  writeFileAtomic(path.join(p.dir, `${p.fileName}.json`), JSON.stringify(manifest, null, 1));
  return { ...manifest, fileName: p.fileName, folder: p.dir, intact: true };
}

/** Nothing of a failed copy stays behind. */
function discardCopy(p: Pending): void {
  for (const f of [p.tmpDb, p.tmpRing]) fs.rmSync(f, { force: true });
  removeCopyFiles(p.dir, p.fileName);
}

/**
 * Puts a copy in place: `fill` writes the database under the temporary name, `verify` opens it and says what it
 * holds (throws when it does not open whole). Nothing of a failed copy stays behind.
 */
function placeCopy(
  dir: string,
  now: Date,
  kind: BackupKind,
  keyringFile: string,
  fill: (target: string) => void,
  verify: (dbFile: string, keyringFile: string) => CopyFacts,
): BackupInfo {
  const p = beginCopy(dir, now, kind);
  try {
    fill(p.tmpDb);
    fsyncFile(p.tmpDb);
    copyKeyring(p, keyringFile);
    const facts = verify(p.tmpDb, p.tmpRing);
    return finishCopy(p, now, kind, { bytes: fs.statSync(p.tmpDb).size, sha256: sha256File(p.tmpDb) }, facts);
  } catch (e) {
    discardCopy(p);
    throw e;
  }
}

/** An encrypted copy of the open database with the same key (VACUUM INTO keeps the cipher; db.backup() would not). */
export function writeCopy(
  raw: RawDb,
  dir: string,
  keyringFile: string,
  now: Date,
  kind: BackupKind,
  verify: (dbFile: string, keyringFile: string) => CopyFacts,
): BackupInfo {
  return placeCopy(dir, now, kind, keyringFile, (target) => raw.prepare('VACUUM INTO ?').run(target), verify);
}

/**
 * The same copy, written and checked in a worker thread through a connection of its own, so that the backend goes
 * on answering the desk meanwhile (see copyWorker.ts). The keyring is copied once the database is written; the
 * caller keeps the key from changing until this ends.
 */
export async function writeCopyInWorker(
  live: { dbFile: string; key: Buffer; cipher: Cipher; keyringFile: string },
  dir: string,
  now: Date,
  kind: BackupKind,
  onVerifying: () => void = () => {},
): Promise<BackupInfo> {
  const p = beginCopy(dir, now, kind);
  try {
    const { facts, bytes, sha256 } = await copyInWorker(
      { dbFile: live.dbFile, target: p.tmpDb, cipher: live.cipher, requireChain: false },
      live.key,
      onVerifying,
    );
    copyKeyring(p, live.keyringFile);
    return finishCopy(p, now, kind, { bytes, sha256 }, facts);
  } catch (e) {
    discardCopy(p);
    throw e;
  }
}

/** The same copy in another folder (a USB drive, a share): byte for byte, checked by its hash before it counts. */
export function copyInto(from: BackupInfo, dir: string): BackupInfo {
  const src = path.join(from.folder, from.fileName);
  return placeCopy(
    dir,
    new Date(from.createdAt),
    from.kind,
    `${src}.keyring`,
    (target) => fs.copyFileSync(src, target),
    (dbFile) => {
      if (sha256File(dbFile) !== from.sha256) throw new Error('copy differs from its source');
      const { schemaVersion, station, audit, counts } = from;
      return { schemaVersion, station, audit, counts };
    },
  );
}

/**
 * The same as `copyInto`, with the file's bytes moved and hashed off the backend's thread (libuv's pool), as a copy
 * to a USB drive or a share may take seconds.
 */
export async function copyIntoAsync(from: BackupInfo, dir: string): Promise<BackupInfo> {
  const src = path.join(from.folder, from.fileName);
  const now = new Date(from.createdAt);
  const p = beginCopy(dir, now, from.kind);
  try {
    await fs.promises.copyFile(src, p.tmpDb);
    fsyncFile(p.tmpDb);
    copyKeyring(p, `${src}.keyring`);
    if ((await sha256FileAsync(p.tmpDb)) !== from.sha256) throw new Error('copy differs from its source');
    const { schemaVersion, station, audit, counts } = from;
    return finishCopy(
      p,
      now,
      from.kind,
      { bytes: from.bytes, sha256: from.sha256 },
      {
        schemaVersion,
        station,
        audit,
        counts,
      },
    );
  } catch (e) {
    discardCopy(p);
    throw e;
  }
}

function readManifest(file: string): CopyManifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as CopyManifest;
    return m.format === 1 && (BACKUP_KINDS as readonly string[]).includes(m.kind) ? m : null;
  } catch {
    return null;
  }
}

/** The copies in a folder, newest first; only those whose manifest was written (a cut-short copy has none). */
export function listCopies(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const f of fs.readdirSync(dir)) {
    if (!NAME.test(f) && !OLD_NAME.test(f)) continue;
    const m = readManifest(path.join(dir, `${f}.json`));
    if (!m) continue;
    let intact: boolean;
    try {
      intact = fs.statSync(path.join(dir, f)).size === m.bytes && fs.existsSync(path.join(dir, `${f}.keyring`));
    } catch {
      intact = false;
    }
    out.push({ ...m, fileName: f, folder: dir, intact });
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName));
}

/**
 * Removes what a killed copy left: temporary files, and a keyring or manifest whose database is gone. A database under
 * its final name without a manifest is left to `adoptUnverified`: it may be a whole copy (killed between the rename
 * and the manifest) or one of the first wave's, which had none.
 */
export function cleanPartials(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const f of fs.readdirSync(dir)) {
    const base = f.replace(/\.(keyring|json)$/, '');
    const dbGone = base !== f && (NAME.test(base) || OLD_NAME.test(base)) && !fs.existsSync(path.join(dir, base));
    if (f.startsWith(PARTIAL) || dbGone) {
      fs.rmSync(path.join(dir, f), { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * Copies without a manifest are checked with the key: a whole one gets its manifest and is listed from now on, a
 * broken one (cut short by a kill in the first wave) is removed with its keyring.
 */
export function adoptUnverified(dir: string, verify: (dbFile: string) => CopyFacts): void {
  if (!fs.existsSync(dir)) return;
  for (const f of fs.readdirSync(dir)) {
    const m = NAME.exec(f) ?? OLD_NAME.exec(f);
    if (!m || fs.existsSync(path.join(dir, `${f}.json`))) continue;
    const file = path.join(dir, f);
    const kind: BackupKind = m[2] === 'daily' || m[2] === 'manual' || m[2] === 'lock' ? m[2] : 'migration';
    try {
      if (!fs.existsSync(`${file}.keyring`)) throw new Error('no keyring');
      const facts = verify(file);
      const manifest: CopyManifest = {
        format: 1,
        kind,
        createdAt: fromStamp(m[1]!).toISOString(),
        bytes: fs.statSync(file).size,
        sha256: sha256File(file),
        ...facts,
      };
      writeFileAtomic(`${file}.json`, JSON.stringify(manifest, null, 1));
    } catch {
      removeCopyFiles(dir, f);
    }
  }
}

/** How many copies of each kind a folder keeps (ours). */
export interface Rotation {
  /** every daily copy of the last so many days */
  dailyDays: number;
  /** and the first daily copy of each of the last so many months */
  months: number;
  /** the newest of each other kind */
  manual: number;
  lock: number;
  migration: number;
}
export const DEFAULT_ROTATION: Rotation = { dailyDays: 14, months: 12, manual: 10, lock: 10, migration: 5 };

/** The copies rotation would remove: each kind by its own rule, so manual copies never push daily ones out. */
export function toRemove(copies: BackupInfo[], now: Date, r: Rotation): BackupInfo[] {
  const keep = new Set<BackupInfo>();
  const daily = copies.filter((c) => c.kind === 'daily' && c.intact);
  const since = dayjs(now).subtract(r.dailyDays, 'day');
  for (const c of daily) if (dayjs(c.createdAt).isAfter(since)) keep.add(c);
  const firstOfMonth = new Map<string, BackupInfo>();
  for (const c of daily) {
    const month = dayjs(c.createdAt).format('YYYY-MM');
    const seen = firstOfMonth.get(month);
    if (!seen || c.createdAt < seen.createdAt) firstOfMonth.set(month, c);
  }
  const oldestMonth = dayjs(now)
    .subtract(r.months - 1, 'month')
    .format('YYYY-MM');
  for (const [month, c] of firstOfMonth) if (month >= oldestMonth) keep.add(c);
  for (const kind of ['manual', 'lock', 'migration'] as const)
    for (const c of copies.filter((x) => x.kind === kind && x.intact).slice(0, r[kind])) keep.add(c);
  // a damaged copy is kept for the administrator to see; it never takes a good copy's place
  return copies.filter((c) => c.intact && !keep.has(c));
}

/** Removes every listed copy made before a moment, with its keyring and manifest; says how many. */
export function removeBefore(dir: string, before: string): number {
  const old = listCopies(dir).filter((c) => c.createdAt < before);
  for (const c of old) removeCopyFiles(dir, c.fileName);
  if (old.length) fsyncDir(dir);
  return old.length;
}

export function rotate(dir: string, now: Date, r: Rotation = DEFAULT_ROTATION): void {
  for (const c of toRemove(listCopies(dir), now, r)) removeCopyFiles(dir, c.fileName);
}
