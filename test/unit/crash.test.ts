import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncrypted } from '../../electron/backend/store/database';
import { Keyring } from '../../electron/backend/store/keyring';
import { listCopies } from '../../electron/backend/store/backup';
import { verifyCopyFile } from '../../electron/backend/backups';
import { ROOT, setUpStation, station, LEAD } from './helpers';

/** `npm test` runs a few per kind; `npm run test:crash` runs a hundred. */
const TRIALS = Number(process.env.CRASH_TRIALS ?? 20);
const CHILD = path.join(ROOT, 'test', 'crash', 'child.ts');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');

/**
 * Runs the child on the data folder and kills it with SIGKILL at a random moment once it is working; returns what it
 * acknowledged. Killed before its first acknowledgement sometimes, mid-write often: both must be survived.
 */
function runAndKill(args: string[], env: Record<string, string> = {}, windowMs = 400): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, CHILD, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: number[] = [];
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const lines = out.split('\n');
      out = lines.pop()!;
      for (const l of lines) {
        if (l === 'ready') setTimeout(() => child.kill('SIGKILL'), 5 + Math.random() * windowMs);
        else if (l.startsWith('ack ')) acks.push(Number(l.slice(4)));
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve(acks) : reject(new Error(`child ended by itself: ${err.slice(0, 300)}`)),
    );
  });
}

const keyOf = (ring: string) => Keyring.load(ring).unlock(LEAD.login, LEAD.password)!.key;

function checkWhole(dataDir: string): void {
  const raw = openEncrypted(
    path.join(dataDir, 'uchaske.db'),
    keyOf(path.join(dataDir, 'uchaske.keyring')),
    'sqlcipher',
  );
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  raw.close();
}

describe('crash trials: SIGKILL at random moments', () => {
  it(`keeps every acknowledged write, whole, with its audit chain (${TRIALS} kills)`, async () => {
    const s = await setUpStation();
    s.backend.lock();
    const acked: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      acked.push(
        ...(await runAndKill([s.dataDir, 'writes', LEAD.login, LEAD.password], { CRASH_START: String(trial * 1000) })),
      );
    }
    expect(acked.length).toBeGreaterThan(TRIALS);
    checkWhole(s.dataDir);
    const after = station({ dataDir: s.dataDir });
    await after.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    const names = new Set((await after.call('calendar.overrides', {})).map((d) => d.name));
    expect(acked.filter((n) => !names.has(`w${n}`))).toEqual([]);
    expect((await after.call('audit.verify', {})).ok).toBe(true);
    after.backend.lock();
  }, 600_000);

  it(`never lists a broken copy when killed during backups (${TRIALS} kills)`, async () => {
    const s = await setUpStation();
    s.backend.lock();
    const home = path.join(s.dataDir, 'backups');
    for (let trial = 0; trial < TRIALS; trial++) {
      await runAndKill([s.dataDir, 'backups', LEAD.login, LEAD.password], { CRASH_START: String(trial * 1000) });
      // the next start cleans what the kill left; every copy still listed opens whole
      station({ dataDir: s.dataDir });
      for (const c of listCopies(home)) {
        const file = path.join(home, c.fileName);
        expect(c.intact, c.fileName).toBe(true);
        expect(() => verifyCopyFile(file, keyOf(`${file}.keyring`), 'sqlcipher')).not.toThrow();
      }
      expect(fs.readdirSync(home).filter((f) => f.startsWith('.partial-'))).toEqual([]);
    }
    checkWhole(s.dataDir);
  }, 600_000);

  it(`leaves either the old or the restored data when killed during restores, and loses nothing (${TRIALS} kills)`, async () => {
    const s = await setUpStation();
    await s.call('calendar.setOverride', { date: '2031-01-01', kind: 'holiday', name: 'in the copy' });
    const { copy } = await s.call('backup.now', {});
    await s.call('calendar.setOverride', { date: '2031-01-02', kind: 'holiday', name: 'only before the restore' });
    s.backend.lock();
    const file = path.join(s.dataDir, 'backups', copy.fileName);
    for (let trial = 0; trial < TRIALS; trial++) {
      await runAndKill([s.dataDir, 'restores', LEAD.login, LEAD.password, file, s.recoveryCode]);
      const after = station({ dataDir: s.dataDir });
      await after.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
      const names = (await after.call('calendar.overrides', {})).map((d) => d.name);
      expect(names).toContain('in the copy');
      expect((await after.call('audit.verify', {})).ok).toBe(true);
      after.backend.lock();
      checkWhole(s.dataDir);
    }
    // the data from before the first restore is in the data folder or moved aside, never gone
    const places = [
      s.dataDir,
      ...fs
        .readdirSync(s.dataDir)
        .filter((f) => f.startsWith('replaced-'))
        .map((f) => path.join(s.dataDir, f)),
    ];
    const holders = places.filter((dir) => {
      const db = path.join(dir, 'uchaske.db');
      const ring = path.join(dir, 'uchaske.keyring');
      if (!fs.existsSync(db) || !fs.existsSync(ring)) return false;
      const raw = openEncrypted(db, keyOf(ring), 'sqlcipher', { readonly: true });
      const n = raw
        .prepare("SELECT count(*) n FROM calendar_overrides WHERE name = 'only before the restore'")
        .get() as { n: number };
      raw.close();
      return n.n === 1;
    });
    expect(holders.length).toBe(1);
  }, 600_000);

  it(`opens under the old key or the new one when killed while the database key changes (${TRIALS} kills)`, async () => {
    const s = await setUpStation();
    s.backend.lock();
    const acked: number[] = [];
    for (let trial = 0; trial < TRIALS; trial++) {
      acked.push(
        // a rotation ends with a copy written in a worker (which starts slowly under tsx): a longer window
        ...(await runAndKill(
          [s.dataDir, 'rotations', LEAD.login, LEAD.password],
          { CRASH_START: String(trial * 200) },
          2500,
        )),
      );
      // the next unlock settles the keyring on whichever key the file is under
      const after = station({ dataDir: s.dataDir });
      // a copy being built under the next key is dropped at start, never left as a second database
      expect(fs.readdirSync(s.dataDir).filter((f) => f.includes('rekeying'))).toEqual([]);
      await after.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
      after.backend.lock();
      checkWhole(s.dataDir);
    }
    expect(acked.length).toBeGreaterThan(0);
    const after = station({ dataDir: s.dataDir });
    await after.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    const names = new Set((await after.call('calendar.overrides', {})).map((d) => d.name));
    expect(acked.filter((n) => !names.has(`w${n}`))).toEqual([]);
    expect((await after.call('audit.verify', {})).ok).toBe(true);
    after.backend.lock();
  }, 600_000);
});
