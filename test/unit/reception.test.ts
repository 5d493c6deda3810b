import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { receptionJournal } from '../../electron/backend/documents/receptionJournal';
import { renderPdf } from '../../electron/backend/documents/render';
import ExcelJS from 'exceljs';
import { makeIin } from '../../shared/iin';
import { receptionFilterSchema } from '../../shared/api/reception';
import { addUser, IIN_A, LEAD, parolee, receptionEntry as entry, ROOT, setUpStation, signInAs } from './helpers';
import { pdfText } from './pdf';
import { listReceptions, listWholeJournal } from '../../electron/backend/modules/reception/service';

const IIN_B = makeIin('1992-02-29', 'female', 208);

async function desk() {
  const s = await setUpStation({ clock: () => new Date('2026-11-20T18:30:00') });
  const assistant = await s.call('users.create', {
    surname: 'Бекова',
    name: 'Ляззат',
    patronymic: '',
    rank: 'лейтенант',
    position: 'помощник УИП',
    role: 'assistant',
    sectionIds: [1],
    // p.2(3): under the UPP lead, the station's first inspector
    supervisingInspectorId: 1,
    login: 'bekova',
    temporaryPassword: 'Temp-12345',
  });
  return { ...s, assistant };
}

describe('reception log', () => {
  it('registers an entry: number per year, date of birth and sex from the IIN, audited', async () => {
    const s = await desk();
    const a = await s.call('reception.create', entry());
    expect(a).toMatchObject({
      year: 2026,
      number: 1,
      status: 'done',
      receiverName: 'Әбдіқадыров Е. С.',
      citizen: { iin: IIN_A, birthDate: '1985-06-12', sex: 'male' },
    });
    const b = await s.call(
      'reception.create',
      entry({
        receivedAt: '2026-11-20T18:40',
        citizen: { iin: IIN_B, surname: 'Омарова', name: 'Әсел', patronymic: '' },
      }),
    );
    expect(b.number).toBe(2);
    const nextYear = await s.call('reception.create', entry({ receivedAt: '2027-01-05T18:05' }));
    expect(nextYear).toMatchObject({ year: 2027, number: 1 });
    expect(await s.call('audit.verify', {})).toMatchObject({ ok: true });
  });

  it('refuses a bad IIN saying what is wrong, and saves nothing', async () => {
    const s = await desk();
    const wrong = IIN_A.slice(0, 11) + ((Number(IIN_A[11]) + 1) % 10);
    expect((await s.fail('reception.create', entry({ citizen: { iin: wrong } }))).fields).toEqual([
      { path: 'citizen.iin', messageKey: 'iin.checksum' },
    ]);
    expect((await s.fail('reception.create', entry({ citizen: { iin: '12345' } }))).fields).toEqual([
      { path: 'citizen.iin', messageKey: 'iin.length' },
    ]);
    expect((await s.fail('reception.create', entry({ citizen: { iin: '' } }))).fields).toEqual([
      { path: 'citizen.iin', messageKey: 'iin.requiredOrReason' },
    ]);
    expect((await s.fail('reception.create', entry({ action: 'referred' }))).fields).toEqual([
      { path: 'actionDetails', messageKey: 'reception.detailsRequired' },
    ]);
    expect((await s.fail('reception.create', entry({ receivedAt: '2026-11-20T25:10' }))).fields).toEqual([
      { path: 'receivedAt', messageKey: 'validation.dateTime' },
    ]);
    expect((await s.fail('reception.create', entry({ receivedAt: '' }))).fields).toEqual([
      { path: 'receivedAt', messageKey: 'validation.required' },
    ]);
    expect((await s.fail('reception.create', entry({ receivedAt: '2026-02-31T10:00' }))).fields).toEqual([
      { path: 'receivedAt', messageKey: 'validation.noSuchDate' },
    ]);
    expect((await s.call('reception.list', { from: '2026-01-01', to: '2026-12-31' })).entries).toEqual([]);
    expect(await s.call('citizens.search', { query: 'қасым' })).toEqual([]);
  });

  it('keeps one citizen per person: by IIN, by the chosen record, or by name and birth date without IIN', async () => {
    const s = await desk();
    const first = await s.call('reception.create', entry());
    // the same IIN typed again with a new phone: the same person, linked, nothing of him changed
    const again = await s.call(
      'reception.create',
      entry({ receivedAt: '2026-11-21T18:10', citizen: { phone: '+7 777 000 0000' } }),
    );
    expect(again.citizen.id).toBe(first.citizen.id);
    expect(again.citizen.phone).toBe('+7 701 555 1234');
    // the new phone is a correction, with its reason; the old version stays in the audit
    expect(
      await s.call('citizens.correct', {
        id: first.citizen.id,
        citizen: { ...entry().citizen, phone: '+7 777 000 0000' },
        reason: 'Сменил номер',
      }),
    ).toMatchObject({ id: first.citizen.id, phone: '+7 777 000 0000' });
    const audit = s.backend.raw
      .prepare(`SELECT before_json, after_json FROM audit_log WHERE action = 'citizens.correct'`)
      .get() as { before_json: string; after_json: string };
    expect(JSON.parse(audit.before_json)).toMatchObject({ phone: '+7 701 555 1234' });
    expect(JSON.parse(audit.after_json)).toMatchObject({ phone: '+7 777 000 0000', reason: 'Сменил номер' });
    // a foreigner without IIN, flagged; the second visit finds the same record by name and birth date
    const f1 = await s.call(
      'reception.create',
      entry({
        citizen: {
          iin: '',
          noIin: 'foreigner',
          surname: 'Ли',
          name: 'Вэй',
          patronymic: '',
          birthDate: '1990-03-03',
          sex: 'male',
        },
      }),
    );
    const f2 = await s.call(
      'reception.create',
      entry({
        receivedAt: '2026-11-22T18:00',
        citizen: {
          iin: '',
          noIin: 'foreigner',
          surname: 'ЛИ',
          name: 'вэй',
          patronymic: '',
          birthDate: '1990-03-03',
          sex: 'male',
        },
      }),
    );
    expect(f1.citizen).toMatchObject({ iin: null, noIin: 'foreigner' });
    expect(f2.citizen.id).toBe(f1.citizen.id);
    // an IIN already held by another person cannot be given to someone else
    const e = await s.fail('citizens.correct', {
      id: f1.citizen.id,
      citizen: { ...f1.citizen, iin: IIN_A, noIin: null },
      reason: 'ИИН найден',
    });
    expect(e).toMatchObject({ code: 'CONFLICT', messageKey: 'iin.taken' });
    // a chosen person who is not in the register is a field error
    expect((await s.fail('reception.create', entry({ citizen: { id: 9999 } }))).fields).toEqual([
      { path: 'citizen.id', messageKey: 'errors.notFound' },
    ]);
  });

  it('finds returning citizens by part of the IIN or any part of a name, any case, Kazakh or Russian letters', async () => {
    const s = await desk();
    await s.call('reception.create', entry());
    await s.call(
      'reception.create',
      entry({
        receivedAt: '2026-11-20T19:00',
        citizen: { iin: IIN_B, surname: 'Әбдіқадырова', name: 'Гүлнұр', patronymic: 'Серікқызы' },
      }),
    );
    const names = async (q: string) => (await s.call('citizens.search', { query: q })).map((c) => c.surname);
    expect(await names(IIN_A.slice(0, 5))).toEqual(['Қасымов']);
    expect(await names('қасым')).toEqual(['Қасымов']);
    expect(await names('КАСЫМОВ')).toEqual(['Қасымов']); // typed with a Russian keyboard
    expect(await names('бауыр қас')).toEqual(['Қасымов']);
    expect(await names('гүлнұр')).toEqual(['Әбдіқадырова']);
    expect(await names('абдикадыр')).toEqual(['Әбдіқадырова']);
    expect(await names('серікқызы')).toEqual(['Әбдіқадырова']);
    expect(await names('"; DROP TABLE citizens; --')).toEqual([]);
    const hit = (await s.call('citizens.search', { query: 'қасымов' }))[0]!;
    expect(hit).toMatchObject({ lastVisit: '2026-11-20T18:15', visits: 1, phone: '+7 701 555 1234' });
  });

  it('corrects with the previous version kept, voids with a reason, never deletes', async () => {
    const s = await desk();
    const a = await s.call('reception.create', entry());
    const fixed = await s.call('reception.correct', {
      id: a.id,
      reason: 'опечатка в сути',
      entry: entry({ subject: 'Шум от соседей после 22:00' }),
    });
    expect(fixed).toMatchObject({ number: 1, version: 2, subject: 'Шум от соседей после 22:00' });
    const { history } = await s.call('reception.get', { id: a.id });
    expect(history.map((h) => [h.version, h.reason, h.data.subject])).toEqual([
      [2, 'опечатка в сути', 'Шум от соседей после 22:00'],
      [1, '', 'Шум от соседей после 23:00'],
    ]);
    const voided = await s.call('reception.void', { id: a.id, reason: 'внесено по ошибке' });
    expect(voided).toMatchObject({ status: 'voided', voidReason: 'внесено по ошибке', version: 3 });
    expect(await s.fail('reception.correct', { id: a.id, reason: 'x', entry: entry() })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'reception.voided',
    });
    expect(
      (await s.call('reception.list', { from: '2026-11-20', to: '2026-11-20' })).entries.map((r) => r.status),
    ).toEqual(['voided']);
  });

  it('lets an assistant register (shown as assistant, under his inspector) and void as an inspector does (p.2(3))', async () => {
    const s = await desk();
    s.backend.lock();
    await s.call('auth.unlock', { login: 'bekova', password: 'Temp-12345' });
    await s.call('auth.changePassword', { currentPassword: 'Temp-12345', newPassword: 'Bekova-2026' });
    const a = await s.call('reception.create', entry({ receiverId: s.assistant.id }));
    expect(a).toMatchObject({
      receiverRole: 'assistant',
      receiverName: 'Бекова Л.',
      receiverSupervisor: 'Әбдіқадыров Е. С.',
    });
    expect(await s.call('reception.void', { id: a.id, reason: 'ошибочная запись' })).toMatchObject({
      status: 'voided',
    });
  });

  it('puts an open follow-up on Today until its result is recorded: our deadline, so many days ahead as the station chose', async () => {
    const s = await desk();
    const a = await s.call(
      'reception.create',
      entry({ followUpDue: '2026-11-23', action: 'statementPassed', actionDetails: 'в ОП Турксибского района' }),
    );
    expect(a.status).toBe('open');
    expect(
      (await s.call('today.list', { date: '2026-11-10' })).filter((d) => d.ruleId === 'reception.followUp'),
    ).toEqual([]);
    const due = (await s.call('today.list', { date: '2026-11-21' })).filter((d) => d.ruleId === 'reception.followUp');
    expect(due).toEqual([
      expect.objectContaining({
        ruleId: 'reception.followUp',
        // p.9 sets no follow-up deadline: the item says it is the station's own
        paragraph: 'ours',
        due: '2026-11-23',
        overdue: false,
        params: expect.objectContaining({ number: '1/2026', person: 'Қасымов Б. Е.' }),
      }),
    ]);
    expect(
      (await s.call('today.list', { date: '2026-11-24' })).find((d) => d.ruleId === 'reception.followUp')?.overdue,
    ).toBe(true);
    // the station shows follow-ups one day ahead instead of three
    const { settings } = await s.call('station.get', {});
    await s.call('station.updateSettings', { ...settings, followUpNoticeDays: 1 });
    const shown = async (date: string) =>
      (await s.call('today.list', { date })).filter((d) => d.ruleId === 'reception.followUp').length;
    expect([await shown('2026-11-21'), await shown('2026-11-22')]).toEqual([0, 1]);
    expect(
      (await s.call('reception.list', { from: '2026-11-20', to: '2026-11-20', status: 'open' })).entries.length,
    ).toBe(1);
    await s.call('reception.setResult', { id: a.id, result: 'Проверено, нарушений нет' });
    expect(
      (await s.call('today.list', { date: '2026-11-24' })).filter((d) => d.ruleId === 'reception.followUp'),
    ).toEqual([]);
    expect(
      (await s.call('reception.list', { from: '2026-11-20', to: '2026-11-20', status: 'open' })).entries.length,
    ).toBe(0);
  });

  it('filters by the citizen (as the desk search takes him), mode, category and receiver', async () => {
    const s = await desk();
    await s.call('reception.create', entry());
    await s.call(
      'reception.create',
      entry({
        receivedAt: '2026-11-20T11:00',
        mode: 'online',
        categoryCode: 'consultation',
        receiverId: s.assistant.id,
        citizen: { iin: IIN_B, surname: 'Әбдіқадырова', name: 'Гүлнұр', patronymic: '', address: '' },
      }),
    );
    const day = { from: '2026-11-20', to: '2026-11-20' };
    expect((await s.call('reception.list', { ...day, mode: 'online' })).entries.map((r) => r.number)).toEqual([2]);
    expect(
      (await s.call('reception.list', { ...day, categoryCode: 'complaint' })).entries.map((r) => r.number),
    ).toEqual([1]);
    expect(
      (await s.call('reception.list', { ...day, receiverId: s.assistant.id })).entries.map((r) => r.number),
    ).toEqual([2]);
    // a name begun in any case, on a Russian keyboard, or the start of the IIN; the print takes the same filter
    const by = async (citizen: string) =>
      (await s.call('reception.list', { ...day, citizen })).entries.map((r) => r.number);
    expect(await by('ӘБДІҚ')).toEqual([2]);
    expect(await by('абдик')).toEqual([2]);
    expect(await by(IIN_A.slice(0, 6))).toEqual([1]);
    expect(await by('---')).toEqual([]);
    const printed = pdfText(
      Buffer.from(
        (await s.call('reception.print', { filter: { ...day, citizen: 'қасым' }, language: 'ru' })).base64,
        'base64',
      ),
    );
    expect(printed).toContain('Всего принято: 1');
    expect(await s.fail('reception.list', { from: '2026-11-21', to: '2026-11-20' })).toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('lets the station extend the categories', async () => {
    const s = await desk();
    const cats = await s.call('reception.addCategory', { nameKk: 'Жол қозғалысы', nameRu: 'Дорожное движение' });
    const added = cats.find((c) => c.nameRu === 'Дорожное движение')!;
    expect(added.builtin).toBe(false);
    expect(
      await s.fail('reception.addCategory', { nameKk: 'Жол қозғалысы', nameRu: 'дорожное движение' }),
    ).toMatchObject({ messageKey: 'reception.categoryExists' });
    const e = await s.call('reception.create', entry({ categoryCode: added.code }));
    expect(e.categoryCode).toBe(added.code);
  });

  it('prints the journal for a period (Kazakh letters intact) and exports the same to Excel', async () => {
    const s = await desk();
    await s.call('reception.create', entry());
    await s.call(
      'reception.create',
      entry({
        receivedAt: '2026-11-20T19:05',
        mode: 'online',
        citizen: {
          iin: IIN_B,
          surname: 'Әбдіқадырова',
          name: 'Гүлнұр',
          patronymic: 'Серікқызы',
          address: 'Өтеген батыр к-сі, 7',
        },
      }),
    );
    const v = await s.call(
      'reception.create',
      entry({
        receivedAt: '2026-11-20T20:00',
        citizen: { iin: '', noIin: 'unknown', surname: 'Жоқ', name: 'Адам', birthDate: null },
      }),
    );
    await s.call('reception.void', { id: v.id, reason: 'қате енгізілді' });
    const filter = { from: '2026-11-20', to: '2026-11-20' };
    const pdf = Buffer.from((await s.call('reception.print', { filter, language: 'kk' })).base64, 'base64');
    const text = pdfText(pdf);
    expect(text).toContain('АЗАМАТТАРДЫ ҚАБЫЛДАУ ЖУРНАЛЫ');
    // a name may wrap inside its column
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Қасымов Бауыржан Ерланұлы');
    expect(flat).toContain('Әбдіқадырова Гүлнұр Серікқызы');
    expect(text).toContain('Өтеген батыр');
    expect(text).toContain(IIN_A);
    expect(text).toContain('Барлығы қабылданды: 2 (УПП-да — 1, онлайн — 1)');
    expect(text).toContain('Күші жойылған жазбалар: 1');
    expect(text).toMatch(/1 беттің 1-беті|беттің/);
    const ru = pdfText(Buffer.from((await s.call('reception.print', { filter, language: 'ru' })).base64, 'base64'));
    expect(ru).toContain('ЖУРНАЛ ПРИЁМА ГРАЖДАН');
    expect(ru).toContain('за 20.11.2026');

    const xlsx = Buffer.from((await s.call('reception.exportXlsx', { filter, language: 'ru' })).base64, 'base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(xlsx).buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(4).getCell(4).value).toBe('Ф.И.О., ИИН, дата рождения');
    expect(String(ws.getRow(5).getCell(4).value)).toContain('Қасымов Бауыржан Ерланұлы');
    expect(ws.getRow(6).getCell(3).value).toBe('онлайн');
    expect(ws.getRow(7).font?.strike).toBe(true);
  });
});

describe('reception: a busy year', () => {
  it('lists a page at a time with the whole count, exports every entry, and says plainly when a print would be too long', async () => {
    const s = await desk();
    const first = await s.call('reception.create', entry({ receivedAt: '2026-01-05T18:10' }));
    // a year of a busy station: the rest written straight into the real database, as the bench does
    const YEAR = 20_500;
    s.backend.raw
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < ${YEAR})
         INSERT INTO receptions (year, number, received_at, mode, citizen_id, category_code, subject, action,
           receiver_id, voided, created_by, created_at, updated_at)
         SELECT 2026, i, printf('2026-%02d-%02dT19:00', 1 + i % 11, 1 + i % 28), 'inPerson', ?, 'complaint',
           'Жалоба ' || i, 'explained', 1, CASE WHEN i % 100 = 0 THEN 1 ELSE 0 END, 1, ?, ? FROM n`,
      )
      .run(first.citizen.id, '2026-11-20T13:30:00.000Z', '2026-11-20T13:30:00.000Z');
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const voided = Math.floor(YEAR / 100);

    const p1 = await s.call('reception.list', year);
    expect(p1).toMatchObject({ total: YEAR, active: YEAR - voided, page: 1, perPage: 100 });
    expect(p1.entries.map((r) => r.number)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // the last page: what the old 20,000 cap never showed
    const last = await s.call('reception.list', { ...year, page: Math.ceil(YEAR / 100) });
    expect(last.entries.at(-1)!.number).toBe(YEAR);
    expect(last.entries).toHaveLength(YEAR % 100 || 100);
    expect((await s.call('reception.list', { ...year, status: 'voided' })).total).toBe(voided);
    expect((await s.fail('reception.list', { ...year, page: 0 })).code).toBe('VALIDATION');

    // a print of the year is refused with the count; a month prints
    const refused = await s.fail('reception.print', { filter: year, language: 'ru' });
    expect(refused).toMatchObject({ messageKey: 'reception.printTooMany', details: { total: YEAR, max: 10_000 } });
    const march = { from: '2026-03-01', to: '2026-03-31' };
    const { total: inMarch, active } = await s.call('reception.list', march);
    const pdf = pdfText(
      Buffer.from((await s.call('reception.print', { filter: march, language: 'ru' })).base64, 'base64'),
    );
    expect(inMarch).toBeGreaterThan(1000);
    expect(pdf).toContain(`Всего принято: ${active} (в УПП — ${active}, онлайн — 0)`);
    expect(pdf).toContain(`Аннулировано записей: ${inMarch - active}`);

    // the export takes every entry of the year
    const xlsx = Buffer.from((await s.call('reception.exportXlsx', { filter: year, language: 'ru' })).base64, 'base64');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(xlsx).buffer);
    const numbers = new Set<number>();
    wb.worksheets[0]!.eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === 'number') numbers.add(v);
    });
    expect(numbers.size).toBe(YEAR);
    expect(numbers.has(YEAR)).toBe(true);
  }, 60_000);
});

describe('reception: a long journal printed (issue 14)', () => {
  it('is read a slice at a time, in its order: a search asked meanwhile is answered before the reading ends', async () => {
    const s = await desk();
    const first = await s.call('reception.create', entry({ receivedAt: '2026-03-02T18:10' }));
    s.backend.raw
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 1200)
         INSERT INTO receptions (year, number, received_at, mode, citizen_id, category_code, subject, action,
           receiver_id, voided, created_by, created_at, updated_at)
         SELECT 2026, i, printf('2026-03-%02dT19:00', 28 - i % 27), 'inPerson', ?, 'complaint',
           'Жалоба ' || i, 'explained', 1, 0, 1, ?, ? FROM n`,
      )
      .run(first.citizen.id, '2026-11-20T13:30:00.000Z', '2026-11-20T13:30:00.000Z');
    const march = receptionFilterSchema.parse({ from: '2026-03-01', to: '2026-03-31' });
    const db = s.backend.context().db;
    let read = false;
    const whole = listWholeJournal(db, march).then((entries) => ((read = true), entries));
    // read at once, 2,000 rows held the backend's thread for 15 ms: a search typed then waited for all of them
    const found = await s.call('citizens.search', { query: first.citizen.surname, limit: 8 });
    expect(found.map((c) => c.id)).toContain(first.citizen.id);
    expect(read).toBe(false);
    // the dates run backwards against the numbers: the journal's order is its numbers'
    const numbers = (await whole).map((r) => r.number);
    expect(numbers).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    expect(await whole).toEqual(await listReceptions(db, march));
  });
});

describe('reception: whose entry', () => {
  it('is corrected, voided or closed by who wrote it, who received the citizen, or the UPP lead (ours)', async () => {
    const s = await desk();
    const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    await addUser(s, 'omarov', 'Омаров', 'inspector', [1]);
    await signInAs(s, 'nurlanov');
    const mine = await s.call('reception.create', entry({ receiverId: a.id }));
    // before: any inspector voided another's entry, an assistant corrected an inspector's
    await signInAs(s, 'omarov');
    expect(await s.fail('reception.void', { id: mine.id, reason: 'ошибка' })).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'reception.notYours',
    });
    await signInAs(s, 'bekova');
    expect(
      await s.fail('reception.correct', { id: mine.id, reason: 'уточнение', entry: entry({ subject: 'Другое' }) }),
    ).toMatchObject({ code: 'FORBIDDEN', messageKey: 'reception.notYours' });
    expect(await s.fail('reception.setResult', { id: mine.id, result: 'Разъяснено' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    const own = await s.call('reception.create', entry({ receiverId: a.id, receivedAt: '2026-11-20T18:40' }));
    expect(
      (
        await s.call('reception.correct', {
          id: own.id,
          reason: 'опечатка',
          entry: entry({ receiverId: a.id, subject: 'Шум' }),
        })
      ).subject,
    ).toBe('Шум');
    // the receiver answers for the entry the assistant wrote for him, and the lead for all
    await signInAs(s, 'nurlanov');
    await s.call('reception.setResult', { id: own.id, result: 'Разъяснено' });
    await signInAs(s, LEAD.login);
    expect((await s.call('reception.void', { id: mine.id, reason: 'внесено дважды' })).status).toBe('voided');
  });
});

describe('reception: the person file an entry concerns (issue 16)', () => {
  it('names the file with the measure "person file", only one the receiver may work with; the file lists its entries', async () => {
    const s = await desk();
    const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    await addUser(s, 'omarova', 'Омарова', 'inspector', [2]);
    const [safe] = await s.call('prevention.saveSafe', { name: 'Сейф 1', location: '' });
    const file = await s.call('prevention.create', parolee(safe!.id, { inspectorId: a.id }));
    await signInAs(s, 'nurlanov');
    const visit = entry({ receiverId: a.id, action: 'personFile', personFileId: file.id });
    const saved = await s.call('reception.create', visit);
    expect(saved.personFile).toEqual({ id: file.id, number: file.number });
    expect(await s.call('prevention.receptions', { id: file.id })).toEqual([
      expect.objectContaining({ id: saved.id, number: `${saved.number}/2026`, subject: visit.subject, voided: false }),
    ]);
    // another measure names no file; nothing is saved
    expect(await s.fail('reception.create', { ...visit, action: 'explained' })).toMatchObject({
      fields: [{ path: 'personFileId', messageKey: 'reception.fileOnlyWithMeasure' }],
    });
    // the other section's inspector may not name it, nor read what names it (p.15, p.16)
    await signInAs(s, 'omarova');
    expect(await s.fail('reception.create', visit)).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'personFileId', messageKey: 'reception.fileNotYours' }],
    });
    expect(await s.fail('prevention.receptions', { id: file.id })).toMatchObject({ code: 'FORBIDDEN' });
    // a correction that drops the link keeps the linked version in the history
    await signInAs(s, 'nurlanov');
    const fixed = await s.call('reception.correct', {
      id: saved.id,
      reason: 'дело не то',
      entry: { ...visit, action: 'explained', personFileId: null },
    });
    expect(fixed.personFile).toBeNull();
    expect(await s.call('prevention.receptions', { id: file.id })).toEqual([]);
    const history = (await s.call('reception.get', { id: saved.id })).history;
    expect(history.map((h) => h.data.personFile)).toEqual([null, { id: file.id, number: file.number }]);
  });
});

describe('the printed journal (issue 15)', () => {
  it("prints the station's own words in the form's language: the Kazakh ones where given, else the Russian", async () => {
    const s = await setUpStation({ clock: () => new Date('2026-11-20T18:30:00') });
    await s.call('reception.create', entry());
    const print = async (language: 'kk' | 'ru') =>
      pdfText(
        Buffer.from(
          (await s.call('reception.print', { filter: { from: '2026-11-20', to: '2026-11-20' }, language })).base64,
          'base64',
        ),
      ).replace(/\s+/g, ' ');
    // nothing in Kazakh yet: the Kazakh journal prints the Russian
    expect(await print('kk')).toContain('Управление полиции Турксибского района г. Алматы');
    const station = await s.call('station.get', {});
    expect(await s.fail('station.update', { ...station, uppNameKk: 'я'.repeat(201) })).toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'uppNameKk' }],
    });
    await s.call('station.update', {
      uppNumber: station.uppNumber,
      uppName: 'Шугыла',
      policeBody: station.policeBody,
      address: station.address,
      uppNameKk: 'Шұғыла',
      policeBodyKk: 'Алматы қ. Түрксіб ауданының полиция басқармасы',
      addressKk: '',
    });
    const kk = await print('kk');
    expect(kk).toContain('Алматы қ. Түрксіб ауданының полиция басқармасы');
    expect(kk).toContain('№ 17 «Шұғыла» учаскелік полиция пункті');
    expect(kk).not.toContain('Управление полиции');
    const ru = await print('ru');
    expect(ru).toContain('Управление полиции Турксибского района г. Алматы');
    expect(ru).toContain('Участковый пункт полиции № 17 «Шугыла»');
  });

  it('never leaves the totals and the signature alone on a page: the last rows go over with them', async () => {
    const s = await setUpStation();
    const e = await s.call('reception.create', entry());
    const categories = await s.call('reception.categories', {});
    const station = await s.call('station.get', {});
    // the same row over and over: a page holds seven, and at 15, 16, 24, 25 the totals fell on a page of their own
    for (const n of [14, 15, 16, 24, 25]) {
      const entries = Array.from({ length: n }, (_x, i) => ({ ...e, id: i + 1, number: i + 1 }));
      const doc = receptionJournal(
        { station, from: '2026-11-20', to: '2026-11-20', entries, categories, printedAt: '20.11.2026', printedBy: 'x' },
        'ru',
      );
      const pages = pdfText(await renderPdf(path.join(ROOT, 'resources'), doc))
        .split('\f')
        .filter((p) => p.trim());
      const last = pages.at(-1)!;
      expect(last, `${n} rows`).toContain(`Всего принято: ${n}`);
      expect(last, `${n} rows`).toContain('Подпись');
      expect(last, `${n} rows`).toMatch(new RegExp(`(^|\\n)${n}\\n`));
      // a row carried over goes whole (its number went over alone before, its text left on the page before)
      const rowsHere = last.split(e.citizen.surname).length - 1;
      const numbersHere = [n - 1, n].filter((k) => new RegExp(`(^|\\n)${k}\\n`).test(last)).length;
      expect(rowsHere, `${n} rows`).toBeGreaterThanOrEqual(numbersHere);
    }
  });
});
