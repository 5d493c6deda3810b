import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  generateReleaseKey,
  manifestText,
  MANIFEST_FILE,
  sha512Of,
  signManifest,
  SIGNATURE_FILE,
} from '../../electron/backend/modules/updates/manifest';
import { ROOT, setUpStation, tempDir } from './helpers';

/**
 * Updates without internet (ours): a release folder from the release script, read from a folder (a USB drive) or a
 * real HTTP server on 127.0.0.1 (the department's), checked against the release keys, downloaded by electron-updater,
 * installed by it. Every refusal has its own message and an audit row, and leaves nothing to install.
 */
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const key1 = generateReleaseKey();
const key2 = generateReleaseKey();
const stranger = generateReleaseKey();
let keyDir = '';
let released = '';

/** the release script, as a developer runs it, with a key file outside the repository */
function runRelease(out: string, version: string, keyFile: string, notes = 'Исправлен журнал приёма') {
  return execFileSync(
    TSX,
    ['scripts/release.ts', '--key', keyFile, '--unlisted-key', '--out', out, '--version', version, '--notes', notes],
    { cwd: ROOT, encoding: 'utf8' },
  );
}

beforeAll(() => {
  keyDir = fs.mkdtempSync(path.join(path.dirname(tempDir()), 'uchaske-keys-'));
  fs.writeFileSync(path.join(keyDir, 'k1.pem'), key1.privatePem);
  fs.writeFileSync(path.join(keyDir, 'k2.pem'), key2.privatePem);
  released = path.join(keyDir, 'release-0.2.0');
  const said = runRelease(released, '0.2.0', path.join(keyDir, 'k1.pem'));
  expect(said).toContain('verified: latest.yml signed by key');
  expect(said).toContain('not built here: the NSIS installer');
}, 60_000);

afterAll(() => fs.rmSync(keyDir, { recursive: true, force: true }));

/** a copy of the release folder to spoil */
function copyOfRelease(): string {
  const dir = path.join(tempDir(), 'release');
  fs.cpSync(released, dir, { recursive: true });
  return dir;
}

/** a release made by hand, for an installer of the test's own (a script that records how it was started) */
function handRelease(dir: string, version: string, installer: Buffer, privatePem = key1.privatePem) {
  fs.mkdirSync(dir, { recursive: true });
  const name = `Uchaske-Setup-${version}.exe`;
  fs.writeFileSync(path.join(dir, name), installer);
  const manifest = Buffer.from(
    manifestText({
      version,
      installer: name,
      sha512: sha512Of(installer),
      size: installer.length,
      releaseDate: '2026-12-05T10:00:00.000Z',
      notes: 'Сынақ',
    }),
  );
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), manifest);
  fs.writeFileSync(path.join(dir, SIGNATURE_FILE), signManifest(manifest, privatePem));
  return dir;
}

async function adminStation(keys: string[] = [key1.publicKey], extra: { platform?: NodeJS.Platform } = {}) {
  const quits: number[] = [];
  const s = await setUpStation({
    updates: { appVersion: '0.1.0', updateKeys: keys, requestQuit: () => quits.push(Date.now()), ...extra },
  });
  const audit = (action: string) =>
    (
      s.backend.raw.prepare('SELECT after_json FROM audit_log WHERE action = ? ORDER BY id').all(action) as {
        after_json: string;
      }[]
    ).map((r) => JSON.parse(r.after_json) as Record<string, unknown>);
  const pending = path.join(s.dataDir, 'updates', 'uchaske-updater', 'pending');
  const waiting = () => (fs.existsSync(pending) ? fs.readdirSync(pending).filter((f) => f.endsWith('.exe')) : []);
  return { ...s, quits, audit, pending, waiting };
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** the department's update server: a real HTTP server on 127.0.0.1 serving a release folder */
async function departmentServer(folder: string): Promise<string> {
  const server = http.createServer((req, res) => {
    const file = path.join(folder, path.basename(new URL(req.url ?? '/', 'http://x').pathname));
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-length': fs.statSync(file).size }).end(fs.readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/uchaske/`;
}

describe('updates: the release script and a station that takes its folder', () => {
  test('a release folder made by the release script is accepted from a folder, and electron-updater fetches the installer it signed', async () => {
    const s = await adminStation();
    expect((await s.call('updates.status', {})).source).toBeNull();
    // no source, no check: nothing is read, nothing is asked of a network
    expect(await s.call('updates.check', {})).toEqual({ outcome: 'unavailable', messageKey: 'updates.noSource' });

    await s.call('updates.setSource', { source: { kind: 'folder', folder: released } });
    const found = await s.call('updates.check', {});
    expect(found).toMatchObject({
      outcome: 'available',
      release: { version: '0.2.0', notes: 'Исправлен журнал приёма' },
    });
    const got = await s.call('updates.download', {});
    expect(got).toMatchObject({ outcome: 'downloaded', release: { version: '0.2.0' } });
    const status = await s.call('updates.status', {});
    expect(status).toMatchObject({ phase: 'downloaded', currentVersion: '0.1.0', trustedKeys: 1 });
    expect(status.progress?.percent).toBe(100);
    // the very bytes of the release, waiting in electron-updater's folder under the data folder
    expect(s.waiting()).toEqual(['Uchaske-Setup-0.2.0.exe']);
    expect(fs.readFileSync(path.join(s.pending, 'Uchaske-Setup-0.2.0.exe'))).toEqual(
      fs.readFileSync(path.join(released, 'Uchaske-Setup-0.2.0.exe')),
    );
    expect(s.audit('updates.source')[0]).toEqual({ kind: 'folder', folder: released });
    expect(s.audit('updates.found')).toEqual([{ version: '0.2.0' }]);
    expect(s.audit('updates.downloaded')).toEqual([{ version: '0.2.0' }]);
  }, 30_000);

  const spoilt: [string, (dir: string) => void, string][] = [
    [
      'an edited manifest',
      (dir) =>
        fs.writeFileSync(
          path.join(dir, MANIFEST_FILE),
          fs.readFileSync(path.join(dir, MANIFEST_FILE), 'utf8').replace('Исправлен журнал', 'Исправлен жуpнал'),
        ),
      'updates.refused.tampered',
    ],
    [
      'a manifest signed by another key',
      (dir) =>
        fs.writeFileSync(
          path.join(dir, SIGNATURE_FILE),
          signManifest(fs.readFileSync(path.join(dir, MANIFEST_FILE)), stranger.privatePem),
        ),
      'updates.refused.unknownKey',
    ],
    ['no signature', (dir) => fs.rmSync(path.join(dir, SIGNATURE_FILE)), 'updates.refused.unsigned'],
    [
      'a folder with two manifests',
      (dir) => fs.copyFileSync(path.join(dir, MANIFEST_FILE), path.join(dir, 'latest (1).yml')),
      'updates.refused.twoManifests',
    ],
  ];
  for (const [what, spoil, messageKey] of spoilt)
    test(`refused at the check: ${what}`, async () => {
      const dir = copyOfRelease();
      spoil(dir);
      const s = await adminStation();
      await s.call('updates.setSource', { source: { kind: 'folder', folder: dir } });
      expect(await s.call('updates.check', {})).toEqual({ outcome: 'refused', messageKey });
      expect(s.audit('updates.refused')).toEqual([{ step: 'check', reason: messageKey }]);
      expect((await s.call('updates.status', {})).available).toBeNull();
      expect(await s.fail('updates.download', {})).toMatchObject({
        code: 'CONFLICT',
        messageKey: 'updates.checkFirst',
      });
      expect(s.waiting()).toEqual([]);
    });

  test('refused at the check: a release older than the installed program', async () => {
    const dir = path.join(tempDir(), 'old');
    runRelease(dir, '0.0.9', path.join(keyDir, 'k1.pem'));
    const s = await adminStation();
    await s.call('updates.setSource', { source: { kind: 'folder', folder: dir } });
    expect(await s.call('updates.check', {})).toEqual({
      outcome: 'refused',
      messageKey: 'updates.refused.older',
      version: '0.0.9',
    });
    expect(s.audit('updates.refused')).toEqual([{ step: 'check', reason: 'updates.refused.older', version: '0.0.9' }]);
  }, 30_000);

  test('refused at the download: a flipped byte in the installer (its sha512 is not the signed one); nothing waits', async () => {
    const dir = copyOfRelease();
    const exe = path.join(dir, 'Uchaske-Setup-0.2.0.exe');
    const bytes = fs.readFileSync(exe);
    bytes.writeUInt8(bytes.readUInt8(1000) ^ 0x01, 1000);
    fs.writeFileSync(exe, bytes);
    const s = await adminStation();
    await s.call('updates.setSource', { source: { kind: 'folder', folder: dir } });
    expect((await s.call('updates.check', {})).outcome).toBe('available');
    expect(await s.call('updates.download', {})).toEqual({
      outcome: 'refused',
      messageKey: 'updates.refused.installerChanged',
    });
    expect(s.audit('updates.refused')).toEqual([{ step: 'download', reason: 'updates.refused.installerChanged' }]);
    expect(s.waiting()).toEqual([]);
    expect(await s.fail('updates.install', { when: 'now' })).toMatchObject({ code: 'CONFLICT' });
  }, 30_000);

  test('the release key rotates: a manifest signed by the second key is accepted where both are built in', async () => {
    const dir = path.join(tempDir(), 'rotated');
    runRelease(dir, '0.3.0', path.join(keyDir, 'k2.pem'));
    const both = await adminStation([key1.publicKey, key2.publicKey]);
    await both.call('updates.setSource', { source: { kind: 'folder', folder: dir } });
    expect(await both.call('updates.check', {})).toMatchObject({ outcome: 'available', release: { version: '0.3.0' } });
    // a build that knows only the first key refuses it
    const old = await adminStation([key1.publicKey]);
    await old.call('updates.setSource', { source: { kind: 'folder', folder: dir } });
    expect(await old.call('updates.check', {})).toEqual({
      outcome: 'refused',
      messageKey: 'updates.refused.unknownKey',
    });
    // and a build that trusts no key refuses everything
    const none = await adminStation([]);
    await none.call('updates.setSource', { source: { kind: 'folder', folder: released } });
    expect(await none.call('updates.check', {})).toEqual({
      outcome: 'refused',
      messageKey: 'updates.refused.noTrustedKeys',
    });
  }, 30_000);

  test("the department's server: a real HTTP server on 127.0.0.1, then a tampered manifest on it, then the server gone", async () => {
    const dir = copyOfRelease();
    const url = await departmentServer(dir);
    const s = await adminStation();
    await s.call('updates.setSource', { source: { kind: 'url', url } });
    expect(await s.call('updates.check', {})).toMatchObject({ outcome: 'available', release: { version: '0.2.0' } });
    expect(await s.call('updates.download', {})).toMatchObject({ outcome: 'downloaded' });
    expect(s.waiting()).toEqual(['Uchaske-Setup-0.2.0.exe']);

    fs.appendFileSync(path.join(dir, MANIFEST_FILE), 'stagingPercentage: 100\n');
    expect(await s.call('updates.check', {})).toEqual({ outcome: 'refused', messageKey: 'updates.refused.tampered' });
    // what was found before is not offered once a check refused
    expect((await s.call('updates.status', {})).available).toBeNull();

    await Promise.all(servers.splice(0).map((x) => new Promise((r) => x.close(r))));
    expect(await s.call('updates.check', {})).toEqual({ outcome: 'unavailable', messageKey: 'updates.unreachable' });
    // a folder that is not there (the USB drive out) is said so
    await s.call('updates.setSource', { source: { kind: 'folder', folder: path.join(dir, 'gone') } });
    expect(await s.call('updates.check', {})).toEqual({ outcome: 'unavailable', messageKey: 'updates.folderMissing' });
  }, 30_000);

  test('a source is a whole path or an http(s) address, with a translated message; nothing is kept otherwise', async () => {
    const s = await adminStation();
    for (const source of [
      { kind: 'url', url: 'ftp://10.0.0.1/uchaske' },
      { kind: 'url', url: 'file:///E:/uchaske' },
      { kind: 'folder', folder: 'uchaske' },
    ])
      expect((await s.fail('updates.setSource', { source })).fields?.[0]?.messageKey).toMatch(
        /^(updates\.badUrl|backup\.folderNotAbsolute)$/,
      );
    expect((await s.call('updates.status', {})).source).toBeNull();
    expect(s.audit('updates.source')).toEqual([]);
  });
});

describe('updates: the install', () => {
  /** a stand-in installer: a script that writes down the arguments electron-updater started it with */
  const script = Buffer.from('#!/bin/sh\necho "$@" > "$(dirname "$0")/installer-ran.txt"\n');

  async function downloaded(platform: NodeJS.Platform) {
    const s = await adminStation([key1.publicKey], { platform });
    await s.call('updates.setSource', {
      source: { kind: 'folder', folder: handRelease(path.join(tempDir(), 'r'), '0.2.0', script) },
    });
    expect((await s.call('updates.check', {})).outcome).toBe('available');
    expect((await s.call('updates.download', {})).outcome).toBe('downloaded');
    // electron-updater writes the download as a plain file; Windows runs an .exe as it is, Linux needs the bit
    fs.chmodSync(path.join(s.pending, 'Uchaske-Setup-0.2.0.exe'), 0o755);
    return s;
  }
  const ran = (s: { pending: string }) => path.join(s.pending, 'installer-ran.txt');
  const until = async (f: () => boolean) => {
    for (let i = 0; i < 100 && !f(); i++) await new Promise((r) => setTimeout(r, 50));
  };

  test('install now: a verified copy of the station first, then electron-updater starts the installer silently and the program is asked to close', async () => {
    const s = await downloaded('win32');
    const copies = s.backend.copies.list().length;
    const r = await s.call('updates.install', { when: 'now' });
    expect(s.backend.copies.list()).toHaveLength(copies + 1);
    expect(s.backend.copies.list()[0]).toMatchObject({ fileName: r.copy, kind: 'manual', intact: true });
    await until(() => fs.existsSync(ran(s)));
    expect(fs.readFileSync(ran(s), 'utf8').trim()).toBe('--updated /S --force-run');
    expect(s.quits).toHaveLength(1);
    expect(s.audit('updates.install')).toEqual([{ when: 'now', version: '0.2.0', copy: r.copy }]);
    expect((await s.call('updates.status', {})).phase).toBe('installing');
  }, 30_000);

  test('install at quit: nothing runs until the program closes, then the installer does', async () => {
    const s = await downloaded('win32');
    await s.call('updates.install', { when: 'atQuit' });
    expect((await s.call('updates.status', {})).installAtQuit).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(fs.existsSync(ran(s))).toBe(false);
    await s.backend.close();
    await until(() => fs.existsSync(ran(s)));
    expect(fs.readFileSync(ran(s), 'utf8').trim()).toBe('--updated /S');
    expect(s.quits).toHaveLength(0);
  }, 30_000);

  test('on a PC that does not run the Windows installer, install is refused before any copy', async () => {
    const s = await downloaded('linux');
    expect((await s.call('updates.status', {})).canInstall).toBe(false);
    const copies = s.backend.copies.list().length;
    expect(await s.fail('updates.install', { when: 'now' })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'updates.installWindowsOnly',
    });
    expect(s.backend.copies.list()).toHaveLength(copies);
    expect(s.audit('updates.install')).toEqual([]);
  }, 30_000);
});

describe('the packaged program', () => {
  test("every one of Electron's fuses is decided, strictly, with file:// getting no extra privileges", async () => {
    const { FuseV1Options } = await import('@electron/fuses');
    const { FUSES } = await import('../../scripts/fuses.cjs');
    expect(FUSES.strictlyRequireAllFuses).toBe(true);
    const all = Object.values(FuseV1Options).filter((v) => typeof v === 'number');
    for (const fuse of all) expect(typeof FUSES[fuse], `fuse ${FuseV1Options[fuse as number]}`).toBe('boolean');
    expect(FUSES[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    expect(FUSES[FuseV1Options.RunAsNode]).toBe(false);
  });
});
