import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../shared/api';
import { makeIin } from '../../shared/iin';
import { fromEnglishLayout, parseSearch, snippet } from '../../shared/search/query';
import { addUser, parolee, PAROLEE_IIN, receptionEntry, setUpStation, signInAs, firearmOwner } from './helpers';

/** A station with one of each kind of record in section 1, and a person file in section 2. */
async function searchStation() {
  const clock = { now: new Date('2026-11-20T10:00:00') };
  const s = await setUpStation({ clock: () => clock.now });
  const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
  const b = await addUser(s, 'omarova', 'Омарова', 'inspector', [2]);
  await addUser(s, 'duty', 'Кезекшіұлы', 'dutyOfficer', []);
  const [safe] = await s.call('prevention.saveSafe', { name: 'Сейф 1', location: '' });
  // two visits of the same man, and one of another with a like name
  const first = await s.call('reception.create', receptionEntry({ receivedAt: '2026-11-19T18:10' }));
  const second = await s.call(
    'reception.create',
    receptionEntry({ receivedAt: '2026-11-20T09:40', citizen: { id: first.citizen.id } }),
  );
  await s.call(
    'reception.create',
    receptionEntry({
      receivedAt: '2026-11-20T09:50',
      citizen: {
        iin: makeIin('1990-02-02', 'male', 77),
        surname: 'Қасымбеков',
        name: 'Арман',
        address: 'Абай даңғылы, 150',
      },
    }),
  );
  // a parolee of section 2, with another inspector
  const file = await s.call('prevention.create', parolee(safe!.id, { sectionId: 2, inspectorId: b.id }));
  await s.call('lists.saveFirearmOwner', firearmOwner({ address: 'ул. Жетісу, 12' }));
  const meeting = await s.call('meetings.plan', {
    kind: 'gathering',
    format: 'indoor',
    date: '2026-11-20',
    time: '09:00',
    place: 'Школа-гимназия №12',
    sectionIds: [1],
    inspectorIds: [a.id],
  });
  await s.call('meetings.addItem', {
    id: meeting.id,
    kind: 'remark',
    text: 'Не горят фонари на улице Жетісу возле остановки',
    raisedBy: 'Серікбаев Н.',
    answeredInFull: true,
    answer: 'Передано в акимат',
  });
  await signInAs(s, 'nurlanov');
  const entry = await s.call('notebook.write', {
    kind: 'information',
    occurredAt: '2026-11-20T09:30',
    text: 'Поступила информация о драке у магазина «Береке» на улице Жетісу',
    passTo: '',
  });
  await signInAs(s, 'abdikadyrov');
  const find = (query: string) => s.call('search.find', { query });
  return { ...s, clock, a, b, file, first, second, meeting, entry, find };
}

const kinds = (hits: SearchHit[]) => hits.map((h) => `${h.kind}:${h.title}`);

describe('the search box (Ctrl+K, issue 17)', () => {
  it('finds a person by any part of a name in either alphabet, any case, either layout, and everything about him', async () => {
    const s = await searchStation();
    // "Қасымов Бауыржан" typed with a Russian keyboard, lower case
    for (const typed of ['касымов', 'КАСЫМОВ Б', 'қасымов бауыржан', 'rfcsvjd']) {
      const hits = await s.find(typed);
      expect(hits.filter((h) => h.kind === 'citizen').map((h) => h.title)[0], typed).toBe('Қасымов Бауыржан Ерланұлы');
      // his two visits, the newer first; not those of Қасымбеков
      expect(
        hits.filter((h) => h.kind === 'reception').map((h) => h.id),
        typed,
      ).toEqual([s.second.id, s.first.id]);
    }
    // beginnings alike, the newer first; a name typed out whole above one it only begins
    const kas = await s.find('касым');
    expect(kas.filter((h) => h.kind === 'citizen').map((h) => h.title)).toEqual([
      'Қасымбеков Арман Ерланұлы',
      'Қасымов Бауыржан Ерланұлы',
    ]);
    expect((await s.find('касымов')).filter((h) => h.kind === 'citizen')[0]!.rank).toBe(2);
    const full = await s.find('касымов бауыржан');
    expect(full.filter((h) => h.kind === 'citizen')).toMatchObject([
      { title: 'Қасымов Бауыржан Ерланұлы', rank: 2, match: { field: 'name', text: 'Қасымов Бауыржан Ерланұлы' } },
    ]);
    expect(await s.find('')).toEqual([]);
    expect(await s.find('  ,. ')).toEqual([]);
    expect(await s.find('нетакогочеловека')).toEqual([]);
  });

  it('an exact IIN and an entry number come first; an address or a text fragment finds records with the line that says why', async () => {
    const s = await searchStation();
    const byIin = await s.find(s.first.citizen.iin!);
    expect(byIin[0]).toMatchObject({ kind: 'citizen', rank: 3, match: { field: 'iin', text: s.first.citizen.iin } });
    const part = await s.find(s.first.citizen.iin!.slice(0, 5));
    expect(part.find((h) => h.kind === 'citizen')).toMatchObject({ rank: 1, match: { field: 'iin' } });

    const byNumber = await s.find(`${s.first.number}/2026`);
    expect(byNumber[0]).toMatchObject({
      kind: 'reception',
      id: s.first.id,
      rank: 3,
      match: { field: 'number', text: `${s.first.number}/2026` },
    });
    expect(await s.find(`${s.first.number}/2025`)).toEqual([]);

    // "Жетісу" is the firearm owner's address, the notebook entry's text and the meeting item's
    const street = await s.find('жетису');
    expect(kinds(street)).toEqual(
      expect.arrayContaining([
        'firearmOwner:Жұмабаев Серік',
        expect.stringMatching(/^notebook:Поступила информация/),
        expect.stringMatching(/^meetingItem:Не горят фонари/),
      ]),
    );
    expect(street.find((h) => h.kind === 'firearmOwner')!.match).toEqual({ field: 'address', text: 'ул. Жетісу, 12' });
    expect(street.find((h) => h.kind === 'notebook')).toMatchObject({
      parentId: s.a.id,
      number: String(s.entry.number),
      staff: 'Нұрланов Т.',
    });
    expect(street.find((h) => h.kind === 'meetingItem')!.parentId).toBe(s.meeting.id);
    expect(kinds(await s.find('гимназия 12'))).toEqual(['meeting:Школа-гимназия №12']);
    // a citizen by where he lives, and his visit with him: the line says it was the address
    const housed = await s.find('абай 150');
    expect(kinds(housed)).toEqual(['citizen:Қасымбеков Арман Ерланұлы', 'reception:Қасымбеков Арман Ерланұлы']);
    expect(housed[1]!.match).toEqual({ field: 'address', text: 'Абай даңғылы, 150' });
    // a handover act by the name of who handed the section over or took it
    await s.call('handover.record', {
      sectionId: 1,
      kind: 'handover',
      toUserId: s.a.id,
      date: '2026-11-20',
      superior: 'подполковник полиции Серікбаев',
    });
    expect((await s.find('нурланов')).filter((h) => h.kind === 'handoverAct')).toMatchObject([
      { title: 'Нұрланов Т.', sectionNumber: '17-1', match: { field: 'staff' } },
    ]);
  });

  it('answers each reader as his screens do: a duty officer no person file, an inspector another section\'s file only as "it exists"', async () => {
    const s = await searchStation();
    // the chief sees the file whole
    const lead = (await s.find('сейткали')).filter((h) => h.kind === 'personFile');
    expect(lead).toMatchObject([{ id: s.file.id, restricted: false, number: `№ ${s.file.number}`, tag: 'active' }]);
    // and by where the man lives, the file with him
    expect((await s.find('жансугурова 14')).filter((h) => h.kind === 'personFile')).toMatchObject([
      { id: s.file.id, restricted: false, match: { field: 'address' } },
    ]);

    await signInAs(s, 'nurlanov');
    const inspector = await s.find('сейткали');
    expect(inspector.filter((h) => h.kind === 'personFile')).toEqual([
      expect.objectContaining({
        title: 'Сейтқали Бауыржан Ерғалиұлы',
        restricted: true,
        sectionNumber: '17-2',
        staff: 'Омарова Т.',
        number: null,
        tag: null,
        date: null,
      }),
    ]);
    // found by its address or its number, a file outside the scope is not even said to exist
    expect((await s.find('жансугурова')).filter((h) => h.kind === 'personFile')).toEqual([]);
    expect((await s.find(String(s.file.number))).filter((h) => h.kind === 'personFile')).toEqual([]);
    // opening it is refused as any other opening
    expect(await s.fail('prevention.open', { id: s.file.id, purpose: 'other', purposeText: 'поиск' })).toMatchObject({
      code: 'FORBIDDEN',
    });

    await signInAs(s, 'omarova');
    // the other inspector does not read Nurlanov's notebook, the section 1 list or its meeting
    expect(kinds(await s.find('жетису'))).toEqual([]);
    expect((await s.find(PAROLEE_IIN)).find((h) => h.kind === 'personFile')).toMatchObject({ restricted: false });

    await signInAs(s, 'duty');
    const duty = await s.find('жетису');
    // the duty officer reads every notebook, and nothing else the search holds
    expect(duty.map((h) => h.kind)).toEqual(['notebook']);
    expect(await s.find('сейткали')).toEqual([]);
    expect(await s.find(PAROLEE_IIN)).toEqual([]);
  });
});

describe('reading what was typed', () => {
  it('folds, reads digits and entry numbers, and the English layout', () => {
    expect(parseSearch(' Қасымов  Б. ')).toMatchObject({ words: ['касымов', 'б'], digits: null, entry: null });
    expect(parseSearch('№ 12/2026')).toMatchObject({ entry: { number: 12, year: 2026 }, digits: null });
    expect(parseSearch('8506 12')).toMatchObject({ digits: '850612' });
    expect(parseSearch('fqlfh')).toMatchObject({ layoutWords: ['аидар'] });
    expect(parseSearch('Айдар')!.layoutWords).toBeNull();
    expect(parseSearch('—')).toBeNull();
    expect(fromEnglishLayout('Rfcsvjd')).toBe('касымов');
    const long = `${'Начало длинного текста. '.repeat(6)}Поступила информация о драке на улице Жетісу. ${'Конец. '.repeat(8)}`;
    const line = snippet(long, ['жетису']);
    expect(line).toContain('Жетісу');
    expect(line.startsWith('…')).toBe(true);
    expect(line.length).toBeLessThanOrEqual(92);
  });
});
