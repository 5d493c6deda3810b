import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { Keyring } from '../../electron/backend/store/keyring';
import { listCopies } from '../../electron/backend/store/backup';
import { verifyCopyFile } from '../../electron/backend/backups';
import { AppError } from '../../shared/api';
import { receptionEntry, setUpStation, station, tempDir, LEAD } from './helpers';

const home = (dataDir: string) => path.join(dataDir, 'backups');
const keyOf = (copy: string) => Keyring.load(`${copy}.keyring`).unlock(LEAD.login, LEAD.password)!.key;
const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.messageKey : String(e);
  }
  return 'accepted';
};
const change = (s: Awaited<ReturnType<typeof setUpStation>>, n: number) =>
  s.call('calendar.setOverride', { date: `2026-12-${String(n).padStart(2, '0')}`, kind: 'holiday', name: `n${n}` });

describe('backups', () => {
  it('are written in a worker: the desk goes on while a copy is made, and a second copy is refused until it ends', async () => {
    const s = await setUpStation({ clock: () => new Date('2026-11-20T18:30:00') });
    const first = await s.call('reception.create', receptionEntry());
    // years of a busy station (about 25 MB), written straight into the real database
    s.backend.raw
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
         INSERT INTO receptions (year, number, received_at, mode, citizen_id, category_code, subject, action,
           receiver_id, created_by, created_at, updated_at)
         SELECT 2025, i, '2025-06-01T19:00', 'inPerson', ?, 'complaint', printf('%.300c', 'ж') || i, 'explained',
           1, 1, '2025-06-01T14:00:00.000Z', '2025-06-01T14:00:00.000Z' FROM n`,
      )
      .run(first.citizen.id);
    let copied = false;
    const copying = s.call('backup.now', {}).then((r) => {
      copied = true;
      return r;
    });
    // the evening desk meanwhile: a visitor registered and found while the copy is still being written
    const visitor = await s.call('reception.create', receptionEntry({ subject: 'Пока пишется копия' }));
    const during = await s.call('backup.progress', {});
    expect((await s.fail('backup.now', {})).messageKey).toBe('backup.inProgress');
    expect(copied).toBe(false);
    expect(during?.step).toMatch(/writing|verifying/);
    const made = await copying;
    expect(made.copy).toMatchObject({ kind: 'manual', intact: true });
    expect(made.copy.counts.receptions).toBeGreaterThanOrEqual(60000);
    expect(await s.call('backup.progress', {})).toBeNull();
    expect(
      refusal(() =>
        verifyCopyFile(
          path.join(home(s.dataDir), made.copy.fileName),
          keyOf(path.join(home(s.dataDir), made.copy.fileName)),
          'sqlcipher',
        ),
      ),
    ).toBe('accepted');
    expect((await s.call('reception.get', { id: visitor.id })).entry.subject).toBe('Пока пишется копия');
  }, 60_000);

  it('lists a copy only with its manifest: verified, with what it holds; the copy opens on its own', async () => {
    const s = await setUpStation();
    await change(s, 1);
    const made = await s.call('backup.now', {});
    expect(made.missed).toEqual([]);
    const listed = await s.call('backup.list', {});
    const copy = listed.home.find((c) => c.fileName === made.copy.fileName)!;
    expect(copy).toMatchObject({ kind: 'manual', intact: true, station: '17 Шұғыла' });
    expect(copy.counts).toMatchObject({ users: 1, receptions: 0 });
    const file = path.join(home(s.dataDir), copy.fileName);
    expect(verifyCopyFile(file, keyOf(file), 'sqlcipher').counts.audit_log).toBeGreaterThan(1);
    // no WAL or journal appears beside a copy that was only read
    expect(fs.readdirSync(home(s.dataDir)).filter((f) => /-(wal|shm|journal)$/.test(f))).toEqual([]);
  });

  it('refuses a manual copy under a minute after the last when nothing changed, and takes one after a change', async () => {
    let now = new Date('2026-11-20T10:00:00');
    const s = await setUpStation({ clock: () => now });
    // the first run's copy is a second old and nothing changed since
    expect((await s.fail('backup.now', {})).messageKey).toBe('backup.tooSoon');
    await change(s, 1);
    await s.call('backup.now', {});
    now = new Date('2026-11-20T10:00:30');
    expect((await s.fail('backup.now', {})).messageKey).toBe('backup.tooSoon');
    await change(s, 2);
    await s.call('backup.now', {});
    now = new Date('2026-11-20T10:01:40');
    await s.call('backup.now', {});
    expect(listCopies(home(s.dataDir)).filter((c) => c.kind === 'manual')).toHaveLength(3);
  });

  it('copies at lock only when something changed since the last copy', async () => {
    const s = await setUpStation();
    s.backend.lock();
    expect(listCopies(home(s.dataDir)).filter((c) => c.kind === 'lock')).toHaveLength(0);
    await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    await change(s, 3);
    s.backend.lock();
    expect(listCopies(home(s.dataDir)).filter((c) => c.kind === 'lock')).toHaveLength(1);
  });

  it("never lists what a killed copy left; removes it, and adopts the first wave's whole copies once checked", async () => {
    const s = await setUpStation();
    s.backend.lock();
    const dir = home(s.dataDir);
    const good = listCopies(dir);
    const first = path.join(dir, good[0]!.fileName);
    // a copy cut short (the first wave had no temporary names), the temporary files of another, and two whole copies
    // of the first wave: no manifest, one of them the pre-migration kind named by its schema version
    fs.writeFileSync(path.join(dir, 'uchaske-20261120-100000-manual.db'), Buffer.alloc(4096, 1));
    fs.copyFileSync(`${first}.keyring`, path.join(dir, 'uchaske-20261120-100000-manual.db.keyring'));
    fs.writeFileSync(path.join(dir, '.partial-uchaske-20261120-110000-daily.db'), Buffer.alloc(100));
    fs.writeFileSync(path.join(dir, 'uchaske-20261119-100000-lock.db.json'), '{}');
    for (const old of ['uchaske-20261101-090000-daily.db', 'uchaske-20261102-090000-v3.db']) {
      fs.copyFileSync(first, path.join(dir, old));
      fs.copyFileSync(`${first}.keyring`, path.join(dir, `${old}.keyring`));
    }
    expect(listCopies(dir)).toEqual(good);
    const again = station({ dataDir: s.dataDir });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('.partial-') || f.includes('-lock.db.json'))).toEqual([]);
    await again.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    const listed = listCopies(dir);
    expect(listed.map((c) => [c.fileName, c.kind, c.intact])).toEqual(
      expect.arrayContaining([
        ['uchaske-20261101-090000-daily.db', 'daily', true],
        ['uchaske-20261102-090000-v3.db', 'migration', true],
      ]),
    );
    expect(fs.readdirSync(dir).filter((f) => f.includes('20261120-100000'))).toEqual([]);
    expect(listed.find((c) => c.fileName.includes('20261101'))!.createdAt).toBe(
      new Date(2026, 10, 1, 9, 0, 0).toISOString(),
    );
  });

  it('keeps daily history however many manual copies are made', async () => {
    let now = new Date('2026-11-01T09:00:00');
    const s = await setUpStation({ clock: () => now });
    for (let d = 2; d <= 10; d++) {
      now = new Date(`2026-11-${String(d).padStart(2, '0')}T09:00:00`);
      s.backend.lock();
      await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    }
    for (let i = 0; i < 20; i++) {
      now = new Date(now.getTime() + 120_000);
      await s.call('backup.now', {});
    }
    const copies = listCopies(home(s.dataDir));
    expect(copies.filter((c) => c.kind === 'daily')).toHaveLength(10);
    expect(copies.filter((c) => c.kind === 'manual')).toHaveLength(10);
  });

  it('writes every copy to the chosen folders too; a missing folder is reported, never fatal', async () => {
    const s = await setUpStation();
    const usb = tempDir();
    const share = path.join(tempDir(), 'share');
    fs.mkdirSync(share);
    expect((await s.fail('backup.setFolders', { folders: [home(s.dataDir)] })).messageKey).toBe(
      'backup.folderIsDataFolder',
    );
    // '.' was taken as the working folder: the copies went wherever the program was started from
    expect((await s.fail('backup.setFolders', { folders: ['.'] })).fields).toEqual([
      { path: 'folders.0', messageKey: 'backup.folderNotAbsolute' },
    ]);
    expect((await s.fail('backup.setFolders', { folders: [path.join(usb, 'nope')] })).messageKey).toBe(
      'backup.folderUnusable',
    );
    await s.call('backup.setFolders', { folders: [usb, share] });
    const made = await s.call('backup.now', {});
    expect(made.missed).toEqual([]);
    expect(listCopies(usb).map((c) => c.fileName)).toEqual([made.copy.fileName]);
    const onUsb = path.join(usb, made.copy.fileName);
    expect(verifyCopyFile(onUsb, keyOf(onUsb), 'sqlcipher').station).toBe('17 Шұғыла');

    fs.rmSync(share, { recursive: true });
    await change(s, 4);
    const again = await s.call('backup.now', {});
    expect(again.missed).toEqual([{ folder: share, messageKey: 'backup.folderMissing' }]);
    const listed = await s.call('backup.list', {});
    expect(listed.destinations.map((d) => [d.folder, d.present, d.copies.length])).toEqual([
      [usb, true, 2],
      [share, false, 0],
    ]);
    expect(listed.lastOutside).toBe(again.copy.createdAt);
  });

  it('tells the administrator on Today when no copy left the PC for more than a week', async () => {
    let now = new Date('2026-11-02T09:00:00');
    const s = await setUpStation({ clock: () => now });
    const due = async (date: string) =>
      (await s.call('today.list', { date })).filter((d) => d.ruleId === 'backup.offsite').map((d) => d.titleKey);
    expect(await due('2026-11-05')).toEqual([]);
    expect(await due('2026-11-09')).toEqual([]);
    expect(await due('2026-11-10')).toEqual(['today.rules.backupNoFolder']);
    now = new Date('2026-11-10T09:00:00');
    s.backend.lock();
    await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    const usb = tempDir();
    await s.call('backup.setFolders', { folders: [usb] });
    await change(s, 5);
    await s.call('backup.now', {});
    expect(await due('2026-11-10')).toEqual([]);
    expect(await due('2026-11-17')).toEqual([]);
    expect(await due('2026-11-18')).toEqual(['today.rules.backupOffsite']);
  });
});

describe('a broken audit chain', () => {
  it('is copied faithfully, not refused, and a restore of that copy is refused', async () => {
    const s = await setUpStation();
    await change(s, 7);
    s.backend.raw.prepare("UPDATE audit_log SET action = 'edited' WHERE id = 1").run();
    const { copy } = await s.call('backup.now', {});
    const listed = listCopies(home(s.dataDir)).find((c) => c.fileName === copy.fileName)!;
    expect(listed.audit.ok).toBe(false);
    const file = path.join(home(s.dataDir), copy.fileName);
    const input = { file, by: 'code' as const, login: '', password: '', recoveryCode: s.recoveryCode };
    expect((await station().fail('backup.restore', input)).messageKey).toBe('backup.auditBroken');
  });
});

describe('a copy is checked whole before it counts', () => {
  it('refuses every kind of bad copy with its reason', async () => {
    const s = await setUpStation();
    await change(s, 6);
    const { copy } = await s.call('backup.now', {});
    const file = path.join(home(s.dataDir), copy.fileName);
    const key = keyOf(file);
    const bytes = fs.readFileSync(file);
    const dir = tempDir();
    const variant = (name: string, data: Buffer) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, data);
      return f;
    };
    const flip = (at: number) => {
      const b = Buffer.from(bytes);
      b[at] = b[at]! ^ 0xff;
      return b;
    };
    const plain = path.join(dir, 'plain.db');
    const p = new Database(plain);
    p.exec('CREATE TABLE audit_log(x)');
    p.close();
    const other = await setUpStation();
    const theirs = listCopies(home(other.dataDir))[0]!;

    expect(refusal(() => verifyCopyFile(file, key, 'sqlcipher'))).toBe('accepted');
    expect(refusal(() => verifyCopyFile(variant('empty.db', Buffer.alloc(0)), key, 'sqlcipher'))).toBe(
      'backup.unreadable',
    );
    expect(
      refusal(() => verifyCopyFile(variant('half.db', bytes.subarray(0, bytes.length / 2)), key, 'sqlcipher')),
    ).toMatch(/^backup\.(unreadable|damaged)$/);
    expect(refusal(() => verifyCopyFile(variant('page.db', flip(bytes.length - 2000)), key, 'sqlcipher'))).toMatch(
      /^backup\.(unreadable|damaged)$/,
    );
    expect(refusal(() => verifyCopyFile(variant('header.db', flip(20)), key, 'sqlcipher'))).toMatch(
      /^backup\.(unreadable|damaged)$/,
    );
    expect(refusal(() => verifyCopyFile(plain, key, 'sqlcipher'))).toBe('backup.unreadable');
    expect(refusal(() => verifyCopyFile(path.join(home(other.dataDir), theirs.fileName), key, 'sqlcipher'))).toBe(
      'backup.unreadable',
    );
  });
});
