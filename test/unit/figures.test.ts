import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makeIin } from '../../shared/iin';
import type { FigureColumn, FiguresReport } from '../../shared/api';
import { figureLines } from '../../shared/figureLines';
import { previousPeriod } from '../../shared/rules/figures';
import { passedInTime } from '../../shared/rules/notebook';
import { addUser, parolee, receptionEntry, setUpStation, signInAs, firearmOwner } from './helpers';
import { pdfWords } from './pdf';

const NOV = { from: '2026-11-01', to: '2026-11-30' };

/**
 * A hand-counted November of inspector Нұрланов (section 17-1): one of each kind of record at the period's edges.
 * Receptions 5 (the first minute, the last minute, an online one, two with follow-ups) — not the voided one, not
 * 31 October 23:59 (October's), not 1 December 00:00. Notebook entries 6 standing: the corrected one counts as its
 * correction, once; the two instructions; the online visit. Passings-on 23:59 after receipt in time, 24:01 late.
 */
async function november() {
  const clock = { now: new Date('2026-11-01T00:00:00') };
  const s = await setUpStation({ clock: () => clock.now });
  const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
  const b = await addUser(s, 'omarova', 'Омарова', 'inspector', [2]);
  let who = 'abdikadyrov';
  // a jump of the clock locks an idle session: the same person signs in again
  const at = async (iso: string) => {
    clock.now = new Date(iso);
    await signInAs(s, who);
  };
  const as = async (login: string) => {
    who = login;
    await signInAs(s, login);
  };
  const receive = async (receivedAt: string, over: Parameters<typeof receptionEntry>[0] = {}, serial = 0) => {
    await at(`${receivedAt}:00`);
    return s.call(
      'reception.create',
      receptionEntry({
        receivedAt,
        receiverId: a.id,
        ...over,
        citizen: { iin: makeIin('1980-01-01', 'male', 100 + serial), ...over.citizen },
      }),
    );
  };
  await at('2026-10-31T23:59:00');
  await receive('2026-10-31T23:59', {}, 1);
  await receive('2026-11-01T00:00', {}, 2);
  await receive('2026-11-30T23:59', {}, 3);
  await receive('2026-11-15T18:30', { mode: 'online' }, 4);
  const voided = await receive('2026-11-16T18:30', {}, 5);
  await s.call('reception.void', { id: voided.id, reason: 'ошибочная запись' });
  const inTime = await receive('2026-11-10T18:00', { followUpDue: '2026-11-20' }, 6);
  await receive('2026-11-11T18:00', { followUpDue: '2026-11-25' }, 7);
  await at('2026-11-20T12:00:00');
  await s.call('reception.setResult', { id: inTime.id, result: 'Проверено, шум прекратился' });
  await at('2026-12-01T00:00:00');
  await receive('2026-12-01T00:00', {}, 8);

  // instructions of the UPP lead: one done in time, one left past its date
  await at('2026-11-02T09:00:00');
  const [done] = await s.call('notebook.instruct', {
    ownerIds: [a.id],
    text: 'Проверить подвалы',
    dueDate: '2026-11-10',
  });
  await s.call('notebook.instruct', { ownerIds: [a.id], text: 'Обойти дворы', dueDate: '2026-11-20' });
  const [safe] = await s.call('prevention.saveSafe', { name: 'Сейф 1', location: '' });
  await s.call('prevention.create', parolee(safe!.id, { inspectorId: a.id, startDate: '2026-11-05' }));

  await as('nurlanov');
  await at('2026-11-09T10:00:00');
  await s.call('notebook.markDone', { id: done!.id, doneText: 'Проверены' });
  const write = (occurredAt: string, over: Record<string, unknown> = {}) =>
    s.call('notebook.write', { kind: 'information', occurredAt, text: 'Сведения о жителях', passTo: '', ...over });
  await at('2026-11-10T10:00:00');
  const wrong = await write('2026-11-10T09:00', { text: 'Ошибка' });
  await write('2026-11-10T09:00', { text: 'Исправлено', correctsId: wrong.id });
  const p1 = await write('2026-11-10T10:00', { kind: 'passOn', passTo: 'ОП', text: 'Сведения для ОП' });
  const p2 = await write('2026-11-10T10:00', { kind: 'passOn', passTo: 'ОП', text: 'Ещё сведения для ОП' });
  await at('2026-11-11T09:59:00');
  await s.call('notebook.markPassed', { id: p1.id, passedHow: 'телефонограмма' });
  await at('2026-11-11T10:01:00');
  await s.call('notebook.markPassed', { id: p2.id, passedHow: 'телефонограмма' });
  await s.call('lists.saveFirearmOwner', firearmOwner({ address: 'ул. Жетісу, 12', permitOn: '2025-10-15' }));
  await at('2026-12-05T10:00:00');
  await as('abdikadyrov');
  return { ...s, a, b, clock };
}

type Station = Awaited<ReturnType<typeof setUpStation>>;

/**
 * Every figure of every column clicks through to as many entries as it says: each line of the table, for each staff
 * member, each section and the station. Returns how many figures were not 0, so a test knows it checked something.
 */
async function everyFigureListsItsEntries(s: Station, r: FiguresReport): Promise<number> {
  const columns: [FigureColumn, FiguresReport['total']][] = [
    ...r.rows.map((x): [FigureColumn, FiguresReport['total']] => [{ userId: x.userId }, x]),
    ...r.sections.map((x): [FigureColumn, FiguresReport['total']] => [{ sectionId: x.sectionId }, x]),
    ['total', r.total],
  ];
  let nonZero = 0;
  for (const line of figureLines(r))
    for (const [column, f] of columns) {
      const figure = line.value(f.current);
      const got = await s.call('figures.entries', { from: r.from, to: r.to, line: line.id, column });
      expect({ line: line.id, column, count: got.count }).toEqual({ line: line.id, column, count: figure });
      expect(got.entries).toHaveLength(got.count - got.hidden);
      if (figure > 0) nonZero++;
    }
  return nonZero;
}

describe('the figures of a period (issue 17)', () => {
  it('count each kind at the period’s edges as counted by hand, per inspector and for the station', async () => {
    const s = await november();
    const r = await s.call('figures.get', NOV);
    expect(r.previous).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    const row = r.rows.find((x) => x.userId === s.a.id)!;
    const f = row.current;
    expect(f.receptions).toMatchObject({
      total: 5,
      byMode: { inPerson: 4, online: 1 },
      followUpsInTime: 1,
      followUpsLate: 1,
      followUpsOpen: 0,
    });
    expect(row.previous.receptions.total).toBe(1);
    // the information corrected counts once, as its correction; the online visit is in the receiver's notebook
    // (p.9); two passings-on, 23:59 and 24:01 after receipt
    expect(f.notebook).toMatchObject({
      total: 6,
      byKind: { information: 1, passOn: 2, instruction: 2, onlineReception: 1 },
      passedInTime: 1,
      passedLate: 1,
      passPending: 0,
    });
    expect(f.instructions).toEqual({ total: 2, doneInTime: 1, doneLate: 0, overdue: 1, open: 0 });
    expect(f.personFiles).toMatchObject({ placed: 1, active: 1, activeByCategory: { '2': 1 }, removed: 0 });
    // permit of 15.10.2025 and no check: the yearly check was due 15.10.2026 (p.22(10))
    expect(f.firearms).toEqual({ owners: 1, checksDone: 0, checksOverdue: 1 });
    // the other inspector has none of it; the station has each record once
    expect(r.rows.find((x) => x.userId === s.b.id)!.current.receptions.total).toBe(0);
    expect(r.rows.find((x) => x.userId === s.b.id)!.current.firearms.owners).toBe(0);
    expect(r.total.current.receptions.total).toBe(5);
    expect(r.total.current.firearms.owners).toBe(1);
    expect(r.months.at(-1)).toEqual({ month: '2026-11', receptions: 5, notebook: 6, checksDone: 0 });
    expect(r.months).toHaveLength(12);
    // by section: 17-1 holds Нұрланов's work and its list, 17-2 (Омарова's) none of it
    const [one, two] = r.sections;
    expect(one).toMatchObject({ number: '17-1', staff: [{ userId: s.a.id, name: 'Нұрланов Т.', sectionCount: 1 }] });
    expect(one!.current.receptions.total).toBe(5);
    expect(one!.current.personFiles.active).toBe(1);
    expect(one!.current.firearms.owners).toBe(1);
    expect(two!.current.receptions.total).toBe(0);
    expect(two!.current.firearms.owners).toBe(0);
  });

  it('every figure opens the entries it counts, as many as it says; the late follow-up and the file by name', async () => {
    const s = await november();
    const r = await s.call('figures.get', NOV);
    expect(await everyFigureListsItsEntries(s, r)).toBeGreaterThan(40);
    const late = await s.call('figures.entries', { ...NOV, line: 'followUpsLate', column: { userId: s.a.id } });
    expect(late).toMatchObject({ count: 1, hidden: 0 });
    expect(late.entries[0]).toMatchObject({ kind: 'reception', date: '2026-11-11T18:00', staff: 'Нұрланов Т.' });
    const files = await s.call('figures.entries', { ...NOV, line: 'file.2', column: { sectionId: 1 } });
    expect(files.entries).toMatchObject([{ kind: 'personFile', title: 'Сейтқали Бауыржан Ерғалиұлы', tag: 'active' }]);
    const passedLate = await s.call('figures.entries', { ...NOV, line: 'passedLate', column: 'total' });
    expect(passedLate.entries).toMatchObject([{ kind: 'notebook', title: 'Ещё сведения для ОП', parentId: s.a.id }]);
    expect(await s.fail('figures.entries', { ...NOV, line: 'noSuchLine', column: 'total' })).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'figures.unknownLine',
    });
    // an inspector opens his own figures, not another's or the station's
    await signInAs(s, 'omarova');
    expect(await s.call('figures.entries', { ...NOV, line: 'receptions', column: { userId: s.b.id } })).toEqual({
      count: 0,
      hidden: 0,
      entries: [],
    });
    for (const column of [{ userId: s.a.id }, { sectionId: 1 }, 'total'] as const)
      expect(await s.fail('figures.entries', { ...NOV, line: 'receptions', column })).toMatchObject({
        code: 'FORBIDDEN',
      });
    expect((await s.call('figures.get', NOV)).sections).toEqual([]);
  });

  it('an inspector sees only himself; the справка prints in both languages and exports to Excel', async () => {
    const s = await november();
    await signInAs(s, 'omarova');
    const own = await s.call('figures.get', NOV);
    expect(own.rows.map((x) => x.userId)).toEqual([s.b.id]);
    expect(own.total.current.receptions.total).toBe(0);

    await signInAs(s, 'abdikadyrov');
    const ru = pdfWords(Buffer.from((await s.call('figures.print', { ...NOV, language: 'ru' })).base64, 'base64'));
    expect(ru).toContain('Справка к итоговому совещанию');
    expect(ru).toContain('01.11.2026 – 30.11.2026');
    expect(ru).toContain('Информация передана в течение 24 часов (п. 22)');
    expect(ru).toContain('Нұрланов Т. — Участковый инспектор');
    // the receptions broken down by category and measure, the notebook by kind, the files by category
    expect(ru).toMatch(/категория «Жалоба» 5 1 \+4/);
    expect(ru).toMatch(/принятая мера: разъяснено 5 1 \+4/);
    expect(ru).toMatch(/вид записи: информация для передачи 2 0 \+2/);
    expect(ru).toContain('категория учёта: 2 — УДО');
    const kk = pdfWords(Buffer.from((await s.call('figures.print', { ...NOV, language: 'kk' })).base64, 'base64'));
    expect(kk).toContain('Қорытынды кеңеске анықтама');
    expect(kk).toContain('Қабылданған азаматтар');
    const x = await s.call('figures.exportXlsx', { ...NOV, language: 'ru' });
    expect(x.fileName).toBe('figures-2026-11-01-2026-11-30-ru.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Показатели', 'По участкам']);
    const rowOf = (sheet: string, label: string) =>
      (wb.getWorksheet(sheet)!.getSheetValues() as unknown[][]).find((v) => v?.[1] === label)!.slice(1);
    expect(rowOf('По участкам', 'Показатель')).toEqual(expect.arrayContaining(['Участок 17-1', 'Участок 17-2']));
    // 17-1: Нұрланов's five visits of November against October's one; 17-2 none; the station's five
    expect(rowOf('По участкам', 'Принято граждан').slice(0, 3)).toEqual(['Принято граждан', 5, 1]);
    expect(rowOf('Показатели', 'Принято граждан').at(-2)).toBe(5);
    expect(await s.fail('figures.get', { from: '2026-12-01', to: '2026-11-01' })).toMatchObject({
      fields: [{ path: 'to', messageKey: 'validation.periodOrder' }],
    });
  });
});

describe('the figures of meetings, plans, supervision and foreigners (issue 17)', () => {
  it('count by hand: a meeting held with the notice in time and its items, the plan’s items, the checks, a stay', async () => {
    const clock = { now: new Date('2026-11-02T10:00:00') };
    const s = await setUpStation({ clock: () => clock.now });
    const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    const chief = await addUser(s, 'chief', 'Бастықов', 'supervisor', []);
    await s.call('staff.setMpsHead', { userId: chief.id, from: '2026-01-01' });
    let who = 'abdikadyrov';
    const at = async (iso: string, login = who) => {
      who = login;
      clock.now = new Date(iso);
      await signInAs(s, login);
    };
    // p.18: the November plan, two items for Нұрланов and one for no one named
    const plan = await s.call('plans.saveDraft', {
      month: '2026-11',
      items: [
        { text: 'Обход подъездов', responsibleId: a.id, dueDate: '2026-11-10' },
        { text: 'Рейд', responsibleId: a.id, dueDate: '2026-11-20' },
        { text: 'Сход граждан', responsibleText: 'все УИП', dueDate: '2026-11-30' },
      ],
    });
    await s.call('plans.submit', { id: plan.id });
    await at('2026-11-02T11:00:00', 'chief');
    const approved = await s.call('plans.approve', { id: plan.id });
    // p.26–27: a meeting on 25 November, noticed on 14 November (the deadline is the 15th); another only planned
    await at('2026-11-03T10:00:00', 'nurlanov');
    const m = await s.call('meetings.plan', {
      kind: 'gathering',
      format: 'indoor',
      date: '2026-11-25',
      time: '18:00',
      place: 'Мектеп №5',
      sectionIds: [1],
      inspectorIds: [a.id],
    });
    await s.call('meetings.plan', {
      kind: 'gathering',
      format: 'indoor',
      date: '2026-11-28',
      time: '18:00',
      place: 'Клуб',
      sectionIds: [1],
      inspectorIds: [a.id],
    });
    const [safe] = await (async () => {
      await at('2026-11-03T10:05:00', 'abdikadyrov');
      return s.call('prevention.saveSafe', { name: 'Сейф 1', location: '' });
    })();
    const file = await s.call('prevention.create', parolee(safe!.id, { inspectorId: a.id, startDate: '2026-10-01' }));
    await at('2026-11-03T10:10:00', 'nurlanov');
    // two foreigners whose stay ended on 15 November: one checked after it, one not
    const foreigner = (n: number) => ({
      sectionId: 1,
      citizen: { id: null, iin: '', noIin: 'foreigner' as const, surname: `Гость${n}`, name: 'Иван' },
      citizenship: 'РФ',
      passportNo: `7${n}0001`,
      passportValidUntil: '2030-01-01',
      stayUntil: '2026-11-15',
      tempAddress: 'ул. Жетісу, 3',
    });
    const checked = await s.call('lists.saveForeigner', foreigner(1));
    await s.call('lists.saveForeigner', foreigner(2));
    await at('2026-11-12T10:00:00');
    // p.16: a check planned for the 12th, one done on the 13th with a violation
    await s.call('prevention.addSupervision', { id: file.id, kind: 'visit', plannedFor: '2026-11-12' });
    await at('2026-11-13T20:00:00');
    await s.call('prevention.addSupervision', {
      id: file.id,
      kind: 'visit',
      doneAt: '2026-11-13T19:30',
      text: 'Посещение по месту жительства',
      violation: true,
      violationText: 'Отсутствовал дома после 22:00',
    });
    await at('2026-11-14T10:00:00');
    await s.call('meetings.recordNotice', { id: m.id, channels: ['media'], noticeOn: '2026-11-14' });
    await at('2026-11-16T10:00:00');
    await s.call('lists.recordForeignerCheck', { id: checked.id, checkedOn: '2026-11-16', note: 'Выехал' });
    await s.call('plans.markItem', { itemId: approved.items[0]!.id, result: 'done' });
    await s.call('plans.markItem', { itemId: approved.items[1]!.id, result: 'notDone', note: 'Перенесён' });
    await at('2026-11-25T18:40:00');
    await s.call('meetings.addParticipant', { id: m.id, fullName: 'Иванов Пётр', address: 'ул. Жетісу' });
    await s.call('meetings.addItem', {
      id: m.id,
      kind: 'complaint',
      text: 'Шум во дворе',
      raisedBy: 'Иванов П.',
      answeredInFull: true,
      answer: 'Усилены обходы',
    });
    await s.call('meetings.addItem', {
      id: m.id,
      kind: 'proposal',
      text: 'Камеры у школы',
      raisedBy: 'Иванов П.',
      answeredInFull: false,
      checkDue: '2026-12-20',
    });
    await s.call('meetings.finalize', { id: m.id });
    await at('2026-12-05T10:00:00', 'abdikadyrov');

    const r = await s.call('figures.get', NOV);
    const f = r.rows.find((x) => x.userId === a.id)!.current;
    expect(f.meetings).toEqual({ held: 1, noticeInTime: 1, noticeLate: 0, itemsClosed: 1, itemsOpen: 1 });
    expect(f.plans).toEqual({ done: 1, notDone: 1, unmarked: 0 });
    // the item given to no one named counts for the station only
    expect(r.total.current.plans).toEqual({ done: 1, notDone: 1, unmarked: 1 });
    expect(f.personFiles).toMatchObject({ active: 1, placed: 0, checksPlanned: 1, checksDone: 1, violations: 1 });
    expect(f.foreigners).toEqual({ total: 2, staysEndedUnchecked: 1 });
    // October: the file was placed then; nothing else
    expect(r.rows.find((x) => x.userId === a.id)!.previous.personFiles).toMatchObject({ placed: 1, active: 1 });
    // the meeting reports on section 17-1: it counts there; its open item and the plan item done click through
    expect(r.sections[0]!.current.meetings).toMatchObject({ held: 1, itemsOpen: 1 });
    expect(await everyFigureListsItsEntries(s, r)).toBeGreaterThan(20);
    const open = await s.call('figures.entries', { ...NOV, line: 'itemsOpen', column: { sectionId: 1 } });
    expect(open.entries).toMatchObject([{ kind: 'meetingItem', title: 'Камеры у школы', parentId: m.id }]);
    const planDone = await s.call('figures.entries', { ...NOV, line: 'planDone', column: { userId: a.id } });
    expect(planDone.entries).toMatchObject([{ kind: 'planItem', title: 'Обход подъездов', month: '2026-11' }]);
    const checks = await s.call('figures.entries', { ...NOV, line: 'violations', column: 'total' });
    expect(checks.entries).toMatchObject([{ kind: 'personFile', id: file.id, date: '2026-11-13' }]);
  });
});

describe('the reporting meeting’s draft (p.29–30)', () => {
  it('takes its figures from the figures’ own functions: the two never disagree', async () => {
    const s = await november();
    const m = await s.call('meetings.plan', {
      kind: 'gathering',
      format: 'indoor',
      date: '2026-12-10',
      time: '18:00',
      place: 'Мектеп №5',
      sectionIds: [1],
      inspectorIds: [s.a.id],
    });
    const { text } = await s.call('meetings.draftReport', { id: m.id, language: 'ru' });
    // no meeting held before: three months back to the meeting's day
    const f = await s.call('figures.get', { from: '2026-09-10', to: '2026-12-10' });
    const row = f.rows.find((x) => x.userId === s.a.id)!.current;
    // by hand: October 31, the five of November, December 1
    expect(row.receptions.total).toBe(7);
    expect(text).toContain(`принято ${row.receptions.total}`);
    expect(text).toContain(`владельцев оружия ${row.firearms.owners}`);
  });
});

describe('the figures’ rules', () => {
  it('sets a whole month, quarter or year against the one before, other periods against as many days', () => {
    expect(previousPeriod('2026-10-01', '2026-12-31')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(previousPeriod('2026-01-01', '2026-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousPeriod('2026-03-01', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod('2026-11-10', '2026-11-19')).toEqual({ from: '2026-10-31', to: '2026-11-09' });
    expect(passedInTime('2026-11-10T10:00', '2026-11-11T10:00')).toBe(true);
    expect(passedInTime('2026-11-10T10:00', '2026-11-11T10:01')).toBe(false);
  });
});
