import { describe, expect, it } from 'vitest';
import { makeIin } from '../../shared/iin';
import { addUser, parolee, setUpStation, signInAs, firearmOwner } from './helpers';
import { pdfWords } from './pdf';

describe('section acceptance and handover (p.4–6)', () => {
  it('records an act from the live data and moves the section and its person files in one transaction', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await setUpStation({ clock: () => clock.now });
    const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    const c = await addUser(s, 'zhanov', 'Жанов', 'inspector', []);
    const duty = await addUser(s, 'duty', 'Кезекшіұлы', 'dutyOfficer', []);
    const [safe] = await s.call('prevention.saveSafe', { name: 'Сейф 1', location: '' });
    await s.call('notebook.instruct', {
      ownerIds: [a.id],
      text: 'Проверить подвалы по ул. Абая',
      dueDate: '2026-11-30',
    });
    await signInAs(s, 'nurlanov');
    const file = await s.call('prevention.create', {
      citizen: {
        id: null,
        iin: makeIin('1985-03-14', 'male', 41),
        noIin: null,
        surname: 'Сейтқали',
        name: 'Бауыржан',
        patronymic: 'Ерғалиұлы',
      },
      categories: ['2'],
      groundsBody: 'Суд',
      groundsNumber: '2-118',
      groundsDate: '2026-10-01',
      startDate: '2026-10-05',
      sectionId: 1,
      inspectorId: a.id,
      custodyPlace: 'safe',
      safeId: safe!.id,
      shelf: 'полка 2',
    });
    await s.call('lists.saveFirearmOwner', firearmOwner());
    await signInAs(s, 'nurlanov');
    expect(await s.fail('handover.preview', { sectionId: 1 })).toMatchObject({ code: 'FORBIDDEN' });

    await s.call('passport.saveYear', { sectionId: 1, year: 2026, values: { area: 2.4, population: 5400 } });
    await s.call('passport.saveObject', { sectionId: 1, part: 'enterprises', fields: { name: 'ТОО «Береке»' } });
    await signInAs(s, 'abdikadyrov');
    const preview = await s.call('handover.preview', { sectionId: 1, fromUserId: a.id });
    expect(preview.passport).toEqual({
      lastYear: 2026,
      filledRows: 2,
      enterprises: 1,
      dormitories: 0,
      permitObjects: 0,
    });
    // p.15: the draft lists the file by its number and where the paper is, names no one, and so logs no reading
    expect(preview.personFiles).toEqual([
      { number: 1, categories: ['2'], place: 'safe', storage: 'Сейф 1, полка 2', out: false },
    ]);
    expect(JSON.stringify(preview)).not.toContain('Сейтқали');
    expect(await s.call('prevention.accessLog', { id: file.id })).toEqual([]);
    expect(preview.firearmOwners).toEqual([expect.objectContaining({ person: 'Жұмабаев Серік', weapons: 1 })]);
    expect(preview.openInstructions.map((i) => i.text)).toEqual(['Проверить подвалы по ул. Абая']);
    expect(preview.unfinishedChecks.map((x) => x.what)).toEqual(['firearm:Жұмабаев Серік']);

    // a wrong receiver changes nothing
    const act = {
      sectionId: 1,
      kind: 'handover' as const,
      fromUserId: a.id,
      date: '2026-11-20',
      superior: 'Ахметов Б. К., начальник МПС',
    };
    expect(await s.fail('handover.record', { ...act, toUserId: duty.id })).toMatchObject({
      messageKey: 'handover.notAnInspector',
    });
    expect(await s.fail('handover.record', { ...act, fromUserId: c.id, toUserId: a.id })).toMatchObject({
      messageKey: 'handover.notHolder',
    });
    expect((await s.call('users.list', { includeInactive: false })).find((u) => u.id === a.id)!.sectionIds).toEqual([
      1,
    ]);
    expect(await s.call('handover.list', {})).toEqual([]);

    const recorded = await s.call('handover.record', { ...act, toUserId: c.id, remarks: 'Сейф исправен' });
    expect(recorded).toMatchObject({ section: '17-1', from: 'Нұрланов Тест', to: 'Жанов Тест', tourDoneOn: null });
    // p.15: an answer counts the act's person files and names none
    expect(recorded.personFileCount).toBe(1);
    expect(recorded.snapshot.personFiles).toEqual([]);
    const users = await s.call('users.list', { includeInactive: false });
    expect(users.find((u) => u.id === a.id)!.sectionIds).toEqual([]);
    expect(users.find((u) => u.id === c.id)!.sectionIds).toEqual([1]);
    expect((await s.call('prevention.open', { id: file.id, purpose: 'control', purposeText: '' })).inspectorId).toBe(
      c.id,
    );

    // p.5: the tour within a month is on Today for the new inspector
    await signInAs(s, 'zhanov');
    expect(
      (await s.call('today.list', { date: '2026-11-21' })).find((d) => d.ruleId === 'handover.tour'),
    ).toMatchObject({ paragraph: '5', due: '2026-12-20', overdue: false });
    expect(await s.fail('handover.tourDone', { id: recorded.id, doneOn: '2026-12-05' })).toMatchObject({
      messageKey: 'meetings.dateOutOfRange',
    });
    // the addresses of the section are ticked off one by one; the tour is done only when none is left
    const addresses = await s.call('handover.addTourAddresses', {
      actId: recorded.id,
      addresses: ['ул. Абая, 1', 'ул. Абая, 3', 'ул. абая, 1'],
    });
    expect(addresses.map((x) => x.address)).toEqual(['ул. Абая, 1', 'ул. Абая, 3']);
    await s.call('handover.markVisited', { id: addresses[0]!.id, visitedOn: '2026-11-20', note: 'жалоб нет' });
    expect(await s.fail('handover.tourDone', { id: recorded.id, doneOn: '2026-11-20' })).toMatchObject({
      messageKey: 'handover.tourUnfinished',
      details: { left: 1 },
    });
    await s.call('handover.markVisited', { id: addresses[1]!.id, visitedOn: '2026-11-20', note: 'новый магазин' });
    await s.call('handover.tourDone', { id: recorded.id, doneOn: '2026-11-20', note: 'Новый магазин на ул. Абая, 20' });
    expect(
      (await s.call('today.list', { date: '2026-11-21' })).find((d) => d.ruleId === 'handover.tour'),
    ).toBeUndefined();

    // the act in Kazakh, and what changed by the next act
    const kk = pdfWords(
      Buffer.from(
        (await s.call('handover.print', { id: recorded.id, language: 'kk', purpose: 'control', purposeText: '' }))
          .base64,
        'base64',
      ),
    );
    for (const text of [
      'ӘКІМШІЛІК УЧАСКЕНІ ҚАБЫЛДАУ-ТАПСЫРУ АКТІСІ',
      '2026 жылғы 1 қаңтардағы деректер',
      'Сейтқали Бауыржан Ерғалиұлы',
      'Сейф 1, полка 2',
      'Жұмабаев Серік',
      'Проверить подвалы по ул. Абая',
      'Ахметов Б. К.',
    ])
      expect(kk).toContain(text);
    await s.call('lists.saveForeigner', {
      sectionId: 1,
      citizen: { id: null, iin: '', noIin: 'foreigner', surname: 'Каримов', name: 'Рустам' },
      citizenship: 'Узбекистан',
      passportNo: 'FA1',
      tempAddress: 'ул. Абая, 7',
    });
    clock.now = new Date('2026-12-20T10:00:00');
    await signInAs(s, 'abdikadyrov');
    const back = await s.call('handover.record', {
      sectionId: 1,
      kind: 'handover',
      fromUserId: c.id,
      toUserId: a.id,
      date: '2026-12-20',
      superior: 'Ахметов Б. К.',
    });
    expect(await s.call('handover.compare', { olderId: recorded.id, newerId: back.id })).toEqual({
      added: ['foreigner:Каримов Рустам'],
      removed: [],
    });
  });

  it('p.15: an act lists its person files only to who may open them, for a stated purpose, logged on each file', async () => {
    const s = await setUpStation({ clock: () => new Date('2026-11-20T10:00:00') });
    const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    const c = await addUser(s, 'zhanov', 'Жанов', 'inspector', []);
    await addUser(s, 'neighbour', 'Көршіұлы', 'inspector', [2]);
    const [safe] = await s.call('prevention.saveSafe', { name: 'Сейф 1', location: '' });
    const file = await s.call('prevention.create', parolee(safe!.id, { inspectorId: a.id }));
    const act = await s.call('handover.record', {
      sectionId: 1,
      kind: 'handover',
      fromUserId: a.id,
      toUserId: c.id,
      date: '2026-11-20',
      superior: 'Ахметов Б. К., начальник МПС',
    });
    const logOf = async () =>
      (await s.call('prevention.accessLog', { id: file.id })).map((r) => [r.user, r.action, r.purpose]);
    const before = (await logOf()).length;

    // the accepting inspector: the list counts, the opening names them and is logged on the file
    await signInAs(s, 'zhanov');
    const listed = await s.call('handover.list', {});
    expect(listed.map((x) => [x.id, x.personFileCount])).toEqual([[act.id, 1]]);
    expect(JSON.stringify(listed)).not.toContain('Сейтқали');
    expect((await s.fail('handover.open', { id: act.id })).code).toBe('VALIDATION');
    const opened = await s.call('handover.open', { id: act.id, purpose: 'transfer', purposeText: '' });
    expect(opened.snapshot.personFiles.map((f) => f.person)).toEqual(['Сейтқали Бауыржан Ерғалиұлы']);
    await s.call('handover.print', { id: act.id, language: 'ru', purpose: 'other', purposeText: 'для проверки МПС' });
    const log = await logOf();
    expect(log.slice(0, log.length - before)).toEqual([
      ['Жанов Т.', 'print', 'other'],
      ['Жанов Т.', 'open', 'transfer'],
    ]);
    // the inspector who handed the section over signed the act, but no longer may open its files
    await signInAs(s, 'nurlanov');
    expect(await s.call('handover.list', {})).toEqual([]);
    expect(await s.fail('handover.open', { id: act.id, purpose: 'control' })).toMatchObject({ code: 'FORBIDDEN' });
    // nor another section's inspector; neither refusal is logged as a reading
    await signInAs(s, 'neighbour');
    expect(await s.call('handover.list', { sectionId: 1 })).toEqual([]);
    expect(await s.fail('handover.open', { id: act.id, purpose: 'control' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await s.fail('handover.print', { id: act.id, language: 'kk', purpose: 'control' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    await signInAs(s, 'abdikadyrov');
    expect(await logOf()).toHaveLength(log.length);

    // comparing two acts reads no file: a person file by its number
    const cover = await addUser(s, 'kaliev', 'Қалиев', 'inspector', []);
    await s.call('prevention.create', {
      citizen: { id: null, iin: makeIin('1990-07-01', 'male', 77), noIin: null, surname: 'Омаров', name: 'Асқар' },
      categories: ['2'],
      groundsBody: 'Суд',
      groundsNumber: '2-200',
      groundsDate: '2026-11-01',
      startDate: '2026-11-02',
      sectionId: 1,
      inspectorId: c.id,
      custodyPlace: 'safe',
      safeId: safe!.id,
      shelf: '',
    });
    const next = await s.call('handover.record', {
      sectionId: 1,
      kind: 'cover',
      fromUserId: c.id,
      toUserId: cover.id,
      date: '2026-11-20',
      superior: 'Ахметов Б. К.',
      orderNumber: '12',
      orderDate: '2026-11-19',
    });
    expect(await s.call('handover.compare', { olderId: act.id, newerId: next.id })).toEqual({
      added: ['file:№2'],
      removed: [],
    });
  });

  it('p.5: the tour is due a month from the appointment to the post, where it is recorded', async () => {
    const s = await setUpStation({ clock: () => new Date('2026-11-20T10:00:00') });
    const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    const c = await s.call('users.create', {
      surname: 'Жанов',
      name: 'Ерболат',
      patronymic: '',
      rank: '',
      position: 'УИП',
      role: 'inspector',
      sectionIds: [],
      appointedOn: '2026-11-02',
      appointmentOrder: '№ 245 от 30.10.2026',
      login: 'zhanov',
      temporaryPassword: 'Temp-12345',
    });
    expect(c).toMatchObject({ appointedOn: '2026-11-02', appointmentOrder: '№ 245 от 30.10.2026' });
    await s.call('handover.record', {
      sectionId: 1,
      kind: 'handover',
      fromUserId: a.id,
      toUserId: c.id,
      date: '2026-11-20',
      superior: 'Ахметов Б. К., начальник МПС',
    });
    // a month from 2 November, not from the act of 20 November
    expect(
      (await s.call('today.list', { date: '2026-11-20' })).find((d) => d.ruleId === 'handover.tour'),
    ).toMatchObject({
      paragraph: '5',
      titleKey: 'today.rules.sectionTourAppointed',
      due: '2026-12-02',
      params: { appointed: '02.11.2026' },
    });
  });
});
