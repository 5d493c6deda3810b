import { describe, expect, it } from 'vitest';
import { tourMissedOn } from '../../shared/rules/tours';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { addUser, ROOT, setUpStation, signInAs } from './helpers';
import { pdfInfo, pdfWords } from './pdf';

/** How many pictures a PDF draws (poppler's pdfimages). */
function pdfImageCount(pdf: Buffer): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-img-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.pdf'), pdf);
    const list = execFileSync('pdfimages', ['-list', path.join(dir, 'a.pdf')], { encoding: 'utf8' });
    // a PNG with transparency is an image and its mask: count the images
    return list.split('\n').filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l)).length;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Friday 4 December 2026, the evening: Нұрланов works 17-1, Омарова 17-2. */
async function station() {
  const clock = { now: new Date('2026-12-04T19:00:00') };
  const s = await setUpStation({ clock: () => clock.now });
  const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
  const b = await addUser(s, 'omarova', 'Омарова', 'inspector', [2]);
  await signInAs(s, 'nurlanov');
  const place = (address: string, over: Record<string, unknown> = {}) =>
    s.call('tours.savePlace', {
      sectionId: 1,
      address,
      kind: 'yard',
      reason: 'распитие спиртного по вечерам',
      since: '2026-11-01',
      ...over,
    });
  const tour = {
    sectionId: 1,
    date: '2026-12-04',
    addresses: 'ул. Жетісу, 3–15',
    survey: 'Опрошены 6 жителей: жалобы на шум во дворе дома 7',
    conversations: 'Беседа с Ивановым П. о недопустимости распития',
    cardsGiven: 5,
    sheetsPosted: 2,
    sheetsWhere: 'подъезды домов 3 и 5',
    findings: 'Во дворе дома 7 собирается молодёжь после 23:00',
    language: 'ru' as const,
  };
  return { ...s, clock, a, b, place, tour };
}

describe('the daily tour of the section (p.22(14))', () => {
  it('p.22(14): a tour with two registered places is written in the notebook in the same step, and the places show it', async () => {
    const s = await station();
    const yard = await s.place('двор дома 7 по ул. Жетісу');
    const shop = await s.place('магазин «Береке», ул. Абая, 10', { kind: 'trade', reason: 'кражи' });
    const t = await s.call('tours.record', { ...s.tour, placeIds: [yard.id, shop.id] });
    expect(t).toMatchObject({ owner: 'Нұрланов Т.', sectionNumber: '17-1', cardsGiven: 5, sheetsPosted: 2 });
    expect(t.places.map((p) => p.address).sort()).toEqual([shop.address, yard.address].sort());
    const { entries } = await s.call('notebook.entries', { ownerId: s.a.id, from: '2026-12-04', to: '2026-12-04' });
    const entry = entries.find((e) => e.id === t.notebookEntryId)!;
    expect(entry).toMatchObject({ kind: 'tour', number: t.notebookNumber, occurredAt: '2026-12-04T19:00' });
    expect(entry.text).toContain('Обход участка 17-1 (п. 22(14)).');
    expect(entry.text).toContain('двор дома 7 по ул. Жетісу');
    expect(entry.text).toContain('Вручено визиток: 5, размещено информационных листов: 2 (подъезды домов 3 и 5).');
    expect(entry.text).toContain('Выявлено: Во дворе дома 7 собирается молодёжь после 23:00');
    expect((await s.call('tours.places', { sectionId: 1 })).map((p) => p.lastVisit)).toEqual([
      '2026-12-04',
      '2026-12-04',
    ]);
    expect(await s.call('tours.list', { from: '2026-12-01', to: '2026-12-31' })).toHaveLength(1);
    // a tour written the next day is put at the end of its day's work (ours)
    s.clock.now = new Date('2026-12-05T09:00:00');
    await signInAs(s, 'nurlanov');
    const late = await s.call('tours.record', { ...s.tour, date: '2026-12-03', placeIds: [] });
    const all = (await s.call('notebook.entries', { ownerId: s.a.id, from: '2026-12-03', to: '2026-12-03' })).entries;
    expect(all.find((e) => e.id === late.notebookEntryId)!.occurredAt).toBe('2026-12-03T18:00');
  });

  it('p.22(14): refuses, writing nothing, a tour with nowhere visited, sheets without where, a day to come, another section or its place', async () => {
    const s = await station();
    const yard = await s.place('двор дома 7');
    await signInAs(s, 'omarova');
    const theirs = await s.call('tours.savePlace', {
      sectionId: 2,
      address: 'пустырь за школой',
      kind: 'abandoned',
      reason: 'сборища подростков',
      since: '2026-10-01',
    });
    // Омарова keeps her own section's register, not 17-1's
    expect(await s.fail('tours.savePlace', { ...theirs, id: null, sectionId: 1 })).toMatchObject({
      fields: [{ path: 'sectionId', messageKey: 'tours.notYourSection' }],
    });
    await signInAs(s, 'nurlanov');
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ addresses: '', placeIds: [] }, 'addresses', 'tours.whereRequired'],
      [{ sheetsWhere: '' }, 'sheetsWhere', 'tours.sheetsWhereRequired'],
      [{ date: '2026-12-05' }, 'date', 'tours.future'],
      [{ sectionId: 2 }, 'sectionId', 'tours.notYourSection'],
      [{ placeIds: [theirs.id] }, 'placeIds', 'tours.placeNotOnRegister'],
      [{ placeIds: [yard.id], date: '2026-10-15' }, 'placeIds', 'tours.placeNotOnRegister'],
    ];
    for (const [over, path, messageKey] of refusals)
      expect(await s.fail('tours.record', { ...s.tour, ...over })).toMatchObject({ fields: [{ path, messageKey }] });
    expect(await s.call('tours.list', { from: '2026-01-01', to: '2026-12-31' })).toEqual([]);
    expect(
      (await s.call('notebook.entries', { ownerId: s.a.id, from: null, to: null })).entries.filter(
        (e) => e.kind === 'tour',
      ),
    ).toEqual([]);
    // a place that no longer draws offences leaves the register with its reason, and is kept
    const removed = await s.call('tours.removePlace', { id: yard.id, on: '2026-12-01', reason: 'двор освещён' });
    expect(removed).toMatchObject({ removedOn: '2026-12-01', removalReason: 'двор освещён' });
    expect(await s.fail('tours.record', { ...s.tour, placeIds: [yard.id] })).toMatchObject({
      fields: [{ path: 'placeIds', messageKey: 'tours.placeNotOnRegister' }],
    });
    expect(await s.fail('tours.removePlace', { id: yard.id, on: '2026-12-02', reason: 'ещё раз' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect((await s.call('tours.places', { sectionId: 1 })).map((p) => p.id)).toEqual([yard.id]);
  });

  it('p.22(14) daily (ours: asked the morning after): Monday shows Friday’s missing tour, not for one away that day', async () => {
    const s = await station();
    await s.call('tours.record', { ...s.tour, placeIds: [] });
    const monday = '2026-12-07';
    s.clock.now = new Date(`${monday}T08:30:00`);
    const missing = async (login: string) => {
      await signInAs(s, login);
      return (await s.call('today.list', { date: monday })).filter((d) => d.ruleId === 'tours.daily');
    };
    expect(await missing('nurlanov')).toEqual([]);
    expect(await missing('omarova')).toMatchObject([
      { paragraph: '22(14)', titleKey: 'today.rules.tourMissing', due: '2026-12-04', params: { person: 'Омарова Т.' } },
    ]);
    // the lead sees everyone's; a day of leave is no missing tour
    expect((await missing('abdikadyrov')).map((d) => d.params['person'])).toEqual(['Омарова Т.']);
    await s.call('staff.addAbsence', { userId: s.b.id, kind: 'leave', from: '2026-12-04', to: '2026-12-04' });
    expect(await missing('abdikadyrov')).toEqual([]);
    // the rule alone: after a weekend, Friday; after a working day, that day
    const weekdays = (d: string) => ![0, 6].includes(new Date(`${d}T12:00:00`).getDay());
    expect(tourMissedOn('2026-12-07', weekdays)).toBe('2026-12-04');
    expect(tourMissedOn('2026-12-09', weekdays)).toBe('2026-12-08');
  });

  it('p.22(14): the information sheet (A4, A5) and the business cards print the station’s data in Kazakh and Russian', async () => {
    const s = await station();
    expect(await s.fail('tours.printSheet', { size: 'A4' })).toMatchObject({
      fields: [{ path: 'phone', messageKey: 'tours.phoneRequired' }],
    });
    await s.call('tours.saveWorkPhone', { phone: '+7 727 255 17 01' });
    expect(await s.call('tours.contact', {})).toEqual({ phone: '+7 727 255 17 01', sectionIds: [1] });
    for (const size of ['A4', 'A5'] as const) {
      const words = pdfWords(Buffer.from((await s.call('tours.printSheet', { size })).base64, 'base64'));
      expect(words).toContain('Сіздің учаскелік полиция инспекторыңыз');
      expect(words).toContain('Ваш участковый инспектор полиции');
      expect(words).toContain('№ 17-1 учаске');
      expect(words).toContain('Участок № 17-1');
      expect(words).toContain('Азаматтарды қабылдау: 18:00–21:00');
      expect(words).toContain('Приём граждан: 18:00–21:00');
      expect(words).toContain('Телефон: +7 727 255 17 01');
      expect(words).toContain('Экстренный вызов полиции: 102');
    }
    // a photo chosen for the print: drawn on the one page, both languages still on it
    const photo = `data:image/png;base64,${fs.readFileSync(path.join(ROOT, 'test/e2e/assets/photo.png'), 'base64')}`;
    const withPhoto = Buffer.from((await s.call('tours.printSheet', { size: 'A4', photo })).base64, 'base64');
    expect(pdfInfo(withPhoto)['Pages']).toBe('1');
    expect(pdfImageCount(withPhoto)).toBe(1);
    expect(pdfWords(withPhoto)).toContain('Экстренный вызов полиции: 102');
    const cards = pdfWords(Buffer.from((await s.call('tours.printCards', {})).base64, 'base64'));
    expect(cards.match(/\+7 727 255 17 01/g)).toHaveLength(10);
    expect(cards).toContain('учаскелік полиция инспекторы / участковый инспектор полиции');
  });
});
