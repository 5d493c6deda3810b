import { describe, expect, it } from 'vitest';
import { addUser, setUpStation, signInAs } from './helpers';
import { pdfWords } from './pdf';

describe('monthly UPP plan (p.18, p.24(1))', () => {
  it('is drafted by the lead, approved only by a supervisor, frozen once approved, changed by a revision approved again', async () => {
    const clock = { now: new Date('2026-11-24T10:00:00') };
    const s = await setUpStation({ clock: () => clock.now });
    const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    await addUser(s, 'chief', 'Бастықов', 'supervisor', []);
    const as = (login: string) => signInAs(s, login);
    const today = async (date: string) =>
      (await s.call('today.list', { date })).filter((d) => d.ruleId.startsWith('plans.'));

    // the last week of November: the December plan is missing
    expect(await today('2026-11-23')).toEqual([]);
    expect(await today('2026-11-24')).toEqual([
      expect.objectContaining({ ruleId: 'plans.draft', paragraph: '24(1)', params: { month: '2026-12' } }),
    ]);
    expect(
      await s.fail('plans.saveDraft', {
        month: '2026-12',
        items: [{ text: 'Рейд', responsibleId: a.id, dueDate: '2027-01-05' }],
      }),
    ).toMatchObject({ fields: [{ path: 'items.0.dueDate', messageKey: 'plans.dueOutsideMonth' }] });
    expect(
      await s.fail('plans.saveDraft', { month: '2026-12', items: [{ text: 'Рейд', dueDate: '2026-12-05' }] }),
    ).toMatchObject({ fields: [{ path: 'items.0.responsibleId', messageKey: 'plans.responsibleRequired' }] });
    const draft = await s.call('plans.saveDraft', {
      month: '2026-12',
      items: [
        {
          text: 'Отчётная встреча с населением участков 17-1, 17-2',
          responsibleId: a.id,
          dueDate: '2026-12-10',
          basis: 'п.26',
        },
        { text: 'Проверка владельцев оружия', responsibleText: 'все УИП', dueDate: '2026-12-20', basis: 'п.22(10)' },
      ],
    });
    expect(draft).toMatchObject({ revision: 1, status: 'draft' });
    expect(await s.fail('plans.approve', { id: draft.id })).toMatchObject({ code: 'FORBIDDEN' });
    await s.call('plans.submit', { id: draft.id });
    expect(await today('2026-11-24')).toEqual([]);
    await as('nurlanov');
    expect(await s.fail('plans.approve', { id: draft.id })).toMatchObject({ code: 'FORBIDDEN' });
    await as('chief');
    expect((await today('2026-11-24')).map((d) => d.ruleId)).toEqual(['plans.approve']);
    const returned = await s.call('plans.return', { id: draft.id, remarks: 'Добавить рейд по ночным заведениям' });
    expect(returned).toMatchObject({ status: 'returned', returnRemarks: 'Добавить рейд по ночным заведениям' });
    await as('abdikadyrov');
    const fixed = await s.call('plans.saveDraft', {
      month: '2026-12',
      items: [
        ...draft.items.map((i) => ({
          text: i.text,
          responsibleId: i.responsibleId,
          responsibleText: i.responsibleText,
          dueDate: i.dueDate,
          basis: i.basis,
        })),
        { text: 'Рейд по ночным заведениям', responsibleId: a.id, dueDate: '2026-12-19' },
      ],
    });
    expect(fixed).toMatchObject({ id: draft.id, status: 'draft', revision: 1 });
    await s.call('plans.submit', { id: draft.id });
    await as('chief');
    const approved = await s.call('plans.approve', { id: draft.id });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Бастықов Т.' });

    // frozen: editing is refused; a revision carries the items and needs approval again
    await as('abdikadyrov');
    expect(
      await s.fail('plans.saveDraft', {
        month: '2026-12',
        items: [{ text: 'x', responsibleId: a.id, dueDate: '2026-12-05' }],
      }),
    ).toMatchObject({ messageKey: 'plans.frozen' });
    clock.now = new Date('2026-12-09T10:00:00');
    await as('nurlanov');
    // the inspector marks his own item; not another's
    expect((await today('2026-12-09')).map((d) => d.params.text)).toEqual([
      'Отчётная встреча с населением участков 17-1, 17-2',
    ]);
    const marked = await s.call('plans.markItem', {
      itemId: approved.items[0]!.id,
      result: 'done',
      note: 'Проведена 10.12',
    });
    expect(marked.items[0]).toMatchObject({ result: 'done', resultNote: 'Проведена 10.12' });
    expect(await s.fail('plans.markItem', { itemId: approved.items[1]!.id, result: 'done' })).toMatchObject({
      code: 'FORBIDDEN',
    });
    await as('abdikadyrov');
    const rev2 = await s.call('plans.revise', { id: draft.id });
    expect(rev2).toMatchObject({ revision: 2, status: 'draft' });
    expect(rev2.items[0]).toMatchObject({ result: 'done' });
    expect(await s.fail('plans.markItem', { itemId: rev2.items[1]!.id, result: 'done' })).toMatchObject({
      messageKey: 'plans.notInForce',
    });
    await s.call('plans.saveDraft', {
      month: '2026-12',
      items: rev2.items.map((i) => ({
        text: i.text,
        responsibleId: i.responsibleId,
        responsibleText: i.responsibleText,
        dueDate: i.dueDate === '2026-12-20' ? '2026-12-27' : i.dueDate,
        basis: i.basis,
      })),
    });
    await s.call('plans.submit', { id: rev2.id });
    // until the new revision is approved, revision 1 stays in force
    expect((await s.call('plans.revisions', { month: '2026-12' })).map((p) => [p.revision, p.status])).toEqual([
      [2, 'submitted'],
      [1, 'approved'],
    ]);
    await as('chief');
    await s.call('plans.approve', { id: rev2.id });
    expect((await s.call('plans.revisions', { month: '2026-12' })).map((p) => [p.revision, p.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);

    const ru = pdfWords(Buffer.from((await s.call('plans.print', { id: rev2.id, language: 'ru' })).base64, 'base64'));
    for (const text of [
      'УТВЕРЖДАЮ',
      'Бастықов Т.',
      'ПЛАН РАБОТЫ',
      'на декабрь 2026 г.',
      'редакция 2',
      'Рейд по ночным заведениям',
      'все УИП',
      '27.12.2026',
      'выполнено: Проведена 10.12',
    ])
      expect(ru).toContain(text);
    const kk = pdfWords(Buffer.from((await s.call('plans.print', { id: rev2.id, language: 'kk' })).base64, 'base64'));
    expect(kk).toContain('БЕКІТЕМІН');
    expect(kk).toContain('2026 жылғы желтоқсан айына');
  });
});
