import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api';
import { openEncrypted, type RawDb } from './store/database';
import type { Cipher } from './store/keyring';
import { schemaVersion } from './store/migrations';
import {
  adoptUnverified,
  BACKUP_DIR,
  cleanPartials,
  copyInto,
  copyIntoAsync,
  DEFAULT_ROTATION,
  listCopies,
  removeBefore,
  rotate,
  writeCopy,
  writeCopyInWorker,
  type BackupInfo,
  type BackupKind,
  type CopyFacts,
  type Rotation,
} from './store/backup';
import { checkChain } from './modules/audit/service';
import { writeFileAtomic } from './store/files';

/** The tables whose counts a copy shows before it is restored (ours). */
const COUNTED = [
  'users',
  'citizens',
  'receptions',
  'person_files',
  'notebook_entries',
  'meetings',
  'handover_acts',
  'audit_log',
] as const;

/** SQLite's own check of every page; a file too damaged to be checked is not whole either. */
export function isWhole(raw: RawDb): boolean {
  try {
    return raw.pragma('integrity_check', { simple: true }) === 'ok';
  } catch {
    return false;
  }
}

/** The audit chain's newest row and the count: every change writes one, so it also says whether anything changed. */
export function auditHeadOf(raw: RawDb): { rows: number; hash: string } {
  const h = raw
    .prepare('SELECT count(*) AS rows, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash FROM audit_log')
    .get() as { rows: number; hash: string | null };
  return { rows: h.rows, hash: h.hash ?? '' };
}

/** What an open database holds, after SQLite's own check of every page and the audit chain's check of every row. */
export function copyFacts(raw: RawDb, o: { requireChain: boolean } = { requireChain: true }): CopyFacts {
  if (!isWhole(raw)) throw new AppError('VALIDATION', 'backup.damaged');
  const rows = raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Parameters<typeof checkChain>[0];
  const chain = checkChain(rows);
  if (!chain.ok && o.requireChain) throw new AppError('VALIDATION', 'backup.auditBroken');
  const counts: Record<string, number> = {};
  for (const t of COUNTED) counts[t] = (raw.prepare(`SELECT count(*) n FROM ${t}`).get() as { n: number }).n;
  const st = raw.prepare('SELECT upp_number, upp_name FROM station WHERE id = 1').get() as
    { upp_number: string; upp_name: string } | undefined;
  return {
    schemaVersion: schemaVersion(raw),
    station: st ? `${st.upp_number} ${st.upp_name}`.trim() : '',
    audit: { rows: chain.rows, head: rows.at(-1)?.hash ?? chain.head, ok: chain.ok },
    counts,
  };
}

/** Opens a copy with a key and checks it whole; any failure is the copy's fault, said in the person's language. */
export function verifyCopyFile(
  dbFile: string,
  key: Buffer,
  cipher: Cipher,
  o: { requireChain: boolean } = { requireChain: true },
): CopyFacts {
  let raw: RawDb;
  try {
    // SQLite takes an empty file for an empty database
    if (fs.statSync(dbFile).size === 0) throw new Error('empty');
    raw = openEncrypted(dbFile, key, cipher, { readonly: true });
  } catch {
    throw new AppError('VALIDATION', 'backup.unreadable');
  }
  try {
    return copyFacts(raw, o);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', 'backup.damaged');
  } finally {
    raw.close();
  }
}

/** A folder copies also go to, and how the last copy there went. */
export interface Destination {
  folder: string;
  /** the folder is there (a USB drive plugged in) */
  present: boolean;
  copies: BackupInfo[];
}
/** Where a copy being made is: written, checked, then taken to each folder. */
export interface BackupProgress {
  step: 'writing' | 'verifying' | 'folders';
  /** folders done of all, in the `folders` step */
  done: number;
  total: number;
}

export interface BackupResult {
  copy: BackupInfo;
  /** folders that did not take the copy, with why (never fatal: the copy in the data folder stands) */
  missed: { folder: string; messageKey: string }[];
}

const FOLDERS_FILE = 'backup-folders.json';

/**
 * Where the station's copies go and when. The list of folders is the PC's, not the data's (a USB drive's letter), so
 * it lives beside the database in plain text, readable while locked for a restore. (ours)
 */
export class StationBackups {
  constructor(
    private readonly dataDir: string,
    private readonly keyringFile: string,
    private readonly cipher: () => Cipher,
  ) {}

  get home(): string {
    return path.join(this.dataDir, BACKUP_DIR);
  }

  folders(): string[] {
    try {
      const j = JSON.parse(fs.readFileSync(path.join(this.dataDir, FOLDERS_FILE), 'utf8')) as { folders?: unknown };
      return Array.isArray(j.folders) ? j.folders.filter((f): f is string => typeof f === 'string') : [];
    } catch {
      return [];
    }
  }

  /** Each folder must exist and take a file; the data folder itself is no destination. */
  setFolders(folders: string[]): string[] {
    // a chosen folder is a whole path: a relative one would follow the process's working folder (ours)
    folders.forEach((f, i) => {
      if (!path.isAbsolute(f.trim()))
        throw new AppError('VALIDATION', 'backup.folderNotAbsolute', undefined, [
          { path: `folders.${i}`, messageKey: 'backup.folderNotAbsolute' },
        ]);
    });
    const clean = [...new Set(folders.map((f) => path.resolve(f.trim())))];
    clean.forEach((folder, i) => {
      const field = [{ path: `folders.${i}`, messageKey: 'backup.folderUnusable', params: { folder } }];
      // the data folder or anything inside it (its backups/ among them) is on the same disk
      if (folder === this.dataDir || folder.startsWith(this.dataDir + path.sep))
        throw new AppError('VALIDATION', 'backup.folderIsDataFolder', undefined, [
          { path: `folders.${i}`, messageKey: 'backup.folderIsDataFolder' },
        ]);
      try {
        const probe = path.join(folder, `.uchaske-probe-${process.pid}`);
        fs.writeFileSync(probe, '');
        fs.rmSync(probe);
      } catch {
        throw new AppError('VALIDATION', 'backup.folderUnusable', { folder }, field);
      }
    });
    writeFileAtomic(path.join(this.dataDir, FOLDERS_FILE), JSON.stringify({ folders: clean }, null, 1));
    return clean;
  }

  /** At start: what a killed copy left is removed from every folder. */
  clean(): void {
    for (const dir of [this.home, ...this.folders()]) {
      try {
        cleanPartials(dir);
      } catch {
        // a folder that is not there now is cleaned when it is
      }
    }
  }

  list(): BackupInfo[] {
    return listCopies(this.home);
  }

  /** With the key at hand: copies that have no manifest are checked and listed, or removed when broken. */
  adopt(key: Buffer): void {
    for (const dir of [this.home, ...this.folders()])
      try {
        adoptUnverified(dir, (file) => verifyCopyFile(file, key, this.cipher(), { requireChain: false }));
      } catch {
        // a folder that is not there now is seen to when it is
      }
  }

  destinations(): Destination[] {
    return this.folders().map((folder) => {
      const present = fs.existsSync(folder);
      return { folder, present, copies: present ? listCopies(folder) : [] };
    });
  }

  /** When a copy last reached a folder outside the data folder, if ever. */
  lastOutside(): string | null {
    const all = this.destinations().flatMap((d) => d.copies.filter((c) => c.intact));
    return all.reduce<string | null>((max, c) => (max === null || c.createdAt > max ? c.createdAt : max), null);
  }

  /** Whether anything changed since a copy: the live audit head (`auditHeadOf`) against the copy's. */
  changedSince(head: { rows: number; hash: string }, copy: BackupInfo | undefined): boolean {
    if (!copy) return true;
    return head.hash !== copy.audit.head && !(head.rows === 0 && copy.audit.rows === 0);
  }

  /**
   * Deletes the copies made before a moment in the data folder and every destination that is there now. Each copy
   * keeps the keyring it was made with, so the secrets valid then open it: after revoking a person, the copies from
   * before are the ones he could still read (ours). A destination that is out (USB) is reported and keeps its copies.
   */
  removeBefore(before: string): { removed: number; missed: string[] } {
    let removed = removeBefore(this.home, before);
    const missed: string[] = [];
    for (const folder of this.folders()) {
      try {
        if (!fs.existsSync(folder)) throw new Error('not there');
        removed += removeBefore(folder, before);
      } catch {
        missed.push(folder);
      }
    }
    return { removed, missed };
  }

  /**
   * The same copy as `make`, written and checked in a worker thread and taken to the folders off the backend's
   * thread: the desk goes on meanwhile. `make` stays for the lock, which closes the file right after.
   */
  async makeInWorker(
    live: { dbFile: string; key: Buffer },
    now: Date,
    kind: BackupKind,
    rotation: Rotation = DEFAULT_ROTATION,
    onProgress: (p: BackupProgress) => void = () => {},
  ): Promise<BackupResult> {
    cleanPartials(this.home);
    this.adopt(live.key);
    const folders = this.folders();
    onProgress({ step: 'writing', done: 0, total: folders.length });
    const copy = await writeCopyInWorker(
      { ...live, cipher: this.cipher(), keyringFile: this.keyringFile },
      this.home,
      now,
      kind,
      () => onProgress({ step: 'verifying', done: 0, total: folders.length }),
    );
    rotate(this.home, now, rotation);
    const missed: BackupResult['missed'] = [];
    for (const [i, folder] of folders.entries()) {
      onProgress({ step: 'folders', done: i, total: folders.length });
      if (!fs.existsSync(folder)) {
        missed.push({ folder, messageKey: 'backup.folderMissing' });
        continue;
      }
      try {
        cleanPartials(folder);
        await copyIntoAsync(copy, folder);
        rotate(folder, now, rotation);
      } catch {
        missed.push({ folder, messageKey: 'backup.folderFailed' });
      }
    }
    return { copy, missed };
  }

  make(raw: RawDb, key: Buffer, now: Date, kind: BackupKind, rotation: Rotation = DEFAULT_ROTATION): BackupResult {
    cleanPartials(this.home);
    this.adopt(key);
    // a chain already broken in the database is copied faithfully, not refused: the copy is the evidence
    const copy = writeCopy(raw, this.home, this.keyringFile, now, kind, (file) =>
      verifyCopyFile(file, key, this.cipher(), { requireChain: false }),
    );
    rotate(this.home, now, rotation);
    const missed: BackupResult['missed'] = [];
    for (const folder of this.folders()) {
      if (!fs.existsSync(folder)) {
        missed.push({ folder, messageKey: 'backup.folderMissing' });
        continue;
      }
      try {
        cleanPartials(folder);
        copyInto(copy, folder);
        rotate(folder, now, rotation);
      } catch {
        missed.push({ folder, messageKey: 'backup.folderFailed' });
      }
    }
    return { copy, missed };
  }
}
