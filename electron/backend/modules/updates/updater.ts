import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import semver from 'semver';
import { NsisUpdater, type ProgressInfo } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import type { UpdateInfo } from 'builder-util-runtime';
import { AppError } from '../../../../shared/api';
import { updateSourceSchema, type Release, type UpdateSource, type UpdateStatus } from '../../../../shared/api/updates';
import { writeFileAtomic } from '../../store/files';
import { UpdateRefusal } from './manifest';
import { NodeHttpExecutor } from './nodeHttp';
import { FolderServer, SignedProvider, SourceUnavailable, type SignedProviderOptions } from './providers';
import { RELEASE_KEYS } from './releaseKeys';

const SOURCE_FILE = 'update-source.json';
/** electron-updater's working folder under the data folder: the downloaded installer waits there */
const WORK_DIR = 'updates';
const CACHE_DIR_NAME = 'uchaske-updater';

export interface StationUpdaterOptions {
  dataDir: string;
  resourcesDir: string;
  currentVersion: string;
  /** the app's built-in keys unless a test or the development host names others */
  trustedKeys?: readonly string[];
  /** only the Windows build installs (NSIS); tests name win32 to run a stand-in installer */
  platform?: NodeJS.Platform;
  /** asks the owner of the windows to quit (the installer replaces the program's files) */
  requestQuit: () => void;
}

export type CheckOutcome =
  | { outcome: 'available'; release: Release }
  | { outcome: 'upToDate'; version: string }
  | { outcome: 'unavailable'; messageKey: string }
  | { outcome: 'refused'; messageKey: string; version?: string };
export type DownloadOutcome =
  { outcome: 'downloaded'; release: Release } | Extract<CheckOutcome, { outcome: 'unavailable' | 'refused' }>;

const releaseOf = (info: UpdateInfo): Release => ({
  version: info.version,
  notes: typeof info.releaseNotes === 'string' ? info.releaseNotes : '',
  releaseDate: info.releaseDate,
  bytes: info.files[0]?.size ?? 0,
});

/** An electron-updater error as the administrator is told of it; unknown ones keep their text out of the answer. */
function outcomeOf(e: unknown): Extract<CheckOutcome, { outcome: 'unavailable' | 'refused' }> {
  if (e instanceof UpdateRefusal) return { outcome: 'refused', messageKey: e.messageKey };
  if (e instanceof SourceUnavailable) return { outcome: 'unavailable', messageKey: e.messageKey };
  const code = (e as { code?: string }).code;
  if (code === 'ERR_CHECKSUM_MISMATCH' || /sha512 checksum mismatch/.test(String((e as Error).message)))
    return { outcome: 'refused', messageKey: 'updates.refused.installerChanged' };
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE')
    return { outcome: 'refused', messageKey: 'updates.refused.windowsSignature' };
  if (code === 'ERR_UPDATER_INVALID_VERSION') return { outcome: 'refused', messageKey: 'updates.refused.badManifest' };
  return { outcome: 'unavailable', messageKey: 'updates.unreachable' };
}

/**
 * The station's updates (ours, on electron-updater): the source the administrator set, a check of the signed
 * manifest, the download electron-updater makes and checks, and the install it starts. It runs in the backend
 * process, so the desk goes on while it works; the window's process only quits when asked.
 */
export class StationUpdater {
  private readonly workDir: string;
  private readonly trustedKeys: readonly string[];
  private readonly platform: NodeJS.Platform;
  private readonly server = new FolderServer();
  private updater: NsisUpdater | null = null;
  private phase: UpdateStatus['phase'] = 'idle';
  private available: Release | null = null;
  private progress: UpdateStatus['progress'] = null;
  private installAtQuit = false;
  private readonly quitHandlers: ((exitCode: number) => void)[] = [];

  constructor(private readonly o: StationUpdaterOptions) {
    this.workDir = path.join(o.dataDir, WORK_DIR);
    this.trustedKeys = o.trustedKeys ?? RELEASE_KEYS;
    this.platform = o.platform ?? process.platform;
  }

  get source(): UpdateSource | null {
    try {
      const j = JSON.parse(fs.readFileSync(path.join(this.o.dataDir, SOURCE_FILE), 'utf8')) as { source?: unknown };
      const parsed = updateSourceSchema.nullable().safeParse(j.source ?? null);
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  setSource(source: UpdateSource | null): void {
    this.requireIdle();
    writeFileAtomic(path.join(this.o.dataDir, SOURCE_FILE), JSON.stringify({ source }, null, 1));
    this.forget();
  }

  status(): UpdateStatus {
    return {
      currentVersion: this.o.currentVersion,
      source: this.source,
      trustedKeys: this.trustedKeys.length,
      publisher: this.publisher(),
      canInstall: this.platform === 'win32',
      phase: this.phase,
      available: this.available,
      progress: this.progress,
      installAtQuit: this.installAtQuit,
    };
  }

  /** Reads the source's signed manifest. A release older than this one is refused, not offered. */
  async check(): Promise<CheckOutcome> {
    this.requireIdle();
    const source = this.source;
    if (!source) return { outcome: 'unavailable', messageKey: 'updates.noSource' };
    this.forget();
    const updater = this.newUpdater(source);
    this.phase = 'checking';
    try {
      const r = await updater.checkForUpdates();
      if (!r) return { outcome: 'unavailable', messageKey: 'updates.noSource' };
      const found = r.updateInfo.version;
      if (semver.lt(found, this.o.currentVersion))
        return { outcome: 'refused', messageKey: 'updates.refused.older', version: found };
      if (!r.isUpdateAvailable) return { outcome: 'upToDate', version: this.o.currentVersion };
      this.updater = updater;
      this.available = releaseOf(r.updateInfo);
      return { outcome: 'available', release: this.available };
    } catch (e) {
      await this.server.close();
      return outcomeOf(e);
    } finally {
      this.phase = 'idle';
    }
  }

  /** electron-updater downloads the installer and checks it against the signed manifest's sha512. */
  async download(): Promise<DownloadOutcome> {
    this.requireIdle();
    const updater = this.updater;
    const release = this.available;
    if (!updater || !release) throw new AppError('CONFLICT', 'updates.checkFirst');
    this.phase = 'downloading';
    this.progress = { percent: 0, transferred: 0, total: release.bytes };
    const onProgress = (p: ProgressInfo) =>
      (this.progress = { percent: p.percent, transferred: p.transferred, total: p.total });
    updater.on('download-progress', onProgress);
    try {
      await updater.downloadUpdate();
      this.phase = 'downloaded';
      return { outcome: 'downloaded', release };
    } catch (e) {
      this.forget();
      return outcomeOf(e);
    } finally {
      updater.off('download-progress', onProgress);
      await this.server.close();
    }
  }

  /** Whether a downloaded, verified installer waits and may run here. */
  requireInstallable(): void {
    if (this.platform !== 'win32') throw new AppError('CONFLICT', 'updates.installWindowsOnly');
    if (this.phase !== 'downloaded' || !this.updater) throw new AppError('CONFLICT', 'updates.downloadFirst');
  }

  /** electron-updater starts the installer (silent, the program started again after) and the program closes. */
  installNow(): void {
    this.requireInstallable();
    this.phase = 'installing';
    if (!this.updater!.install(true, true)) {
      this.phase = 'downloaded';
      throw new AppError('INTERNAL', 'updates.installFailed');
    }
    this.o.requestQuit();
  }

  /** The installer runs when the program closes (electron-updater's own quit handler, called by `quitting`). */
  installWhenClosing(): void {
    this.requireInstallable();
    this.installAtQuit = true;
  }

  /** The backend is closing (after its lock copy): a release waiting for the quit is installed now. */
  quitting(): void {
    if (!this.installAtQuit) return;
    this.installAtQuit = false;
    for (const h of this.quitHandlers) h(0);
  }

  async close(): Promise<void> {
    await this.server.close();
  }

  private requireIdle(): void {
    if (this.phase === 'checking' || this.phase === 'downloading' || this.phase === 'installing')
      throw new AppError('CONFLICT', 'updates.busy');
  }

  /** A new source or a new check: what was found before is not offered any more. */
  private forget(): void {
    this.updater = null;
    this.available = null;
    this.progress = null;
    this.installAtQuit = false;
    this.phase = 'idle';
  }

  private newUpdater(source: UpdateSource): NsisUpdater {
    fs.mkdirSync(this.workDir, { recursive: true });
    const app: AppAdapter = {
      version: this.o.currentVersion,
      name: 'Uchaske',
      isPackaged: true,
      appUpdateConfigPath: this.configPath(),
      userDataPath: this.workDir,
      baseCachePath: this.workDir,
      whenReady: () => Promise.resolve(),
      relaunch: () => undefined,
      quit: () => this.o.requestQuit(),
      onQuit: (h) => void this.quitHandlers.push(h),
    };
    const updater = new NsisUpdater(undefined, app);
    // electron-updater's executor is Electron's `net`; the backend process is plain Node (see nodeHttp.ts)
    (updater as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeHttpExecutor();
    updater.logger = null;
    updater.autoDownload = false;
    // the quit handler is added at download; it installs only when `quitting` calls it (installAtQuit)
    updater.autoInstallOnAppQuit = true;
    updater.allowDowngrade = false;
    updater.disableWebInstaller = true;
    // a differential download needs the installed version's blockmap at the source; a USB drive carries one release
    updater.disableDifferentialDownload = true;
    const options: SignedProviderOptions = {
      provider: 'custom',
      updateProvider: SignedProvider,
      source,
      trustedKeys: this.trustedKeys,
      serve: (folder, files) => this.server.serve(folder, files),
    };
    updater.setFeedURL(options);
    this.quitHandlers.length = 0;
    return updater;
  }

  /**
   * electron-builder writes `app-update.yml` beside the packaged program, with the publisher whose Windows
   * signature the installer must carry; a build from the sources has none, and gets one naming only the cache.
   */
  private configPath(): string {
    const shipped = path.join(this.o.resourcesDir, 'app-update.yml');
    if (fs.existsSync(shipped)) return shipped;
    const own = path.join(this.workDir, 'app-update.yml');
    if (!fs.existsSync(own)) writeFileAtomic(own, yaml.dump({ updaterCacheDirName: CACHE_DIR_NAME }));
    return own;
  }

  /** read once: the build's app-update.yml does not change while the program runs */
  private publisherName: string | null | undefined;
  private publisher(): string | null {
    if (this.publisherName === undefined) this.publisherName = this.readPublisher();
    return this.publisherName;
  }
  private readPublisher(): string | null {
    try {
      const c = yaml.load(fs.readFileSync(this.configPath(), 'utf8')) as { publisherName?: string | string[] } | null;
      const p = c?.publisherName;
      return Array.isArray(p) ? p.join(', ') || null : (p ?? null);
    } catch {
      return null;
    }
  }
}
