import { describe, expect, it } from 'vitest';
import { makeIin } from '../../shared/iin';
import { addUser, setUpStation, signInAs } from './helpers';
import { pdfText } from './pdf';

/** A station with two inspectors (sections 1 and 2), an assistant on section 1 and a duty officer. */
async function station(clock: { now: Date }) {
  const s = await setUpStation({ clock: () => clock.now });
  const mk = (
    login: string,
    surname: string,
    role: 'inspector' | 'assistant' | 'dutyOfficer' | 'supervisor',
    sectionIds: number[],
  ) => addUser(s, login, surname, role, sectionIds);
  const a = await mk('nurlanov', 'Нұрланов', 'inspector', [1]);
  const b = await mk('omarova', 'Омарова', 'inspector', [2]);
  const asst = await mk('bekova', 'Бекова', 'assistant', [1]);
  const duty = await mk('duty', 'Кезекшіұлы', 'dutyOfficer', []);
  const rural = await mk('auyl', 'Ауылбаев', 'inspector', [3]);
  const as = (login: string) => signInAs(s, login);
  return { ...s, a, b, asst, duty, rural, as };
}

describe('work notebooks (p.20)', () => {
  it('numbers entries per notebook; a correction is a new entry pointing at the old one', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const e1 = await s.call('notebook.write', {
      kind: 'tour',
      occurredAt: '2026-11-20T09:00',
      text: 'Обход: Сейфуллина 1–15, замечаний нет',
      passTo: '',
    });
    const e2 = await s.call('notebook.write', {
      kind: 'information',
      occurredAt: '2026-11-20T09:30',
      text: 'Со слов жильцов кв. 12 — шум по ночам',
      passTo: '',
    });
    expect([e1.number, e2.number]).toEqual([1, 2]);
    const fix = await s.call('notebook.write', {
      kind: 'information',
      occurredAt: '2026-11-20T09:30',
      text: 'Со слов жильцов кв. 21 — шум по ночам',
      passTo: '',
      correctsId: e2.id,
    });
    expect(fix).toMatchObject({ number: 3, correctsNumber: 2 });
    expect(
      await s.fail('notebook.write', {
        kind: 'information',
        occurredAt: '2026-11-20T09:31',
        text: 'ещё раз',
        passTo: '',
        correctsId: e2.id,
      }),
    ).toMatchObject({ messageKey: 'notebook.alreadyCorrected' });
    const { entries } = await s.call('notebook.entries', { ownerId: s.a.id });
    expect(entries.map((e) => [e.number, e.correctedByNumber])).toEqual([
      [3, null],
      [2, 3],
      [1, null],
    ]);
    expect(
      (await s.call('notebook.entries', { ownerId: s.a.id, status: 'corrected' })).entries.map((e) => e.number),
    ).toEqual([2]);
    expect(
      (await s.call('notebook.entries', { ownerId: s.a.id, text: 'КВ. 21' })).entries.map((e) => e.number),
    ).toEqual([3]);
    expect((await s.call('notebook.entries', { ownerId: s.a.id, kind: 'tour' })).entries.map((e) => e.number)).toEqual([
      1,
    ]);
    // another inspector's notebook starts at 1
    await s.as('omarova');
    expect(
      (await s.call('notebook.write', { kind: 'tour', occurredAt: '2026-11-20T11:00', text: 'Обход', passTo: '' }))
        .number,
    ).toBe(1);
  });

  it('lets only the owner write, and reads by the rules: assistants, cover, chiefs, duty officers', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('bekova');
    await s.call('notebook.write', {
      kind: 'tour',
      occurredAt: '2026-11-20T09:00',
      text: 'Обход помощника',
      passTo: '',
    });
    await s.as('omarova');
    await s.call('notebook.write', {
      kind: 'tour',
      occurredAt: '2026-11-20T09:00',
      text: 'Обход Омаровой',
      passTo: '',
    });
    // the inspector of section 1 reads his assistant, not his neighbour
    await s.as('nurlanov');
    expect((await s.call('notebook.entries', { ownerId: s.asst.id })).entries).toHaveLength(1);
    expect(await s.fail('notebook.entries', { ownerId: s.b.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.call('notebook.owners', {})).map((o) => o.name)).toEqual(['Нұрланов Т.', 'Бекова Т.']);
    // ... until he covers her section by the chief's order (p.6)
    await s.as('abdikadyrov');
    await s.call('staff.addAbsence', {
      userId: s.b.id,
      kind: 'leave',
      from: '2026-11-16',
      to: '2026-11-30',
      coverUserId: s.a.id,
      orderNumber: '12',
      orderDate: '2026-11-13',
    });
    await s.as('nurlanov');
    expect((await s.call('notebook.entries', { ownerId: s.b.id })).entries[0]?.text).toBe('Обход Омаровой');
    // a duty officer reads but cannot write an own-information entry
    await s.as('duty');
    expect((await s.call('notebook.entries', { ownerId: s.b.id })).entries).toHaveLength(1);
    expect(
      await s.fail('notebook.write', { kind: 'information', occurredAt: '2026-11-20T09:00', text: 'x', passTo: '' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    // an administrator reads nothing
    await s.as('abdikadyrov');
    const admin = await s.call('users.create', {
      surname: 'Админ',
      name: 'А',
      patronymic: '',
      rank: '',
      position: '',
      role: 'admin',
      sectionIds: [],
      login: 'admin',
      temporaryPassword: 'Temp-12345',
    });
    await s.as('admin');
    expect(await s.fail('notebook.entries', { ownerId: s.a.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(admin.role).toBe('admin');
  });

  it('Today shows what is due within its horizon, and everything open when asked (issue 15)', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.call('notebook.instruct', {
      ownerIds: [s.a.id],
      text: 'Подготовить справку к совещанию',
      dueDate: '2026-12-10',
      expectedResult: 'справка',
    });
    const instructions = async (window?: 'soon' | 'all') =>
      (await s.call('today.list', { date: '2026-11-20', ...(window ? { window } : {}) })).filter(
        (d) => d.ruleId === 'notebook.instruction',
      );
    // twenty days off: not among the near ones, which look three days ahead
    expect(await instructions()).toEqual([]);
    expect(await instructions('soon')).toEqual([]);
    expect(await instructions('all')).toEqual([
      expect.objectContaining({ due: '2026-12-10', overdue: false, paragraph: '20' }),
    ]);
    expect(await s.fail('today.list', { date: '2026-11-20', window: 'week' })).toMatchObject({ code: 'VALIDATION' });
  });

  it('lands an instruction in each addressee’s notebook; it is due on Today for him and the giver until done', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    const given = await s.call('notebook.instruct', {
      ownerIds: [s.a.id, s.asst.id],
      text: 'Проверить подъезды Сейфуллина, 5',
      dueDate: '2026-11-23',
      expectedResult: 'рапорт',
    });
    expect(given.map((e) => [e.ownerId, e.number, e.kind, e.givenBy])).toEqual([
      [s.a.id, 1, 'instruction', 'Әбдіқадыров Е. С.'],
      [s.asst.id, 1, 'instruction', 'Әбдіқадыров Е. С.'],
    ]);
    expect(
      (await s.call('today.list', { date: '2026-11-24' })).filter((d) => d.ruleId === 'notebook.instruction'),
    ).toHaveLength(2);
    await s.as('nurlanov');
    const mine = (await s.call('today.list', { date: '2026-11-24' })).filter((d) => d.ruleId.startsWith('notebook.'));
    expect(mine).toEqual([expect.objectContaining({ ruleId: 'notebook.instruction', paragraph: '20', overdue: true })]);
    expect(await s.fail('notebook.markDone', { id: given[1]!.id, doneText: 'не моё' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await s.call('notebook.entries', { ownerId: s.a.id, status: 'open' })).entries).toHaveLength(1);
    await s.call('notebook.markDone', { id: given[0]!.id, doneText: 'Проверено, рапорт сдан' });
    expect((await s.call('notebook.entries', { ownerId: s.a.id, status: 'open' })).entries).toHaveLength(0);
    expect(
      (await s.call('today.list', { date: '2026-11-24' })).filter((d) => d.ruleId.startsWith('notebook.')),
    ).toEqual([]);
  });

  it('counts 24 hours for passing information on, across midnight and a weekend, and files it in the lead’s register', async () => {
    const clock = { now: new Date('2026-11-20T22:30:00') }; // a Friday evening
    const s = await station(clock);
    await s.as('nurlanov');
    const info = await s.call('notebook.write', {
      kind: 'passOn',
      occurredAt: '2026-11-20T22:15',
      text: 'Сведения о продаже алкоголя несовершеннолетним',
      passTo: 'Отдел по делам несовершеннолетних',
    });
    expect(
      await s.fail('notebook.write', { kind: 'passOn', occurredAt: '2026-11-20T22:15', text: 'x', passTo: '' }),
    ).toMatchObject({ code: 'VALIDATION' });
    // Saturday evening, before the 24 hours are up: due, not overdue (the clock counts calendar hours, weekend or not)
    // (hours pass: the program locked itself meanwhile, the inspector unlocks again)
    clock.now = new Date('2026-11-21T21:00:00');
    await s.as('nurlanov');
    let due = (await s.call('today.list', { date: '2026-11-21' })).find((d) => d.ruleId === 'notebook.passOn')!;
    expect(due).toMatchObject({
      paragraph: '22',
      overdue: false,
      due: '2026-11-21',
      params: expect.objectContaining({ deadline: '21.11.2026 22:15' }),
    });
    clock.now = new Date('2026-11-21T22:16:00');
    await s.as('nurlanov');
    due = (await s.call('today.list', { date: '2026-11-21' })).find((d) => d.ruleId === 'notebook.passOn')!;
    expect(due.overdue).toBe(true);
    await s.call('notebook.markPassed', { id: info.id, passedHow: 'телефонограмма', outgoingNumber: '17/345' });
    expect((await s.call('today.list', { date: '2026-11-21' })).filter((d) => d.ruleId === 'notebook.passOn')).toEqual(
      [],
    );
    await s.as('abdikadyrov');
    const register = await s.call('notebook.passRegister', { from: '2026-11-01', to: '2026-11-30' });
    expect(register).toEqual([
      expect.objectContaining({
        ownerName: 'Нұрланов Т.',
        passTo: 'Отдел по делам несовершеннолетних',
        outgoingNumber: '17/345',
      }),
    ]);
    const checked = await s.call('notebook.recordCheck', {
      id: info.id,
      checkResult: 'Проверено ОДН, составлен протокол',
    });
    expect(checked.checkResult).toBe('Проверено ОДН, составлен протокол');
    const printed = pdfText(
      Buffer.from(
        (await s.call('notebook.printRegister', { from: '2026-11-01', to: '2026-11-30', language: 'kk' })).base64,
        'base64',
      ),
    ).replace(/\s+/g, ' ');
    expect(printed).toContain('БЕРІЛГЕН АҚПАРАТ ЖУРНАЛЫ');
    expect(printed).toContain('Отдел по делам несовершеннолетних');
    expect(printed).toContain('Проверено ОДН, составлен протокол');
    expect(printed).toContain('№ 17/345');
    expect((await s.call('audit.verify', {})).ok).toBe(true);
  });

  it('records rural call-ins by the duty officer; a working day without one shows as missing (p.23(3))', async () => {
    const clock = { now: new Date('2026-11-16T09:00:00') }; // Monday
    const s = await station(clock);
    await s.as('duty');
    await s.call('notebook.callIn', {
      ownerId: s.rural.id,
      occurredAt: '2026-11-16T09:05',
      text: 'Обстановка спокойная',
    });
    await s.call('notebook.callIn', { ownerId: s.rural.id, occurredAt: '2026-11-17T09:10', text: 'Без происшествий' });
    clock.now = new Date('2026-11-20T10:00:00'); // Friday: Wed and Thu were missed
    await s.as('duty');
    const missing = (await s.call('today.list', { date: '2026-11-20' })).filter((d) => d.ruleId === 'notebook.callIn');
    expect(missing.map((m) => m.params.date)).toEqual(['18.11.2026', '19.11.2026']);
    expect(missing[0]).toMatchObject({ paragraph: '23(3)', overdue: true });
    await s.as('nurlanov');
    expect(
      await s.fail('notebook.callIn', { ownerId: s.rural.id, occurredAt: '2026-11-20T09:00', text: 'x' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('p.23(3): the rural assistant calls in too; a day of leave, illness or a business trip is not missing', async () => {
    const clock = { now: new Date('2026-11-16T09:00:00') }; // Monday
    const s = await station(clock);
    const ruralAsst = await addUser(s, 'auylasst', 'Көмекшіұлы', 'assistant', [3]);
    // the inspector is ill on Wednesday and Thursday, by the staff record
    await s.call('staff.addAbsence', { userId: s.rural.id, kind: 'illness', from: '2026-11-18', to: '2026-11-19' });
    await s.as('duty');
    for (const day of ['16', '17'])
      await s.call('notebook.callIn', { ownerId: s.rural.id, occurredAt: `2026-11-${day}T09:05`, text: 'Тихо' });
    await s.call('notebook.callIn', { ownerId: ruralAsst.id, occurredAt: '2026-11-16T09:20', text: 'Тихо' });
    clock.now = new Date('2026-11-20T10:00:00'); // Friday
    await s.as('duty');
    const missing = (await s.call('today.list', { date: '2026-11-20' }))
      .filter((d) => d.ruleId === 'notebook.callIn')
      .map((m) => `${m.params.person} ${m.params.date}`);
    expect(missing).toEqual(['Көмекшіұлы Т. 17.11.2026', 'Көмекшіұлы Т. 18.11.2026', 'Көмекшіұлы Т. 19.11.2026']);
    // the assistant sees his own gaps on Today
    await s.as('auylasst');
    expect(
      (await s.call('today.list', { date: '2026-11-20' })).filter((d) => d.ruleId === 'notebook.callIn'),
    ).toHaveLength(3);
  });

  it('takes a review mark with a remark that the owner then sees', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    await s.call('notebook.write', { kind: 'tour', occurredAt: '2026-11-20T09:00', text: 'Обход', passTo: '' });
    await s.as('duty');
    const r = await s.call('notebook.review', { ownerId: s.a.id, remark: 'Указывать адреса полностью' });
    expect(r).toMatchObject({ upToNumber: 1, reviewer: 'Кезекшіұлы Т.' });
    await s.as('nurlanov');
    expect((await s.call('notebook.entries', { ownerId: s.a.id })).reviews).toEqual([
      expect.objectContaining({ remark: 'Указывать адреса полностью', reviewerRole: 'dutyOfficer' }),
    ]);
    expect(await s.fail('notebook.review', { ownerId: s.a.id, remark: '' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('prints an extract with numbers, corrections and review marks, in Kazakh', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const e1 = await s.call('notebook.write', {
      kind: 'information',
      occurredAt: '2026-11-20T09:00',
      text: 'Өтеген батыр к-сі, 7: түнде шу',
      passTo: '',
    });
    await s.call('notebook.write', {
      kind: 'information',
      occurredAt: '2026-11-20T09:00',
      text: 'Өтеген батыр к-сі, 17: түнде шу',
      passTo: '',
      correctsId: e1.id,
    });
    await s.as('duty');
    await s.call('notebook.review', { ownerId: s.a.id, remark: 'Мекенжайды толық жазыңыз' });
    const pdf = Buffer.from((await s.call('notebook.print', { ownerId: s.a.id, language: 'kk' })).base64, 'base64');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('ЖҰМЫС ДӘПТЕРІНЕН ҮЗІНДІ');
    expect(text).toContain('Нұрланов Тест');
    expect(text).toContain('Өтеген батыр к-сі, 17: түнде шу');
    expect(text).toContain('№ 2 жазбамен түзетілді');
    expect(text).toContain('№ 1 түзетеді');
    expect(text).toContain('Мекенжайды толық жазыңыз');
    await s.as('omarova');
    expect(await s.fail('notebook.print', { ownerId: s.a.id, language: 'ru' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('p.9: the notebook entry of an online reception follows its corrections and its voiding, as correcting entries', async () => {
    const clock = { now: new Date('2026-11-20T11:00:00') };
    const s = await station(clock);
    const online = {
      receivedAt: '2026-11-20T11:00',
      mode: 'online' as const,
      categoryCode: 'consultation',
      subject: 'Вопрос о регистраци',
      action: 'explained' as const,
      actionDetails: '',
      receiverId: s.a.id,
      followUpDue: null,
      citizen: { id: null, iin: makeIin('1990-01-01', 'male', 5), noIin: null, surname: 'Жаксылыков', name: 'Арман' },
    };
    const r = await s.call('reception.create', online);
    // the misspelled person and subject corrected in the journal: the right person typed anew
    const right = { ...online.citizen, iin: makeIin('1990-01-01', 'male', 6), surname: 'Жақсылықов' };
    await s.call('reception.correct', {
      id: r.id,
      reason: 'опечатка в фамилии',
      entry: { ...online, subject: 'Вопрос о регистрации', citizen: right },
    });
    const linked = (await s.call('reception.list', { from: '2026-11-20', to: '2026-11-20' })).entries[0]!.citizen;
    const texts = async () =>
      (await s.call('notebook.entries', { ownerId: s.a.id })).entries
        .map((e) => [e.number, e.text, e.correctsNumber, e.correctedByNumber])
        .sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(await texts()).toEqual([
      [1, '№ 1/2026. Жаксылыков А.: Вопрос о регистраци', null, 2],
      [2, '№ 1/2026. Жақсылықов А.: Вопрос о регистрации', 1, null],
    ]);
    // a correction that changes nothing the notebook says writes nothing there
    await s.call('reception.correct', {
      id: r.id,
      reason: 'уточнено действие',
      entry: {
        ...online,
        subject: 'Вопрос о регистрации',
        actionDetails: 'разъяснён порядок',
        citizen: { ...right, id: linked.id },
      },
    });
    expect((await texts()).length).toBe(2);
    // voided: the notebook says so, the earlier entries stay
    await s.call('reception.void', { id: r.id, reason: 'запись дублирует № 2' });
    expect((await texts()).at(-1)).toEqual([3, '№ 1/2026: жойылды / аннулирована (запись дублирует № 2)', 2, null]);
  });

  it('writes an online reception into the receiver’s notebook (p.9)', async () => {
    const clock = { now: new Date('2026-11-20T11:00:00') };
    const s = await station(clock);
    await s.call('reception.create', {
      receivedAt: '2026-11-20T11:00',
      mode: 'online',
      categoryCode: 'consultation',
      subject: 'Вопрос о регистрации',
      action: 'explained',
      actionDetails: '',
      receiverId: s.a.id,
      followUpDue: null,
      citizen: { id: null, iin: makeIin('1990-01-01', 'male', 5), noIin: null, surname: 'Жақсылықов', name: 'Арман' },
    });
    const { entries } = await s.call('notebook.entries', { ownerId: s.a.id });
    expect(entries).toEqual([
      expect.objectContaining({
        kind: 'onlineReception',
        number: 1,
        text: '№ 1/2026. Жақсылықов А.: Вопрос о регистрации',
        citizenName: expect.stringContaining('Жақсылықов Арман'),
      }),
    ]);
    // an own entry linked to the same citizen and an address
    await s.as('nurlanov');
    const linked = await s.call('notebook.write', {
      kind: 'information',
      occurredAt: '2026-11-20T12:00',
      text: 'Повторно обратился',
      passTo: '',
      citizenId: entries[0]!.citizenId,
      address: 'Сейфуллина, 5',
    });
    expect(linked).toMatchObject({
      citizenName: expect.stringContaining('Жақсылықов Арман'),
      address: 'Сейфуллина, 5',
    });
    expect(
      await s.fail('notebook.write', {
        kind: 'information',
        occurredAt: '2026-11-20T12:00',
        text: 'x',
        passTo: '',
        citizenId: 999,
      }),
    ).toMatchObject({ code: 'VALIDATION' });
  });
});
