import { describe, expect, it } from 'vitest';
import { addUser, parolee, receptionEntry, setUpStation, signInAs } from './helpers';
import { pdfText } from './pdf';

/**
 * p.2(3): the assistant has the inspector's rights and duties in full — placing a person on record, the p.14 request,
 * voiding an entry, the p.5 tour — and works under the direct supervision of an inspector, who is recorded and shown.
 */
describe('p.2(3): the assistant', () => {
  it('works under a recorded inspector and does what the inspector does; his records name that inspector', async () => {
    const clock = { now: new Date('2026-11-20T10:00:00') };
    const s = await setUpStation({ clock: () => clock.now });
    const insp = await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    const duty = await addUser(s, 'duty', 'Кезекшіұлы', 'dutyOfficer', []);
    const base = {
      surname: 'Бекова',
      name: 'Ляззат',
      patronymic: '',
      rank: 'лейтенант',
      position: 'помощник УИП',
      role: 'assistant' as const,
      sectionIds: [1],
      login: 'bekova',
      temporaryPassword: 'Temp-12345',
    };
    // an assistant without his inspector, or under someone who is no inspector, is refused with the field named
    expect(await s.fail('users.create', base)).toMatchObject({
      fields: [{ path: 'supervisingInspectorId', messageKey: 'users.supervisorRequired' }],
    });
    expect(await s.fail('users.create', { ...base, supervisingInspectorId: duty.id })).toMatchObject({
      fields: [{ path: 'supervisingInspectorId', messageKey: 'users.supervisorNotInspector' }],
    });
    const asst = await s.call('users.create', { ...base, supervisingInspectorId: insp.id });
    expect(asst.supervisingInspectorId).toBe(insp.id);
    // another role keeps no supervising inspector
    const other = await s.call('users.update', {
      id: duty.id,
      surname: 'Кезекшіұлы',
      name: 'Тест',
      patronymic: '',
      rank: '',
      position: '',
      role: 'dutyOfficer',
      sectionIds: [],
      supervisingInspectorId: insp.id,
    });
    expect(other.supervisingInspectorId).toBeNull();
    const [safe] = await s.call('prevention.saveSafe', { name: 'Сейф 1', location: '' });

    await signInAs(s, 'bekova');
    // places a person on record (the file's responsible is his inspector) and sends the p.14 request
    const file = await s.call('prevention.create', parolee(safe!.id, { inspectorId: insp.id }));
    expect(file).toMatchObject({ inspectorId: insp.id, placedBy: 'Бекова Л.', placedBySupervisor: 'Нұрланов Т.' });
    await s.call('prevention.recordDeparture', {
      id: file.id,
      departedAt: '2026-11-20T09:00',
      moveKind: 'region',
      newAddress: 'г. Астана, ул. Абая, 5',
      newBody: 'УП района Сарыарка',
    });
    expect(
      await s.call('prevention.recordRequest', { id: file.id, sentAt: '2026-11-20T10:00', requestNumber: '17/9' }),
    ).toMatchObject({ requestNumber: '17/9' });
    // voids his own reception entry; the entry and the printed journal name the inspector he works under
    const entry = await s.call(
      'reception.create',
      receptionEntry({ receiverId: asst.id, receivedAt: '2026-11-20T09:30' }),
    );
    expect(entry).toMatchObject({ receiverRole: 'assistant', receiverSupervisor: 'Нұрланов Т.' });
    const journal = pdfText(
      Buffer.from(
        (await s.call('reception.print', { filter: { from: '2026-11-20', to: '2026-11-20' }, language: 'ru' })).base64,
        'base64',
      ),
    );
    expect(journal.replace(/\s+/g, ' ')).toContain('под руководством Нұрланов Т.');
    expect(await s.call('reception.void', { id: entry.id, reason: 'ошибочная запись' })).toMatchObject({
      status: 'voided',
    });

    // p.5: the tour of the section his inspector accepted
    await signInAs(s, 'abdikadyrov');
    const act = await s.call('handover.record', {
      sectionId: 2,
      kind: 'handover',
      fromUserId: null,
      toUserId: insp.id,
      date: '2026-11-20',
      superior: 'Ахметов Б. К., начальник МПС',
    });
    await signInAs(s, 'bekova');
    const [address] = await s.call('handover.addTourAddresses', { actId: act.id, addresses: ['ул. Абая, 1'] });
    await s.call('handover.markVisited', { id: address!.id, visitedOn: '2026-11-20', note: 'жалоб нет' });
    expect(await s.call('handover.tourDone', { id: act.id, doneOn: '2026-11-20' })).toMatchObject({
      tourDoneOn: '2026-11-20',
    });
  });
});
