import type { Kysely } from 'kysely';
import type { RenderProgress } from './documents/render';
import type { FormJob } from './documents/forms';
import type { TodayWindow } from '../../shared/rules/today';
import type { DueItem, SessionUser } from '../../shared/api';
import type { DB } from './store/schema';
import type { BackupInfo } from './store/backup';
import type { AuditHead } from './store/keyring';
import type { BackupProgress, BackupResult, Destination } from './backups';
import type { CopyPreview, CopySecret } from './restore';
import type { CallUnit } from './change';
import type { StationUpdater } from './modules/updates/updater';

/** The database as a service sees it; an open transaction is one too. Services speak Kysely only. */
export type Db = Kysely<DB>;

/**
 * The keyring's operations a module may ask for; the database key itself never leaves the backend object. Those that
 * revoke a secret (a replaced or removed slot, a new recovery code) give the database a new key, which SQLite cannot
 * do inside a transaction: the caller commits its writes first (`commitNow`).
 */
export interface Keys {
  writeSlot(login: string, userId: number, password: string): Promise<void>;
  removeSlot(userId: number): Promise<void>;
  /** throws when a revocation could not change the database key (a format-1 recovery code: renew it first) */
  requireRotatable(): void;
  /** the recovery code is of an earlier build and must be renewed once */
  readonly recoveryNeedsRenewal: boolean;
  checkPassword(login: string, password: string): boolean;
  /** whether a password is the signed-in person's own current one (not counted as a try: he is signed in) */
  isOwnPassword(login: string, password: string): boolean;
  /** the audit chain's head recorded outside the database at the last lock (see store/keyring.ts) */
  auditHead(): AuditHead | 'forged' | null;
  /** a new recovery code; the old one stops working */
  regenerateRecovery(): Promise<string>;
  /** the code issued in this session, until lock, for its printed sheet */
  readonly recoveryCodeToPrint: string | null;
}

/** Encrypted copies of the open database. */
export interface Backups {
  /** a manual copy, to the data folder and every destination folder */
  now(): Promise<BackupResult>;
  /** where the copy being made is, if one is */
  progress(): BackupProgress | null;
  list(): BackupInfo[];
  destinations(): Destination[];
  setFolders(folders: string[]): string[];
  lastOutside(): string | null;
  /** deletes the copies made before a moment, everywhere it can; a fresh copy first when none is newer */
  deleteBefore(before: string): Promise<{ removed: number; missed: string[]; made: BackupInfo | null }>;
}

/** The printed forms: a form's name and data in, the PDF's bytes out (built in the PDF worker pool). */
export interface Documents {
  pdf(job: FormJob): Promise<Buffer>;
  /** the document being built now, by pages, and whether its first page is ready; null when none is */
  progress(): (RenderProgress & { firstPage: boolean }) | null;
  /** that document's first page, shown before the whole (issue 14); null until it is ready or when none is */
  firstPage(): Buffer | null;
}

/** The program's own updates: the source, the signed release found there, its download and install. */
export type Updates = Pick<
  StationUpdater,
  'source' | 'setSource' | 'status' | 'check' | 'download' | 'requireInstallable' | 'installNow' | 'installWhenClosing'
>;

/** What the session keeps about its user between calls. */
export interface Session {
  setUser(user: SessionUser): void;
  setIdleMinutes(minutes: number): void;
}

/** What a handler and a service get: the database (perhaps a transaction), who is calling, the time, and the few
 * backend services modules use. */
export interface Ctx {
  db: Db;
  user: SessionUser;
  now: Date;
  keys: Keys;
  backups: Backups;
  documents: Documents;
  updates: Updates;
  session: Session;
  /** the call's unit of work: its writes commit when the answer is checked (see change.ts) */
  unit?: CallUnit;
}

/** Locking and unlocking: the only calls made without an unlocked session. */
export interface Lifecycle {
  readonly state: 'setup' | 'keyringMissing' | 'locked' | 'unlocked';
  readonly session: SessionUser | null;
  readonly idleMinutes: number | null;
  readonly clock: () => Date;
  create(
    init: (scope: { db: Db; now: Date; user: null }) => Promise<number>,
    login: string,
    password: string,
  ): Promise<{ recoveryCode: string; userId: number }>;
  unlock(login: string, password: string): Promise<SessionUser>;
  unlockWithRecovery(login: string, code: string, newPassword: string): Promise<SessionUser>;
  lock(): void;
  copiesToRestore(folder: string | null): (BackupInfo & { file: string })[];
  inspectCopy(file: string, secret: CopySecret): CopyPreview;
  restoreCopy(file: string, secret: CopySecret): Promise<CopyPreview>;
  putBackKeyring(file: string, secret: CopySecret): Promise<void>;
}

/** What the router hands every handler. */
export interface HandlerEnv {
  /** the caller's context; the router has already checked the role */
  ctx: () => Ctx;
  lifecycle: Lifecycle;
  /** what every module's deadlines say is due for the caller on a date (the Today screen) */
  dueItems: (ctx: Ctx, date: string, window: TodayWindow) => Promise<DueItem[]>;
}
