import fs from 'node:fs';
import path from 'node:path';
import dayjs from 'dayjs';
import { AppError } from '../../shared/api';
import { inGroup, isRole } from '../../shared/api/roles';
import { openEncrypted, toKysely } from './store/database';
import { Keyring, type Cipher } from './store/keyring';
import { listCopies, type BackupInfo } from './store/backup';
import { fsyncDir, fsyncFile, writeFileAtomic } from './store/files';
import { change } from './change';
import { verifyCopyFile } from './backups';
import type { CopyFacts } from './store/backup';

/** How the person opens a copy: a password that was valid in it (an administrator's), or the recovery code. */
export type CopySecret = { login: string; password: string } | { recoveryCode: string };

export interface CopyPreview extends CopyFacts {
  file: string;
  createdAt: string;
}
/** A copy opened once: its preview, its key and who opened it, so that staging need not unwrap the key again. */
export interface OpenedCopy extends CopyPreview {
  key: Buffer;
  userId: number | null;
  cipher: Cipher;
}

const STAGING = 'restore-pending';
const READY = 'READY';

/** The key of a copy from its own keyring, and who opened it; a wrong secret is an AUTH error. */
export function openCopyKey(file: string, secret: CopySecret): { key: Buffer; userId: number | null; ring: Keyring } {
  let ring: Keyring;
  try {
    ring = Keyring.load(`${file}.keyring`);
  } catch {
    throw new AppError('VALIDATION', 'restore.noKeyring', undefined, [
      { path: 'file', messageKey: 'restore.noKeyring' },
    ]);
  }
  if (!ring.costWithin())
    throw new AppError('VALIDATION', 'restore.keyringForeign', undefined, [
      { path: 'file', messageKey: 'restore.keyringForeign' },
    ]);
  if ('recoveryCode' in secret) {
    const key = ring.unlockWithRecovery(secret.recoveryCode)?.key;
    if (!key)
      throw new AppError('AUTH', 'restore.wrongCode', undefined, [
        { path: 'recoveryCode', messageKey: 'restore.wrongCode' },
      ]);
    return { key, userId: null, ring };
  }
  const got = ring.unlock(secret.login, secret.password);
  if (!got)
    throw new AppError('AUTH', 'errors.wrongLogin', undefined, [{ path: 'password', messageKey: 'errors.wrongLogin' }]);
  return { key: got.key, userId: got.userId, ring };
}

/**
 * What a copy holds, checked whole, before anything changes. A password opens it only when its user kept the
 * station's keys in that copy (ours: an inspector does not roll the station back).
 */
export function previewCopy(file: string, secret: CopySecret, latestVersion: number): OpenedCopy {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new AppError('NOT_FOUND', 'restore.noFile', undefined, [{ path: 'file', messageKey: 'restore.noFile' }]);
  const { key, userId, ring } = openCopyKey(file, secret);
  let facts: CopyFacts;
  try {
    facts = verifyCopyFile(file, key, ring.cipher);
  } catch (e) {
    // said beside the chosen copy, where the person looks
    if (e instanceof AppError)
      throw new AppError(e.code, e.messageKey, e.details, [{ path: 'file', messageKey: e.messageKey }]);
    throw e;
  }
  if (facts.schemaVersion > latestVersion)
    throw new AppError('VALIDATION', 'restore.tooNew', undefined, [{ path: 'file', messageKey: 'restore.tooNew' }]);
  if (userId !== null) {
    const raw = openEncrypted(file, key, ring.cipher, { readonly: true });
    const u = raw.prepare('SELECT role, active FROM users WHERE id = ?').get(userId) as
      { role: string; active: number } | undefined;
    raw.close();
    if (!u || u.active !== 1 || !isRole(u.role) || !inGroup('stationAdmins', u.role))
      throw new AppError('FORBIDDEN', 'restore.notAdmin', undefined, [
        { path: 'login', messageKey: 'restore.notAdmin' },
      ]);
  }
  const manifest = listCopies(path.dirname(file)).find((c) => c.fileName === path.basename(file));
  const createdAt = manifest?.createdAt ?? fs.statSync(file).mtime.toISOString();
  return { ...facts, file, createdAt, key, userId, cipher: ring.cipher };
}

/** The copies a restore can choose from: the data folder's, every destination's, and a folder the person names. */
export function restoreCandidates(folders: string[]): (BackupInfo & { file: string })[] {
  return [...new Set(folders)].flatMap((dir) => {
    try {
      return listCopies(dir).map((c) => ({ ...c, file: path.join(dir, c.fileName) }));
    } catch {
      return [];
    }
  });
}

/**
 * Stages the copy beside the data: copied, its restore audited in it, checked again, fsynced, then marked ready.
 * Until the mark, a crash leaves the station as it was; after it, the next start finishes the swap.
 */
export async function stageRestore(
  dataDir: string,
  preview: OpenedCopy,
  now: Date,
  files: { db: string; keyring: string },
): Promise<void> {
  const staging = path.join(dataDir, STAGING);
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging);
  const db = path.join(staging, files.db);
  fs.copyFileSync(preview.file, db);
  fs.copyFileSync(`${preview.file}.keyring`, path.join(staging, files.keyring));
  const { userId, cipher } = preview;
  const raw = openEncrypted(db, preview.key, cipher);
  try {
    await change({ db: toKysely(raw), now, user: userId === null ? null : { id: userId } }, (tx) =>
      tx.audit({
        action: 'backup.restore',
        entity: 'station',
        entityId: 1,
        after: {
          copy: path.basename(preview.file),
          createdAt: preview.createdAt,
          by: userId !== null ? 'password' : 'code',
        },
      }),
    );
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.pragma('journal_mode = DELETE');
  } finally {
    raw.close();
  }
  verifyCopyFile(db, preview.key, cipher);
  for (const f of fs.readdirSync(staging)) fsyncFile(path.join(staging, f));
  fsyncDir(staging);
  // the folder the current files go to is chosen now, once: a restart that finishes the swap uses the same one
  const base = `replaced-${dayjs(now).format('YYYYMMDD-HHmmss')}`;
  let aside = base;
  for (let i = 2; fs.existsSync(path.join(dataDir, aside)); i++) aside = `${base}-${i}`;
  writeFileAtomic(path.join(staging, READY), JSON.stringify({ aside }));
}

/**
 * Puts a staged copy in place, the current files moved aside into `replaced-<date>/`, never deleted. Safe to run
 * again after a crash at any step: a file still in staging is the new one, one in the data folder beside it the old.
 * Returns false when nothing was staged (or staging never finished, which is then dropped).
 */
export function finishRestore(dataDir: string, files: { db: string; keyring: string }): boolean {
  const staging = path.join(dataDir, STAGING);
  if (!fs.existsSync(staging)) return false;
  const ready = path.join(staging, READY);
  if (!fs.existsSync(ready)) {
    fs.rmSync(staging, { recursive: true, force: true });
    return false;
  }
  const aside = path.join(dataDir, (JSON.parse(fs.readFileSync(ready, 'utf8')) as { aside: string }).aside);
  fs.mkdirSync(aside, { recursive: true });
  const moveAside = (name: string) => {
    const f = path.join(dataDir, name);
    if (fs.existsSync(f)) fs.renameSync(f, path.join(aside, name));
  };
  // the old database's WAL belongs with it: moved while the new database still waits in staging
  if (fs.existsSync(path.join(staging, files.db))) {
    moveAside(`${files.db}-wal`);
    moveAside(`${files.db}-shm`);
  }
  for (const name of [files.db, files.keyring]) {
    const staged = path.join(staging, name);
    if (!fs.existsSync(staged)) continue;
    moveAside(name);
    fsyncDir(aside);
    fs.renameSync(staged, path.join(dataDir, name));
    fsyncDir(dataDir);
  }
  fs.rmSync(staging, { recursive: true, force: true });
  // a first run had nothing to move aside
  if (fs.readdirSync(aside).length === 0) fs.rmdirSync(aside);
  fsyncDir(dataDir);
  return true;
}
