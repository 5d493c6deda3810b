import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Provider, type ResolvedUpdateFileInfo } from 'electron-updater';
import type { ProviderRuntimeOptions } from 'electron-updater/out/providers/Provider';
import { parseUpdateInfo, resolveFiles } from 'electron-updater/out/providers/Provider';
import { CancellationToken, HttpError, type CustomPublishOptions, type UpdateInfo } from 'builder-util-runtime';
import type { UpdateSource } from '../../../../shared/api/updates';
import { installerName, MANIFEST_FILE, SIGNATURE_FILE, UpdateRefusal, verifyManifest } from './manifest';

/** Where a source's files cannot be reached: the folder is not there, the server does not answer (not a refusal). */
export class SourceUnavailable extends Error {
  constructor(readonly messageKey: 'updates.folderMissing' | 'updates.unreachable' | 'updates.noRelease') {
    super(messageKey);
  }
}

export interface SignedProviderOptions extends CustomPublishOptions {
  source: UpdateSource;
  trustedKeys: readonly string[];
  /** serves a folder's named files on 127.0.0.1 for the download, answering their base address */
  serve: (folder: string, files: string[]) => Promise<URL>;
}

/**
 * electron-updater's provider for a station's sources (a URL on the department's LAN, or a folder on a USB drive),
 * refusing any manifest the release key did not sign before electron-updater reads a field of it. electron-updater
 * then downloads the installer the manifest names and checks its sha512 against the signed manifest.
 */
export class SignedProvider extends Provider<UpdateInfo> {
  private base: URL | null = null;
  private readonly options: SignedProviderOptions;

  /** electron-updater constructs it from the options given to setFeedURL (providerFactory's `custom`) */
  constructor(options: CustomPublishOptions, _updater: unknown, runtime: ProviderRuntimeOptions) {
    super(runtime);
    this.options = options as SignedProviderOptions;
  }

  async getLatestVersion(): Promise<UpdateInfo> {
    const { source, trustedKeys } = this.options;
    const { manifest, signature, base } =
      source.kind === 'url' ? await this.fromUrl(new URL(source.url)) : readFolder(source.folder);
    verifyManifest(manifest, signature, trustedKeys);
    let info: UpdateInfo;
    try {
      info = parseUpdateInfo(manifest.toString('utf8'), MANIFEST_FILE, new URL(MANIFEST_FILE, base));
    } catch {
      throw new UpdateRefusal('updates.refused.badManifest');
    }
    const names = info.files.map((f) => installerName(f.url));
    if (names.length !== 1) throw new UpdateRefusal('updates.refused.badManifest');
    this.base = source.kind === 'url' ? base : await this.options.serve(source.folder, names);
    return info;
  }

  resolveFiles(info: UpdateInfo): ResolvedUpdateFileInfo[] {
    if (!this.base) throw new Error('the release was not read');
    return resolveFiles(info, this.base);
  }

  private async fromUrl(url: URL): Promise<{ manifest: Buffer; signature: string | null; base: URL }> {
    const base = new URL(url.href.endsWith('/') ? url.href : `${url.href}/`);
    const get = async (name: string) => {
      try {
        return await this.executor.downloadToBuffer(new URL(name, base), {
          cancellationToken: new CancellationToken(),
        });
      } catch (e) {
        if (e instanceof HttpError && e.statusCode === 404) return null;
        throw new SourceUnavailable('updates.unreachable');
      }
    };
    const manifest = await get(MANIFEST_FILE);
    if (!manifest) throw new SourceUnavailable('updates.noRelease');
    const signature = await get(SIGNATURE_FILE);
    return { manifest, signature: signature?.toString('utf8') ?? null, base };
  }
}

/** A release folder: exactly one manifest in it (two releases side by side are ambiguous), and its signature. */
function readFolder(folder: string): { manifest: Buffer; signature: string | null; base: URL } {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    throw new SourceUnavailable('updates.folderMissing');
  }
  const manifests = names.filter((n) => /\.ya?ml$/i.test(n));
  if (manifests.length > 1) throw new UpdateRefusal('updates.refused.twoManifests');
  if (manifests.length === 0 || manifests[0] !== MANIFEST_FILE) throw new SourceUnavailable('updates.noRelease');
  const read = (n: string) => (names.includes(n) ? fs.readFileSync(path.join(folder, n)) : null);
  return {
    manifest: read(MANIFEST_FILE)!,
    signature: read(SIGNATURE_FILE)?.toString('utf8') ?? null,
    base: new URL('http://127.0.0.1/'),
  };
}

/**
 * A release folder served on 127.0.0.1 while electron-updater downloads from it: its downloads go through an HTTP
 * executor, which cannot read a file. Only the files the signed manifest names are served, to this machine only.
 */
export class FolderServer {
  private server: http.Server | null = null;

  async serve(folder: string, files: string[]): Promise<URL> {
    await this.close();
    const allowed = new Set(files);
    const server = http.createServer((req, res) => {
      const name = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname.slice(1));
      if (req.method !== 'GET' || !allowed.has(name)) return void res.writeHead(404).end();
      const file = path.join(folder, name);
      fs.stat(file, (err, st) => {
        if (err) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-length': st.size, 'content-type': 'application/octet-stream' });
        fs.createReadStream(file)
          .on('error', () => res.destroy())
          .pipe(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    const { port } = server.address() as { port: number };
    return new URL(`http://127.0.0.1:${port}/`);
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
