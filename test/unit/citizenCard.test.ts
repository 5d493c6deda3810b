import { describe, expect, it } from 'vitest';
import { addUser, firearmOwner, parolee, receptionEntry, setUpStation, signInAs } from './helpers';

/** Қасымов, as the station comes to know him: visits, a correction, a file in section 2, a gun, a meeting. */
async function knownCitizen() {
  const clock = { now: new Date('2026-11-20T10:00:00') };
  const s = await setUpStation({ clock: () => clock.now });
  const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
  const b = await addUser(s, 'omarova', 'Омарова', 'inspector', [2]);
  await addUser(s, 'duty', 'Кезекшіұлы', 'dutyOfficer', []);
  const [safe] = await s.call('prevention.saveSafe', { name: 'Сейф 1', location: '' });
  const first = await s.call('reception.create', receptionEntry({ receivedAt: '2026-11-19T18:10', receiverId: a.id }));
  const me = first.citizen;
  const typed = receptionEntry().citizen;
  await s.call('citizens.correct', {
    id: me.id,
    citizen: { ...typed, ...me, iin: me.iin ?? '', address: 'Сейфуллин к-сі, 7, 3 п.' },
    reason: 'переехал',
  });
  // p.9: an online entry goes into the receiver's notebook, linked to him
  await s.call(
    'reception.create',
    receptionEntry({ receivedAt: '2026-11-20T09:40', mode: 'online', receiverId: a.id, citizen: { id: me.id } }),
  );
  // another man with a like name, whose points at a meeting are not his
  await s.call(
    'reception.create',
    receptionEntry({ citizen: { iin: '', noIin: 'unknown', surname: 'Қасымбеков', name: 'Арман', birthDate: null } }),
  );
  const file = await s.call(
    'prevention.create',
    parolee(safe!.id, { sectionId: 2, inspectorId: b.id, citizen: { ...typed, ...me, iin: me.iin ?? '' } }),
  );
  await s.call('lists.saveFirearmOwner', firearmOwner({ citizen: { ...me, iin: me.iin ?? '' } }));
  const meeting = await s.call('meetings.plan', {
    kind: 'gathering',
    format: 'indoor',
    date: '2026-11-18',
    time: '18:00',
    place: 'Школа №12',
    sectionIds: [1],
    inspectorIds: [a.id],
  });
  for (const [raisedBy, text] of [
    ['КАСЫМОВ Бауыржан Ерланулы', 'Шум во дворе ночью'],
    ['Қасымбеков Арман', 'Нет освещения'],
  ]) {
    await s.call('meetings.addItem', {
      id: meeting.id,
      kind: 'complaint',
      text: text!,
      raisedBy: raisedBy!,
      answeredInFull: true,
      answer: 'Разъяснено',
    });
  }
  return { ...s, a, b, me, file, meeting };
}

describe('the citizen card (issue 15)', () => {
  it('gathers his visits, notebook, files, lists and meeting points, each only as far as the reader may see', async () => {
    const s = await knownCitizen();
    await signInAs(s, 'nurlanov');
    const card = await s.call('citizens.card', { id: s.me.id });
    expect(card.citizen.address).toBe('Сейфуллин к-сі, 7, 3 п.');
    expect(card.visits.map((v) => v.receivedAt)).toEqual(['2026-11-20T09:40', '2026-11-19T18:10']);
    expect(card.notebook).toHaveLength(1);
    expect(card.notebook[0]).toMatchObject({ ownerId: s.a.id, kind: 'onlineReception' });
    // p.15: another section's file shows only that it is there, where and with whom
    expect(card.personFiles).toEqual([
      expect.objectContaining({ restricted: true, number: null, status: null, startDate: null, sectionNumber: '17-2' }),
    ]);
    expect(card.lists.map((l) => [l.kind, l.sectionNumber, l.detail])).toEqual([['firearmOwner', '17-1', 'ружьё A1']]);
    expect(card.meetingItems.map((i) => i.text)).toEqual(['Шум во дворе ночью']);
    // his details as first recorded and as corrected, the newest first, with the reason
    expect(card.versions.map((v) => [v.change, v.citizen.address, v.reason])).toEqual([
      ['corrected', 'Сейфуллин к-сі, 7, 3 п.', 'переехал'],
      ['created', 'Сейфуллин к-сі, 5, 12 п.', ''],
    ]);

    // the inspector of section 2 reads the file, not section 1's gun, meeting or notebook
    await signInAs(s, 'omarova');
    const hers = await s.call('citizens.card', { id: s.me.id });
    expect(hers.personFiles).toEqual([
      expect.objectContaining({ restricted: false, number: s.file.number, status: 'active', categories: ['2'] }),
    ]);
    expect([hers.lists, hers.meetingItems, hers.notebook]).toEqual([[], [], []]);
    expect(hers.visits).toHaveLength(2);

    // the chiefs read it all
    await signInAs(s, 'abdikadyrov');
    const lead = await s.call('citizens.card', { id: s.me.id });
    expect([lead.personFiles[0]!.restricted, lead.lists.length, lead.meetingItems.length]).toEqual([false, 1, 1]);
  });

  it('is refused to those who do not read section records, and for no one', async () => {
    const s = await knownCitizen();
    await signInAs(s, 'duty');
    expect(await s.fail('citizens.card', { id: s.me.id })).toMatchObject({ code: 'FORBIDDEN' });
    await signInAs(s, 'nurlanov');
    expect(await s.fail('citizens.card', { id: 9999 })).toMatchObject({
      code: 'NOT_FOUND',
      messageKey: 'errors.notFound',
    });
  });
});

describe('a foreigner is one person at the desk and in App 4 (issue 15)', () => {
  const app4 = (citizen: Record<string, unknown>, passportNo: string, over: Record<string, unknown> = {}) => ({
    sectionId: 1,
    citizen: { id: null, iin: '', noIin: 'foreigner' as const, surname: 'Li', name: 'Wei', ...citizen },
    citizenship: 'КНР',
    passportNo,
    passportValidUntil: '2030-01-01',
    stayUntil: '2027-03-01',
    tempAddress: 'ул. Жансугурова, 7',
    ...over,
  });
  const atDesk = (citizen: Record<string, unknown>) =>
    receptionEntry({
      citizen: { iin: '', noIin: 'foreigner', surname: 'Ли', name: 'Вэй', patronymic: '', ...citizen },
    });

  it('links by passport, whichever comes first and however the name is spelt, and keeps his passport in the register', async () => {
    const s = await setUpStation({ clock: () => new Date('2026-11-20T10:00:00') });
    // at the desk first, his passport typed with a space and in small letters
    const visit = await s.call(
      'reception.create',
      atDesk({ citizenship: 'КНР', passportNo: 'e 1234567', passportValidUntil: '2030-01-01' }),
    );
    expect(visit.citizen).toMatchObject({ citizenship: 'КНР', passportNo: 'E1234567' });
    // then on the list, his name in Latin letters: the same person
    const listed = await s.call('lists.saveForeigner', app4({}, 'E1234567'));
    expect(listed.citizenId).toBe(visit.citizen.id);
    const card = await s.call('citizens.card', { id: visit.citizen.id });
    expect([card.visits.length, card.lists.map((l) => l.kind)]).toEqual([1, ['foreigner']]);

    // on the list first, then at the desk
    const karimov = await s.call(
      'lists.saveForeigner',
      app4({ surname: 'Каримов', name: 'Рустам' }, 'FA7654321', { citizenship: 'Узбекистан' }),
    );
    const later = await s.call(
      'reception.create',
      atDesk({ surname: 'Karimov', name: 'Rustam', citizenship: 'Узбекистан', passportNo: 'fa 7654321' }),
    );
    expect(later.citizen).toMatchObject({ id: karimov.citizenId, surname: 'Каримов', citizenship: 'Узбекистан' });
    // another passport is another person
    const other = await s.call('reception.create', atDesk({ citizenship: 'КНР', passportNo: 'E0000001' }));
    expect(other.citizen.id).not.toBe(visit.citizen.id);

    // a form without the passport fields corrects his name and leaves his passport as it was
    const { citizenship: _c, passportNo: _p, passportValidUntil: _v, ...plain } = visit.citizen;
    const unchanged = { id: visit.citizen.id, citizen: { ...plain, iin: '' }, reason: 'по паспорту' };
    expect(await s.fail('citizens.correct', unchanged)).toMatchObject({ messageKey: 'citizens.unchanged' });
    await s.call('citizens.correct', {
      id: visit.citizen.id,

      citizen: { ...plain, iin: '', address: 'ул. Абая, 1' },
      reason: 'по паспорту',
    });
    expect((await s.call('citizens.card', { id: visit.citizen.id })).citizen).toMatchObject({
      address: 'ул. Абая, 1',
      passportNo: 'E1234567',
    });
    // a new passport entered in App 4 is his new passport at the desk too
    await s.call('lists.saveForeigner', app4({ ...plain, iin: '' }, 'E7777777', { id: listed.id }));
    const hits = await s.call('citizens.search', { query: 'Ли Вэй', limit: 5 });
    expect(hits.find((h) => h.id === visit.citizen.id)).toMatchObject({ passportNo: 'E7777777' });
  });
});
