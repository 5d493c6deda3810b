// `npm run release`: the update folder a station takes from the department's server or a USB drive — the installer,
// its blockmap, latest.yml and latest.yml.sig (Ed25519, the release key). Where the Electron binary exists the
// installer is built by electron-builder; elsewhere the script proves what it can on a stand-in installer and says
// what it could not build. `npm run release:keygen` makes a release key pair.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { DebugLogger } from 'builder-util';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { buildBlockMap } from 'app-builder-lib/out/targets/blockmap/blockmap';
import {
  generateReleaseKey,
  installerName,
  manifestText,
  MANIFEST_FILE,
  publicKeyOf,
  sha512Of,
  signManifest,
  SIGNATURE_FILE,
  verifyManifest,
} from '../electron/backend/modules/updates/manifest';
import { RELEASE_KEYS } from '../electron/backend/modules/updates/releaseKeys';
import { electronBinary } from './electron-binary.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const KEYS_FILE = path.join(ROOT, 'electron', 'backend', 'modules', 'updates', 'releaseKeys.ts');
const KEYS_MARK = '  // release keys (keep this line: release:keygen adds above it)';
const inRepo = (file: string) => !path.relative(ROOT, path.resolve(file)).startsWith('..');
const say = (line: string) => console.log(`release: ${line}`);
function fail(line: string): never {
  console.error(`release: ${line}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    key: { type: 'string' },
    out: { type: 'string' },
    version: { type: 'string' },
    notes: { type: 'string' },
    // tests sign with a key of their own, which no build trusts
    'unlisted-key': { type: 'boolean', default: false },
    // keygen: do not add the public key to the built-in list (tests)
    'no-register': { type: 'boolean', default: false },
  },
});

if (positionals[0] === 'keygen') keygen();
else await release();

function keygen(): void {
  const out = path.resolve(values.out ?? path.join(os.homedir(), '.uchaske', 'release-key.pem'));
  if (inRepo(out)) fail(`the private key must live outside the repository, not in ${out}`);
  if (fs.existsSync(out)) fail(`${out} exists; a key is never overwritten`);
  const { privatePem, publicKey } = generateReleaseKey();
  fs.mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 });
  fs.writeFileSync(out, privatePem, { mode: 0o600, flag: 'wx' });
  say(`private key: ${out} (keep it off the station PCs; anyone with it can sign an update)`);
  say(`public key: ${publicKey}`);
  if (values['no-register']) return;
  const text = fs.readFileSync(KEYS_FILE, 'utf8');
  if (!text.includes(KEYS_MARK)) fail(`cannot find the key list's mark in ${KEYS_FILE}`);
  const stamp = new Date().toISOString().slice(0, 10);
  fs.writeFileSync(KEYS_FILE, text.replace(KEYS_MARK, `  '${publicKey}', // ${stamp}\n${KEYS_MARK}`));
  say(`added to ${path.relative(ROOT, KEYS_FILE)}: commit it; builds from then on trust this key`);
}

function releaseKey(): string {
  const env = process.env.UCHASKE_RELEASE_KEY;
  if (env) return env.includes('BEGIN') ? env : Buffer.from(env, 'base64').toString('utf8');
  const file = values.key ?? process.env.UCHASKE_RELEASE_KEY_FILE;
  if (!file) fail('no release key: set UCHASKE_RELEASE_KEY (PEM) or UCHASKE_RELEASE_KEY_FILE, or pass --key FILE');
  if (inRepo(file)) fail(`a release key inside the repository (${file}) is refused: keep it outside`);
  return fs.readFileSync(file, 'utf8');
}

async function release(): Promise<void> {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const version = values.version ?? pkg.version;
  const notes = values.notes ?? '';
  const out = path.resolve(values.out ?? path.join(ROOT, 'dist', 'update'));
  const privatePem = releaseKey();
  const publicKey = publicKeyOf(crypto.createPublicKey(privatePem));
  const trusted = values['unlisted-key'] ? [publicKey] : RELEASE_KEYS;
  if (!values['unlisted-key'] && !RELEASE_KEYS.includes(publicKey))
    fail('this key is not among the built-in release keys: stations would refuse the release (npm run release:keygen)');

  // the packaging configuration, checked by electron-builder's own schema
  const config = await getConfig(ROOT, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  say('electron-builder configuration: valid');

  const cannot: string[] = [];
  let installer: string;
  /** the stand-in's own folder, removed once the update folder has its copy */
  let standIn: string | null = null;
  const bin = electronBinary();
  if (bin && process.platform === 'win32') {
    const publisher = process.env.UCHASKE_PUBLISHER;
    if (!publisher)
      fail('UCHASKE_PUBLISHER is not set: the installer would be taken without its Windows signature check');
    const dist = path.join(ROOT, 'dist');
    const run = (cmd: string, args: string[]) =>
      execFileSync(path.join(ROOT, 'node_modules', '.bin', cmd), args, { cwd: ROOT, stdio: 'inherit', shell: true });
    run('electron-vite', ['build']);
    run('electron-builder', [
      '--win',
      'nsis',
      '--publish',
      'never',
      `-c.extraMetadata.version=${version}`,
      `-c.win.signtoolOptions.publisherName=${JSON.stringify(publisher)}`,
    ]);
    installer = path.join(dist, `Uchaske-Setup-${version}.exe`);
  } else {
    cannot.push(
      bin
        ? 'the NSIS installer: it is built on Windows (electron-builder needs makensis and signing there)'
        : 'the NSIS installer: there is no Electron binary on this machine',
    );
    standIn = fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-release-'));
    installer = path.join(standIn, `Uchaske-Setup-${version}.exe`);
    // a stand-in of a realistic size, different for each version, so the hashes and the blockmap are real work
    const seed = crypto.createHash('sha256').update(`Uchaske stand-in installer ${version}`).digest();
    const body = Buffer.alloc(2 * 1024 * 1024);
    for (let i = 0; i < body.length; i += seed.length) seed.copy(body, i);
    fs.writeFileSync(installer, Buffer.concat([Buffer.from(`STAND-IN, NOT AN INSTALLER: Uchaske ${version}\n`), body]));
  }

  // the update folder, whole or not at all: written beside, renamed into place
  const staging = `${out}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  const name = installerName(path.basename(installer));
  fs.copyFileSync(installer, path.join(staging, name));
  if (standIn) fs.rmSync(standIn, { recursive: true, force: true });
  const map = await buildBlockMap(path.join(staging, name), 'gzip', path.join(staging, `${name}.blockmap`));
  const bytes = fs.readFileSync(path.join(staging, name));
  const manifest = Buffer.from(
    manifestText({
      version,
      installer: name,
      sha512: sha512Of(bytes),
      size: bytes.length,
      releaseDate: new Date().toISOString(),
      notes,
      blockMapSize: map.blockMapSize,
    }),
  );
  fs.writeFileSync(path.join(staging, MANIFEST_FILE), manifest);
  fs.writeFileSync(path.join(staging, SIGNATURE_FILE), signManifest(manifest, privatePem));
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(staging, out);

  // read back as a station reads it: the signature under the trusted keys, the installer against the manifest
  const written = fs.readFileSync(path.join(out, MANIFEST_FILE));
  verifyManifest(written, fs.readFileSync(path.join(out, SIGNATURE_FILE), 'utf8'), trusted);
  const facts = yaml.load(written.toString('utf8')) as {
    version: string;
    files: { url: string; sha512: string; size: number }[];
  };
  const file = facts.files[0]!;
  const got = fs.readFileSync(path.join(out, installerName(file.url)));
  if (sha512Of(got) !== file.sha512 || got.length !== file.size) fail('the installer does not match its manifest');
  say(`verified: ${MANIFEST_FILE} signed by key ${publicKey.slice(0, 8)}…, ${file.url} matches its sha512`);
  say(`update folder: ${out} (version ${facts.version})`);
  for (const c of cannot) say(`not built here: ${c}; the folder holds a stand-in in its place`);
}
