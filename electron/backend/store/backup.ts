import fs from 'node:fs';
import dayjs from 'dayjs';
import path from 'node:path';
import type { RawDb } from './database';

export const BACKUP_DIR = 'backups';
const NAME = /^uchaske-(\d{8}-\d{6})(-[a-z0-9]+)?\.db$/;

export interface BackupInfo {
  fileName: string;
  bytes: number;
  createdAt: string;
}

/** local time: the station's day, not UTC's */
const stamp = (d: Date) => dayjs(d).format('YYYYMMDD-HHmmss');

/**
 * An encrypted copy with the same key (VACUUM INTO keeps the cipher; db.backup() and
 * serialize() would not). The keyring is copied beside it so the copy opens on its own.
 */
export function backupNow(db: RawDb, dataDir: string, keyringFile: string, now: Date, reason = ''): string {
  const dir = path.join(dataDir, BACKUP_DIR);
  fs.mkdirSync(dir, { recursive: true });
  const fileName = `uchaske-${stamp(now)}${reason ? `-${reason}` : ''}.db`;
  const target = path.join(dir, fileName);
  if (fs.existsSync(target)) fs.rmSync(target);
  db.prepare('VACUUM INTO ?').run(target);
  fs.copyFileSync(keyringFile, `${target}.keyring`);
  return fileName;
}

export function listBackups(dataDir: string): BackupInfo[] {
  const dir = path.join(dataDir, BACKUP_DIR);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .reverse()
    .map((fileName) => {
      const st = fs.statSync(path.join(dir, fileName));
      return { fileName, bytes: st.size, createdAt: st.mtime.toISOString() };
    });
}

/** Keeps the newest `keep` copies. */
export function rotateBackups(dataDir: string, keep: number): void {
  for (const b of listBackups(dataDir).slice(keep)) {
    const f = path.join(dataDir, BACKUP_DIR, b.fileName);
    fs.rmSync(f, { force: true });
    fs.rmSync(`${f}.keyring`, { force: true });
  }
}

export function hasBackupOn(dataDir: string, now: Date): boolean {
  const day = stamp(now).slice(0, 8);
  return listBackups(dataDir).some((b) => b.fileName.startsWith(`uchaske-${day}`));
}
