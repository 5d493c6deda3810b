import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { AppError, type SessionUser } from '../../shared/api';
import { openEncrypted, toKysely, type RawDb } from './store/database';
import { Keyring, KEY_BYTES, newRecoveryCode, DEFAULT_SCRYPT, type Cipher, type ScryptParams } from './store/keyring';
import { migrate, schemaVersion, MIGRATIONS } from './store/migrations';
import { DEFAULT_ROTATION, type BackupKind, type Rotation } from './store/backup';
import { writeFileAtomic } from './store/files';
import { auditHeadOf, isWhole, StationBackups, type BackupResult } from './backups';
import {
  finishRestore,
  previewCopy,
  restoreCandidates,
  stageRestore,
  type CopyPreview,
  type CopySecret,
  type OpenedCopy,
} from './restore';
import { settingsSchema } from '../../shared/api/station';
import dayjs from 'dayjs';
import type { DB } from './store/schema';
import type { Backups, Ctx, Db, Documents, Keys, Lifecycle, Session } from './context';
import { renderPdf } from './documents/render';
import { getSessionUser } from './modules/users/service';
import { readSettings } from './modules/station/service';

export interface BackendOptions {
  /** where the database, keyring and backups live */
  dataDir: string;
  /** fonts and other shipped files */
  resourcesDir: string;
  cipher?: Cipher;
  scrypt?: ScryptParams;
  clock?: () => Date;
  /** for tests of schema upgrades; the app uses MIGRATIONS */
  migrations?: typeof MIGRATIONS;
}

export const DB_FILE = 'uchaske.db';
export const KEYRING_FILE = 'uchaske.keyring';
/** the count of wrong passwords and the wait they earned: a restart of the program does not reset them (ours) */
const ATTEMPTS_FILE = 'unlock-attempts.json';

interface Open {
  raw: RawDb;
  db: Kysely<DB>;
  key: Buffer;
  user: SessionUser;
  lastActivity: number;
  idleMinutes: number;
}

/**
 * The station's backend as one object: locked (no key in memory) or unlocked by one
 * user. Both transports (Electron IPC, browser host) drive the same instance.
 */
export class Backend implements Lifecycle, Keys {
  readonly dataDir: string;
  readonly resourcesDir: string;
  private readonly cipher: Cipher;
  private readonly scrypt: ScryptParams;
  private readonly migrations: typeof MIGRATIONS;
  readonly clock: () => Date;
  private open: Open | null = null;
  /** shown once after setup or regeneration; kept only in memory, dropped at lock */
  private pendingRecoveryCode: string | null = null;
  private failures = 0;
  private waitUntil = 0;
  readonly copies: StationBackups;
  private readonly backups: Backups = {
    now: () => this.backup('manual'),
    list: () => this.copies.list(),
    destinations: () => this.copies.destinations(),
    setFolders: (folders) => this.copies.setFolders(folders),
    lastOutside: () => this.copies.lastOutside(),
  };
  private readonly documents: Documents = { pdf: (dd) => renderPdf(this.resourcesDir, dd) };
  private readonly sessionControl: Session = {
    setUser: (u) => this.setSession(u),
    setIdleMinutes: (m) => this.setIdleMinutes(m),
  };

  constructor(o: BackendOptions) {
    this.dataDir = o.dataDir;
    this.resourcesDir = o.resourcesDir;
    this.cipher = o.cipher ?? 'sqlcipher';
    this.scrypt = o.scrypt ?? DEFAULT_SCRYPT;
    this.clock = o.clock ?? (() => new Date());
    this.migrations = o.migrations ?? MIGRATIONS;
    fs.mkdirSync(this.dataDir, { recursive: true });
    this.loadAttempts();
    // a restore that was staged and marked ready before a crash is finished first; one not ready is dropped
    finishRestore(this.dataDir, this.files);
    this.copies = new StationBackups(this.dataDir, this.keyringFile, () => this.keyring().cipher);
    this.copies.clean();
  }

  private get files() {
    return { db: DB_FILE, keyring: KEYRING_FILE };
  }
  get dbFile(): string {
    return path.join(this.dataDir, DB_FILE);
  }
  get keyringFile(): string {
    return path.join(this.dataDir, KEYRING_FILE);
  }
  get isSetUp(): boolean {
    return Keyring.exists(this.keyringFile);
  }
  get session(): SessionUser | null {
    return this.open?.user ?? null;
  }
  get idleMinutes(): number | null {
    return this.open?.idleMinutes ?? null;
  }
  get raw(): RawDb {
    return this.require().raw;
  }

  private require(): Open {
    if (!this.open) throw new AppError('LOCKED', 'errors.locked');
    return this.open;
  }

  /** The handler context; locks first when the idle time has passed. */
  context(): Ctx {
    const o = this.require();
    const now = this.clock();
    if (now.getTime() - o.lastActivity > o.idleMinutes * 60_000) {
      this.lock();
      throw new AppError('LOCKED', 'errors.idleLocked');
    }
    o.lastActivity = now.getTime();
    return {
      db: o.db,
      user: o.user,
      now,
      keys: this,
      backups: this.backups,
      documents: this.documents,
      session: this.sessionControl,
    };
  }

  keyring(): Keyring {
    return Keyring.load(this.keyringFile);
  }

  /**
   * First run: a random key, the database with its schema, the first user's keyslot and
   * the recovery slot, then the first backup. `init` writes the station and returns the user id.
   */
  async create(
    init: (scope: { db: Db; now: Date; user: null }) => Promise<number>,
    login: string,
    password: string,
  ): Promise<{ recoveryCode: string; userId: number }> {
    if (this.isSetUp) throw new AppError('CONFLICT', 'errors.alreadySetUp');
    const files = [this.dbFile, `${this.dbFile}-wal`, `${this.dbFile}-shm`];
    for (const f of files) fs.rmSync(f, { force: true });
    const key = crypto.randomBytes(KEY_BYTES);
    const raw = openEncrypted(this.dbFile, key, this.cipher);
    let userId: number;
    try {
      migrate(raw, this.migrations);
      const db = toKysely(raw);
      userId = await init({ db, now: this.clock(), user: null });
      this.attach(raw, db, key, userId);
    } catch (e) {
      raw.close();
      for (const f of files) fs.rmSync(f, { force: true });
      throw e;
    }
    const recoveryCode = newRecoveryCode();
    const ring = Keyring.create(this.keyringFile, this.cipher, key, recoveryCode, this.scrypt);
    ring.setSlot(login, userId, key, password);
    this.pendingRecoveryCode = recoveryCode;
    // the first day's copy: the station exists from now on
    this.copies.make(raw, key, this.clock(), 'daily');
    return { recoveryCode, userId };
  }

  private checkRate(): void {
    const now = this.clock().getTime();
    if (now < this.waitUntil) {
      throw new AppError('RATE_LIMITED', 'errors.tooManyAttempts', {
        waitSeconds: Math.ceil((this.waitUntil - now) / 1000),
      });
    }
  }
  private failed(messageKey = 'errors.wrongLogin', fields?: AppError['fields']): never {
    this.failures++;
    // first three mistakes are free, then 1 s, 2 s, 4 s ... up to five minutes
    if (this.failures >= 3) this.waitUntil = this.clock().getTime() + Math.min(300, 2 ** (this.failures - 3)) * 1000;
    this.saveAttempts();
    throw new AppError('AUTH', messageKey, undefined, fields);
  }
  private succeeded(): void {
    this.failures = 0;
    this.waitUntil = 0;
    fs.rmSync(path.join(this.dataDir, ATTEMPTS_FILE), { force: true });
  }
  private loadAttempts(): void {
    try {
      const a = JSON.parse(fs.readFileSync(path.join(this.dataDir, ATTEMPTS_FILE), 'utf8')) as Record<string, unknown>;
      if (typeof a.failures === 'number' && typeof a.waitUntil === 'number') {
        this.failures = a.failures;
        this.waitUntil = a.waitUntil;
      }
    } catch {
      // none yet
    }
  }
  private saveAttempts(): void {
    try {
      writeFileAtomic(
        path.join(this.dataDir, ATTEMPTS_FILE),
        JSON.stringify({ failures: this.failures, waitUntil: this.waitUntil }),
      );
    } catch {
      // the wait still holds in memory
    }
  }

  /** The copies a restore may choose from: this PC's, every destination's, and a folder the person names. */
  copiesToRestore(folder: string | null) {
    const dirs = [this.copies.home, ...this.copies.folders(), ...(folder ? [path.resolve(folder)] : [])];
    return restoreCandidates(dirs);
  }

  /** A wrong password or code counts against the same waiting time as at unlock. */
  private previewGuarded(file: string, secret: CopySecret): OpenedCopy {
    this.checkRate();
    try {
      return previewCopy(file, secret, this.migrations[this.migrations.length - 1]!.version);
    } catch (e) {
      if (e instanceof AppError && e.code === 'AUTH') this.failed(e.messageKey, e.fields);
      throw e;
    }
  }

  inspectCopy(file: string, secret: CopySecret): CopyPreview {
    const { key, userId: _u, cipher: _c, ...preview } = this.previewGuarded(file, secret);
    key.fill(0);
    return preview;
  }

  /**
   * Restores a copy: staged and checked beside the data, then the current files are moved aside (never deleted) and
   * the copy put in their place. The program is locked on the restored data afterwards.
   */
  async restoreCopy(file: string, secret: CopySecret): Promise<CopyPreview> {
    const preview = this.previewGuarded(file, secret);
    try {
      await stageRestore(this.dataDir, preview, this.clock(), this.files);
    } finally {
      preview.key.fill(0);
    }
    this.lock();
    finishRestore(this.dataDir, this.files);
    this.succeeded();
    const { key: _key, userId: _u, cipher: _c, ...shown } = preview;
    return shown;
  }

  async unlock(login: string, password: string): Promise<SessionUser> {
    if (!this.isSetUp) throw new AppError('CONFLICT', 'errors.notSetUp');
    this.checkRate();
    const got = this.keyring().unlock(login, password);
    if (!got) this.failed();
    return this.openWith(got.key, got.userId);
  }

  async unlockWithRecovery(login: string, code: string, newPassword: string): Promise<SessionUser> {
    if (!this.isSetUp) throw new AppError('CONFLICT', 'errors.notSetUp');
    this.checkRate();
    const ring = this.keyring();
    const key = ring.unlockWithRecovery(code);
    if (!key) this.failed();
    const raw = this.openRaw(key);
    const row = raw.prepare('SELECT id FROM users WHERE login = ? AND active = 1').get(login) as
      { id: number } | undefined;
    raw.close();
    if (!row) {
      key.fill(0);
      throw new AppError('NOT_FOUND', 'errors.unknownLogin');
    }
    ring.setSlot(login, row.id, key, newPassword);
    const user = await this.openWith(key, row.id);
    await this.open!.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', row.id).execute();
    this.open!.user = { ...user, mustChangePassword: false };
    return this.open!.user;
  }

  private openRaw(key: Buffer): RawDb {
    try {
      return openEncrypted(this.dbFile, key, this.keyring().cipher);
    } catch {
      throw new AppError('INTERNAL', 'errors.databaseUnreadable');
    }
  }

  private async openWith(key: Buffer, userId: number): Promise<SessionUser> {
    this.lock();
    const raw = this.openRaw(key);
    const now = this.clock();
    const today = dayjs(now).format('YYYY-MM-DD');
    const firstToday = !this.copies
      .list()
      .some((c) => c.kind === 'daily' && dayjs(c.createdAt).format('YYYY-MM-DD') === today);
    // once a day, before anything is written (the migration, the daily copy): a damaged file is not written to, and
    // the person is sent to the newest verified copy (ours, after SQLite's own advice)
    if (firstToday && !isWhole(raw)) {
      raw.close();
      key.fill(0);
      throw new AppError('INTERNAL', 'errors.databaseDamaged');
    }
    try {
      const version = schemaVersion(raw);
      if (version < this.migrations[this.migrations.length - 1]!.version) {
        this.copies.make(raw, key, now, 'migration', this.rotation(raw));
        migrate(raw, this.migrations);
      }
      const db = toKysely(raw);
      this.attach(raw, db, key, userId);
      const user = await getSessionUser(db, userId);
      if (!user) throw new AppError('AUTH', 'errors.wrongLogin');
      this.open!.user = user;
      const settings = await readSettings(db);
      this.open!.idleMinutes = settings.idleMinutes;
      this.copies.adopt(key);
      if (firstToday) this.copies.make(raw, key, now, 'daily', this.rotation(raw));
    } catch (e) {
      this.lock();
      throw e;
    }
    this.succeeded();
    return this.open!.user;
  }

  private attach(raw: RawDb, db: Kysely<DB>, key: Buffer, userId: number): void {
    this.open = {
      raw,
      db,
      key,
      user: {
        id: userId,
        login: '',
        surname: '',
        name: '',
        patronymic: '',
        role: 'inspector',
        mustChangePassword: false,
      },
      lastActivity: this.clock().getTime(),
      idleMinutes: 10,
    };
  }

  setSession(user: SessionUser): void {
    this.require().user = user;
  }
  setIdleMinutes(m: number): void {
    this.require().idleMinutes = m;
  }

  /** Key operations for the users module: the key never leaves this object. */
  writeSlot(login: string, userId: number, password: string): void {
    this.keyring().setSlot(login, userId, this.require().key, password);
  }
  removeSlot(userId: number): void {
    this.keyring().removeSlot(userId);
  }
  checkPassword(login: string, password: string): boolean {
    const got = this.keyring().unlock(login, password);
    got?.key.fill(0);
    return got !== null;
  }
  auditHead() {
    return this.keyring().auditHead(this.require().key);
  }
  regenerateRecovery(): string {
    const code = newRecoveryCode();
    this.keyring().setRecovery(this.require().key, code);
    this.pendingRecoveryCode = code;
    return code;
  }
  get recoveryCodeToPrint(): string | null {
    return this.pendingRecoveryCode;
  }

  /** The station's rule for daily copies, read straight from the open file (lock has no time for Kysely). */
  private rotation(raw: RawDb): Rotation {
    try {
      const r = raw.prepare('SELECT settings_json FROM station WHERE id = 1').get() as { settings_json: string };
      const keep = settingsSchema.shape.backupKeep.safeParse(JSON.parse(r.settings_json).backupKeep);
      return keep.success ? { ...DEFAULT_ROTATION, dailyDays: keep.data } : DEFAULT_ROTATION;
    } catch {
      return DEFAULT_ROTATION;
    }
  }

  /**
   * A copy now. A manual one is refused while the newest copy is under a minute old and nothing changed since, so
   * that a held key or an impatient click cannot fill the disk (ours).
   */
  backup(kind: BackupKind): BackupResult {
    const o = this.require();
    const now = this.clock();
    const newest = this.copies.list()[0];
    if (
      kind === 'manual' &&
      newest &&
      now.getTime() - new Date(newest.createdAt).getTime() < 60_000 &&
      !this.copies.changedSince(auditHeadOf(o.raw), newest)
    )
      throw new AppError('CONFLICT', 'backup.tooSoon');
    return this.copies.make(o.raw, o.key, now, kind, this.rotation(o.raw));
  }

  /** Clears the screen's session and takes the key out of memory. */
  lock(): void {
    this.pendingRecoveryCode = null;
    if (!this.open) return;
    const o = this.open;
    this.open = null;
    let head: { rows: number; hash: string } | null = null;
    try {
      head = auditHeadOf(o.raw);
      this.keyring().setAuditHead(o.key, head);
    } catch {
      // the head is checked against at the next verify; an old one is still a true prefix
    }
    try {
      // what was done since the last copy leaves with the person too
      if (head && this.copies.changedSince(head, this.copies.list()[0]))
        this.copies.make(o.raw, o.key, this.clock(), 'lock', this.rotation(o.raw));
    } catch {
      // a copy that fails here is retried at the next lock or unlock; locking itself must not fail
    }
    try {
      o.raw.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // a checkpoint is housekeeping; the WAL is encrypted either way
    }
    o.raw.close();
    o.key.fill(0);
  }
}
