import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { openEncrypted } from '../../electron/backend/store/database';
import { Keyring, newRecoveryCode, normalizeRecoveryCode } from '../../electron/backend/store/keyring';
import { migrate, schemaVersion, LATEST_VERSION, MIGRATIONS } from '../../electron/backend/store/migrations';
import { listCopies } from '../../electron/backend/store/backup';
import { setUpStation, station, tempDir, LEAD } from './helpers';

const copiesOf = (dataDir: string) => listCopies(path.join(dataDir, 'backups'));

const filesOf = (dir: string) =>
  fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .map((f) => path.join(dir, f))
    .filter((f) => fs.statSync(f).isFile());

describe('encrypted store', () => {
  it('keeps no plaintext of a saved value in the database, its WAL, backups or keyring', async () => {
    const s = await setUpStation();
    const marker = 'Жұмабекова-Маркер';
    await s.call('users.create', {
      surname: marker,
      name: 'Айгүл',
      patronymic: '',
      rank: '',
      position: '',
      role: 'inspector',
      sectionIds: [1],
      login: 'zhumabekova',
      temporaryPassword: 'Temp-12345',
    });
    expect(fs.existsSync(`${s.backend.dbFile}-wal`)).toBe(true);
    const walBytes = fs.readFileSync(`${s.backend.dbFile}-wal`);
    expect(walBytes.length).toBeGreaterThan(0);
    await s.call('backup.now', {});
    const files = filesOf(s.dataDir);
    expect(files.some((f) => f.endsWith('.db') && f.includes('backups'))).toBe(true);
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      for (const needle of [marker, 'zhumabekova', LEAD.surname, 'SQLite format 3']) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${path.basename(f)} contains ${needle}`).toBe(false);
      }
    }
  });

  it('refuses a wrong key and opens with the right one', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.db');
    const key = Buffer.alloc(32, 7);
    const db = openEncrypted(file, key, 'sqlcipher');
    migrate(db);
    db.close();
    expect(() => openEncrypted(file, Buffer.alloc(32, 8), 'sqlcipher')).toThrow();
    const again = openEncrypted(file, key, 'sqlcipher');
    expect(schemaVersion(again)).toBe(LATEST_VERSION);
    again.close();
  });

  it('is readable by a plain SQLCipher 4 client given the raw key (format choice)', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'x.db');
    const key = Buffer.alloc(32, 3);
    const db = openEncrypted(file, key, 'sqlcipher');
    db.exec("CREATE TABLE t(x); INSERT INTO t VALUES ('Қасым')");
    db.close();
    const other = new Database(file);
    other.pragma(`cipher = 'sqlcipher'`);
    other.pragma('legacy = 4');
    other.pragma(`key = "x'${key.toString('hex')}'"`);
    expect(other.prepare('SELECT x FROM t').get()).toEqual({ x: 'Қасым' });
    other.close();
  });

  it('runs numbered migrations forward once, in order', () => {
    const dir = tempDir();
    const db = openEncrypted(path.join(dir, 'm.db'), Buffer.alloc(32, 1), 'sqlcipher');
    const steps = [
      { version: 1, name: 'a', sql: 'CREATE TABLE a(x)' },
      { version: 2, name: 'b', sql: 'CREATE TABLE b(x)' },
    ];
    expect(migrate(db, steps.slice(0, 1))).toEqual([1]);
    expect(migrate(db, steps)).toEqual([2]);
    expect(migrate(db, steps)).toEqual([]);
    // a failing step leaves the version where it was
    expect(() =>
      migrate(db, [...steps, { version: 3, name: 'bad', sql: 'CREATE TABLE c(x); CREATE TABLE a(x)' }]),
    ).toThrow();
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'c'").get()).toEqual({ n: 0 });
    db.close();
  });

  it("carries a foreigner's last check into the check history when it starts (migration 20)", () => {
    const db = openEncrypted(path.join(tempDir(), 'f.db'), Buffer.alloc(32, 2), 'sqlcipher');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 20),
    );
    db.pragma('foreign_keys = OFF');
    const row = (checked: string | null) =>
      db
        .prepare(
          `INSERT INTO foreigners (section_id, citizen_id, citizenship, passport_no, temp_address, home_phone, work,
             work_phone, checked_on, check_note, created_at, updated_at)
           VALUES (1, 1, 'UZ', 'FA1', 'addr', '', '', '', ?, 'проживает', '2026-11-01', '2026-11-02T10:00:00Z')`,
        )
        .run(checked);
    row('2026-11-02');
    row(null);
    migrate(db);
    expect(db.prepare('SELECT foreigner_id, checked_on, note, by_user_id FROM foreigner_checks').all()).toEqual([
      { foreigner_id: 1, checked_on: '2026-11-02', note: 'проживает', by_user_id: null },
    ]);
    expect(db.prepare('SELECT removed_on, removal_note FROM foreigners WHERE id = 2').get()).toEqual({
      removed_on: null,
      removal_note: '',
    });
    db.close();
  });

  it("gives a listed foreigner his newest entry's citizenship and passport in the register (migration 25)", () => {
    const db = openEncrypted(path.join(tempDir(), 'p.db'), Buffer.alloc(32, 3), 'sqlcipher');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 25),
    );
    db.pragma('foreign_keys = OFF');
    const person = db.prepare(
      `INSERT INTO citizens (no_iin, surname, name, patronymic, address, phone, created_at, updated_at)
       VALUES ('foreigner', ?, 'Тест', '', '', '', '2026-11-01', '2026-11-01')`,
    );
    person.run('Каримов');
    person.run('Ли');
    const entry = db.prepare(
      `INSERT INTO foreigners (section_id, citizen_id, citizenship, passport_no, passport_valid_until, temp_address,
         home_phone, work, work_phone, check_note, removal_note, created_at, updated_at)
       VALUES (1, 1, ?, ?, ?, 'addr', '', '', '', '', '', '2026-11-01', '2026-11-02T10:00:00Z')`,
    );
    entry.run('Узбекистан', 'FA1', null);
    entry.run('Узбекистан', 'FA2', '2031-05-01');
    migrate(db);
    expect(db.prepare('SELECT citizenship, passport_no, passport_valid_until FROM citizens ORDER BY id').all()).toEqual(
      [
        { citizenship: 'Узбекистан', passport_no: 'FA2', passport_valid_until: '2031-05-01' },
        { citizenship: '', passport_no: '', passport_valid_until: null },
      ],
    );
    db.close();
  });

  it('takes a daily encrypted backup at first unlock and a backup before migrating', async () => {
    let now = new Date('2026-11-20T10:00:00');
    const s = await setUpStation({ clock: () => now });
    s.backend.lock();
    await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    expect(copiesOf(s.dataDir).filter((b) => b.kind === 'daily')).toHaveLength(1);
    s.backend.lock();
    await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    expect(copiesOf(s.dataDir).filter((b) => b.kind === 'daily')).toHaveLength(1);
    now = new Date('2026-11-21T09:00:00');
    s.backend.lock();
    await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    const daily = copiesOf(s.dataDir).filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(2);
    // the copy opens with the same key through its own keyring
    const copy = path.join(s.dataDir, 'backups', daily[0]!.fileName);
    const got = Keyring.load(`${copy}.keyring`).unlock(LEAD.login, LEAD.password)!;
    const db = openEncrypted(copy, got.key, 'sqlcipher');
    expect(db.prepare('SELECT upp_number FROM station').get()).toEqual({ upp_number: '17' });
    db.close();
  });

  it('backs up before running a new migration at unlock', async () => {
    const s = await setUpStation();
    s.backend.lock();
    const next = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'test', sql: 'CREATE TABLE later_module(x)' }];
    const upgraded = station({ dataDir: s.dataDir, migrations: next });
    await upgraded.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    expect(schemaVersion(upgraded.backend.raw)).toBe(LATEST_VERSION + 1);
    const pre = copiesOf(s.dataDir).find((b) => b.kind === 'migration');
    expect(pre?.schemaVersion).toBe(LATEST_VERSION);
    expect(pre).toBeDefined();
    const copy = path.join(s.dataDir, 'backups', pre!.fileName);
    const got = Keyring.load(`${copy}.keyring`).unlock(LEAD.login, LEAD.password)!;
    const db = openEncrypted(copy, got.key, 'sqlcipher');
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare("SELECT count(*) n FROM sqlite_master WHERE name = 'later_module'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('rotates daily copies by the days kept, keeping the first of each month, and manual copies apart', async () => {
    let now = new Date('2026-11-20T10:00:00');
    const s = await setUpStation({ clock: () => now });
    await s.call('station.updateSettings', {
      idleMinutes: 10,
      receptionFrom: '18:00',
      receptionTo: '21:00',
      backupKeep: 2,
    });
    for (let d = 21; d <= 24; d++) {
      now = new Date(`2026-11-${d}T10:00:00`);
      s.backend.lock();
      await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
      // a manual copy each day, after a change, so that none is refused as too soon
      await s.call('calendar.setOverride', { date: `2026-12-${d}`, kind: 'holiday', name: `d${d}` });
      await s.call('backup.now', {});
    }
    const daily = copiesOf(s.dataDir).filter((b) => b.kind === 'daily');
    expect(daily.map((b) => b.fileName.slice(8, 16))).toEqual(['20261124', '20261123', '20261120']);
    expect(copiesOf(s.dataDir).filter((b) => b.kind === 'manual')).toHaveLength(4);
  });
});

describe('keyring', () => {
  it('unwraps the key with the right password only, and atomically rewrites one slot', () => {
    const dir = tempDir();
    const file = path.join(dir, 'k');
    const key = Buffer.alloc(32, 9);
    const code = newRecoveryCode();
    const ring = Keyring.create(file, 'sqlcipher', key, code, { N: 1024, r: 8, p: 1 });
    ring.setSlot('Ivanov', 1, key, 'first-pass');
    ring.setSlot('petrov', 2, key, 'second-pass');
    const loaded = Keyring.load(file);
    expect(loaded.unlock('ivanov', 'first-pass')?.key.equals(key)).toBe(true);
    expect(loaded.unlock('ivanov', 'second-pass')).toBeNull();
    expect(loaded.unlock('nobody', 'first-pass')).toBeNull();
    expect(loaded.unlockWithRecovery(code.toLowerCase().replace(/-/g, ' '))?.key.equals(key)).toBe(true);
    expect(normalizeRecoveryCode(code)).toBe(code);
    loaded.setSlot('ivanov', 1, key, 'changed-pass');
    const after = Keyring.load(file);
    expect(after.unlock('ivanov', 'first-pass')).toBeNull();
    expect(after.unlock('ivanov', 'changed-pass')).not.toBeNull();
    expect(after.unlock('petrov', 'second-pass')).not.toBeNull();
    expect(fs.readdirSync(dir)).toEqual(['k']);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toMatch(/ivanov|petrov/i);
  });
});

describe('backend lifecycle', () => {
  it('locks itself after the idle time and drops the key', async () => {
    let now = new Date('2026-11-20T18:00:00');
    const s = await setUpStation({ clock: () => now });
    await s.call('station.get', {});
    now = new Date('2026-11-20T18:11:00');
    const e = await s.fail('station.get', {});
    expect(e).toMatchObject({ code: 'LOCKED', messageKey: 'errors.idleLocked' });
    expect((await s.call('auth.status', {})).state).toBe('locked');
  });

  it('lets a fresh backend on the same folder unlock (data survives a restart)', async () => {
    const s = await setUpStation();
    s.backend.lock();
    const again = station({ dataDir: s.dataDir });
    expect((await again.call('auth.status', {})).state).toBe('locked');
    const { session } = await again.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    expect(session.role).toBe('uppLead');
    expect((await again.call('station.get', {})).sections.map((x) => x.number)).toEqual(['17-1', '17-2', '17-3']);
  });
});
