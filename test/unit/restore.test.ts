import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncrypted, type RawDb } from '../../electron/backend/store/database';
import { Keyring } from '../../electron/backend/store/keyring';
import { listCopies } from '../../electron/backend/store/backup';
import { finishRestore, previewCopy, stageRestore } from '../../electron/backend/restore';
import { LATEST_VERSION } from '../../electron/backend/store/migrations';
import { addUser, setUpStation, station, tempDir, LEAD } from './helpers';

// a 1×1 PNG: a section plan, stored in the database like the person files' photos
const PLAN =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** Every row of every table, in order: two databases are the same data when their dumps are equal. */
function dump(raw: RawDb, skipLastAudit = false): Record<string, unknown[]> {
  const tables = raw
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[];
  const out: Record<string, unknown[]> = {};
  for (const { name } of tables) {
    const rows = raw.prepare(`SELECT * FROM "${name}"`).all();
    out[name] = name === 'audit_log' && skipLastAudit ? rows.slice(0, -1) : rows;
  }
  return out;
}
const open = (file: string, login = LEAD.login, password = LEAD.password) => {
  const got = Keyring.load(`${file}.keyring`.replace(/uchaske\.db\.keyring$/, 'uchaske.keyring')).unlock(
    login,
    password,
  )!;
  return openEncrypted(file, got.key, 'sqlcipher', { readonly: true });
};
const digest = (dir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((f) => fs.statSync(path.join(dir, f)).isFile())
      .map((f) => [
        f,
        crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(dir, f)))
          .digest('hex'),
      ]),
  );

async function stationWithData() {
  const s = await setUpStation();
  await addUser(s, 'inspector1', 'Инспекторов', 'inspector', [1]);
  await s.call('passport.savePlan', { sectionId: 1, image: PLAN, note: 'карта участка' });
  await s.call('calendar.setOverride', { date: '2026-12-31', kind: 'holiday', name: 'Жаңа жыл қарсаңы' });
  const usb = tempDir();
  await s.call('backup.setFolders', { folders: [usb] });
  const { copy } = await s.call('backup.now', {});
  return { s, usb, copy, file: path.join(usb, copy.fileName) };
}

describe('restore', () => {
  it('brings a copy from a USB folder to a new PC with the recovery code: every table the same, plans included', async () => {
    const { s, usb, file } = await stationWithData();
    const fresh = station();
    expect((await fresh.call('auth.status', {})).state).toBe('setup');
    const candidates = await fresh.call('backup.candidates', { folder: usb });
    expect(candidates.map((c) => c.file)).toEqual([file]);
    const secret = { file, by: 'code' as const, login: '', password: '', recoveryCode: s.recoveryCode.toLowerCase() };
    const preview = await fresh.call('backup.inspect', secret);
    expect(preview).toMatchObject({ station: '17 Шұғыла', counts: { users: 2 } });
    // looking changed nothing
    expect(fs.readdirSync(fresh.dataDir).filter((f) => f.startsWith('uchaske'))).toEqual([]);

    await fresh.call('backup.restore', secret);
    expect((await fresh.call('auth.status', {})).state).toBe('locked');
    await fresh.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    const plan = await fresh.call('passport.get', { sectionId: 1 });
    expect(plan.plan?.image).toBe(PLAN);
    fresh.backend.lock();

    const before = open(file);
    const after = open(path.join(fresh.dataDir, 'uchaske.db'));
    expect(dump(after, true)).toEqual(dump(before));
    const last = after.prepare('SELECT action, user_id FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'backup.restore', user_id: null });
    before.close();
    after.close();
    expect(fs.readdirSync(fresh.dataDir).filter((f) => f.startsWith('replaced-') || f.startsWith('restore'))).toEqual(
      [],
    );
  });

  it('restores over the current data with an administrator password; the current files are moved aside, not lost', async () => {
    const { s, file } = await stationWithData();
    await s.call('calendar.setOverride', { date: '2026-12-30', kind: 'holiday', name: 'после копии' });
    const preview = await s.call('backup.restore', {
      file,
      by: 'password',
      login: LEAD.login,
      password: LEAD.password,
      recoveryCode: '',
    });
    expect(preview.counts.users).toBe(2);
    expect((await s.call('auth.status', {})).state).toBe('locked');
    await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    const days = (await s.call('calendar.overrides', {})).map((d) => d.name);
    expect(days).toContain('Жаңа жыл қарсаңы');
    expect(days).not.toContain('после копии');
    expect((await s.call('audit.verify', {})).ok).toBe(true);
    s.backend.lock();

    const aside = fs.readdirSync(s.dataDir).filter((f) => f.startsWith('replaced-'));
    expect(aside).toHaveLength(1);
    const moved = path.join(s.dataDir, aside[0]!);
    expect(fs.readdirSync(moved).sort()).toEqual(expect.arrayContaining(['uchaske.db', 'uchaske.keyring']));
    // the keyring moved aside still opens the database moved with it
    const old = openEncrypted(
      path.join(moved, 'uchaske.db'),
      Keyring.load(path.join(moved, 'uchaske.keyring')).unlock(LEAD.login, LEAD.password)!.key,
      'sqlcipher',
    );
    expect(old.prepare("SELECT count(*) n FROM calendar_overrides WHERE name = 'после копии'").get()).toEqual({ n: 1 });
    old.close();
  });

  it('refuses a wrong code, a wrong password, an inspector and a damaged copy, and changes nothing', async () => {
    const { s, file } = await stationWithData();
    const target = await setUpStation();
    target.backend.lock();
    const unchanged = digest(target.dataDir);
    const base = { file, by: 'password' as const, login: LEAD.login, password: LEAD.password, recoveryCode: '' };
    const refused = async (input: typeof base | (Omit<typeof base, 'by'> & { by: 'code' })) =>
      (await target.fail('backup.restore', input)).messageKey;

    expect(await refused({ ...base, by: 'code', recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' })).toBe(
      'restore.wrongCode',
    );
    expect(await refused({ ...base, password: 'not-the-password' })).toBe('errors.wrongLogin');
    expect(await refused({ ...base, login: 'inspector1', password: 'Temp-12345' })).toBe('restore.notAdmin');
    const broken = path.join(tempDir(), path.basename(file));
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 3000] = bytes[bytes.length - 3000]! ^ 0xff;
    fs.writeFileSync(broken, bytes);
    fs.copyFileSync(`${file}.keyring`, `${broken}.keyring`);
    expect(await refused({ ...base, file: broken })).toMatch(/^backup\.(damaged|unreadable)$/);
    // a keyring forged to cost minutes and gigabytes (N 2^22) is refused before any secret is tried
    const ring = JSON.parse(fs.readFileSync(`${file}.keyring`, 'utf8')) as {
      recovery: { privateKey: { scrypt: object } };
    };
    ring.recovery.privateKey.scrypt = { N: 2 ** 22, r: 16, p: 1 };
    fs.writeFileSync(`${broken}.keyring`, JSON.stringify(ring));
    expect(await refused({ ...base, by: 'code', file: broken, recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' })).toBe(
      'restore.keyringForeign',
    );
    fs.rmSync(`${broken}.keyring`);
    expect(await refused({ ...base, file: broken })).toBe('restore.noKeyring');
    expect(await refused({ ...base, file: path.join(s.dataDir, 'nothing.db') })).toBe('restore.noFile');
    expect((await target.fail('backup.restore', { ...base, by: 'code', recoveryCode: '' })).messageKey).toBe(
      'errors.validation',
    );
    // only the count of wrong secrets moved, as at unlock
    const { 'unlock-attempts.json': attempts, ...rest } = digest(target.dataDir);
    expect(rest).toEqual(unchanged);
    expect(attempts).toBeDefined();
    // an inspector with a session open may not even look
    await target.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    await addUser(target, 'insp2', 'Екінші', 'inspector', [1]);
    target.backend.lock();
    await target.call('auth.unlock', { login: 'insp2', password: 'Temp-12345' });
    expect((await target.fail('backup.candidates', { folder: null })).code).toBe('FORBIDDEN');
  });

  it('after a crash in the middle of a restore: not yet ready, the old data stays; ready, the swap is finished', async () => {
    const { s, file } = await stationWithData();
    await s.call('calendar.setOverride', { date: '2026-12-30', kind: 'holiday', name: 'после копии' });
    s.backend.lock();
    const files = { db: 'uchaske.db', keyring: 'uchaske.keyring' };
    const secret = { recoveryCode: s.recoveryCode };
    const preview = previewCopy(file, secret, LATEST_VERSION);

    // killed while staging: no READY mark
    await stageRestore(s.dataDir, preview, new Date(), files);
    fs.rmSync(path.join(s.dataDir, 'restore-pending', 'READY'));
    const again = station({ dataDir: s.dataDir });
    expect(fs.existsSync(path.join(s.dataDir, 'restore-pending'))).toBe(false);
    await again.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    expect((await again.call('calendar.overrides', {})).map((d) => d.name)).toContain('после копии');
    again.backend.lock();

    // killed after the database was swapped but before the keyring
    await stageRestore(s.dataDir, preview, new Date('2026-11-20T10:00:00'), files);
    const aside = path.join(s.dataDir, 'replaced-20261120-100000');
    fs.mkdirSync(aside);
    for (const f of ['uchaske.db', 'uchaske.db-wal', 'uchaske.db-shm'])
      if (fs.existsSync(path.join(s.dataDir, f))) fs.renameSync(path.join(s.dataDir, f), path.join(aside, f));
    fs.renameSync(path.join(s.dataDir, 'restore-pending', 'uchaske.db'), path.join(s.dataDir, 'uchaske.db'));
    const restarted = station({ dataDir: s.dataDir });
    expect(fs.existsSync(path.join(s.dataDir, 'restore-pending'))).toBe(false);
    expect(fs.readdirSync(aside).sort()).toEqual(['uchaske.db', 'uchaske.keyring']);
    await restarted.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    expect((await restarted.call('calendar.overrides', {})).map((d) => d.name)).not.toContain('после копии');
    restarted.backend.lock();
    expect(finishRestore(s.dataDir, files)).toBe(false);
    expect(listCopies(path.join(s.dataDir, 'backups')).every((c) => c.intact)).toBe(true);
  });
});

describe('a damaged database at unlock', () => {
  it('is not written to; the person is sent to the newest verified copy, which restores it', async () => {
    let now = new Date('2026-11-20T10:00:00');
    const s = await setUpStation({ clock: () => now });
    await s.call('calendar.setOverride', { date: '2026-12-31', kind: 'holiday', name: 'в копии' });
    s.backend.lock();
    const db = path.join(s.dataDir, 'uchaske.db');
    const bytes = fs.readFileSync(db);
    const at = Math.floor(bytes.length / 4096 / 2) * 4096 + 200;
    bytes[at] = bytes[at]! ^ 0xff;
    fs.writeFileSync(db, bytes);
    const copiesBefore = listCopies(path.join(s.dataDir, 'backups')).length;
    now = new Date('2026-11-21T09:00:00');
    expect((await s.fail('auth.unlock', { login: LEAD.login, password: LEAD.password })).messageKey).toBe(
      'errors.databaseDamaged',
    );
    expect(fs.readFileSync(db).equals(bytes)).toBe(true);
    expect(listCopies(path.join(s.dataDir, 'backups'))).toHaveLength(copiesBefore);

    const [newest] = await s.call('backup.candidates', { folder: null });
    await s.call('backup.restore', {
      file: newest!.file,
      by: 'code',
      login: '',
      password: '',
      recoveryCode: s.recoveryCode,
    });
    await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    expect((await s.call('calendar.overrides', {})).map((d) => d.name)).toContain('в копии');
  });
});
