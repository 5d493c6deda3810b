import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setUpStation, station, LEAD, SETUP } from './helpers';

const INSPECTOR = {
  surname: 'Нұрланова',
  name: 'Гүлназ',
  patronymic: '',
  rank: 'капитан полиции',
  position: 'УИП',
  role: 'inspector' as const,
  sectionIds: [1],
  login: 'nurlanova',
  temporaryPassword: 'Temp-12345',
};

describe('router', () => {
  it('answers public status before setup and refuses other calls while locked', async () => {
    const s = station();
    expect(await s.call('auth.status', {})).toEqual({
      state: 'setup',
      session: null,
      idleMinutes: null,
      issuedBy: null,
    });
    expect(await s.fail('users.list', {})).toMatchObject({ code: 'LOCKED' });
    expect(await s.router.call('no.such.call', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', messageKey: 'errors.unknownCall' },
    });
  });

  it('validates input with field keys and changes nothing on bad input', async () => {
    const s = station();
    const e = await s.fail('setup.create', {
      ...SETUP,
      sections: [],
      lead: { ...LEAD, login: 'Ы', password: 'short' },
    });
    expect(e.code).toBe('VALIDATION');
    expect(e.fields).toEqual(
      expect.arrayContaining([
        { path: 'sections', messageKey: 'validation.sectionsRequired' },
        { path: 'lead.login', messageKey: 'validation.loginShort' },
        { path: 'lead.password', messageKey: 'validation.passwordShort' },
      ]),
    );
    expect((await s.call('auth.status', {})).state).toBe('setup');
  });

  it('leaves nothing behind when setup fails inside the backend', async () => {
    const s = station();
    const e = await s.fail('setup.create', {
      ...SETUP,
      sections: [
        { number: '5', kind: 'urban' },
        { number: '5', kind: 'rural' },
      ],
    });
    expect(e).toMatchObject({ code: 'VALIDATION', messageKey: 'errors.sectionDuplicate' });
    expect((await s.call('auth.status', {})).state).toBe('setup');
    expect(fs.readdirSync(s.dataDir)).toEqual([]);
    await s.call('setup.create', SETUP);
  });

  it('refuses a second setup', async () => {
    const s = await setUpStation();
    expect(await s.fail('setup.create', SETUP)).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.alreadySetUp' });
  });

  it('checks the role in the backend for every call', async () => {
    const s = await setUpStation();
    await s.call('users.create', INSPECTOR);
    s.backend.lock();
    await s.call('auth.unlock', { login: 'nurlanova', password: 'Temp-12345' });
    // a temporary password must be changed before anything else
    expect(await s.fail('station.get', {})).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'errors.mustChangePassword',
    });
    // the first sign-in is told who issued the password; it is not asked again, and may not be kept as the new one
    expect((await s.call('auth.status', {})).issuedBy).toMatchObject({ name: 'Әбдіқадыров Е. С.' });
    expect((await s.fail('auth.changePassword', { newPassword: 'Temp-12345' })).messageKey).toBe('errors.samePassword');
    await s.call('auth.changePassword', { newPassword: 'Own-pass-2026' });
    expect((await s.call('auth.status', {})).issuedBy).toBeNull();
    // any later change asks the current password again
    expect((await s.fail('auth.changePassword', { newPassword: 'Other-pass-2026' })).fields).toEqual([
      { path: 'currentPassword', messageKey: 'validation.required' },
    ]);
    expect((await s.call('station.get', {})).uppNumber).toBe('17');
    expect(await s.fail('users.create', { ...INSPECTOR, login: 'other' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await s.fail('station.update', SETUP.station)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await s.fail('audit.verify', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await s.fail('recovery.sheet', { language: 'kk' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('turns unexpected failures into an internal error without personal data in the log', async () => {
    const s = await setUpStation();
    s.backend.raw.exec('DROP TABLE absences');
    const e = await s.fail('staff.absences', {});
    expect(e).toEqual({ code: 'INTERNAL', messageKey: 'errors.internal' });
    expect(s.logs.join('\n')).not.toMatch(/no such table|Әбді|SELECT/);
    expect(s.logs).toHaveLength(1);
  });

  it('answers a constraint SQLite refused (a check a service forgot) as what it is, and writes nothing', async () => {
    const s = await setUpStation();
    const rows = () => (s.backend.raw.prepare('SELECT count(*) n FROM audit_log').get() as { n: number }).n;
    const before = rows();
    // a forgotten check, made real: the call's own write now also names a user and a section that do not exist
    s.backend.raw.exec(`CREATE TRIGGER forgot BEFORE INSERT ON calendar_overrides BEGIN
      INSERT INTO user_sections (user_id, section_id) VALUES (999999, 999999); END`);
    const day = { date: '2026-12-16', kind: 'holiday' as const, name: 'Тәуелсіздік күні' };
    expect(await s.fail('calendar.setOverride', day)).toEqual({
      code: 'NOT_FOUND',
      messageKey: 'errors.referenceMissing',
    });
    s.backend.raw.exec(`DROP TRIGGER forgot; CREATE TRIGGER forgot BEFORE INSERT ON calendar_overrides BEGIN
      INSERT INTO users (login, surname, name, role, created_at) SELECT login, surname, name, role, created_at
      FROM users WHERE id = 1; END`);
    expect((await s.fail('calendar.setOverride', day)).code).toBe('CONFLICT');
    expect(await s.call('calendar.overrides', {})).toEqual([]);
    expect(rows()).toBe(before);
    expect(s.logs.join('\n')).toContain('SQLITE_CONSTRAINT_FOREIGNKEY');
    expect(s.logs.join('\n')).not.toMatch(/Тәуелсіздік|user_sections/);
  });
});

describe('unlock and recovery', () => {
  it('refuses a wrong password, then makes the next attempts wait longer', async () => {
    let now = new Date('2026-11-20T19:00:00');
    const s = await setUpStation({ clock: () => now });
    s.backend.lock();
    for (let i = 0; i < 3; i++)
      expect(await s.fail('auth.unlock', { login: LEAD.login, password: 'wrong' })).toMatchObject({
        code: 'AUTH',
        messageKey: 'errors.wrongLogin',
      });
    // the right password too is refused while the wait lasts
    expect(await s.fail('auth.unlock', { login: LEAD.login, password: LEAD.password })).toMatchObject({
      code: 'RATE_LIMITED',
      details: { waitSeconds: 1 },
    });
    now = new Date(now.getTime() + 1500);
    expect(await s.fail('auth.unlock', { login: LEAD.login, password: 'wrong' })).toMatchObject({ code: 'AUTH' });
    expect(await s.fail('auth.unlock', { login: LEAD.login, password: LEAD.password })).toMatchObject({
      code: 'RATE_LIMITED',
      details: { waitSeconds: 2 },
    });
    // closing and starting the program again does not clear the count or the wait
    const restarted = station({ dataDir: s.dataDir, clock: () => now });
    expect(await restarted.fail('auth.unlock', { login: LEAD.login, password: LEAD.password })).toMatchObject({
      code: 'RATE_LIMITED',
      details: { waitSeconds: 2 },
    });
    now = new Date(now.getTime() + 2500);
    expect(await restarted.fail('auth.unlock', { login: LEAD.login, password: 'wrong' })).toMatchObject({
      code: 'AUTH',
    });
    expect(await restarted.fail('auth.unlock', { login: LEAD.login, password: LEAD.password })).toMatchObject({
      code: 'RATE_LIMITED',
      details: { waitSeconds: 4 },
    });
    now = new Date(now.getTime() + 4500);
    expect((await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password })).session.login).toBe(
      LEAD.login,
    );
    // an unknown login gets the same answer as a wrong password
    s.backend.lock();
    expect(await s.fail('auth.unlock', { login: 'nobody', password: 'x' })).toMatchObject({
      code: 'AUTH',
      messageKey: 'errors.wrongLogin',
    });
  });

  it('unlocks with the recovery code, sets a new password, and the old one stops working', async () => {
    const s = await setUpStation();
    s.backend.lock();
    expect(
      await s.fail('auth.recover', { login: LEAD.login, recoveryCode: 'AAAA-BBBB', newPassword: 'New-pass-2026' }),
    ).toMatchObject({ code: 'AUTH' });
    const { session } = await s.call('auth.recover', {
      login: LEAD.login,
      recoveryCode: s.recoveryCode.toLowerCase(),
      newPassword: 'New-pass-2026',
    });
    expect(session.login).toBe(LEAD.login);
    s.backend.lock();
    expect(await s.fail('auth.unlock', { login: LEAD.login, password: LEAD.password })).toMatchObject({ code: 'AUTH' });
    await s.call('auth.unlock', { login: LEAD.login, password: 'New-pass-2026' });
  });

  it('regenerates the recovery code: the old code stops working', async () => {
    const s = await setUpStation();
    expect(await s.fail('recovery.regenerate', { password: 'wrong-one' })).toMatchObject({
      code: 'AUTH',
      messageKey: 'errors.wrongPassword',
    });
    const { recoveryCode } = await s.call('recovery.regenerate', { password: LEAD.password });
    expect(recoveryCode).not.toBe(s.recoveryCode);
    s.backend.lock();
    expect(
      await s.fail('auth.recover', { login: LEAD.login, recoveryCode: s.recoveryCode, newPassword: 'New-pass-2026' }),
    ).toMatchObject({ code: 'AUTH' });
    await s.call('auth.recover', { login: LEAD.login, recoveryCode, newPassword: 'New-pass-2026' });
  });
});

describe('users', () => {
  it('creates with a temporary password, resets it, deactivates keeping history', async () => {
    const s = await setUpStation();
    const u = await s.call('users.create', INSPECTOR);
    expect(u).toMatchObject({
      login: 'nurlanova',
      role: 'inspector',
      sectionIds: [1],
      active: true,
      mustChangePassword: true,
    });
    expect(await s.fail('users.create', INSPECTOR)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.loginTaken',
    });
    expect(await s.fail('users.create', { ...INSPECTOR, login: 'xtwo', sectionIds: [99] })).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'errors.unknownSection',
    });
    const upd = await s.call('users.update', { id: u.id, ...INSPECTOR, sectionIds: [1, 2], rank: 'майор полиции' });
    expect(upd).toMatchObject({ sectionIds: [1, 2], rank: 'майор полиции' });
    await s.call('users.resetPassword', { id: u.id, temporaryPassword: 'Reset-12345' });
    await s.call('users.deactivate', { id: u.id, reason: 'перевод в другой ОП' });
    expect((await s.call('users.list', { includeInactive: false })).map((x) => x.login)).toEqual([LEAD.login]);
    expect((await s.call('users.list', { includeInactive: true })).find((x) => x.id === u.id)?.active).toBe(false);
    expect(await s.fail('users.deactivate', { id: 1, reason: 'x' })).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'errors.ownDeactivate',
    });
    s.backend.lock();
    expect(await s.fail('auth.unlock', { login: 'nurlanova', password: 'Reset-12345' })).toMatchObject({
      code: 'AUTH',
    });
  });

  it('audits every change in a hash chain and finds the first broken link', async () => {
    const s = await setUpStation();
    const u = await s.call('users.create', INSPECTOR);
    await s.call('users.update', { id: u.id, ...INSPECTOR, sectionIds: [2] });
    await s.call('station.saveSection', { number: '17-4', kind: 'rural', boundary: '', orderRef: '' });
    const v = await s.call('audit.verify', {});
    expect(v).toEqual({ ok: true, rows: 5, firstBrokenId: null, missingFrom: null });
    const actions = s.backend.raw.prepare('SELECT action, user_id FROM audit_log ORDER BY id').all();
    expect(actions).toEqual([
      { action: 'setup.create', user_id: null },
      { action: 'users.create', user_id: 1 },
      { action: 'users.create', user_id: 1 },
      { action: 'users.update', user_id: 1 },
      { action: 'station.addSection', user_id: 1 },
    ]);
    const before = JSON.parse(
      (s.backend.raw.prepare('SELECT before_json b FROM audit_log WHERE id = 4').get() as { b: string }).b,
    );
    expect(before.sectionIds).toEqual([1]);
    s.backend.raw.prepare("UPDATE audit_log SET after_json = replace(after_json, '17-4', '17-9') WHERE id = 5").run();
    s.backend.raw
      .prepare("UPDATE audit_log SET after_json = replace(after_json, 'Нұрланова', 'Иванова') WHERE id = 3")
      .run();
    expect(await s.call('audit.verify', {})).toEqual({ ok: false, rows: 5, firstBrokenId: 3, missingFrom: null });
  });

  it('sees the newest audit rows deleted, by the head kept outside the database at lock', async () => {
    const s = await setUpStation();
    await s.call('users.create', INSPECTOR);
    await s.call('station.saveSection', { number: '17-4', kind: 'rural', boundary: '', orderRef: '' });
    s.backend.lock();
    await s.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    // a chain cut at its end is still a valid chain: only the head outside tells
    s.backend.raw.prepare('DELETE FROM audit_log WHERE id >= 3').run();
    expect(await s.call('audit.verify', {})).toEqual({ ok: false, rows: 2, firstBrokenId: null, missingFrom: 3 });
    // rows written after the last lock and lost in a crash are not a tampering: a shorter head is a prefix
    const t = await setUpStation();
    t.backend.lock();
    await t.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    await t.call('users.create', INSPECTOR);
    expect((await t.call('audit.verify', {})).ok).toBe(true);
    // a head rewritten without the database key is refused
    t.backend.lock();
    const ring = JSON.parse(fs.readFileSync(t.backend.keyringFile, 'utf8'));
    ring.auditHead.rows = 1;
    fs.writeFileSync(t.backend.keyringFile, JSON.stringify(ring));
    await t.call('auth.unlock', { login: LEAD.login, password: LEAD.password });
    expect(await t.call('audit.verify', {})).toMatchObject({ ok: false, missingFrom: 1 });
  });
});
