import { describe, expect, it } from 'vitest';
import { addUser, setUpStation, signInAs } from './helpers';
import { pdfWords } from './pdf';

describe('section passport (p.5, p.19, Appendix 1)', () => {
  it('keeps §3 by years as of 1 January and §4–§6 objects; prints the pencil columns unless asked not to; reminds from mid-December', async () => {
    const clock = { now: new Date('2026-12-16T10:00:00') };
    const s = await setUpStation({ clock: () => clock.now });
    await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    await addUser(s, 'omarova', 'Омарова', 'inspector', [2]);
    await signInAs(s, 'nurlanov');
    const due = async () =>
      (await s.call('today.list', { date: '2026-12-16' })).filter((d) => d.ruleId === 'passport.year');
    expect(await due()).toEqual([
      expect.objectContaining({ paragraph: '19', params: { section: '17-1', year: 2027 } }),
    ]);
    await s.call('passport.saveYear', {
      sectionId: 1,
      year: 2026,
      values: {
        area: 2.4,
        dwellings: 120,
        multiStorey: 40,
        population: 5400,
        adults: 4100,
        children: 1300,
        foreigners: 35,
        mosques: 1,
      },
    });
    const p = await s.call('passport.saveYear', {
      sectionId: 1,
      year: 2027,
      values: { area: 2.4, dwellings: 124, population: 5520, adults: 4180, children: 1340 },
    });
    expect(p.years).toEqual([2026, 2027]);
    expect(p.values['2027']).toMatchObject({ dwellings: 124, population: 5520 });
    expect(await due()).toEqual([]);
    expect(await s.fail('passport.saveYear', { sectionId: 1, year: 2027, values: { population: -1 } })).toMatchObject({
      code: 'VALIDATION',
    });
    expect(await s.fail('passport.saveYear', { sectionId: 1, year: 2027, values: { madeUp: 1 } })).toMatchObject({
      code: 'VALIDATION',
    });

    await s.call('passport.saveObject', {
      sectionId: 1,
      part: 'enterprises',
      fields: {
        name: 'ТОО «Береке»',
        ownership: 'частная',
        address: 'ул. Сейфуллина, 20',
        managers: 'Ахметов Б., +7 701 111 22 33, ул. Абая, 5',
        workingHours: '09:00–18:00',
        security: 'ЧОП, пожарная сигнализация',
        video: 'есть',
        note: '45 работников',
      },
    });
    const two = await s.call('passport.saveObject', {
      sectionId: 1,
      part: 'enterprises',
      fields: { name: 'Рынок «Шұғыла»', address: 'ул. Жансугурова, 1', managers: 'Ким С., +7 702 000 00 00' },
    });
    expect(two.objects.map((o) => o.fields.name)).toEqual(['ТОО «Береке»', 'Рынок «Шұғыла»']);
    expect(
      await s.fail('passport.saveObject', { sectionId: 1, part: 'dormitories', fields: { address: 'без названия' } }),
    ).toMatchObject({ fields: [{ path: 'fields.name', messageKey: 'validation.required' }] });

    const PNG =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    expect(
      await s.fail('passport.savePlan', { sectionId: 1, image: 'data:text/html;base64,PGI+', note: '' }),
    ).toMatchObject({ fields: [{ path: 'image', messageKey: 'prevention.photoFormat' }] });
    expect(
      (await s.call('passport.savePlan', { sectionId: 1, image: PNG, note: 'Маршрут ПП-3: ул. Сейфуллина — ул. Абая' }))
        .plan,
    ).toMatchObject({ image: PNG });
    const plain = pdfWords(
      Buffer.from(
        (await s.call('passport.print', { sectionId: 1, language: 'kk', withPencil: false })).base64,
        'base64',
      ),
    );
    expect(plain).toContain('Маршрут ПП-3: ул. Сейфуллина — ул. Абая');
    for (const text of [
      '№ 17-1 ӘКІМШІЛІК УЧАСКЕНІҢ ПАСПОРТЫ',
      '01.01.2026 ж.',
      '01.01.2027 ж.',
      'Барлығы тұратын тұрғын халқы',
      '5 520',
      'ТОО «Береке»',
      'Рынок «Шұғыла»',
    ])
      expect(plain).toContain(text);
    expect(plain).not.toContain('+7 701 111 22 33');
    const withPencil = pdfWords(
      Buffer.from(
        // App 1: the pencil columns are part of the form, and print unless asked not to
        (await s.call('passport.print', { sectionId: 1, language: 'ru' })).base64,
        'base64',
      ),
    );
    expect(withPencil).toContain('+7 701 111 22 33');
    expect(withPencil).toContain('(заполняется карандашом)');

    // a mistaken object goes with a reason; the record and the audit keep it
    await s.call('passport.removeObject', { sectionId: 1, id: two.objects[1]!.id, reason: 'рынок закрыт' });
    expect((await s.call('passport.get', { sectionId: 1 })).objects.map((o) => o.fields.name)).toEqual([
      'ТОО «Береке»',
    ]);
    expect(s.backend.raw.prepare('SELECT removed_reason FROM passport_objects WHERE removed = 1').all()).toEqual([
      { removed_reason: 'рынок закрыт' },
    ]);

    await signInAs(s, 'omarova');
    expect(await s.fail('passport.saveYear', { sectionId: 1, year: 2027, values: { area: 3 } })).toMatchObject({
      code: 'FORBIDDEN',
    });
    // nor read it: a neighbour's passport is not hers (p.16)
    expect(await s.fail('passport.get', { sectionId: 1 })).toMatchObject({ code: 'FORBIDDEN' });
    await signInAs(s, 'abdikadyrov');
    expect((await s.call('passport.get', { sectionId: 1 })).values['2027']!.area).toBe(2.4);
  });
});

describe('section passport: whose and what', () => {
  it("answers a section's passport, with its pencil columns, only to those who work or head it", async () => {
    const s = await setUpStation();
    await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    await addUser(s, 'omarova', 'Омарова', 'inspector', [2]);
    await s.call('passport.saveObject', {
      sectionId: 2,
      id: null,
      part: 'dormitories',
      fields: { name: 'Жатақхана', address: 'Абай к-сі, 3', managers: 'Серікова А., +7 701 000 0000' },
    });
    await signInAs(s, 'nurlanov');
    // before: the neighbour's managers, phones and homes were answered to any inspector
    for (const call of [
      () => s.fail('passport.get', { sectionId: 2 }),
      () => s.fail('passport.print', { sectionId: 2, language: 'ru', withPencil: true }),
    ])
      expect(await call()).toMatchObject({ code: 'FORBIDDEN', messageKey: 'prevention.notYourSection' });
    expect((await s.fail('passport.get', { sectionId: 99 })).fields).toEqual([
      { path: 'sectionId', messageKey: 'errors.unknownSection' },
    ]);
    await signInAs(s, 'omarova');
    expect((await s.call('passport.get', { sectionId: 2 })).objects[0]!.fields.managers).toContain('Серікова');
  });

  it('refuses a plan that is not a picture, and the passport still prints', async () => {
    const s = await setUpStation();
    // the right kind of data URL, but no picture inside: it passed the format check and then every print failed
    expect(await s.fail('passport.savePlan', { sectionId: 1, image: 'data:image/png;base64,AAAA', note: '' })).toEqual({
      code: 'VALIDATION',
      messageKey: 'validation.imageUnreadable',
      fields: [{ path: 'image', messageKey: 'validation.imageUnreadable' }],
    });
    expect((await s.call('passport.get', { sectionId: 1 })).plan).toBeNull();
    const pdf = await s.call('passport.print', { sectionId: 1, language: 'ru', withPencil: false });
    expect(pdfWords(Buffer.from(pdf.base64, 'base64'))).toContain('№ 17-1');
    // one saved before pictures were checked (the first wave took it) no longer breaks the print: it is left out
    s.backend.raw
      .prepare("INSERT INTO passport_plans (section_id, image, note, updated_at) VALUES (1, ?, 'схема', ?)")
      .run('data:image/png;base64,AAAA', new Date().toISOString());
    const old = await s.call('passport.print', { sectionId: 1, language: 'ru', withPencil: false });
    const words = pdfWords(Buffer.from(old.base64, 'base64'));
    expect(words).toContain('№ 17-1');
    expect(words).toContain('схема');
    // an unknown section is a field error, not a failure of the database's foreign key
    expect((await s.fail('passport.savePlan', { sectionId: 99, image: null, note: '' })).fields).toEqual([
      { path: 'sectionId', messageKey: 'errors.unknownSection' },
    ]);
  });

  it('prints App 1 as the form is: cover, contents, §1 with rank and room to sign, each column labelled as its section has it, the places register kept with it', async () => {
    const clock = { now: new Date('2026-12-05T10:00:00') };
    const s = await setUpStation({ clock: () => clock.now });
    const a = await s.call('users.create', {
      supervisingInspectorId: null,
      surname: 'Нұрланов',
      name: 'Асқар',
      patronymic: 'Бекұлы',
      rank: 'капитан полиции',
      position: 'УИП',
      role: 'inspector',
      sectionIds: [],
      login: 'nurlanov',
      temporaryPassword: 'Temp-12345',
    });
    await s.call('handover.record', {
      sectionId: 1,
      kind: 'handover',
      fromUserId: null,
      toUserId: a.id,
      date: '2026-03-02',
      superior: 'начальник МПС майор полиции Ахметов Б. К.',
      remarks: 'Участок принят без замечаний',
    });
    // the cover as the paper's is filled in; an end before the start is refused and changes nothing
    expect(
      await s.fail('passport.saveCover', { sectionId: 1, startedOn: '2026-03-02', endedOn: '2026-01-01' }),
    ).toMatchObject({ fields: [{ path: 'endedOn', messageKey: 'validation.periodOrder' }] });
    expect((await s.call('passport.get', { sectionId: 1 })).cover).toEqual({
      startedOn: null,
      endedOn: null,
      retention: '',
    });
    const saved = await s.call('passport.saveCover', { sectionId: 1, startedOn: '2026-03-02', retention: '5 лет' });
    expect(saved.cover).toEqual({ startedOn: '2026-03-02', endedOn: null, retention: '5 лет' });
    for (const [part, fields] of [
      ['dormitories', { name: 'Жатақхана №2', address: 'Абай к-сі, 3', managers: 'Серікова А., комендант' }],
      ['permitObjects', { name: 'ТОО «Охрана-Сервис» (МВД)', address: 'ул. Абая, 9', security: 'ведомственная' }],
    ] as const)
      await s.call('passport.saveObject', { sectionId: 1, part, fields });
    await signInAs(s, 'nurlanov');
    await s.call('tours.savePlace', {
      sectionId: 1,
      address: 'двор дома 7 по ул. Абая',
      kind: 'yard',
      reason: 'распитие спиртного по вечерам',
      since: '2026-11-01',
    });

    const ru = pdfWords(
      Buffer.from((await s.call('passport.print', { sectionId: 1, language: 'ru' })).base64, 'base64'),
    );
    for (const text of [
      // the cover and the contents
      'Пишется на внешней стороне обложки',
      'ПАСПОРТ АДМИНИСТРАТИВНОГО УЧАСТКА № 17-1',
      '(наименование органа внутренних дел)',
      'Начат «02» марта 2026 года',
      'Окончен «___» ______________ 20___ года',
      'Срок хранения: 5 лет',
      'Содержание',
      'Сведения о приёме и сдаче административного участка.',
      'обновляются по состоянию на 1 января',
      // §1: rank with the name, the date with room to sign
      'капитан полиции Нұрланов Асқар Бекұлы',
      'Дата приёма участка, подпись',
      '02.03.2026',
      'подпись',
      'начальник МПС майор полиции Ахметов Б. К.',
      // §3's four columns as of 1 January, blank ones to be written in
      'по состоянию на 01.01.20___ г.',
      // §5 col. 4, §6 col. 2, 5, 7 as the form words them
      'руководителя общежития, гостиницы, коменданта, вахтёра',
      'ведомственная принадлежность (министерство, ведомство и адрес)',
      'ответственного за объект',
      'Серікова А., комендант',
      // the register of places where offences concentrate, kept with the passport (p.22(14))
      'Приложение к паспорту: места концентрации правонарушений',
      'двор дома 7 по ул. Абая',
      'двор, подъезд',
      'распитие спиртного по вечерам',
    ])
      expect(ru).toContain(text);
    const kk = pdfWords(
      Buffer.from(
        (await s.call('passport.print', { sectionId: 1, language: 'kk', withPencil: false })).base64,
        'base64',
      ),
    );
    for (const text of [
      'Мұқабасының сыртқы бетіне жазылады',
      'Басталды "02" наурыз 2026 жылы',
      'Сақтау мерзімі: 5 лет',
      'Мазмұны',
      'Учаскені қабылдау күні, қолы',
      'ведомстволық тиістілігі',
      'Паспортқа қосымша: құқық бұзушылық шоғырланған орындар',
    ])
      expect(kk).toContain(text);
    // without the pencil columns on asking: the commandant's name stays off the sheet
    expect(kk).not.toContain('Серікова');
    expect(kk).not.toContain('қарындашпен толтырылады');
  });
});
