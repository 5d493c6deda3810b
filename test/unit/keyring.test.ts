import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncrypted } from '../../electron/backend/store/database';
import { Keyring, wrapKey } from '../../electron/backend/store/keyring';
import { listCopies } from '../../electron/backend/store/backup';
import { addUser, setUpStation, signInAs, station, tempDir, LEAD, SETUP } from './helpers';

const sha = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

/** A station with a citizen's visit, a copy on a USB folder, then locked; the keyring is then lost. */
async function stationThatLostItsKeyring() {
  const s = await setUpStation();
  const usb = tempDir();
  await s.call('backup.setFolders', { folders: [usb] });
  await addUser(s, 'inspector1', 'Инспекторов', 'inspector', [1]);
  await signInAs(s, 'inspector1');
  await signInAs(s, LEAD.login);
  // each lock after a change leaves a copy, on the USB folder too; the newest holds the inspector's keyslot
  s.backend.lock();
  const copy = listCopies(usb)[0]!.fileName;
  fs.renameSync(path.join(s.dataDir, 'uchaske.keyring'), path.join(s.dataDir, 'uchaske.keyring.quarantined'));
  return { s, usb, copy: path.join(usb, copy), recoveryCode: s.recoveryCode };
}

describe('a database without its keyring', () => {
  it('is never overwritten by setup; says what is missing; the keyring beside a copy is put back', async () => {
    const { s, copy, recoveryCode } = await stationThatLostItsKeyring();
    const before = sha(path.join(s.dataDir, 'uchaske.db'));
    const again = station({ dataDir: s.dataDir });
    expect((await again.call('auth.status', {})).state).toBe('keyringMissing');
    // first-run setup refuses: it used to delete uchaske.db here
    expect((await again.fail('setup.create', SETUP)).messageKey).toBe('errors.databaseExists');
    expect(sha(path.join(s.dataDir, 'uchaske.db'))).toBe(before);
    expect(fs.existsSync(path.join(s.dataDir, 'uchaske.keyring'))).toBe(false);
    // the copies to choose from are there while nobody can sign in
    const candidates = await again.call('backup.candidates', { folder: null });
    expect(candidates.map((c) => c.file)).toContain(copy);
    // a wrong code changes nothing and counts as a wrong try
    const wrong = await again.fail('backup.putBackKeyring', {
      file: copy,
      by: 'code',
      login: '',
      password: '',
      recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF',
    });
    expect(wrong.code).toBe('AUTH');
    expect(fs.existsSync(path.join(s.dataDir, 'uchaske.keyring'))).toBe(false);
    await again.call('backup.putBackKeyring', { file: copy, by: 'code', login: '', password: '', recoveryCode });
    expect((await again.call('auth.status', {})).state).toBe('locked');
    await again.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    const key = Keyring.load(path.join(s.dataDir, 'uchaske.keyring')).unlock(LEAD.login, LEAD.password)!.key;
    const raw = openEncrypted(path.join(s.dataDir, 'uchaske.db'), key, 'sqlcipher', { readonly: true });
    const actions = raw.prepare('SELECT action FROM audit_log ORDER BY id DESC LIMIT 3').all() as { action: string }[];
    raw.close();
    expect(actions.map((a) => a.action)).toContain('keyring.restore');
    expect((await again.call('audit.verify', {})).ok).toBe(true);
    // a second time there is nothing to put back
    again.backend.lock();
    const present = await again.fail('backup.putBackKeyring', {
      file: copy,
      by: 'code',
      login: '',
      password: '',
      recoveryCode,
    });
    expect(present.messageKey).toBe('restore.keyringPresent');
  });

  it('does not bring back the password of a user deactivated since the copy, nor take a keyring of another station', async () => {
    const { s, usb, copy } = await stationThatLostItsKeyring();
    // put the keyring back once, deactivate the inspector, and lose the keyring again
    const first = station({ dataDir: s.dataDir });
    await first.call('backup.putBackKeyring', {
      file: copy,
      by: 'password',
      login: LEAD.login,
      password: LEAD.password,
      recoveryCode: '',
    });
    await first.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    const inspector = (await first.call('users.list', {})).find((u) => u.login === 'inspector1')!;
    await first.call('users.deactivate', { id: inspector.id, reason: 'переведён' });
    first.backend.lock();
    fs.rmSync(path.join(s.dataDir, 'uchaske.keyring'));

    const other = await setUpStation();
    other.backend.lock();
    const foreign = path.join(other.dataDir, 'backups', fs.readdirSync(path.join(other.dataDir, 'backups'))[0]!);
    const second = station({ dataDir: s.dataDir });
    const misfit = await second.fail('backup.putBackKeyring', {
      file: foreign.replace(/\.(keyring|json)$/, ''),
      by: 'password',
      login: LEAD.login,
      password: LEAD.password,
      recoveryCode: '',
    });
    expect(misfit.messageKey).toBe('restore.keyringDoesNotFit');
    expect(fs.existsSync(path.join(s.dataDir, 'uchaske.keyring'))).toBe(false);

    // the copy's keyring still holds the inspector's slot, but the deactivation gave the database a new key: the old
    // keyring opens only the old copies, not the live file — for his password and the lead's alike
    expect(Keyring.load(`${copy}.keyring`).hasLogin('inspector1')).toBe(true);
    for (const [login, password] of [
      ['inspector1', 'Own-pass-2026'],
      [LEAD.login, LEAD.password],
    ] as const) {
      const old = await second.fail('backup.putBackKeyring', {
        file: copy,
        by: 'password',
        login,
        password,
        recoveryCode: '',
      });
      expect(old.messageKey).toBe('restore.keyringDoesNotFit');
    }
    // the copy left at the lock after the deactivation fits, and it has no slot of his
    const newest = path.join(usb, listCopies(usb)[0]!.fileName);
    expect(Keyring.load(`${newest}.keyring`).hasLogin('inspector1')).toBe(false);
    await second.call('backup.putBackKeyring', {
      file: newest,
      by: 'password',
      login: LEAD.login,
      password: LEAD.password,
      recoveryCode: '',
    });
    expect((await second.fail('auth.unlock', { login: 'inspector1', password: 'Own-pass-2026' })).code).toBe('AUTH');
    await second.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
  });

  it('after a kill during setup: a database built before its keyring was saved is dropped; one after is kept', async () => {
    // killed before the keyring: only the half-built file is there
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'uchaske.db.creating'), 'half a database');
    const fresh = station({ dataDir: dir });
    expect((await fresh.call('auth.status', {})).state).toBe('setup');
    expect(fs.readdirSync(dir)).not.toContain('uchaske.db.creating');
    await fresh.call('setup.create', SETUP);

    // killed between the keyring and the rename: the database is whole and moved into place
    const s = await setUpStation();
    s.backend.lock();
    fs.renameSync(path.join(s.dataDir, 'uchaske.db'), path.join(s.dataDir, 'uchaske.db.creating'));
    const after = station({ dataDir: s.dataDir });
    expect((await after.call('auth.status', {})).state).toBe('locked');
    await after.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    expect((await after.call('station.get', {})).uppNumber).toBe('17');
  });
});

describe('wrong passwords', () => {
  it('count per login and survive a restart', async () => {
    const s = await setUpStation();
    await addUser(s, 'inspector1', 'Инспекторов', 'inspector', [1]);
    await signInAs(s, 'inspector1');
    s.backend.lock();
    for (let i = 0; i < 6; i++) await s.fail('auth.unlock', { login: 'inspector1', password: `wrong-${i}` });
    expect((await s.fail('auth.unlock', { login: 'inspector1', password: 'Own-pass-2026' })).code).toBe('RATE_LIMITED');
    // another login is not locked out by them
    await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    s.backend.lock();
    const restarted = station({ dataDir: s.dataDir });
    expect((await restarted.fail('auth.unlock', { login: 'InspectoR1', password: 'Own-pass-2026' })).code).toBe(
      'RATE_LIMITED',
    );
    // the file beside the data does not name the logins
    expect(fs.readFileSync(path.join(s.dataDir, 'unlock-attempts.json'), 'utf8')).not.toContain('inspector1');
  });
});

describe('temporary files', () => {
  // SQLite unlinks a temporary file as it opens it, so it shows only among the process's open files (Linux /proc);
  // on Windows it would be a real etilqs_* file left behind by a crash
  const openTemp = (dir: string) =>
    fs
      .readdirSync('/proc/self/fd')
      .map((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`);
        } catch {
          return '';
        }
      })
      .filter((target) => target.startsWith(dir));

  it.runIf(fs.existsSync('/proc/self/fd'))('a large sort spills nothing to an unencrypted temporary file', () => {
    const tmp = tempDir();
    const saved = process.env.SQLITE_TMPDIR;
    process.env.SQLITE_TMPDIR = tmp;
    try {
      const raw = openEncrypted(path.join(tempDir(), 'big.db'), crypto.randomBytes(32), 'sqlcipher');
      expect(raw.pragma('temp_store', { simple: true })).toBe(2);
      raw.pragma('cache_size = 50');
      raw.exec('CREATE TABLE t (a TEXT)');
      const ins = raw.prepare('INSERT INTO t VALUES (?)');
      raw.transaction(() => {
        for (let i = 0; i < 60_000; i++) ins.run(`Сейітов Ерлан ${crypto.randomBytes(24).toString('hex')}`);
      })();
      const seen: string[] = [];
      let n = 0;
      for (const _row of raw.prepare('SELECT a FROM t ORDER BY a DESC').iterate())
        if (n++ % 10_000 === 0) seen.push(...openTemp(tmp));
      raw.close();
      expect(seen).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.SQLITE_TMPDIR;
      else process.env.SQLITE_TMPDIR = saved;
    }
  });
});

/** Whether a keyring's text, as someone kept it, opens the live database with a password or the recovery code. */
type Secret = { login: string; password: string } | { code: string };
const opensLive = (dataDir: string, ringText: string, secret: Secret) =>
  opens(path.join(dataDir, 'uchaske.db'), ringText, secret);

function opens(dbFile: string, ringText: string, secret: Secret) {
  const file = path.join(tempDir(), 'kept.keyring');
  fs.writeFileSync(file, ringText);
  const ring = Keyring.load(file);
  const got = 'code' in secret ? ring.unlockWithRecovery(secret.code) : ring.unlock(secret.login, secret.password);
  if (!got) return false;
  try {
    openEncrypted(dbFile, got.key, 'sqlcipher', { readonly: true }).close();
    return true;
  } catch {
    return false;
  }
}

describe('revoked means revoked', () => {
  it('a deactivation, a password reset and a new recovery code give the database a new key: a keyring kept from before opens nothing live', async () => {
    const s = await setUpStation();
    const ringFile = path.join(s.dataDir, 'uchaske.keyring');
    const inspector = await addUser(s, 'inspector1', 'Инспекторов', 'inspector', [1]);
    const assistant = await addUser(s, 'assistant1', 'Помощников', 'assistant', [1]);
    await signInAs(s, 'inspector1');
    await signInAs(s, 'assistant1');
    await signInAs(s, LEAD.login);
    await s.call('calendar.setOverride', { date: '2026-12-16', kind: 'holiday', name: 'до отзыва' });
    const inspectorPass = { login: 'inspector1', password: 'Own-pass-2026' };
    const assistantPass = { login: 'assistant1', password: 'Own-pass-2026' };
    const leadPass = { login: LEAD.login, password: LEAD.password };

    // the keyring as it was (in a backup, or copied off the PC) opens the live file today
    const kept = fs.readFileSync(ringFile, 'utf8');
    expect(opensLive(s.dataDir, kept, inspectorPass)).toBe(true);
    await s.call('users.deactivate', { id: inspector.id, reason: 'переведён' });
    expect(opensLive(s.dataDir, kept, inspectorPass)).toBe(false);
    // the key itself changed, so the old keyring opens nothing live for anyone
    expect(opensLive(s.dataDir, kept, leadPass)).toBe(false);
    expect(opensLive(s.dataDir, fs.readFileSync(ringFile, 'utf8'), leadPass)).toBe(true);
    expect(opensLive(s.dataDir, fs.readFileSync(ringFile, 'utf8'), inspectorPass)).toBe(false);

    const beforeReset = fs.readFileSync(ringFile, 'utf8');
    expect(opensLive(s.dataDir, beforeReset, assistantPass)).toBe(true);
    await s.call('users.resetPassword', { id: assistant.id, temporaryPassword: 'Temp-67890' });
    expect(opensLive(s.dataDir, beforeReset, assistantPass)).toBe(false);
    expect(opensLive(s.dataDir, fs.readFileSync(ringFile, 'utf8'), { ...assistantPass, password: 'Temp-67890' })).toBe(
      true,
    );

    const beforeCode = fs.readFileSync(ringFile, 'utf8');
    expect(opensLive(s.dataDir, beforeCode, { code: s.recoveryCode })).toBe(true);
    const { recoveryCode } = await s.call('recovery.regenerate', { password: LEAD.password });
    expect(opensLive(s.dataDir, beforeCode, { code: s.recoveryCode })).toBe(false);
    expect(opensLive(s.dataDir, fs.readFileSync(ringFile, 'utf8'), { code: recoveryCode })).toBe(true);

    // nothing was lost on the way, the session went on, and each new key is in the audit
    expect((await s.call('calendar.overrides', {})).map((d) => d.name)).toContain('до отзыва');
    expect((await s.call('audit.verify', {})).ok).toBe(true);
    s.backend.lock();
    await s.call('auth.unlock', leadPass);
    const raw = s.backend.raw;
    const rotations = raw
      .prepare("SELECT after_json FROM audit_log WHERE action = 'keyring.rotate' ORDER BY id")
      .all() as { after_json: string }[];
    // the two first logins replaced temporary passwords, then the three revocations
    expect(rotations.map((r) => JSON.parse(r.after_json).reason)).toEqual([
      'slotReplaced',
      'slotReplaced',
      'slotRemoved',
      'slotReplaced',
      'recoveryRenewed',
    ]);
    expect(fs.readdirSync(s.dataDir).filter((f) => f.includes('rekeying'))).toEqual([]);
  });

  it('a keyring of format 1 (an earlier build) still opens; its slots are renewed at sign-in; a revocation waits for the code’s renewal, which Today asks for', async () => {
    const s = await setUpStation();
    const inspector = await addUser(s, 'inspector1', 'Инспекторов', 'inspector', [1]);
    s.backend.lock();
    const ringFile = path.join(s.dataDir, 'uchaske.keyring');
    const ring = Keyring.load(ringFile);
    const key = ring.unlock(LEAD.login, LEAD.password)!.key;
    const scrypt = { N: 1024, r: 8, p: 1 };
    const { loginSalt, cipher } = JSON.parse(fs.readFileSync(ringFile, 'utf8')) as {
      loginSalt: string;
      cipher: string;
    };
    const leadId = ring.unlock(LEAD.login, LEAD.password)!.userId;
    fs.writeFileSync(
      ringFile,
      JSON.stringify({
        format: 1,
        cipher,
        loginSalt,
        slots: [
          { id: ring.slotId(LEAD.login), userId: leadId, ...wrapKey(key, LEAD.password, scrypt) },
          { id: ring.slotId('inspector1'), userId: inspector.id, ...wrapKey(key, 'Temp-12345', scrypt) },
        ],
        recovery: wrapKey(key, s.recoveryCode, scrypt),
      }),
    );
    await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    expect(Keyring.load(ringFile).unlock(LEAD.login, LEAD.password)!.legacy).toBe(false);
    // a revocation cannot change the key while the code is of format 1: refused, nothing written, and Today says
    // to renew the code (a code changed silently would make the sheet in the safe worthless)
    const rows = () => (s.backend.raw.prepare('SELECT count(*) n FROM audit_log').get() as { n: number }).n;
    const count = rows();
    expect(await s.fail('users.deactivate', { id: inspector.id, reason: 'переведён' })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.renewRecoveryFirst',
    });
    expect(rows()).toBe(count);
    expect(Keyring.load(ringFile).unlockWithRecovery(s.recoveryCode)).not.toBeNull();
    const today = await s.call('today.list', { date: '2026-12-04' });
    expect(today.map((d) => d.ruleId)).toContain('recovery.renew');
    // the renewal: the old code stops working, the key changes; the inspector, who never signed in since, needs a
    // new temporary password
    await s.call('recovery.regenerate', { password: LEAD.password });
    expect((await s.call('today.list', { date: '2026-12-04' })).map((d) => d.ruleId)).not.toContain('recovery.renew');
    const now = Keyring.load(ringFile);
    expect(now.unlockWithRecovery(s.recoveryCode)).toBeNull();
    expect(now.unlock('inspector1', 'Temp-12345')).toBeNull();
    await s.call('users.resetPassword', { id: inspector.id, temporaryPassword: 'Temp-12345' });
    await signInAs(s, 'inspector1');
    await signInAs(s, LEAD.login);
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });

  it('with a code of format 1, a person’s own new password keeps the sheet good; signing in with the code renews it', async () => {
    const s = await setUpStation();
    await addUser(s, 'inspector1', 'Инспекторов', 'inspector', [1]);
    s.backend.lock();
    const ringFile = path.join(s.dataDir, 'uchaske.keyring');
    const ring = Keyring.load(ringFile);
    const key = ring.unlock(LEAD.login, LEAD.password)!.key;
    const j = JSON.parse(fs.readFileSync(ringFile, 'utf8')) as { recovery: unknown };
    j.recovery = wrapKey(key, s.recoveryCode, { N: 1024, r: 8, p: 1 });
    fs.writeFileSync(ringFile, JSON.stringify(j));
    expect(Keyring.load(ringFile).recoveryIsLegacy).toBe(true);
    // the inspector's first sign-in replaces his temporary password: the key change is owed, not a new code
    await signInAs(s, 'inspector1');
    expect(Keyring.load(ringFile).unlockWithRecovery(s.recoveryCode)).not.toBeNull();
    const owed = s.backend.raw.prepare("SELECT count(*) n FROM audit_log WHERE action = 'keyring.rotationOwed'");
    expect((owed.get() as { n: number }).n).toBe(1);
    // "forgot password" with the sheet: the code is at hand, so its holder is renewed under the same code
    s.backend.lock();
    await s.call('auth.recover', { login: LEAD.login, recoveryCode: s.recoveryCode, newPassword: 'Recovered-2026' });
    const after = Keyring.load(ringFile);
    expect(after.recoveryIsLegacy).toBe(false);
    expect(after.unlockWithRecovery(s.recoveryCode)).not.toBeNull();
    // and the key changed with it: the keyring as it was opens nothing live
    expect(opensLive(s.dataDir, JSON.stringify(j), { login: LEAD.login, password: LEAD.password })).toBe(false);
  });

  it('the copies from before a revocation can be deleted: after that, no copy left opens with the revoked password', async () => {
    const s = await setUpStation();
    const usb = tempDir();
    await s.call('backup.setFolders', { folders: [usb] });
    const inspector = await addUser(s, 'inspector1', 'Инспекторов', 'inspector', [1]);
    await signInAs(s, 'inspector1');
    await signInAs(s, LEAD.login);
    s.backend.lock();
    await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    const inspectorPass = { login: 'inspector1', password: 'Own-pass-2026' };
    const copies = () =>
      [s.dataDir + '/backups', usb].flatMap((dir) => listCopies(dir).map((c) => path.join(dir, c.fileName)));
    const openedBy = (secret: Secret) =>
      copies().filter((f) => opens(f, fs.readFileSync(`${f}.keyring`, 'utf8'), secret));
    expect(openedBy(inspectorPass).length).toBeGreaterThan(1);

    await s.call('users.deactivate', { id: inspector.id, reason: 'переведён' });
    // the rotation left a copy under the new key, which the inspector's password does not open
    const listed = await s.call('backup.list', {});
    expect(listed.lastKeyChange).not.toBeNull();
    expect(listed.home[0]!.createdAt >= listed.lastKeyChange!).toBe(true);
    expect(openedBy(inspectorPass).length).toBeGreaterThan(1);
    const future = await s.fail('backup.deleteBefore', { before: '2100-01-01T00:00:00Z' });
    expect(future.fields?.[0]?.messageKey).toBe('backup.deleteFuture');
    expect((await s.fail('backup.deleteBefore', { before: '2026-02-31' })).code).toBe('VALIDATION');

    const r = await s.call('backup.deleteBefore', { before: listed.home[0]!.createdAt });
    expect(r.removed).toBeGreaterThan(1);
    expect(r.missed).toEqual([]);
    expect(openedBy(inspectorPass)).toEqual([]);
    // what is left, on the PC and on the USB folder, opens for the lead
    expect(listCopies(usb).length).toBeGreaterThan(0);
    expect(openedBy({ login: LEAD.login, password: LEAD.password })).toEqual(copies());
    const audit = s.backend.raw.prepare("SELECT after_json FROM audit_log WHERE action = 'backup.delete'").all() as {
      after_json: string;
    }[];
    expect(audit.map((a) => JSON.parse(a.after_json).removed)).toEqual([r.removed]);

    // deleting up to now leaves no copy older than the moment: a fresh one is made first
    const all = await s.call('backup.deleteBefore', { before: new Date().toISOString() });
    expect(all.made).not.toBeNull();
    expect(listCopies(s.dataDir + '/backups').map((c) => c.fileName)).toEqual([all.made!.fileName]);
  });
});
