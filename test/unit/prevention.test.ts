import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../shared/iin';
import {
  addUser,
  PAROLEE_IIN as IIN,
  parolee,
  SETUP,
  setUpStation,
  signInAs,
  station as blankStation,
  tempDir,
} from './helpers';
import { pdfWords } from './pdf';

const PURPOSE = { purpose: 'supervision', purposeText: '' } as const;
/** a 1×1 PNG */
const PHOTO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Inspectors on sections 1 and 2, a duty officer, an administrator and a supervisor; safe 1 made by the UPP lead. */
async function station(clock: { now: Date }, dataDir?: string) {
  const s = await setUpStation({ clock: () => clock.now, dataDir });
  const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
  const b = await addUser(s, 'omarova', 'Омарова', 'inspector', [2]);
  await addUser(s, 'duty', 'Кезекшіұлы', 'dutyOfficer', []);
  await addUser(s, 'admin1', 'Әкімшіұлы', 'admin', []);
  await addUser(s, 'chief', 'Бастықов', 'supervisor', []);
  const [safe] = await s.call('prevention.saveSafe', { name: 'Сейф 1', location: 'кабинет 3' });
  return { ...s, a, b, safe: safe!, as: (login: string) => signInAs(s, login) };
}

const count = (s: { backend: { raw: { prepare: (q: string) => { get: () => unknown } } } }, table: string) =>
  (s.backend.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('person files: access (p.15, p.16, p.6)', () => {
  it('lets the section inspector, the UPP lead and chiefs read; refuses a neighbour, the duty officer and the administrator', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const file = await s.call('prevention.create', parolee(s.safe.id, { inspectorId: s.a.id }));
    expect(file).toMatchObject({ number: 1, status: 'active', categories: ['2'], sectionNumber: '17-1' });

    // every read states its purpose and is logged
    const opened = await s.call('prevention.open', { id: file.id, purpose: 'supervision', purposeText: '' });
    expect(opened.access).toEqual([
      expect.objectContaining({ user: 'Нұрланов Т.', action: 'open', purpose: 'supervision' }),
    ]);
    expect(await s.fail('prevention.open', { id: file.id, purpose: 'other', purposeText: '' })).toMatchObject({
      fields: [{ path: 'purposeText', messageKey: 'prevention.purposeTextRequired' }],
    });

    await s.as('omarova');
    expect(await s.fail('prevention.open', { id: file.id, ...PURPOSE })).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await s.fail('prevention.print', { id: file.id, document: 'card', language: 'ru', ...PURPOSE }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await s.call('prevention.list', {})).toEqual([]);
    expect(await s.fail('prevention.accessLog', { id: file.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await s.fail(
        'prevention.create',
        parolee(s.safe.id, {
          inspectorId: s.b.id,
          citizen: { id: null, iin: makeIin('1990-01-01', 'male', 7), noIin: null, surname: 'Ещё', name: 'Один' },
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', messageKey: 'prevention.notYourSection' });

    for (const login of ['duty', 'admin1']) {
      await s.as(login);
      expect(await s.fail('prevention.list', {})).toMatchObject({ code: 'FORBIDDEN' });
      expect(await s.fail('prevention.open', { id: file.id, ...PURPOSE })).toMatchObject({ code: 'FORBIDDEN' });
    }
    for (const login of ['chief', 'abdikadyrov']) {
      await s.as(login);
      expect((await s.call('prevention.list', {})).map((r) => r.person)).toEqual(['Сейтқали Бауыржан Ерғалиұлы']);
      // the search box: folded letters on either keyboard, any case; nothing for a name not on record
      expect(await s.call('prevention.list', { text: 'СЕЙТКАЛИ бауыр' })).toHaveLength(1);
      expect(await s.call('prevention.list', { text: 'ерғали' })).toHaveLength(1);
      expect(await s.call('prevention.list', { text: 'Иванов' })).toEqual([]);
      await s.call('prevention.open', { id: file.id, purpose: 'control', purposeText: '' });
    }
    // the file shows who read it and why, newest first; the refused attempts left nothing
    await s.as('nurlanov');
    const seen = await s.call('prevention.open', { id: file.id, ...PURPOSE });
    expect(seen.access.map((a) => [a.user, a.purpose])).toEqual([
      ['Нұрланов Т.', 'supervision'],
      ['Әбдіқадыров Е. С.', 'control'],
      ['Бастықов Т.', 'control'],
      ['Нұрланов Т.', 'supervision'],
    ]);
    expect(s.logs.join('\n')).not.toMatch(/Сейтқали|Бауыржан|Жансугурова/);
  });

  it('opens the files of an absent inspector to the one covering his section, only while the cover lasts', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const file = await s.call('prevention.create', parolee(s.safe.id, { inspectorId: s.a.id }));
    await s.as('abdikadyrov');
    await s.call('staff.addAbsence', {
      userId: s.a.id,
      kind: 'leave',
      from: '2026-11-23',
      to: '2026-12-11',
      coverUserId: s.b.id,
      orderNumber: '245',
      orderDate: '2026-11-19',
    });
    await s.as('omarova');
    expect(await s.fail('prevention.open', { id: file.id, ...PURPOSE })).toMatchObject({ code: 'FORBIDDEN' });
    clock.now = new Date('2026-11-24T10:00:00');
    await s.as('omarova');
    expect((await s.call('prevention.list', {})).map((r) => r.number)).toEqual([1]);
    await s.call('prevention.addSupervision', {
      id: file.id,
      kind: 'visit',
      doneAt: '2026-11-24T09:30',
      text: 'Дома, трезв',
    });
    clock.now = new Date('2026-12-14T10:00:00');
    await s.as('omarova');
    expect(await s.fail('prevention.open', { id: file.id, ...PURPOSE })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('person files: supervision and custody (p.12, p.13)', () => {
  it('puts planned checks and files out of the safe on Today; a file out past the end of the day is overdue', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const file = await s.call('prevention.create', parolee(s.safe.id, { inspectorId: s.a.id }));
    const planned = await s.call('prevention.addSupervision', { id: file.id, kind: 'check', plannedFor: '2026-11-21' });
    const today = async (date: string) =>
      (await s.call('today.list', { date })).filter((d) => d.ruleId.startsWith('prevention.'));
    expect(await today('2026-11-20')).toEqual([
      expect.objectContaining({ ruleId: 'prevention.check', paragraph: '12', due: '2026-11-21', overdue: false }),
    ]);

    const out = await s.call('prevention.custody', {
      id: file.id,
      action: 'out',
      personId: s.a.id,
      reason: 'Проверка по месту жительства',
    });
    expect(out.outSince).toBe(new Date('2026-11-20T10:00:00').toISOString());
    expect(
      await s.fail('prevention.custody', { id: file.id, action: 'out', personId: s.a.id, reason: 'ещё раз' }),
    ).toMatchObject({ messageKey: 'prevention.alreadyOut' });
    // p.13 keeps the paper in the safe but sets no time for it to be out: the deadline is the station's own
    expect((await today('2026-11-20')).find((d) => d.ruleId === 'prevention.out')).toMatchObject({
      paragraph: 'ours',
      overdue: false,
    });
    clock.now = new Date('2026-11-21T08:00:00');
    await s.as('nurlanov');
    expect((await today('2026-11-21')).find((d) => d.ruleId === 'prevention.out')).toMatchObject({ overdue: true });
    // a station that lets the paper be out two days
    await s.as('abdikadyrov');
    const { settings } = await s.call('station.get', {});
    await s.call('station.updateSettings', { ...settings, fileOutDays: 2 });
    await s.as('nurlanov');
    expect((await today('2026-11-21')).find((d) => d.ruleId === 'prevention.out')).toMatchObject({
      due: '2026-11-22',
      overdue: false,
    });
    expect((await s.call('prevention.list', { checksDueBy: '2026-11-21' })).map((r) => r.outSince !== null)).toEqual([
      true,
    ]);

    // the visit fulfils the planned check, with a violation and the measure taken
    const visited = await s.call('prevention.addSupervision', {
      id: file.id,
      kind: 'visit',
      doneAt: '2026-11-21T07:30',
      text: 'Проверен по месту жительства',
      violation: true,
      violationText: 'Отсутствовал после 22:00',
      measures: 'Составлен рапорт',
      fulfilsId: planned.supervision[0]!.id,
    });
    expect(visited.supervision).toEqual([
      expect.objectContaining({ kind: 'visit', violation: true, by: 'Нұрланов Т.', plannedFor: '2026-11-21' }),
    ]);
    expect(
      await s.fail('prevention.addSupervision', {
        id: file.id,
        kind: 'visit',
        doneAt: '2026-11-21T07:40',
        text: 'x',
        violation: true,
      }),
    ).toMatchObject({ fields: [{ path: 'violationText', messageKey: 'prevention.violationTextRequired' }] });
    await s.call('prevention.custody', { id: file.id, action: 'in', personId: s.a.id, reason: '' });
    expect(await today('2026-11-21')).toEqual([]);
    expect((await s.call('prevention.open', { id: file.id, ...PURPOSE })).custody.map((c) => c.action)).toEqual([
      'in',
      'out',
    ]);

    // the inventory of the safe (the UPP lead keeps it)
    expect(await s.fail('prevention.printInventory', { safeId: s.safe.id, language: 'ru' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    await s.as('abdikadyrov');
    const inv = pdfWords(
      Buffer.from((await s.call('prevention.printInventory', { safeId: s.safe.id, language: 'kk' })).base64, 'base64'),
    );
    expect(inv).toContain('ЕСЕПТІК ІСТЕРДІҢ ТІЗІМДЕМЕСІ');
    expect(inv).toContain('Сейтқали Бауыржан Ерғалиұлы');
    expect(inv).toContain('Барлық істер: 1');
  });
});

describe('person files: moving away (p.14)', () => {
  it('counts 72 hours from the departure, and refuses to send materials before the arrival is confirmed', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const file = await s.call('prevention.create', parolee(s.safe.id, { inspectorId: s.a.id }));
    await s.call('prevention.recordDeparture', {
      id: file.id,
      departedAt: '2026-11-19T18:30',
      moveKind: 'region',
      newAddress: 'г. Астана, ул. Кенесары, 40',
      newBody: 'УП района Сарыарка г. Астаны',
    });
    const due = async (date: string) =>
      (await s.call('today.list', { date })).find((d) => d.ruleId === 'prevention.request');
    expect(await due('2026-11-20')).toMatchObject({
      paragraph: '14',
      due: '2026-11-22',
      overdue: false,
      params: { deadline: '22.11.2026 18:30' },
    });
    clock.now = new Date('2026-11-22T18:29:00');
    await s.as('nurlanov');
    expect(await due('2026-11-22')).toMatchObject({ overdue: false });
    clock.now = new Date('2026-11-22T18:31:00');
    await s.as('nurlanov');
    expect(await due('2026-11-22')).toMatchObject({ overdue: true });

    const before = await s.call('prevention.open', { id: file.id, ...PURPOSE });
    expect(
      await s.fail('prevention.sendMaterials', {
        id: file.id,
        materialsList: 'Учётное дело',
        coveringNumber: '17/118',
      }),
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'prevention.notConfirmed' });
    expect(
      await s.fail('prevention.recordConfirmation', {
        id: file.id,
        confirmedOn: '2026-11-22',
        confirmationRef: 'тел.',
      }),
    ).toMatchObject({ messageKey: 'prevention.requestFirst' });
    expect(
      await s.fail('prevention.exportPackage', { id: file.id, passphrase: 'Астана-Алматы-2026', ...PURPOSE }),
    ).toMatchObject({ messageKey: 'prevention.exportNotYet' });
    const request = pdfWords(
      Buffer.from(
        (
          await s.call('prevention.print', {
            id: file.id,
            document: 'request',
            language: 'ru',
            purpose: 'transfer',
            purposeText: '',
          })
        ).base64,
        'base64',
      ),
    );
    expect(request).toContain('Начальнику УП района Сарыарка г. Астаны');
    expect(request).toMatch(/пунктом 14/);
    expect(request).toContain('г. Астана, ул. Кенесары, 40');
    await s.call('prevention.recordRequest', { id: file.id, sentAt: '2026-11-22T18:20', requestNumber: '17/1102' });
    expect(await due('2026-11-22')).toBeUndefined();
    await s.call('prevention.recordConfirmation', {
      id: file.id,
      confirmedOn: '2026-11-22',
      confirmationRef: 'письмо УП Сарыарка № 5/331',
    });
    // p.14 sets the request's 72 hours; when the materials follow the confirmation is the station's own rule
    expect(
      (await s.call('today.list', { date: '2026-11-22' })).find((d) => d.ruleId === 'prevention.materials'),
    ).toMatchObject({ paragraph: 'ours', due: '2026-11-22' });
    // the paper must be back in the safe before it leaves the station
    await s.call('prevention.custody', {
      id: file.id,
      action: 'out',
      personId: s.a.id,
      reason: 'Подготовка к отправке',
    });
    expect(
      await s.fail('prevention.sendMaterials', {
        id: file.id,
        materialsList: 'Учётное дело',
        coveringNumber: '17/118',
      }),
    ).toMatchObject({ messageKey: 'prevention.paperOut' });
    await s.call('prevention.custody', { id: file.id, action: 'in', personId: s.a.id, reason: '' });
    const sent = await s.call('prevention.sendMaterials', {
      id: file.id,
      materialsList: 'Копия решения суда\nЛист профилактического контроля',
      coveringNumber: '17/118',
    });
    expect(sent).toMatchObject({ status: 'transferred', outSince: null, coveringNumber: '17/118' });
    expect(sent.custody[0]).toMatchObject({ action: 'sent' });
    expect(
      await s.fail('prevention.addSupervision', { id: file.id, kind: 'visit', doneAt: '2026-11-22T18:00', text: 'x' }),
    ).toMatchObject({ messageKey: 'prevention.closed' });
    const covering = pdfWords(
      Buffer.from(
        (
          await s.call('prevention.print', {
            id: file.id,
            document: 'covering',
            language: 'kk',
            purpose: 'transfer',
            purposeText: '',
          })
        ).base64,
        'base64',
      ),
    );
    expect(covering).toContain('ІЛЕСПЕ ХАТ');
    expect(covering).toContain('Копия решения суда');
    expect(covering).toContain('17/118');
    // the audit holds each step with before and after
    const steps = s.backend.raw
      .prepare("SELECT action FROM audit_log WHERE entity = 'person_file' ORDER BY id")
      .all() as { action: string }[];
    expect(steps.map((r) => r.action)).toEqual([
      'prevention.create',
      'prevention.departure',
      'prevention.request',
      'prevention.confirmation',
      'prevention.custody.out',
      'prevention.custody.in',
      'prevention.materialsSent',
    ]);
    expect(before.status).toBe('moving');
  });
});

describe('person files: a letter whose text looks like a picture (found by the fuzz)', () => {
  it('prints the text as typed: only the photo and the plan are pictures', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    const file = await s.call('prevention.create', parolee(s.safe.id, { inspectorId: s.a.id }));
    const typed = 'data:image/png;base64,AAAA';
    await s.call('prevention.recordDeparture', {
      id: file.id,
      departedAt: '2026-11-18T10:00',
      moveKind: 'region',
      newAddress: 'г. Астана',
      newBody: typed,
    });
    await s.call('prevention.recordRequest', { id: file.id, sentAt: '2026-11-18T12:00', requestNumber: '1' });
    await s.call('prevention.recordConfirmation', { id: file.id, confirmedOn: '2026-11-19', confirmationRef: '2' });
    await s.call('prevention.sendMaterials', { id: file.id, materialsList: 'Учётное дело', coveringNumber: '3' });
    const rows = count(s, 'person_file_access');
    const letter = await s.call('prevention.print', { id: file.id, document: 'covering', language: 'ru', ...PURPOSE });
    expect(pdfWords(Buffer.from(letter.base64, 'base64'))).toContain(typed);
    expect(count(s, 'person_file_access')).toBe(rows + 1);
  });
});

describe('person files: transfer package between stations', () => {
  it('carries a file to another station; a tampered package or a wrong passphrase is refused and nothing partial is saved', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const file = await s.call(
      'prevention.create',
      parolee(s.safe.id, { inspectorId: s.a.id, categories: ['2', '3b'], photo: PHOTO }),
    );
    await s.call('prevention.addSupervision', {
      id: file.id,
      kind: 'conversation',
      doneAt: '2026-11-20T09:00',
      text: 'Профилактическая беседа проведена',
    });
    await s.call('prevention.recordDeparture', {
      id: file.id,
      departedAt: '2026-11-20T08:00',
      moveKind: 'region',
      newAddress: 'г. Астана, ул. Кенесары, 40',
      newBody: 'УП района Сарыарка',
    });
    await s.call('prevention.recordRequest', { id: file.id, sentAt: '2026-11-20T09:30', requestNumber: '17/1102' });
    await s.call('prevention.recordConfirmation', { id: file.id, confirmedOn: '2026-11-20', confirmationRef: '5/331' });
    const pkg = await s.call('prevention.exportPackage', {
      id: file.id,
      passphrase: 'Астана-Алматы-2026',
      purpose: 'transfer',
      purposeText: '',
    });
    const bytes = Buffer.from(pkg.base64, 'base64');
    expect(bytes.toString('utf8')).not.toMatch(/Сейтқали|Жансугурова|2-118/);
    expect((await s.call('prevention.open', { id: file.id, ...PURPOSE })).access[1]).toMatchObject({
      action: 'export',
      purpose: 'transfer',
    });

    // the other station, with its own data folder and its own key
    const other = await station({ now: new Date('2026-11-25T10:00:00') }, tempDir());
    await other.as('abdikadyrov');
    const preview = await other.call('prevention.previewPackage', {
      base64: pkg.base64,
      passphrase: 'Астана-Алматы-2026',
    });
    expect(preview).toMatchObject({
      person: 'Сейтқали Бауыржан Ерғалиұлы',
      iin: IIN,
      categories: ['2', '3b'],
      supervisionRecords: 1,
      relations: 1,
    });
    expect(
      await other.fail('prevention.previewPackage', { base64: pkg.base64, passphrase: 'Астана-Алматы-2025' }),
    ).toMatchObject({ code: 'VALIDATION', messageKey: 'prevention.packageDamaged' });
    const json = JSON.parse(bytes.toString('utf8'));
    const flipped = Buffer.from(json.data, 'base64');
    flipped[10] = flipped[10]! ^ 1;
    const tampered = Buffer.from(JSON.stringify({ ...json, data: flipped.toString('base64') })).toString('base64');
    const place = { sectionId: 2, inspectorId: other.b.id, safeId: other.safe.id, shelf: '1' };
    expect(
      await other.fail('prevention.importPackage', { base64: tampered, passphrase: 'Астана-Алматы-2026', ...place }),
    ).toMatchObject({ messageKey: 'prevention.packageDamaged' });
    expect(
      await other.fail('prevention.importPackage', {
        base64: Buffer.from('not a package').toString('base64'),
        passphrase: 'Астана-Алматы-2026',
        ...place,
      }),
    ).toMatchObject({ messageKey: 'prevention.packageDamaged' });
    // scrypt parameters dearer than ours are refused before any derivation (minutes and gigabytes otherwise), and
    // said to be foreign, not damaged
    for (const scrypt of [
      { N: 2 ** 20, r: 8, p: 1 },
      { N: 2 ** 15, r: 16, p: 1 },
      { N: 2 ** 15, r: 8, p: 4 },
    ]) {
      const dear = Buffer.from(JSON.stringify({ ...json, scrypt })).toString('base64');
      expect(
        await other.fail('prevention.previewPackage', { base64: dear, passphrase: 'Астана-Алматы-2026' }),
      ).toMatchObject({ code: 'VALIDATION', messageKey: 'prevention.packageForeign' });
    }
    expect(count(other, 'person_files')).toBe(0);
    expect(count(other, 'citizens')).toBe(0);

    const imported = await other.call('prevention.importPackage', {
      base64: pkg.base64,
      passphrase: 'Астана-Алматы-2026',
      ...place,
    });
    expect(imported).toMatchObject({
      number: 1,
      status: 'active',
      sectionNumber: '17-2',
      categories: ['2', '3b'],
      groundsNumber: '2-118/2026',
      actualAddress: 'г. Астана, ул. Кенесары, 40',
    });
    expect(imported.citizen).toMatchObject({ iin: IIN, surname: 'Сейтқали' });
    expect(imported.supervision).toEqual([
      expect.objectContaining({ kind: 'conversation', by: 'Нұрланов Т.', text: 'Профилактическая беседа проведена' }),
    ]);
    expect(imported.importedFrom).toContain('№ 1');
    expect(imported.photo).toBe(PHOTO);

    // a second import of the same person fails after the person was touched: all of it rolls back
    const citizensBefore = other.backend.raw.prepare('SELECT * FROM citizens').all();
    const rows = {
      files: count(other, 'person_files'),
      records: count(other, 'supervision_records'),
      audit: count(other, 'audit_log'),
    };
    expect(
      await other.fail('prevention.importPackage', { base64: pkg.base64, passphrase: 'Астана-Алматы-2026', ...place }),
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'prevention.alreadyOnRecord' });
    expect(other.backend.raw.prepare('SELECT * FROM citizens').all()).toEqual(citizensBefore);
    expect({
      files: count(other, 'person_files'),
      records: count(other, 'supervision_records'),
      audit: count(other, 'audit_log'),
    }).toEqual(rows);
  });
});

describe('person files: card, removal, validation', () => {
  it('prints the card in both languages, refuses bad input without changes, and keeps a removed file readable', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const bad = await s.fail(
      'prevention.create',
      parolee(s.safe.id, {
        inspectorId: s.a.id,
        categories: [],
        groundsDate: '2026-11-01',
        custodyPlace: 'policeBody',
      }),
    );
    expect(bad.fields?.map((f) => f.messageKey).sort()).toEqual([
      'prevention.categoryRequired',
      'prevention.controllerRequired',
      'prevention.groundsAfterStart',
    ]);
    expect(count(s, 'person_files')).toBe(0);
    expect(count(s, 'citizens')).toBe(0);
    expect(
      await s.fail(
        'prevention.create',
        parolee(s.safe.id, { inspectorId: s.a.id, photo: 'data:text/html;base64,PGI+' }),
      ),
    ).toMatchObject({ fields: [{ path: 'photo', messageKey: 'prevention.photoFormat' }] });
    const file = await s.call(
      'prevention.create',
      parolee(s.safe.id, { inspectorId: s.a.id, categories: ['3a', '5'], photo: PHOTO }),
    );
    expect(await s.fail('prevention.create', parolee(s.safe.id, { inspectorId: s.a.id }))).toMatchObject({
      messageKey: 'prevention.alreadyOnRecord',
      details: { number: 1 },
    });

    const ru = pdfWords(
      Buffer.from(
        (
          await s.call('prevention.print', {
            id: file.id,
            document: 'card',
            language: 'ru',
            purpose: 'request',
            purposeText: 'запрос ОП',
          })
        ).base64,
        'base64',
      ),
    );
    expect(ru).toContain('КАРТОЧКА ЛИЦА, СОСТОЯЩЕГО НА ПРОФИЛАКТИЧЕСКОМ УЧЁТЕ');
    expect(ru).toContain('Сейтқали Бауыржан Ерғалиұлы');
    expect(ru).toMatch(/3а\) лицо, освобождённое из мест лишения свободы/);
    expect(ru).toContain('защитное предписание');
    expect(ru).toContain('запрос подразделения полиции: запрос ОП');
    // the term's row says "с" once (it read "На учёте с — с 02.12.2026")
    expect(ru).toMatch(/Срок учёта с \d\d\.\d\d\.\d{4}/);
    expect(ru).not.toMatch(/На учёте с с /);
    const kk = pdfWords(
      Buffer.from(
        (await s.call('prevention.print', { id: file.id, document: 'card', language: 'kk', ...PURPOSE })).base64,
        'base64',
      ),
    );
    expect(kk).toContain('ПРОФИЛАКТИКАЛЫҚ ЕСЕПТЕ ТҰРҒАН АДАМНЫҢ КАРТОЧКАСЫ');
    expect(kk).toContain('қорғау нұсқамасы шығарылған адам');
    expect(
      await s.fail('prevention.print', { id: file.id, document: 'request', language: 'ru', ...PURPOSE }),
    ).toMatchObject({ messageKey: 'prevention.noDeparture' });

    expect(
      await s.fail('prevention.remove', {
        id: file.id,
        removedOn: '2026-10-01',
        removalGrounds: 'Постановление',
        removalReason: 'Истёк срок',
      }),
    ).toMatchObject({ fields: [{ path: 'removedOn', messageKey: 'prevention.removedBeforeStart' }] });
    const removed = await s.call('prevention.remove', {
      id: file.id,
      removedOn: '2026-11-20',
      removalGrounds: 'Постановление № 44',
      removalReason: 'Истёк срок надзора',
    });
    expect(removed.status).toBe('removed');
    expect(
      await s.fail('prevention.update', { id: file.id, file: parolee(s.safe.id, { inspectorId: s.a.id }) }),
    ).toMatchObject({ messageKey: 'prevention.closed' });
    expect((await s.call('prevention.open', { id: file.id, ...PURPOSE })).removalReason).toBe('Истёк срок надзора');
    expect((await s.call('prevention.list', { status: 'removed' })).map((r) => r.number)).toEqual([1]);
    // once removed, the person may be placed on record again
    expect((await s.call('prevention.create', parolee(s.safe.id, { inspectorId: s.a.id }))).number).toBe(2);
  });
});

describe('person files: a failed call writes nothing', () => {
  it('rolls back a supervision record whose answer fails the contract (an impossible day saved before dates were checked)', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const file = await s.call('prevention.create', parolee(s.safe.id, { inspectorId: s.a.id }));
    // a wave-one database may hold such a day: the regex of that time let it in
    s.backend.raw.prepare(`UPDATE person_files SET planned_end = '2027-02-31' WHERE id = ?`).run(file.id);
    const [records, audit] = [count(s, 'supervision_records'), count(s, 'audit_log')];
    expect(
      await s.fail('prevention.addSupervision', {
        id: file.id,
        kind: 'visit',
        doneAt: '2026-11-20T09:30',
        text: 'Дома',
      }),
    ).toEqual({ code: 'INTERNAL', messageKey: 'errors.internal' });
    expect([count(s, 'supervision_records'), count(s, 'audit_log')]).toEqual([records, audit]);
    expect(s.logs.join('\n')).not.toMatch(/Сейтқали|2027-02-31/);
    // the backend goes on: the next call writes and reads through a fresh transaction
    s.backend.raw.prepare(`UPDATE person_files SET planned_end = '2027-02-28' WHERE id = ?`).run(file.id);
    await s.call('prevention.addSupervision', { id: file.id, kind: 'visit', doneAt: '2026-11-20T09:30', text: 'Дома' });
    expect(count(s, 'supervision_records')).toBe(records + 1);
  });
});

describe('person files: the person of a file is not renamed from outside (ours)', () => {
  it("links the person of another section's file to a visit and changes nothing of him; only his section corrects him", async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('omarova');
    const file = await s.call('prevention.create', parolee(s.safe.id, { sectionId: 2, inspectorId: s.b.id }));
    await s.as('nurlanov');
    // before: the visit's citizen block overwrote the register, so the file's person was renamed
    const visit = await s.call('reception.create', {
      receivedAt: '2026-11-20T18:15',
      mode: 'inPerson',
      citizen: { ...file.citizen, iin: file.citizen.iin ?? '', surname: 'Переименов', address: 'неизвестно' },
      categoryCode: 'complaint',
      subject: 'Жалоба',
      action: 'explained',
      actionDetails: '',
      receiverId: s.a.id,
      followUpDue: null,
    });
    expect(visit.citizen).toMatchObject({ id: file.citizen.id, surname: 'Сейтқали' });
    const correction = {
      id: file.citizen.id,
      citizen: { ...file.citizen, iin: file.citizen.iin ?? '', surname: 'Переименов' },
      reason: 'ошибка',
    };
    expect(await s.fail('citizens.correct', correction)).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'citizens.otherSection',
    });
    await s.as('omarova');
    expect((await s.call('prevention.open', { id: file.id, ...PURPOSE })).citizen.surname).toBe('Сейтқали');
    expect(await s.call('citizens.correct', { ...correction, reason: 'опечатка в фамилии' })).toMatchObject({
      surname: 'Переименов',
    });
  });
});

/** A PNG of noise, about `kb` kilobytes: a photo the size of a real one, that the forms can draw. */
function noisePng(kb: number): string {
  const side = Math.ceil(Math.sqrt((kb * 1024) / 3));
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(
    Array.from({ length: side }, () => Buffer.concat([Buffer.from([0]), crypto.randomBytes(side * 3)])),
  );
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

describe('person files: the audit keeps what changed', () => {
  it('ten edits of a file with a photo add what changed, not the photo ten times', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const photo = noisePng(300);
    const file = await s.call('prevention.create', parolee(s.safe.id, { inspectorId: s.a.id, photo }));
    const size = () =>
      (
        s.backend.raw
          .prepare(`SELECT sum(length(before_json)) + sum(length(after_json)) AS n FROM audit_log`)
          .get() as { n: number }
      ).n;
    const start = size();
    for (let i = 1; i <= 10; i++)
      await s.call('prevention.update', {
        id: file.id,
        file: parolee(s.safe.id, { inspectorId: s.a.id, photo, obligations: `Являться на регистрацию ${i} раза` }),
      });
    // before: 10 × 2 copies of a 400 kB data URL
    expect(size() - start).toBeLessThan(20_000);
    const last = s.backend.raw
      .prepare(`SELECT before_json, after_json FROM audit_log WHERE action = 'prevention.update' ORDER BY id DESC`)
      .get() as { before_json: string; after_json: string };
    expect(JSON.parse(last.before_json)).toEqual({ obligations: 'Являться на регистрацию 9 раза' });
    expect(JSON.parse(last.after_json)).toMatchObject({ obligations: 'Являться на регистрацию 10 раза' });
    // a new photo is seen in the audit by its digest
    await s.call('prevention.update', { id: file.id, file: parolee(s.safe.id, { inspectorId: s.a.id, photo: PHOTO }) });
    const swapped = s.backend.raw
      .prepare(`SELECT after_json FROM audit_log WHERE action = 'prevention.update' ORDER BY id DESC`)
      .get() as { after_json: string };
    expect(JSON.parse(swapped.after_json).photo).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('person files: a package has a size that fits it', () => {
  it('refuses a package larger than one file could be, before opening it, with its reason', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const e = await s.fail('prevention.previewPackage', {
      base64: 'A'.repeat(8_000_001),
      passphrase: 'долгий-пароль-2026',
    });
    expect(e).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'base64', messageKey: 'prevention.packageTooBig' }],
    });
  });
});

describe('person files: the custody log of a safe (p.13)', () => {
  it('prints every taking out and return of a period, in Kazakh and Russian, for the chiefs', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await setUpStation({ clock: () => clock.now });
    const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    const [safe] = await s.call('prevention.saveSafe', { name: 'Сейф 1', location: 'кабинет 3' });
    const file = await s.call('prevention.create', parolee(safe!.id, { inspectorId: a.id }));
    await s.call('prevention.custody', {
      id: file.id,
      action: 'out',
      personId: a.id,
      reason: 'Проверка по месту жительства',
    });
    clock.now = new Date('2026-11-20T17:30:00');
    await signInAs(s, 'abdikadyrov');
    await s.call('prevention.custody', { id: file.id, action: 'in', personId: a.id, reason: '' });
    const print = async (language: 'kk' | 'ru', from = '2026-11-01', to = '2026-11-30') =>
      pdfWords(
        Buffer.from(
          (await s.call('prevention.printCustodyLog', { safeId: safe!.id, from, to, language })).base64,
          'base64',
        ),
      );
    const ru = await print('ru');
    for (const text of [
      'ЖУРНАЛ ВЫДАЧИ И ВОЗВРАТА УЧЁТНЫХ ДЕЛ',
      'Сейф 1',
      'Сейтқали',
      'выдано',
      'возвращено',
      'Проверка по месту жительства',
      'Всего записей: 2',
    ])
      expect(ru).toContain(text);
    const kk = await print('kk');
    for (const text of ['ЕСЕПТІК ІСТЕРДІ БЕРУ ЖӘНЕ ҚАЙТАРУ ЖУРНАЛЫ', 'берілді', 'қайтарылды', 'Барлық жазбалар: 2'])
      expect(kk).toContain(text);
    // another period holds none of it
    expect(await print('ru', '2026-12-01', '2026-12-31')).toContain('Всего записей: 0');
    // the inspector has no custody log of the station's safe
    await signInAs(s, 'nurlanov');
    expect(
      await s.fail('prevention.printCustodyLog', {
        safeId: safe!.id,
        from: '2026-11-01',
        to: '2026-11-30',
        language: 'ru',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the station safes at the first run (issue 15, p.13)', () => {
  it('creates the safes the wizard names, audited; names twice refuse the whole setup, leaving no station', async () => {
    const bad = blankStation();
    expect(
      await bad.fail('setup.create', {
        ...SETUP,
        safes: [
          { name: 'Сейф № 1', location: '' },
          { name: 'Сейф № 1', location: 'кабинет 2' },
        ],
      }),
    ).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'safes', messageKey: 'prevention.safeNameTaken' }] });
    expect((await bad.call('auth.status', {})).state).toBe('setup');

    const s = blankStation();
    await s.call('setup.create', {
      ...SETUP,
      safes: [
        { name: 'Сейф № 1', location: 'кабинет УПП' },
        { name: 'Сейф № 2', location: '' },
      ],
    });
    expect((await s.call('prevention.safes', {})).map((x) => [x.name, x.location, x.active])).toEqual([
      ['Сейф № 1', 'кабинет УПП', true],
      ['Сейф № 2', '', true],
    ]);
    expect(s.backend.raw.prepare("SELECT count(*) n FROM audit_log WHERE action = 'prevention.addSafe'").get()).toEqual(
      { n: 2 },
    );
  });
});
