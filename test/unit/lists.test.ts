import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../shared/iin';
import { addUser, LEAD, setUpStation, signInAs } from './helpers';
import { pdfWords } from './pdf';

async function station(clock: { now: Date }) {
  const s = await setUpStation({ clock: () => clock.now });
  const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
  await addUser(s, 'omarova', 'Омарова', 'inspector', [2]);
  await addUser(s, 'duty', 'Кезекшіұлы', 'dutyOfficer', []);
  return { ...s, a, as: (login: string) => signInAs(s, login) };
}

const owner = {
  sectionId: 1,
  citizen: {
    id: null,
    iin: makeIin('1970-05-02', 'male', 12),
    noIin: null,
    surname: 'Жұмабаев',
    name: 'Серік',
    patronymic: 'Ахметұлы',
  },
  address: 'ул. Сейфуллина, 12, кв. 4',
  homePhone: '8 727 255 11 22',
  weapons: [
    { kind: 'гладкоствольное ружьё', make: 'ИЖ-27', calibre: '12', serial: 'A123456' },
    { kind: 'карабин', make: 'Сайга', calibre: '7,62', serial: 'K998877' },
  ],
  permitBy: 'УП Турксибского района',
  permitOn: '2024-03-15',
  permitUntil: '2029-03-15',
};

describe('searching a list (the fold in SQL)', () => {
  it('finds by any part of the name in either letters and case, or the start of the IIN, within the sections one works', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('abdikadyrov');
    await s.call('lists.saveFirearmOwner', owner);
    await s.call('lists.saveFirearmOwner', {
      ...owner,
      sectionId: 2,
      citizen: { ...owner.citizen, iin: makeIin('1981-01-09', 'male', 7), surname: 'Әбенов', name: 'Қайрат' },
      weapons: [{ kind: 'карабин', make: 'Сайга', calibre: '7,62', serial: 'Z1' }],
    });
    const find = async (text: string, sectionId: number | null = null) =>
      (await s.call('lists.firearms', { text, sectionId })).map((o) => o.person);
    // typed on a Russian keyboard, lower case: the Kazakh letters fold
    expect(await find('жумабаев')).toEqual(['Жұмабаев Серік Ахметұлы']);
    expect(await find('СЕРИК АХМЕТ')).toEqual(['Жұмабаев Серік Ахметұлы']);
    expect(await find('кайрат')).toEqual(['Әбенов Қайрат Ахметұлы']);
    expect(await find('8101')).toEqual(['Әбенов Қайрат Ахметұлы']);
    expect(await find('ахметұлы')).toHaveLength(2);
    expect(await find('ахметұлы', 1)).toEqual(['Жұмабаев Серік Ахметұлы']);
    expect(await find('нет такого')).toEqual([]);
    // the inspector of section 1 finds only his section's owner, whatever he types
    await s.as('nurlanov');
    expect(await find('ахмет')).toEqual(['Жұмабаев Серік Ахметұлы']);
    expect(await find('кайрат')).toEqual([]);
  });
});

describe('section lists (p.17, Appendices 2–4)', () => {
  it('keeps firearm owners with their weapons and the yearly check at home on Today (p.22(10))', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    expect(await s.fail('lists.saveFirearmOwner', { ...owner, weapons: [] })).toMatchObject({
      fields: [{ path: 'weapons', messageKey: 'lists.weaponRequired' }],
    });
    // a day not on the calendar used to be saved, and then broke the list and Today for the whole section
    expect(await s.fail('lists.saveFirearmOwner', { ...owner, permitOn: '9999-99-99' })).toMatchObject({
      fields: [{ path: 'permitOn', messageKey: 'validation.noSuchDate' }],
    });
    expect(await s.fail('lists.saveFirearmOwner', { ...owner, permitUntil: '2029-02-30' })).toMatchObject({
      fields: [{ path: 'permitUntil', messageKey: 'validation.noSuchDate' }],
    });
    expect(await s.call('lists.firearms', { sectionId: null, text: '' })).toEqual([]);
    const o = await s.call('lists.saveFirearmOwner', owner);
    expect(o).toMatchObject({
      person: 'Жұмабаев Серік Ахметұлы',
      sectionNumber: '17-1',
      lastCheck: null,
      nextCheck: '2025-03-15',
    });
    const due = async (date: string) =>
      (await s.call('today.list', { date })).filter((d) => d.ruleId === 'lists.firearmCheck');
    expect(await due('2026-11-20')).toEqual([expect.objectContaining({ paragraph: '22(10)', overdue: true })]);
    const checked = await s.call('lists.recordFirearmCheck', {
      id: o.id,
      checkedOn: '2026-11-19',
      result: 'Оружие хранится в сейфе, нарушений нет',
    });
    expect(checked).toMatchObject({ lastCheck: { on: '2026-11-19', by: 'Нұрланов Т.' }, nextCheck: '2027-11-19' });
    expect(await due('2026-11-20')).toEqual([]);
    expect(await due('2027-10-25')).toEqual([expect.objectContaining({ due: '2027-11-19', overdue: false })]);
    expect(await s.fail('lists.recordFirearmCheck', { id: o.id, checkedOn: '2026-11-21', result: 'x' })).toMatchObject({
      messageKey: 'lists.checkInFuture',
    });
    // the neighbour's inspector neither sees nor changes it; the duty officer has no lists
    await s.as('omarova');
    expect(await s.call('lists.firearms', {})).toEqual([]);
    expect(await s.fail('lists.recordFirearmCheck', { id: o.id, checkedOn: '2026-11-20', result: 'x' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await s.fail('lists.saveFirearmOwner', { ...owner, id: o.id, sectionId: 2 })).toMatchObject({
      code: 'FORBIDDEN',
    });
    await s.as('duty');
    expect(await s.fail('lists.firearms', {})).toMatchObject({ code: 'FORBIDDEN' });
    // surrendered weapons end the yearly checks
    await s.as('nurlanov');
    const surrendered = await s.call('lists.saveFirearmOwner', { ...owner, id: o.id, surrenderedOn: '2026-11-20' });
    expect(surrendered.nextCheck).toBeNull();
    expect(s.backend.raw.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'firearm_owner'").get()).toEqual({
      n: 3,
    });
  });

  it('shows a foreigner whose stay or passport ends within 30 days, and prints each appendix in its columns, Excel too', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    await s.call('lists.saveFirearmOwner', owner);
    const f = await s.call('lists.saveForeigner', {
      sectionId: 1,
      citizen: { id: null, iin: '', noIin: 'foreigner', surname: 'Каримов', name: 'Рустам', birthDate: '1990-04-01' },
      citizenship: 'Республика Узбекистан',
      passportNo: 'FA1234567',
      passportValidUntil: '2030-01-01',
      stayUntil: '2026-12-10',
      tempAddress: 'ул. Жансугурова, 7',
      work: 'ТОО «Құрылыс»',
    });
    const today = (await s.call('today.list', { date: '2026-11-20' })).filter((d) => d.ruleId.startsWith('lists.'));
    expect(today.map((d) => [d.ruleId, d.params.until])).toEqual(
      expect.arrayContaining([['lists.stay', '10.12.2026']]),
    );
    expect(today.find((d) => d.ruleId === 'lists.passport')).toBeUndefined();
    await s.call('lists.recordForeignerCheck', { id: f.id, checkedOn: '2026-11-18', note: 'проживает' });
    await s.call('lists.saveProbation', {
      sectionId: 1,
      citizen: { id: null, iin: makeIin('1995-07-07', 'female', 3), noIin: null, surname: 'Әлиева', name: 'Дана' },
      address: 'ул. Сейфуллина, 20',
      includedOn: '2026-10-01',
      marks: 'шрам на левой руке',
      measure: 'пробационный контроль, 1 год',
    });

    const app2 = pdfWords(
      Buffer.from((await s.call('lists.print', { list: 'firearms', language: 'kk' })).base64, 'base64'),
    );
    // (pdftotext may interleave wrapped cells of neighbouring columns: check the pieces)
    for (const text of [
      'ЖЕКЕ ҚОЛДАНЫСЫНДА АТЫС ҚАРУЫ БАР АДАМДАРДЫҢ ТІЗІМІ',
      'Қағидаларға 2-қосымша',
      'Жұмабаев Серік Ахметұлы',
      'ИЖ-27',
      '№ A123456',
      'Сайга',
      '15.03.2024, УП',
      'Турксибского района',
      '15.03.2029 дейін',
    ])
      expect(app2).toContain(text);
    const app3 = pdfWords(
      Buffer.from((await s.call('lists.print', { list: 'probation', language: 'ru' })).base64, 'base64'),
    );
    expect(app3).toContain('по состоянию на 20.11.2026');
    expect(app3).toContain('шрам на левой руке');
    expect(app3).not.toContain('пробационный контроль'); // ours, not a column of Appendix 3
    const app4 = pdfWords(
      Buffer.from((await s.call('lists.print', { list: 'foreigners', language: 'ru' })).base64, 'base64'),
    );
    for (const text of [
      'Каримов Рустам, Республика Узбекистан',
      'FA1234567, до 01.01.2030',
      'до 10.12.2026',
      '18.11.2026: проживает',
    ])
      expect(app4).toContain(text);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(
        (await s.call('lists.exportXlsx', { list: 'firearms', language: 'ru' })).base64,
        'base64',
      ) as unknown as ArrayBuffer,
    );
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual([
      undefined,
      '№',
      'Ф.И.О. (при наличии) владельца оружия',
      'Адрес (домашний телефон)',
      'Вид оружия, марка, калибр ствола, №',
      'Когда, кем и на какой срок выдано разрешение',
      'Дата перерегистрации',
      'Дата изъятия и сдачи оружия',
    ]);
    expect(ws.getRow(3).getCell(2).value).toBe('Жұмабаев Серік Ахметұлы');
    expect(String(ws.getRow(3).getCell(4).value)).toContain('карабин, Сайга, 7,62, № K998877');
  });
});

async function sheet(rows: (string | Date)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  ws.addRow(['Список лиц, имеющих огнестрельное оружие']);
  ws.addRow([
    '№',
    'ФИО владельца',
    'ИИН',
    'Адрес',
    'Вид оружия',
    'Марка',
    'Калибр',
    'Номер оружия',
    'Кем выдано разрешение',
    'Дата разрешения',
  ]);
  ws.addRow(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

describe('Excel import of a list', () => {
  it('maps the columns, shows what is added, updated or rejected and why, saves nothing until confirmed, then all valid rows at once', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const good = makeIin('1970-05-02', 'male', 12);
    const base64 = await sheet([
      [
        '1',
        'Жұмабаев Серік Ахметұлы',
        good,
        'ул. Сейфуллина, 12',
        'ружьё',
        'ИЖ-27',
        '12',
        'A123456',
        'УП Турксибского района',
        '15.03.2024',
      ],
      ['2', 'Петров Иван', '700502300125', 'ул. Абая, 1', 'карабин', 'Сайга', '7,62', 'K1', 'УП', '01.02.2023'],
      ['3', 'Сидоров Олег', '', 'ул. Абая, 3', 'ружьё', 'МР-153', '12', 'M5', 'УП', '31.02.2023'],
      ['4', 'Әлиев', '', 'ул. Абая, 5', '', '', '', 'X9', 'УП', new Date('2022-05-05T00:00:00Z')],
    ]);
    const preview = await s.call('lists.importPreview', { list: 'firearms', base64, sectionId: 1 });
    expect(preview.mapping).toMatchObject({
      fullName: 1,
      iin: 2,
      address: 3,
      weaponKind: 4,
      weaponMake: 5,
      weaponCalibre: 6,
      weaponSerial: 7,
      permitBy: 8,
      permitOn: 9,
    });
    expect(preview.rows.map((r) => [r.row, r.action])).toEqual([
      [4, 'add'],
      [5, 'reject'],
      [6, 'reject'],
      [7, 'reject'],
    ]);
    expect(preview.rows[1]!.reasons).toEqual(['iin.checksum']);
    expect(preview.rows[2]!.reasons).toEqual(['lists.import.badDate:permitOn']);
    expect(preview.rows[3]!.reasons).toEqual(
      expect.arrayContaining(['lists.import.missing:weaponKind', 'lists.import.nameIncomplete']),
    );
    // the preview (or a cancelled import) saved nothing
    expect(await s.call('lists.firearms', {})).toEqual([]);
    expect(await s.call('lists.importApply', { list: 'firearms', base64, sectionId: 1 })).toEqual({
      added: 1,
      updated: 0,
      rejected: 3,
    });
    const [owner] = await s.call('lists.firearms', {});
    expect(owner).toMatchObject({
      person: 'Жұмабаев Серік Ахметұлы',
      iin: good,
      permitOn: '2024-03-15',
      weapons: [{ kind: 'ружьё', make: 'ИЖ-27', calibre: '12', serial: 'A123456' }],
    });
    // the same file again updates the owner instead of adding a second one; a new weapon joins the old
    const again = await sheet([
      [
        '1',
        'Жұмабаев Серік Ахметұлы',
        good,
        'ул. Сейфуллина, 12',
        'карабин',
        'Сайга',
        '7,62',
        'K77',
        'УП Турксибского района',
        '15.03.2024',
      ],
    ]);
    expect(
      (await s.call('lists.importPreview', { list: 'firearms', base64: again, sectionId: 1 })).rows.map(
        (r) => r.action,
      ),
    ).toEqual(['update']);
    expect(await s.call('lists.importApply', { list: 'firearms', base64: again, sectionId: 1 })).toEqual({
      added: 0,
      updated: 1,
      rejected: 0,
    });
    expect((await s.call('lists.firearms', {}))[0]!.weapons.map((w) => w.serial)).toEqual(['A123456', 'K77']);
    // another section's inspector cannot import into section 1; nothing half-done
    await s.as('omarova');
    expect(await s.fail('lists.importApply', { list: 'firearms', base64: again, sectionId: 1 })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      await s.fail('lists.importPreview', {
        list: 'firearms',
        base64: Buffer.from('not excel').toString('base64'),
        sectionId: 2,
      }),
    ).toMatchObject({ messageKey: 'lists.importUnreadable' });
  });
});

describe('Excel round trip', () => {
  it('brings every appendix column of every list back through export and import, into another station', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    // App 2 col. 7: the weapon withdrawn and then surrendered
    await s.call('lists.saveFirearmOwner', {
      ...owner,
      reregisteredOn: '2025-03-10',
      withdrawnOn: '2026-11-02',
      surrenderedOn: '2026-11-03',
    });
    await s.call('lists.saveProbation', {
      sectionId: 1,
      citizen: {
        id: null,
        iin: makeIin('1995-07-07', 'female', 3),
        noIin: null,
        surname: 'Әлиева',
        name: 'Дана',
        patronymic: 'Серікқызы',
      },
      address: 'ул. Сейфуллина, 20',
      work: 'ТОО «Құрылыс», мастер',
      phones: '+7 705 111 11 11',
      includedOn: '2026-10-01',
      removedOn: '2026-11-10',
      marks: 'шрам на левой руке',
    });
    const foreigner = await s.call('lists.saveForeigner', {
      sectionId: 1,
      citizen: { id: null, iin: '', noIin: 'foreigner', surname: 'Каримов', name: 'Рустам', birthDate: '1990-04-01' },
      citizenship: 'Узбекистан',
      passportNo: 'FA1234567',
      passportValidUntil: '2030-01-01',
      stayUntil: '2026-12-10',
      tempAddress: 'ул. Жансугурова, 7',
      homePhone: '8 727 000 00 00',
      work: 'ТОО «Құрылыс»',
      workPhone: '8 727 111 11 11',
    });
    // App 4 col. 7: the check at the place of stay
    await s.call('lists.recordForeignerCheck', { id: foreigner.id, checkedOn: '2026-11-18', note: 'проживает' });
    const other = await station({ now: new Date('2026-11-21T10:00:00') });
    await other.as('nurlanov');
    const strip = (r: Record<string, unknown>) => {
      const { id: _id, citizenId: _c, citizen: _z, lastCheck: _l, nextCheck: _n, ...rest } = r;
      return rest;
    };
    for (const list of ['firearms', 'probation', 'foreigners'] as const) {
      const xlsx = (await s.call('lists.exportXlsx', { list, language: 'kk' })).base64;
      expect(await other.call('lists.importPreview', { list, base64: xlsx, sectionId: 1 })).toMatchObject({
        rows: [{ action: 'add', reasons: [] }],
      });
      expect(await other.call('lists.importApply', { list, base64: xlsx, sectionId: 1 })).toEqual({
        added: 1,
        updated: 0,
        rejected: 0,
      });
      const call =
        list === 'firearms' ? 'lists.firearms' : list === 'probation' ? 'lists.probation' : 'lists.foreigners';
      const [mine] = (await s.call(call, {})) as unknown as Record<string, unknown>[];
      const [theirs] = (await other.call(call, {})) as unknown as Record<string, unknown>[];
      expect(strip(theirs!)).toEqual(strip(mine!));
    }
  });
});

describe('p.17(3): a foreigner on the list (App 4)', () => {
  const karimov = {
    sectionId: 1,
    citizen: { id: null, iin: '', noIin: 'foreigner' as const, surname: 'Каримов', name: 'Рустам' },
    citizenship: 'Республика Узбекистан',
    passportNo: 'FA1234567',
    passportValidUntil: '2030-01-01',
    stayUntil: '2026-12-10',
    tempAddress: 'ул. Жансугурова, 7',
  };

  it('keeps every residence check, newest first, the list column showing the latest even when an older one is recorded late', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const f = await s.call('lists.saveForeigner', karimov);
    await s.call('lists.recordForeignerCheck', { id: f.id, checkedOn: '2026-10-02', note: 'проживает' });
    await s.call('lists.recordForeignerCheck', { id: f.id, checkedOn: '2026-11-18', note: 'проживает, работает' });
    // the one of September, written down only today, goes into the history and leaves the column alone
    const after = await s.call('lists.recordForeignerCheck', { id: f.id, checkedOn: '2026-09-01', note: 'прибыл' });
    expect(after.checks.map((k) => [k.on, k.note])).toEqual([
      ['2026-11-18', 'проживает, работает'],
      ['2026-10-02', 'проживает'],
      ['2026-09-01', 'прибыл'],
    ]);
    expect(after.checks[0]!.by).toContain('Нұрланов');
    expect([after.checkedOn, after.checkNote]).toEqual(['2026-11-18', 'проживает, работает']);
    // the printed App 4 carries the latest in col. 7
    const app4 = pdfWords(
      Buffer.from((await s.call('lists.print', { list: 'foreigners', language: 'ru' })).base64, 'base64'),
    );
    expect(app4).toContain('18.11.2026');
    expect(app4).not.toContain('01.09.2026');
  });

  it('removes one who left with the date and reason, keeps him with his checks, and undoes a removal made by mistake', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const f = await s.call('lists.saveForeigner', karimov);
    await s.call('lists.recordForeignerCheck', { id: f.id, checkedOn: '2026-11-02', note: 'проживает' });
    const onToday = async () =>
      (await s.call('today.list', { date: '2026-11-20' })).filter((d) => d.ruleId === 'lists.stay').length;
    expect(await onToday()).toBe(1);

    // bad input changes nothing: a day to come, "other" without a word
    await expect(
      s.call('lists.removeForeigner', { id: f.id, removedOn: '2026-11-25', reason: 'left' }),
    ).rejects.toMatchObject({
      shape: { code: 'VALIDATION', fields: [{ path: 'removedOn', messageKey: 'lists.removedInFuture' }] },
    });
    await expect(
      s.call('lists.removeForeigner', { id: f.id, removedOn: '2026-11-19', reason: 'other', note: ' ' }),
    ).rejects.toMatchObject({ shape: { code: 'VALIDATION' } });
    // another section's inspector cannot take him off
    await s.as('omarova');
    await expect(
      s.call('lists.removeForeigner', { id: f.id, removedOn: '2026-11-19', reason: 'left' }),
    ).rejects.toMatchObject({ shape: { code: 'FORBIDDEN' } });
    await s.as('nurlanov');
    expect((await s.call('lists.foreigners', {})).map((x) => x.removedOn)).toEqual([null]);

    const gone = await s.call('lists.removeForeigner', {
      id: f.id,
      removedOn: '2026-11-19',
      reason: 'left',
      note: 'выехал в Ташкент',
    });
    expect([gone.removedOn, gone.removalReason, gone.removalNote]).toEqual(['2026-11-19', 'left', 'выехал в Ташкент']);
    // off the list, its print, Excel and Today; kept when asked for, with his check
    expect(await s.call('lists.foreigners', {})).toEqual([]);
    const kept = await s.call('lists.foreigners', { includeRemoved: true });
    expect(kept.map((x) => [x.person, x.removedOn, x.checks.length])).toEqual([['Каримов Рустам', '2026-11-19', 1]]);
    expect(await onToday()).toBe(0);
    const app4 = pdfWords(
      Buffer.from((await s.call('lists.print', { list: 'foreigners', language: 'ru' })).base64, 'base64'),
    );
    expect(app4).not.toContain('Каримов');
    // a removed one is not checked, nor removed twice
    await expect(
      s.call('lists.recordForeignerCheck', { id: f.id, checkedOn: '2026-11-20', note: '' }),
    ).rejects.toMatchObject({ shape: { code: 'CONFLICT', messageKey: 'lists.foreignerRemoved' } });
    await expect(
      s.call('lists.removeForeigner', { id: f.id, removedOn: '2026-11-19', reason: 'left' }),
    ).rejects.toMatchObject({ shape: { code: 'CONFLICT' } });
    // the stay that ends in December is not "ended unchecked" for one who left in November
    clock.now = new Date('2026-12-20T10:00:00');
    await s.as('nurlanov');
    const back = await s.call('lists.restoreForeigner', { id: f.id });
    expect([back.removedOn, back.removalReason, back.checks.length]).toEqual([null, null, 1]);
    expect((await s.call('lists.foreigners', {})).length).toBe(1);
    // both changes are audited, each with what was before
    const audit = s.backend.raw
      .prepare("SELECT action FROM audit_log WHERE entity = 'foreigner' ORDER BY id")
      .all()
      .map((r) => (r as { action: string }).action);
    expect(audit).toEqual([
      'lists.foreigner.create',
      'lists.foreignerCheck',
      'lists.foreignerRemove',
      'lists.foreignerRestore',
    ]);
  });

  it('counts one who left before his stay ended as neither on the list after it nor unchecked (figures)', async () => {
    const clock = { now: new Date('2026-12-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const f = await s.call('lists.saveForeigner', karimov);
    const other = await s.call('lists.saveForeigner', {
      ...karimov,
      citizen: { ...karimov.citizen, surname: 'Юсупов' },
      passportNo: 'FA7654321',
    });
    await s.call('lists.removeForeigner', { id: f.id, removedOn: '2026-11-19', reason: 'left' });
    await s.as(LEAD.login);
    const december = await s.call('figures.get', { from: '2026-12-01', to: '2026-12-31' });
    // Юсупов stayed until 10 December and nobody checked him; Каримов had left in November
    expect(december.total.current.foreigners).toMatchObject({ total: 1, staysEndedUnchecked: 1 });
    const november = await s.call('figures.get', { from: '2026-11-01', to: '2026-11-30' });
    expect(november.total.current.foreigners.total).toBe(2);
    expect(other.removedOn).toBeNull();
  });
});

describe('p.22(10): the check of an applicant for a weapons permit, on the weapons unit instruction', () => {
  const applicant = {
    sectionId: 1,
    citizen: { id: null, iin: makeIin('1988-02-11', 'male', 21), noIin: null, surname: 'Сейтқали', name: 'Ерлан' },
    address: 'ул. Абая, 40, кв. 2',
    permit: 'storageCarrying' as const,
    weapon: 'гладкоствольное ружьё МР-155',
    instructedBy: 'ст. инспектор ПКОО Ахметов Б.',
    instructionRef: '17/512',
    receivedOn: '2026-11-16',
    dueOn: '2026-11-26',
  };

  it('is on Today from the day it came, overdue after the day it set, done when the check is recorded; the act hands over one not done', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const x = await s.call('lists.saveApplicantCheck', applicant);
    expect([x.person, x.checkedOn, x.sectionNumber]).toEqual(['Сейтқали Ерлан', null, '17-1']);
    const due = async (date: string) =>
      (await s.call('today.list', { date })).filter((d) => d.ruleId === 'lists.applicantCheck');
    expect(await due('2026-11-20')).toMatchObject([
      { paragraph: '22(10)', due: '2026-11-26', overdue: false, params: { person: 'Сейтқали Ерлан' } },
    ]);
    expect(await due('2026-11-27')).toMatchObject([{ overdue: true }]);
    // the other section's inspector neither sees it nor may record it
    await s.as('omarova');
    expect(await s.call('lists.applicantChecks', {})).toEqual([]);
    expect(await due('2026-11-20')).toEqual([]);
    await expect(
      s.call('lists.recordApplicantCheck', { id: x.id, checkedOn: '2026-11-19', result: 'нарушений нет' }),
    ).rejects.toMatchObject({ shape: { code: 'FORBIDDEN' } });

    // the act of handing the section over lists it among the unfinished checks
    await s.as(LEAD.login);
    const preview = await s.call('handover.preview', { sectionId: 1 });
    expect(preview.unfinishedChecks).toContainEqual({ what: 'applicant:Сейтқали Ерлан', due: '2026-11-26' });

    await s.as('nurlanov');
    // bad input changes nothing: a day to come, a day before the instruction, an empty result
    for (const [checkedOn, result, key] of [
      ['2026-11-21', 'нарушений нет', 'lists.checkInFuture'],
      ['2026-11-15', 'нарушений нет', 'lists.checkBeforeInstruction'],
    ] as const)
      await expect(s.call('lists.recordApplicantCheck', { id: x.id, checkedOn, result })).rejects.toMatchObject({
        shape: { code: 'VALIDATION', fields: [{ path: 'checkedOn', messageKey: key }] },
      });
    await expect(
      s.call('lists.recordApplicantCheck', { id: x.id, checkedOn: '2026-11-19', result: ' ' }),
    ).rejects.toMatchObject({ shape: { code: 'VALIDATION' } });
    expect((await s.call('lists.applicantChecks', {}))[0]!.checkedOn).toBeNull();

    const done = await s.call('lists.recordApplicantCheck', {
      id: x.id,
      checkedOn: '2026-11-19',
      result: 'Сейф для хранения оружия установлен, родственники не возражают',
    });
    expect([done.checkedOn, done.checkedBy]).toEqual(['2026-11-19', 'Нұрланов Т.']);
    expect(await due('2026-11-27')).toEqual([]);
    // done is done: not checked again, the instruction not rewritten
    await expect(
      s.call('lists.recordApplicantCheck', { id: x.id, checkedOn: '2026-11-20', result: 'ещё раз' }),
    ).rejects.toMatchObject({ shape: { code: 'CONFLICT', messageKey: 'lists.applicantChecked' } });
    await expect(
      s.call('lists.saveApplicantCheck', { ...applicant, id: x.id, dueOn: '2026-12-26' }),
    ).rejects.toMatchObject({ shape: { code: 'CONFLICT' } });
    expect(
      s.backend.raw
        .prepare("SELECT action FROM audit_log WHERE entity = 'applicant_check' ORDER BY id")
        .all()
        .map((r) => (r as { action: string }).action),
    ).toEqual(['lists.applicant_check.create', 'lists.applicantCheck']);
  });

  it('refuses an instruction whose day is before it came, and lists those to do first', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    await expect(s.call('lists.saveApplicantCheck', { ...applicant, dueOn: '2026-11-10' })).rejects.toMatchObject({
      shape: { code: 'VALIDATION', fields: [{ path: 'dueOn' }] },
    });
    expect(await s.call('lists.applicantChecks', {})).toEqual([]);
    const a = await s.call('lists.saveApplicantCheck', applicant);
    await s.call('lists.recordApplicantCheck', { id: a.id, checkedOn: '2026-11-18', result: 'нарушений нет' });
    await s.call('lists.saveApplicantCheck', {
      ...applicant,
      citizen: { ...applicant.citizen, iin: makeIin('1979-01-05', 'male', 22), surname: 'Омаров' },
      dueOn: '2026-11-30',
    });
    await s.call('lists.saveApplicantCheck', {
      ...applicant,
      citizen: { ...applicant.citizen, iin: makeIin('1981-01-05', 'male', 23), surname: 'Бекенов' },
      dueOn: '2026-11-24',
    });
    expect((await s.call('lists.applicantChecks', {})).map((x) => x.person)).toEqual([
      'Бекенов Ерлан',
      'Омаров Ерлан',
      'Сейтқали Ерлан',
    ]);
  });
});
