import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { AppError, type SessionUser } from '../../shared/api';
import { liveKysely, openEncrypted, rekeyedCopy, toKysely, type RawDb } from './store/database';
import {
  Keyring,
  KEY_BYTES,
  newRecoveryCode,
  DEFAULT_SCRYPT,
  type Cipher,
  type Opened,
  type ScryptParams,
} from './store/keyring';
import { migrate, schemaVersion, MIGRATIONS } from './store/migrations';
import { DEFAULT_ROTATION, type BackupKind, type Rotation } from './store/backup';
import { fsyncDir, fsyncFile, writeFileAtomic } from './store/files';
import { change } from './change';
import { auditHeadOf, isWhole, StationBackups, type BackupProgress, type BackupResult } from './backups';
import {
  finishRestore,
  openCopyKey,
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
import { PdfPool } from './documents/pdfPool';
import type { RenderProgress } from './documents/render';
import { getSessionUser } from './modules/users/service';
import { readSettings } from './modules/station/service';
import { StationUpdater } from './modules/updates/updater';
import packageJson from '../../package.json';

/** the version of the sources, when no installed program names its own */
const PACKAGE_VERSION = packageJson.version;

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
  /** the installed program's version (Electron's app.getVersion()); the package's when run from the sources */
  appVersion?: string;
  /** the release keys updates must be signed by: the built-in ones unless tests or the development host name others */
  updateKeys?: readonly string[];
  /** where the installer may run (win32); tests name it to run a stand-in */
  platform?: NodeJS.Platform;
  /** asks the owner of the windows to quit: an update's installer is running */
  requestQuit?: () => void;
  /** (ours) start a PDF worker so long after each sign-in, for the first print not to wait for one; unset: never */
  warmDocumentsAfterMs?: number;
}

export const DB_FILE = 'uchaske.db';
export const KEYRING_FILE = 'uchaske.keyring';
/** a new station's database while setup builds it: moved into place only after its keyring is saved */
const CREATING_FILE = `${DB_FILE}.creating`;
/** the database under its next key while a rotation builds it: renamed into place whole, else dropped at start */
const REKEYING_FILE = `${DB_FILE}.rekeying`;
/** a database file and the WAL and shared-memory files SQLite keeps beside it */
const withSidecars = (file: string) => ['', '-wal', '-shm'].map((x) => `${file}${x}`);
/** where the program stands, for the first screen */
export type StationState = 'setup' | 'keyringMissing' | 'locked' | 'unlocked';
/** the count of wrong passwords and the wait they earned: a restart of the program does not reset them (ours) */
const ATTEMPTS_FILE = 'unlock-attempts.json';

interface Open {
  raw: RawDb;
  db: Kysely<DB>;
  /** puts a new connection under `db` */
  replace(raw: RawDb): void;
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
  /** the copy being written in its worker, if any; a key change waits for it (its keyring must match its key) */
  private copying: Promise<unknown> | null = null;
  private backupProgress: BackupProgress | null = null;
  /** wrong passwords or codes and the wait each earned, by `attemptsOf` (a login's hash, or the code's) */
  private attempts: Record<string, { failures: number; waitUntil: number }> = {};
  readonly copies: StationBackups;
  readonly updater: StationUpdater;
  private readonly backups: Backups = {
    now: () => this.backup('manual'),
    progress: () => this.backupProgress,
    list: () => this.copies.list(),
    destinations: () => this.copies.destinations(),
    setFolders: (folders) => this.copies.setFolders(folders),
    lastOutside: () => this.copies.lastOutside(),
    deleteBefore: (before) => this.deleteCopiesBefore(before),
  };
  private readonly pdfPool: PdfPool;
  private readonly warmAfterMs: number | undefined;
  private warmTimer: NodeJS.Timeout | null = null;
  /** documents being built, in the order they were asked for; the preview shows the last one's pages */
  private readonly rendering = new Map<number, { progress: RenderProgress; first: Buffer | null }>();
  private renderCount = 0;
  private readonly documents: Documents = {
    pdf: async (job) => {
      const id = ++this.renderCount;
      const state = { progress: { done: 0, pages: 0 }, first: null as Buffer | null };
      this.rendering.set(id, state);
      try {
        return await this.pdfPool.render(job, {
          onProgress: (p) => (state.progress = p),
          onFirstPage: (pdf) => (state.first = pdf),
        });
      } finally {
        // the first page leaves memory with its document: nothing of it outlives the call
        this.rendering.delete(id);
      }
    },
    progress: () => {
      const last = this.lastRendering();
      return last ? { ...last.progress, firstPage: last.first !== null } : null;
    },
    firstPage: () => this.lastRendering()?.first ?? null,
  };
  /** the document the preview shows: the last one asked for */
  private lastRendering() {
    return [...this.rendering.values()].pop();
  }
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
    this.pdfPool = new PdfPool(this.resourcesDir);
    this.warmAfterMs = o.warmDocumentsAfterMs;
    fs.mkdirSync(this.dataDir, { recursive: true });
    this.settleCreation();
    for (const f of [REKEYING_FILE, `${REKEYING_FILE}-journal`]) fs.rmSync(path.join(this.dataDir, f), { force: true });
    this.loadAttempts();
    // a restore that was staged and marked ready before a crash is finished first; one not ready is dropped
    finishRestore(this.dataDir, this.files);
    this.copies = new StationBackups(this.dataDir, this.keyringFile, () => this.keyring().cipher);
    this.copies.clean();
    this.updater = new StationUpdater({
      dataDir: this.dataDir,
      resourcesDir: this.resourcesDir,
      currentVersion: o.appVersion ?? PACKAGE_VERSION,
      trustedKeys: o.updateKeys,
      platform: o.platform,
      requestQuit: () => o.requestQuit?.(),
    });
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
  /** Any file of the database. With the keyring gone the data is still here, and nothing may overwrite it. */
  get hasDatabase(): boolean {
    return withSidecars(this.dbFile).some((f) => fs.existsSync(f));
  }
  get state(): StationState {
    if (this.open) return 'unlocked';
    if (this.isSetUp) return 'locked';
    return this.hasDatabase ? 'keyringMissing' : 'setup';
  }

  /**
   * A setup cut short by a kill: its database was built under a temporary name and the keyring saved before the
   * rename. With the keyring there the database was whole, so it is moved into place; without, it is dropped.
   */
  private settleCreation(): void {
    const building = path.join(this.dataDir, CREATING_FILE);
    if (!fs.existsSync(building)) return;
    if (this.isSetUp && !this.hasDatabase) {
      fs.renameSync(building, this.dbFile);
      fsyncDir(this.dataDir);
    } else {
      for (const f of withSidecars(building)) fs.rmSync(f, { force: true });
    }
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
      updates: this.updater,
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
    // a database without its keyring is a station's data, never a leftover to clear (ours, after a lost keyring)
    if (this.hasDatabase) throw new AppError('CONFLICT', 'errors.databaseExists');
    const building = path.join(this.dataDir, CREATING_FILE);
    const files = withSidecars(building);
    for (const f of files) fs.rmSync(f, { force: true });
    const key = crypto.randomBytes(KEY_BYTES);
    let raw = openEncrypted(building, key, this.cipher);
    let userId: number;
    try {
      migrate(raw, this.migrations);
      userId = await init({ db: toKysely(raw), now: this.clock(), user: null });
      raw.pragma('wal_checkpoint(TRUNCATE)');
    } catch (e) {
      raw.close();
      for (const f of files) fs.rmSync(f, { force: true });
      throw e;
    }
    raw.close();
    fsyncFile(building);
    const recoveryCode = newRecoveryCode();
    const ring = Keyring.create(this.keyringFile, this.cipher, key, recoveryCode, this.scrypt);
    ring.setSlot(login, userId, key, password);
    fs.renameSync(building, this.dbFile);
    fsyncDir(this.dataDir);
    raw = openEncrypted(this.dbFile, key, this.cipher);
    this.attach(raw, key, userId);
    this.pendingRecoveryCode = recoveryCode;
    // the first day's copy: the station exists from now on
    await this.copyNow('daily');
    return { recoveryCode, userId };
  }

  /** Whose tries count: a login (as typed, case folded), or the recovery code, which has no login. */
  private static attemptsOf(secret: { login: string } | { recoveryCode: string }): string {
    // a hash, so that the file beside the data does not list the station's logins
    const who = 'login' in secret ? `login:${secret.login.trim().toLowerCase()}` : 'code';
    return crypto.createHash('sha256').update(`uchaske-attempts:${who}`).digest('hex').slice(0, 32);
  }
  private checkRate(who: string): void {
    const now = this.clock().getTime();
    const a = this.attempts[who];
    if (a && now < a.waitUntil) {
      throw new AppError('RATE_LIMITED', 'errors.tooManyAttempts', {
        waitSeconds: Math.ceil((a.waitUntil - now) / 1000),
      });
    }
  }
  /**
   * A wrong password or code: the first three per login are free, then 1 s, 2 s, 4 s … up to five minutes (ours).
   * Counted per login, so that mistakes on one login never lock another out.
   */
  private failed(who: string, messageKey = 'errors.wrongLogin', fields?: AppError['fields']): never {
    this.countFailure(who);
    throw new AppError('AUTH', messageKey, undefined, fields);
  }
  private countFailure(who: string): void {
    const failures = (this.attempts[who]?.failures ?? 0) + 1;
    const waitUntil = failures >= 3 ? this.clock().getTime() + Math.min(300, 2 ** (failures - 3)) * 1000 : 0;
    this.attempts[who] = { failures, waitUntil };
    this.saveAttempts();
  }
  private succeeded(who: string): void {
    if (!(who in this.attempts)) return;
    delete this.attempts[who];
    this.saveAttempts();
  }
  private loadAttempts(): void {
    try {
      const a = JSON.parse(fs.readFileSync(path.join(this.dataDir, ATTEMPTS_FILE), 'utf8')) as unknown;
      if (typeof a !== 'object' || a === null) return;
      for (const [who, v] of Object.entries(a)) {
        const { failures, waitUntil } = (v ?? {}) as Record<string, unknown>;
        if (typeof failures === 'number' && typeof waitUntil === 'number') this.attempts[who] = { failures, waitUntil };
      }
    } catch {
      // none yet (or the one-counter file of an earlier version, which is dropped)
    }
  }
  private saveAttempts(): void {
    try {
      writeFileAtomic(path.join(this.dataDir, ATTEMPTS_FILE), JSON.stringify(this.attempts));
    } catch {
      // the wait still holds in memory
    }
  }

  /** The copies a restore may choose from: this PC's, every destination's, and a folder the person names. */
  copiesToRestore(folder: string | null) {
    const dirs = [this.copies.home, ...this.copies.folders(), ...(folder ? [path.resolve(folder)] : [])];
    return restoreCandidates(dirs);
  }

  /** Opens something with a copy's secret; a wrong password or code counts against the same wait as at unlock. */
  private withCopySecret<T>(secret: CopySecret, open: () => T): T {
    const who = Backend.attemptsOf(secret);
    this.checkRate(who);
    try {
      return open();
    } catch (e) {
      if (e instanceof AppError && e.code === 'AUTH') this.failed(who, e.messageKey, e.fields);
      throw e;
    }
  }
  private previewGuarded(file: string, secret: CopySecret): OpenedCopy {
    return this.withCopySecret(secret, () =>
      previewCopy(file, secret, this.migrations[this.migrations.length - 1]!.version),
    );
  }

  /**
   * The keyring is gone but the database is here: a keyring saved beside a copy is put back, once the secret opens
   * it and its key opens this very database. Slots of users who are no longer active stay out. Audited in the
   * database; the person then signs in as usual.
   */
  async putBackKeyring(file: string, secret: CopySecret): Promise<void> {
    if (this.state !== 'keyringMissing') throw new AppError('CONFLICT', 'restore.keyringPresent');
    const who = Backend.attemptsOf(secret);
    const { key, userId, ring } = this.withCopySecret(secret, () => openCopyKey(file, secret));
    try {
      let raw: RawDb;
      try {
        raw = openEncrypted(this.dbFile, key, ring.cipher);
      } catch {
        throw new AppError('VALIDATION', 'restore.keyringDoesNotFit', undefined, [
          { path: 'file', messageKey: 'restore.keyringDoesNotFit' },
        ]);
      }
      try {
        const active = new Set(
          (raw.prepare('SELECT id FROM users WHERE active = 1').all() as { id: number }[]).map((r) => r.id),
        );
        if (userId !== null && !active.has(userId)) this.failed(who);
        await change({ db: toKysely(raw), now: this.clock(), user: userId === null ? null : { id: userId } }, (tx) =>
          tx.audit({
            action: 'keyring.restore',
            entity: 'station',
            entityId: 1,
            after: { copy: path.basename(file), by: userId !== null ? 'password' : 'code' },
          }),
        );
        raw.pragma('wal_checkpoint(TRUNCATE)');
        ring.saveAs(this.keyringFile, (id) => active.has(id));
      } finally {
        raw.close();
      }
    } finally {
      key.fill(0);
    }
    this.succeeded(who);
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
    this.succeeded(Backend.attemptsOf(secret));
    const { key: _key, userId: _u, cipher: _c, ...shown } = preview;
    return shown;
  }

  async unlock(login: string, password: string): Promise<SessionUser> {
    if (!this.isSetUp) throw new AppError('CONFLICT', 'errors.notSetUp');
    const who = Backend.attemptsOf({ login });
    this.checkRate(who);
    const got = this.keyring().unlock(login, password);
    if (!got) this.failed(who);
    const user = await this.openWith(got, got.userId);
    // a slot of format 1 becomes one that a new database key can be sealed to (see Keyring.beginRotation)
    if (got.legacy) this.keyring().setSlot(login, got.userId, this.require().key, password);
    this.succeeded(who);
    return user;
  }

  async unlockWithRecovery(login: string, code: string, newPassword: string): Promise<SessionUser> {
    if (!this.isSetUp) throw new AppError('CONFLICT', 'errors.notSetUp');
    const who = Backend.attemptsOf({ recoveryCode: code });
    this.checkRate(who);
    const opened = this.keyring().unlockWithRecovery(code);
    if (!opened) this.failed(who);
    const { raw, key } = this.openSettled(opened);
    const row = raw.prepare('SELECT id FROM users WHERE login = ? AND active = 1').get(login) as
      { id: number } | undefined;
    raw.close();
    if (!row) {
      key.fill(0);
      throw new AppError('NOT_FOUND', 'errors.unknownLogin');
    }
    const user = await this.openWith({ key }, row.id);
    await this.open!.db.updateTable('users').set({ must_change_password: 0 }).where('id', '=', row.id).execute();
    this.open!.user = { ...user, mustChangePassword: false };
    // the code is at hand: a recovery holder of format 1 is renewed under the same code, so the sheet stays good
    if (this.keyring().recoveryIsLegacy) this.keyring().setRecovery(this.open!.key, code);
    // the forgotten password is revoked like any replaced one
    await this.writeSlot(login, row.id, newPassword);
    this.succeeded(who);
    return this.open!.user;
  }

  /**
   * The database opened with what a secret gave: its key, or — after a kill in the middle of a rotation — the next
   * one, whichever the file is under now; the keyring is settled to match (ours).
   */
  private openSettled(opened: Opened): { raw: RawDb; key: Buffer } {
    const ring = this.keyring();
    const tryOpen = (key: Buffer) => {
      try {
        return openEncrypted(this.dbFile, key, ring.cipher);
      } catch {
        return null;
      }
    };
    const raw = tryOpen(opened.key);
    if (raw) {
      if (opened.next) {
        ring.dropRotation();
        opened.next.fill(0);
      }
      return { raw, key: opened.key };
    }
    const rekeyed = opened.next ? tryOpen(opened.next) : null;
    if (rekeyed && opened.next) {
      ring.finishRotation(opened.key, opened.next);
      opened.key.fill(0);
      return { raw: rekeyed, key: opened.next };
    }
    opened.key.fill(0);
    opened.next?.fill(0);
    throw new AppError('INTERNAL', 'errors.databaseUnreadable');
  }

  private async openWith(opened: Opened, userId: number): Promise<SessionUser> {
    this.lock();
    const { raw, key } = this.openSettled(opened);
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
        await this.copyInWorker(key, now, 'migration', this.rotation(raw));
        migrate(raw, this.migrations);
      }
      const db = this.attach(raw, key, userId);
      const user = await getSessionUser(db, userId);
      if (!user) throw new AppError('AUTH', 'errors.wrongLogin');
      this.open!.user = user;
      const settings = await readSettings(db);
      this.open!.idleMinutes = settings.idleMinutes;
      this.copies.adopt(key);
      if (firstToday) await this.copyNow('daily');
    } catch (e) {
      this.lock();
      throw e;
    }
    this.warmDocumentsSoon();
    return this.open!.user;
  }

  /**
   * A PDF worker started while the person reads Today, not at the evening's first print, which waited a second for
   * one to start and load its fonts (ours). Once: it stays for the life of the process.
   */
  private warmDocumentsSoon(): void {
    if (this.warmAfterMs === undefined || this.warmTimer) return;
    this.warmTimer = setTimeout(() => this.pdfPool.warm(), this.warmAfterMs);
    this.warmTimer.unref();
  }

  private attach(raw: RawDb, key: Buffer, userId: number): Kysely<DB> {
    const { db, replace } = liveKysely(raw);
    this.open = {
      raw,
      db,
      replace,
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
    return db;
  }

  setSession(user: SessionUser): void {
    this.require().user = user;
  }
  setIdleMinutes(m: number): void {
    this.require().idleMinutes = m;
  }

  /**
   * Key operations for the users module: the key never leaves this object. A slot that takes another's place, a
   * removed slot and a new recovery code each revoke a secret, and revoking gives the database a new key (`rotate`).
   */
  async writeSlot(login: string, userId: number, password: string): Promise<void> {
    const replaced = this.keyring().setSlot(login, userId, this.require().key, password);
    if (replaced) await this.rotate('slotReplaced');
  }
  /**
   * A revocation by the station's administrators changes the database key, which needs a recovery holder of
   * format 2: with one of format 1 (a station set up by an earlier build) the code is renewed first, so that the new
   * sheet goes into the safe knowingly (ours). Asked before anything is written.
   */
  requireRotatable(): void {
    if (this.keyring().recoveryIsLegacy) throw new AppError('CONFLICT', 'errors.renewRecoveryFirst');
  }
  get recoveryNeedsRenewal(): boolean {
    return this.keyring().recoveryIsLegacy;
  }
  async removeSlot(userId: number): Promise<void> {
    this.keyring().removeSlot(userId);
    await this.rotate('slotRemoved');
  }
  /** Whether a password opens a login's slot; the keys it gave are wiped at once. */
  private opensSlot(login: string, password: string): boolean {
    const got = this.keyring().unlock(login, password);
    got?.key.fill(0);
    got?.next?.fill(0);
    return got !== null;
  }
  isOwnPassword(login: string, password: string): boolean {
    return login === this.open?.user.login && this.opensSlot(login, password);
  }
  /** A password typed again inside a session (a confirmation, a change): its mistakes count like the unlock's. */
  checkPassword(login: string, password: string): boolean {
    const who = Backend.attemptsOf({ login });
    this.checkRate(who);
    const ok = this.opensSlot(login, password);
    if (ok) this.succeeded(who);
    else this.countFailure(who);
    return ok;
  }
  auditHead() {
    return this.keyring().auditHead(this.require().key);
  }
  async regenerateRecovery(): Promise<string> {
    const code = newRecoveryCode();
    this.keyring().setRecovery(this.require().key, code);
    this.pendingRecoveryCode = code;
    await this.rotate('recoveryRenewed');
    return code;
  }

  /**
   * A new database key, so that a revoked secret — in the live keyring before, or in the copy of it beside a backup —
   * opens only the copies made before, never the live file (ours). The order survives a kill at any point: the new
   * key is sealed to every remaining holder beside the old one and saved; a copy of the file under the new key is
   * built beside it and renamed into place (see `rekeyedCopy`); only then does the keyring drop the old key. The
   * rotation ends with a copy under the new key, beside the keyring that opens it (the older copies' keyrings no
   * longer fit the live file). Must run outside any transaction (`commitNow`).
   */
  private async rotate(reason: 'slotReplaced' | 'slotRemoved' | 'recoveryRenewed'): Promise<void> {
    await this.copying?.catch(() => undefined);
    const o = this.require();
    if (o.raw.inTransaction) throw new Error('a new database key inside a transaction');
    const old = o.key;
    const next = crypto.randomBytes(KEY_BYTES);
    // copies of the first wave are verified (and given their manifest) while the key that opens them is at hand
    this.copies.adopt(old);
    const ring = this.keyring();
    if (ring.recoveryIsLegacy) {
      // a format-1 recovery holder cannot be sealed to without its code, and a code changed here would silently
      // make the sheet in the safe worthless: the key changes once the code is renewed (requireRotatable), which
      // covers every revocation owed until then
      await change({ db: o.db, now: this.clock(), user: o.user }, (tx) =>
        tx.audit({ action: 'keyring.rotationOwed', entity: 'keyring', entityId: 'database', after: { reason } }),
      );
      return;
    }
    const dropped = ring.beginRotation(next);
    const building = path.join(this.dataDir, REKEYING_FILE);
    try {
      // an empty WAL, so that the files beside the database hold nothing the copy lacks when they go
      o.raw.pragma('wal_checkpoint(TRUNCATE)');
      rekeyedCopy(o.raw, building, old, next, ring.cipher);
    } catch (e) {
      for (const f of [building, `${building}-journal`]) fs.rmSync(f, { force: true });
      ring.dropRotation();
      next.fill(0);
      throw e;
    }
    o.raw.close();
    try {
      for (const f of withSidecars(this.dbFile).slice(1)) fs.rmSync(f, { force: true });
      fs.renameSync(building, this.dbFile);
      fsyncDir(this.dataDir);
      o.raw = openEncrypted(this.dbFile, next, ring.cipher);
    } catch (e) {
      // the keyring still opens the file under either key: the next unlock settles it
      this.open = null;
      this.pendingRecoveryCode = null;
      old.fill(0);
      next.fill(0);
      throw e;
    }
    o.replace(o.raw);
    ring.finishRotation(old, next);
    o.key = next;
    old.fill(0);
    await change({ db: o.db, now: this.clock(), user: o.user }, (tx) =>
      tx.audit({ action: 'keyring.rotate', entity: 'keyring', entityId: 'database', after: { reason, dropped } }),
    );
    try {
      // the keyring beside each older copy no longer fits the live file: one that does, should this keyring go
      await this.copyNow('manual');
    } catch {
      // the next lock makes it (the rotation is a change since the last copy)
    }
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
  async backup(kind: BackupKind): Promise<BackupResult> {
    const o = this.require();
    const now = this.clock();
    if (this.copying) throw new AppError('CONFLICT', 'backup.inProgress');
    const newest = this.copies.list()[0];
    if (
      kind === 'manual' &&
      newest &&
      now.getTime() - new Date(newest.createdAt).getTime() < 60_000 &&
      !this.copies.changedSince(auditHeadOf(o.raw), newest)
    )
      throw new AppError('CONFLICT', 'backup.tooSoon');
    return this.copyNow(kind);
  }

  /** A copy of the open database, written in a worker (see `StationBackups.makeInWorker`); one at a time. */
  private async copyNow(kind: BackupKind): Promise<BackupResult> {
    const o = this.require();
    return this.copyInWorker(o.key, this.clock(), kind, this.rotation(o.raw));
  }
  private async copyInWorker(key: Buffer, now: Date, kind: BackupKind, rotation: Rotation): Promise<BackupResult> {
    await this.copying?.catch(() => undefined);
    const task = this.copies.makeInWorker({ dbFile: this.dbFile, key }, now, kind, rotation, (p) => {
      this.backupProgress = p;
    });
    this.copying = task;
    try {
      return await task;
    } finally {
      if (this.copying === task) this.copying = null;
      this.backupProgress = null;
    }
  }

  /** Old copies go; the station is never left without one, so a copy is made first when none is newer (ours). */
  private async deleteCopiesBefore(before: string): ReturnType<Backups['deleteBefore']> {
    this.require();
    const now = this.clock();
    if (before > now.toISOString())
      throw new AppError('VALIDATION', 'backup.deleteFuture', undefined, [
        { path: 'before', messageKey: 'backup.deleteFuture' },
      ]);
    const newest = this.copies.list().find((c) => c.intact);
    const made = !newest || newest.createdAt < before ? (await this.copyNow('manual')).copy : null;
    return { ...this.copies.removeBefore(before), made };
  }

  /** Locks (its copy made), installs a release waiting for the quit, and stops the workers: the end of the process. */
  async close(): Promise<void> {
    this.lock();
    this.updater.quitting();
    await this.updater.close();
    if (this.warmTimer) clearTimeout(this.warmTimer);
    await this.pdfPool.close();
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
