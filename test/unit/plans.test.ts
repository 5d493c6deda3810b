import { describe, expect, it } from 'vitest';
import { addUser, setUpStation, signInAs } from './helpers';
import { pdfWords } from './pdf';

describe('monthly UPP plan (p.18, p.24(1))', () => {
  it('is drafted by the lead, approved only by a supervisor, frozen once approved, changed by a revision approved again', async () => {
    const clock = { now: new Date('2026-11-24T10:00:00') };
    const s = await setUpStation({ clock: () => clock.now });
    const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    const chief = await addUser(s, 'chief', 'Бастықов', 'supervisor', []);
    await s.call('staff.setMpsHead', { userId: chief.id, from: '2026-01-01' });
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

  it('p.18: only the head of the MPS, or the person replacing him by order, approves; the print names which', async () => {
    const clock = { now: new Date('2026-11-24T10:00:00') };
    const s = await setUpStation({ clock: () => clock.now });
    const a = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    const head = await addUser(s, 'head', 'Бастықов', 'supervisor', []);
    const senior = await addUser(s, 'senior', 'Аға', 'supervisor', []);
    const deputy = await addUser(s, 'deputy', 'Орынбасаров', 'supervisor', []);
    const draft = await s.call('plans.saveDraft', {
      month: '2026-12',
      items: [{ text: 'Рейд', responsibleId: a.id, dueDate: '2026-12-05' }],
    });
    await s.call('plans.submit', { id: draft.id });
    const planToday = async () =>
      (await s.call('today.list', { date: '2026-11-24' })).filter((d) => d.ruleId === 'plans.approve').length;

    // nobody named: nobody approves, and the refusal says who should name him
    await signInAs(s, 'head');
    expect(await s.fail('plans.approve', { id: draft.id })).toMatchObject({ messageKey: 'plans.noApprover' });
    await signInAs(s, 'abdikadyrov');
    expect(await s.fail('staff.setMpsHead', { userId: a.id, from: '2026-01-01' })).toMatchObject({
      fields: [{ path: 'userId', messageKey: 'staff.mpsMustBeSupervisor' }],
    });
    await s.call('staff.setMpsHead', { userId: head.id, from: '2026-01-01' });
    expect(await s.fail('staff.setMpsHead', { userId: senior.id, from: '2025-12-01' })).toMatchObject({
      messageKey: 'staff.mpsHeadBefore',
    });

    // the senior inspector for management is a supervisor too, but not the head: refused, and not asked on Today
    await signInAs(s, 'senior');
    expect(await planToday()).toBe(0);
    expect(await s.fail('plans.approve', { id: draft.id })).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'plans.notTheApprover',
      details: { name: 'Бастықов Тест' },
    });
    expect(await s.fail('plans.return', { id: draft.id, remarks: 'нет' })).toMatchObject({
      messageKey: 'plans.notTheApprover',
    });
    await signInAs(s, 'head');
    expect(await planToday()).toBe(1);

    // the head on leave: his deputy replaces him by the chief's order, and only he approves meanwhile
    await s.call('staff.addMpsActing', {
      userId: deputy.id,
      from: '2026-11-23',
      to: '2026-11-30',
      orderNumber: '145',
      orderDate: '2026-11-20',
    });
    expect(
      await s.fail('staff.addMpsActing', {
        userId: senior.id,
        from: '2026-11-30',
        to: '2026-12-02',
        orderNumber: '146',
        orderDate: '2026-11-20',
      }),
    ).toMatchObject({ messageKey: 'staff.mpsOverlap' });
    expect(await s.call('staff.mpsHeads', {})).toMatchObject({
      approverToday: { userId: deputy.id, name: 'Орынбасаров Тест', kind: 'acting' },
    });
    expect(await s.fail('plans.approve', { id: draft.id })).toMatchObject({
      details: { name: 'Орынбасаров Тест' },
    });
    await signInAs(s, 'deputy');
    const approved = await s.call('plans.approve', { id: draft.id });
    expect(approved).toMatchObject({ status: 'approved', approvedBy: 'Орынбасаров Т.', approvedAs: 'acting' });
    const ru = pdfWords(Buffer.from((await s.call('plans.print', { id: draft.id, language: 'ru' })).base64, 'base64'));
    expect(ru).toContain('Временно исполняющий обязанности начальника МПС');
    expect(ru).toContain('Орынбасаров Т.');

    // after the order's period the head approves again; a replacement recorded by mistake is removed, audited
    clock.now = new Date('2026-12-01T10:00:00');
    await signInAs(s, 'head');
    const { designations } = await s.call('staff.mpsHeads', {});
    expect((await s.call('staff.mpsHeads', {})).approverToday).toMatchObject({ userId: head.id, kind: 'head' });
    const left = await s.call('staff.removeMpsActing', { id: designations.find((d) => d.kind === 'acting')!.id });
    expect(left.map((d) => d.kind)).toEqual(['head']);
    const audit = s.backend.raw.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'mps.%'").get() as {
      n: number;
    };
    expect(audit.n).toBe(3);
  });
});
