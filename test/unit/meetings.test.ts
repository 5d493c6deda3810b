import { describe, expect, it } from 'vitest';
import type { MeetingInput } from '../../shared/api';
import { addUser, setUpStation, signInAs } from './helpers';
import { pdfWords } from './pdf';

/** Inspectors of sections 1 and 2 (adjacent) and of section 3. */
async function station(clock: { now: Date }) {
  const s = await setUpStation({ clock: () => clock.now });
  const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
  const b = await addUser(s, 'omarova', 'Омарова', 'inspector', [2]);
  const c = await addUser(s, 'auyl', 'Ауылбаев', 'inspector', [3]);
  await addUser(s, 'chief', 'Бастықов', 'supervisor', []);
  return { ...s, a, b, c, as: (login: string) => signInAs(s, login) };
}

const joint = (a: number, b: number, over: Partial<MeetingInput> = {}): MeetingInput => ({
  kind: 'jointGathering',
  format: 'indoor',
  date: '2026-12-10',
  time: '18:30',
  place: 'Школа № 45, актовый зал',
  sectionIds: [1, 2],
  inspectorIds: [a, b],
  ...over,
});

describe('reporting meetings (Chapter 3)', () => {
  it('shows each inspector without a meeting this quarter, and the notice due ten calendar days before', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    const today = async (date: string) =>
      (await s.call('today.list', { date })).filter((d) => d.ruleId.startsWith('meetings.'));
    expect(
      (await today('2026-11-20'))
        .filter((d) => d.ruleId === 'meetings.quarter')
        .map((d) => d.params.person)
        .sort(),
    ).toEqual(['Ауылбаев Т.', 'Нұрланов Т.', 'Омарова Т.', 'Әбдіқадыров Е. С.']);
    await s.as('nurlanov');
    // an inspector sees only himself
    expect((await today('2026-11-20')).map((d) => d.params.person)).toEqual(['Нұрланов Т.']);
    expect(await s.fail('meetings.plan', joint(s.a.id, s.b.id, { sectionIds: [1] }))).toMatchObject({
      fields: [{ path: 'sectionIds', messageKey: 'meetings.jointNeedsSections' }],
    });
    const m = await s.call('meetings.plan', joint(s.a.id, s.b.id));
    // the report's draft gathers the sections' figures (p.29–30), the lists among them
    const draft = (await s.call('meetings.draftReport', { id: m.id, language: 'ru' })).text;
    expect(draft).toContain('Обращения граждан: принято 0');
    expect(draft).toContain('Списки участка: владельцев оружия 0');
    // another section's inspector gets neither the meeting nor its figures (p.16)
    await s.as('auyl');
    for (const call of ['meetings.get', 'meetings.draftReport'] as const)
      expect(await s.fail(call, { id: m.id, language: 'ru' }), call).toMatchObject({ code: 'FORBIDDEN' });
    // nor sees it in the year's schedule, where the lead does
    expect((await s.call('meetings.list', { year: 2026 })).map((r) => r.id)).not.toContain(m.id);
    await s.as('abdikadyrov');
    expect((await s.call('meetings.list', { year: 2026 })).map((r) => r.id)).toContain(m.id);
    // p.26: planned is not held — the two are shown with the date, the others as without a meeting
    expect(
      (await today('2026-11-20'))
        .filter((d) => d.ruleId === 'meetings.quarter')
        .map((d) => `${d.params.person} ${d.titleKey}`)
        .sort(),
    ).toEqual([
      'Ауылбаев Т. today.rules.meetingQuarter',
      'Нұрланов Т. today.rules.meetingQuarterPlanned',
      'Омарова Т. today.rules.meetingQuarterPlanned',
      'Әбдіқадыров Е. С. today.rules.meetingQuarter',
    ]);
    // the notice: due 30.11 (10 calendar days before 10.12), shown from a week before
    const notice = async (date: string) => (await today(date)).find((d) => d.ruleId === 'meetings.notice');
    expect(await notice('2026-11-20')).toBeUndefined();
    expect(await notice('2026-11-23')).toMatchObject({ paragraph: '27', due: '2026-11-30', overdue: false });
    expect(await notice('2026-12-01')).toMatchObject({ overdue: true });
    // told on the 30th: in time; on 1 December: nine days — late
    const inTime = await s.call('meetings.recordNotice', {
      id: m.id,
      channels: ['social', 'enterprises'],
      noticeOn: '2026-11-30',
      details: 'Instagram УП; КСК «Береке»',
    });
    expect(inTime.noticeLate).toBe(false);
    expect(await notice('2026-12-01')).toBeUndefined();
    expect(
      (await s.call('meetings.recordNotice', { id: m.id, channels: ['media'], noticeOn: '2026-12-01' })).noticeLate,
    ).toBe(true);
    expect(await s.fail('meetings.recordNotice', { id: m.id, channels: [], noticeOn: '2026-12-01' })).toMatchObject({
      fields: [{ path: 'channels', messageKey: 'meetings.channelsRequired' }],
    });
    expect(
      await s.fail('meetings.recordNotice', { id: m.id, channels: ['media'], noticeOn: '2026-12-11' }),
    ).toMatchObject({ messageKey: 'meetings.noticeAfterMeeting' });
    // the inspector of section 3 cannot change a meeting of sections 1–2
    await s.as('auyl');
    expect(await s.fail('meetings.cancel', { id: m.id, reason: 'x' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('draws up the protocol on the meeting day (later is marked), follows every item, keeps materials one year', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.as('nurlanov');
    const m = await s.call('meetings.plan', joint(s.a.id, s.b.id));
    expect(await s.fail('meetings.addParticipant', { id: m.id, fullName: 'Рано Пришедший' })).toMatchObject({
      messageKey: 'meetings.notYet',
    });
    clock.now = new Date('2026-12-10T18:40:00');
    await s.as('nurlanov');
    for (const name of ['Жақсыбекова Гүлмира', 'Иванов Пётр', 'Серікбаев Нұрлан'])
      await s.call('meetings.addParticipant', { id: m.id, fullName: name, address: 'ул. Сейфуллина' });
    const answered = await s.call('meetings.addItem', {
      id: m.id,
      kind: 'complaint',
      text: 'Шум во дворе по ночам',
      raisedBy: 'Иванов П.',
      answeredInFull: true,
      answer: 'Усилены вечерние обходы',
    });
    expect(answered.items[0]).toMatchObject({ answeredInFull: true, open: false });
    expect(
      await s.fail('meetings.addItem', {
        id: m.id,
        kind: 'proposal',
        text: 'Камеры',
        raisedBy: 'Жақсыбекова Г.',
        answeredInFull: false,
      }),
    ).toMatchObject({ fields: [{ path: 'checkDue', messageKey: 'meetings.checkDueRequired' }] });
    await s.call('meetings.addItem', {
      id: m.id,
      kind: 'proposal',
      text: 'Поставить камеры у школы',
      raisedBy: 'Жақсыбекова Г.',
      answeredInFull: false,
      checkDue: '2026-12-20',
    });
    const withForward = await s.call('meetings.addItem', {
      id: m.id,
      kind: 'remark',
      text: 'Не горят фонари на ул. Жансугурова',
      raisedBy: 'Серікбаев Н.',
      answeredInFull: false,
      outsideCompetence: true,
      forwardTo: 'акимат Турксибского района',
      initiatorAddress: 'ул. Жансугурова, 3',
    });
    expect(withForward.items.map((i) => i.open)).toEqual([false, true, true]);
    await s.call('meetings.saveRecord', {
      id: m.id,
      decisions: 'Провести рейд по ул. Жансугурова',
      videoRef: 'DVR-2026-12-10-01',
    });
    // not signed on the day: the next morning it is allowed, but marked
    clock.now = new Date('2026-12-11T09:00:00');
    await s.as('nurlanov');
    expect(
      (await s.call('today.list', { date: '2026-12-11' })).find((d) => d.ruleId === 'meetings.protocol'),
    ).toMatchObject({ paragraph: '32', overdue: true });
    const signed = await s.call('meetings.finalize', { id: m.id });
    expect(signed).toMatchObject({ status: 'held', finalizedLate: true, participantsCount: 3 });
    expect(await s.fail('meetings.addParticipant', { id: m.id, fullName: 'Опоздавший' })).toMatchObject({
      messageKey: 'meetings.alreadyFinalized',
    });

    const protocol = pdfWords(
      Buffer.from(
        (await s.call('meetings.print', { id: m.id, document: 'protocol', language: 'ru' })).base64,
        'base64',
      ),
    );
    for (const text of [
      'ПРОТОКОЛ',
      '10.12.2026, 18:30',
      'Школа № 45, актовый зал',
      'Количество участников: 3',
      'Шум во дворе по ночам',
      'Провести рейд',
      'вне компетенции полиции: направить в акимат Турксибского района',
      'Нұрланов Т.',
      'Омарова Т.',
    ])
      expect(protocol).toContain(text);
    expect(protocol).not.toContain('Жақсыбекова Гүлмира'); // the names are on the registration sheet, not in the protocol

    // p.33: the UPP lead sees both open items; the inspector of section 3 none
    await s.as('abdikadyrov');
    expect((await s.call('meetings.openItems', {})).map((i) => i.text)).toEqual([
      'Поставить камеры у школы',
      'Не горят фонари на ул. Жансугурова',
    ]);
    await s.as('auyl');
    expect(await s.call('meetings.openItems', {})).toEqual([]);
    await s.as('nurlanov');
    const [check, forward] = signed.items.slice(1);
    await s.call('meetings.resolveItem', { id: m.id, itemId: check!.id, checkResult: 'Камеры установлены акиматом' });
    expect(
      await s.fail('meetings.resolveItem', {
        id: m.id,
        itemId: forward!.id,
        forwardedOn: '2026-12-12',
        forwardNumber: '17/55',
      }),
    ).toMatchObject({ fields: [{ path: 'forwardedOn', messageKey: 'meetings.dateOutOfRange' }] });
    await s.call('meetings.resolveItem', {
      id: m.id,
      itemId: forward!.id,
      forwardedOn: '2026-12-11',
      forwardNumber: '17/55',
    });
    const letter = pdfWords(
      Buffer.from(
        (await s.call('meetings.print', { id: m.id, document: 'forwarding', itemId: forward!.id, language: 'kk' }))
          .base64,
        'base64',
      ),
    );
    expect(letter).toContain('акимат Турксибского района');
    expect(letter).toContain('Не горят фонари на ул. Жансугурова');
    expect(letter).toMatch(/32-?тармағына/);
    const note = pdfWords(
      Buffer.from(
        (await s.call('meetings.print', { id: m.id, document: 'notification', itemId: forward!.id, language: 'ru' }))
          .base64,
        'base64',
      ),
    );
    expect(note).toContain('УВЕДОМЛЕНИЕ');
    expect(note).toContain('17/55');
    expect((await s.call('meetings.get', { id: m.id })).items.find((i) => i.id === forward!.id)!.open).toBe(true);
    await s.call('meetings.resolveItem', {
      id: m.id,
      itemId: forward!.id,
      forwardedOn: '2026-12-11',
      forwardNumber: '17/55',
      initiatorNotifiedOn: '2026-12-11',
    });
    expect((await s.call('meetings.get', { id: m.id })).items.every((i) => !i.open)).toBe(true);

    // one year (p.32): refused before, shown on Today after, the names go and the record stays
    await s.as('abdikadyrov');
    expect(await s.fail('meetings.dispose', { id: m.id, disposalAct: 'Акт № 3' })).toMatchObject({
      messageKey: 'meetings.keepOneYear',
      details: { until: '10.12.2027' },
    });
    clock.now = new Date('2027-12-10T09:00:00');
    await s.as('abdikadyrov');
    expect(
      (await s.call('today.list', { date: '2027-12-10' })).find((d) => d.ruleId === 'meetings.retention'),
    ).toMatchObject({ paragraph: '32' });
    const disposed = await s.call('meetings.dispose', { id: m.id, disposalAct: 'Акт № 3 от 10.12.2027' });
    expect(disposed).toMatchObject({ disposedOn: '2027-12-10', participants: [], status: 'held' });
    expect(JSON.stringify(s.backend.raw.prepare('SELECT * FROM meeting_participants').all())).toBe('[]');
    expect((await s.call('meetings.list', { year: 2026 })).map((r) => [r.date, r.status])).toEqual([
      ['2026-12-10', 'held'],
    ]);
  });

  it('prints the notice in both languages on one sheet and the registration sheet with the chosen fields', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await station(clock);
    await s.call('station.updateSettings', {
      idleMinutes: 10,
      receptionFrom: '18:00',
      receptionTo: '21:00',
      backupKeep: 14,
      meetingFields: ['organization', 'phone'],
    });
    const m = await s.call('meetings.plan', joint(s.a.id, s.b.id));
    const notice = pdfWords(
      Buffer.from((await s.call('meetings.print', { id: m.id, document: 'notice', language: 'ru' })).base64, 'base64'),
    );
    expect(notice).toContain('ХАБАРЛАНДЫРУ');
    expect(notice).toContain('ОБЪЯВЛЕНИЕ');
    expect(notice).toContain('10.12.2026, 18:30');
    const reg = pdfWords(
      Buffer.from(
        (await s.call('meetings.print', { id: m.id, document: 'registration', language: 'kk' })).base64,
        'base64',
      ),
    );
    expect(reg).toContain('ТІРКЕУ ПАРАҒЫ');
    expect(reg).toContain('Ұйым');
    expect(reg).not.toContain('Мекенжайы');
    expect(await s.fail('meetings.print', { id: m.id, document: 'protocol', language: 'ru' })).toMatchObject({
      messageKey: 'meetings.notFinalized',
    });
  });

  it('p.26: a quarter is covered only by a meeting that was held; one that ended without stays overdue; the lead counts', async () => {
    const clock = { now: new Date('2026-09-01T10:00:00') };
    const s = await station(clock);
    const quarter = async (date: string) =>
      (await s.call('today.list', { date }))
        .filter((d) => d.ruleId === 'meetings.quarter')
        .map(
          (d) => `${d.params.person} ${d.params.quarter} ${d.titleKey.split('.').pop()}${d.overdue ? ' overdue' : ''}`,
        )
        .sort();
    await s.call('meetings.plan', joint(s.a.id, s.b.id, { date: '2026-09-20' }));
    // the UPP lead reports too: he holds one with the rural inspector
    const held = await s.call('meetings.plan', {
      kind: 'gathering',
      format: 'indoor',
      date: '2026-09-15',
      time: '18:00',
      place: 'Ауыл клубы',
      sectionIds: [3],
      inspectorIds: [s.c.id, 1],
    });
    clock.now = new Date('2026-09-15T18:40:00');
    await s.as('abdikadyrov');
    await s.call('meetings.addParticipant', { id: held.id, fullName: 'Серікбаев Нұрлан', address: 'ауыл' });
    await s.call('meetings.finalize', { id: held.id });
    expect(await quarter('2026-09-16')).toEqual([
      'Нұрланов Т. 3/2026 meetingQuarterPlanned',
      'Омарова Т. 3/2026 meetingQuarterPlanned',
    ]);
    // the planned one never took place: the quarter that ended stays overdue beside the new one
    clock.now = new Date('2026-10-02T10:00:00');
    await s.as('abdikadyrov');
    expect(await quarter('2026-10-02')).toEqual([
      'Ауылбаев Т. 4/2026 meetingQuarter',
      'Нұрланов Т. 3/2026 meetingQuarterMissed overdue',
      'Нұрланов Т. 4/2026 meetingQuarter',
      'Омарова Т. 3/2026 meetingQuarterMissed overdue',
      'Омарова Т. 4/2026 meetingQuarter',
      'Әбдіқадыров Е. С. 4/2026 meetingQuarter',
    ]);
    // an inspector sees his own
    await s.as('nurlanov');
    expect(await quarter('2026-10-02')).toEqual([
      'Нұрланов Т. 3/2026 meetingQuarterMissed overdue',
      'Нұрланов Т. 4/2026 meetingQuarter',
    ]);
  });
});
