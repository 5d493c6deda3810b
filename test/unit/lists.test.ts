import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../shared/iin';
import { addUser, setUpStation, signInAs } from './helpers';
import { pdfText } from './pdf';

const flat = (pdf: string) => pdf.replace(/\s+/g, ' ');

async function station(clock: { now: Date }) {
  const s = await setUpStation({ clock: () => clock.now });
  const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
  await addUser(s, 'omarova', 'Омарова', 'inspector', [2]);
  await addUser(s, 'duty', 'Кезекшіұлы', 'dutyOfficer', []);
  return { ...s, a, as: (login: string) => signInAs(s, login) };
}

const owner = {
  sectionId: 1,
  citizen: { id: null, iin: makeIin('1970-05-02', 'male', 12), noIin: null, surname: 'Жұмабаев', name: 'Серік', patronymic: 'Ахметұлы' },
  address: 'ул. Сейфуллина, 12, кв. 4',
  homePhone: '8 727 255 11 22',
  weapons: [{ kind: 'гладкоствольное ружьё', make: 'ИЖ-27', calibre: '12', serial: 'A123456' }, { kind: 'карабин', make: 'Сайга', calibre: '7,62', serial: 'K998877' }],
  permitBy: 'УП Турксибского района',
  permitOn: '2024-03-15',
  permitUntil: '2029-03-15',
};

describe('section lists (p.17, Appendices 2–4)', () => {
  it('keeps firearm owners with their weapons and the yearly check at home on Today (p.22(10))', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    expect(await s.fail('lists.saveFirearmOwner', { ...owner, weapons: [] })).toMatchObject({ fields: [{ path: 'weapons', messageKey: 'lists.weaponRequired' }] });
    const o = await s.call('lists.saveFirearmOwner', owner);
    expect(o).toMatchObject({ person: 'Жұмабаев Серік Ахметұлы', sectionNumber: '17-1', lastCheck: null, nextCheck: '2025-03-15' });
    const due = async (date: string) => (await s.call('today.list', { date })).filter((d) => d.ruleId === 'lists.firearmCheck');
    expect(await due('2026-11-20')).toEqual([expect.objectContaining({ paragraph: '22(10)', overdue: true })]);
    const checked = await s.call('lists.recordFirearmCheck', { id: o.id, checkedOn: '2026-11-19', result: 'Оружие хранится в сейфе, нарушений нет' });
    expect(checked).toMatchObject({ lastCheck: { on: '2026-11-19', by: 'Нұрланов Т.' }, nextCheck: '2027-11-19' });
    expect(await due('2026-11-20')).toEqual([]);
    expect(await due('2027-10-25')).toEqual([expect.objectContaining({ due: '2027-11-19', overdue: false })]);
    expect(await s.fail('lists.recordFirearmCheck', { id: o.id, checkedOn: '2026-11-21', result: 'x' })).toMatchObject({ messageKey: 'lists.checkInFuture' });
    // the neighbour's inspector neither sees nor changes it; the duty officer has no lists
    await s.as('omarova');
    expect(await s.call('lists.firearms', {})).toEqual([]);
    expect(await s.fail('lists.recordFirearmCheck', { id: o.id, checkedOn: '2026-11-20', result: 'x' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await s.fail('lists.saveFirearmOwner', { ...owner, id: o.id, sectionId: 2 })).toMatchObject({ code: 'FORBIDDEN' });
    await s.as('duty');
    expect(await s.fail('lists.firearms', {})).toMatchObject({ code: 'FORBIDDEN' });
    // surrendered weapons end the yearly checks
    await s.as('nurlanov');
    const surrendered = await s.call('lists.saveFirearmOwner', { ...owner, id: o.id, surrenderedOn: '2026-11-20' });
    expect(surrendered.nextCheck).toBeNull();
    expect(s.backend.raw.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'firearm_owner'").get()).toEqual({ n: 3 });
  });

  it('shows a foreigner whose stay or passport ends within 30 days, and prints each appendix in its columns, Excel too', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    await s.call('lists.saveFirearmOwner', owner);
    const f = await s.call('lists.saveForeigner', {
      sectionId: 1, citizen: { id: null, iin: '', noIin: 'foreigner', surname: 'Каримов', name: 'Рустам', birthDate: '1990-04-01' },
      citizenship: 'Республика Узбекистан', passportNo: 'FA1234567', passportValidUntil: '2030-01-01', stayUntil: '2026-12-10', tempAddress: 'ул. Жансугурова, 7', work: 'ТОО «Құрылыс»',
    });
    const today = (await s.call('today.list', { date: '2026-11-20' })).filter((d) => d.ruleId.startsWith('lists.'));
    expect(today.map((d) => [d.ruleId, d.params.until])).toEqual(expect.arrayContaining([['lists.stay', '10.12.2026']]));
    expect(today.find((d) => d.ruleId === 'lists.passport')).toBeUndefined();
    await s.call('lists.recordForeignerCheck', { id: f.id, checkedOn: '2026-11-18', note: 'проживает' });
    await s.call('lists.saveProbation', { sectionId: 1, citizen: { id: null, iin: makeIin('1995-07-07', 'female', 3), noIin: null, surname: 'Әлиева', name: 'Дана' }, address: 'ул. Сейфуллина, 20', includedOn: '2026-10-01', marks: 'шрам на левой руке', measure: 'пробационный контроль, 1 год' });

    const app2 = flat(pdfText(Buffer.from((await s.call('lists.print', { list: 'firearms', language: 'kk' })).base64, 'base64')));
    for (const text of ['ЖЕКЕ ҚОЛДАНЫСЫНДА АТЫС ҚАРУЫ БАР АДАМДАРДЫҢ ТІЗІМІ', 'Қағидаларға 2-қосымша', 'Жұмабаев Серік Ахметұлы', 'ИЖ-27', '№ A123456', 'Сайга', '15.03.2024, УП Турксибского района']) expect(app2).toContain(text);
    const app3 = flat(pdfText(Buffer.from((await s.call('lists.print', { list: 'probation', language: 'ru' })).base64, 'base64')));
    expect(app3).toContain('по состоянию на 20.11.2026');
    expect(app3).toContain('шрам на левой руке');
    expect(app3).not.toContain('пробационный контроль'); // ours, not a column of Appendix 3
    const app4 = flat(pdfText(Buffer.from((await s.call('lists.print', { list: 'foreigners', language: 'ru' })).base64, 'base64')));
    for (const text of ['Каримов Рустам, Республика Узбекистан', 'FA1234567, до 01.01.2030', 'до 10.12.2026', '18.11.2026: проживает']) expect(app4).toContain(text);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from((await s.call('lists.exportXlsx', { list: 'firearms', language: 'ru' })).base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual([undefined, '№', 'Ф.И.О. (при наличии) владельца оружия', 'Адрес (домашний телефон)', 'Вид оружия, марка, калибр ствола, №', 'Когда, кем и на какой срок выдано разрешение', 'Дата перерегистрации', 'Дата изъятия и сдачи оружия']);
    expect(ws.getRow(3).getCell(2).value).toBe('Жұмабаев Серік Ахметұлы');
    expect(String(ws.getRow(3).getCell(4).value)).toContain('карабин, Сайга, 7,62, № K998877');
  });
});
