import { describe, expect, it } from 'vitest';
import { translator } from '../../shared/i18n';
import { addUser, LEAD, setUpStation, signInAs } from './helpers';

const person = (login: string, role: 'inspector' | 'dutyOfficer' | 'supervisor', sectionIds: number[]) => ({
  surname: 'Жаңаев',
  name: 'Арман',
  patronymic: '',
  rank: '',
  position: '',
  role,
  sectionIds,
  login,
  temporaryPassword: 'Temp-12345',
});
const byLead = { login: LEAD.login, password: LEAD.password };

describe('an administrator and the accounts that read person files', () => {
  it('creates, promotes, widens and resets them only with the lead’s or a chief’s password; the lead sees it on Today', async () => {
    const s = await setUpStation();
    const leadId = (await s.call('users.list', {})).find((u) => u.login === LEAD.login)!.id;
    await addUser(s, 'admin1', 'Әкімшіов', 'admin', []);
    await addUser(s, 'duty1', 'Кезекшіев', 'dutyOfficer', []);
    // the lead's own change needs no one else: he is the confirmation
    await addUser(s, 'insp0', 'Бұрынғы', 'inspector', [1]);
    await signInAs(s, 'duty1');
    await signInAs(s, 'admin1');
    const rows = () => (s.backend.raw.prepare('SELECT count(*) n FROM audit_log').get() as { n: number }).n;
    const count = rows();

    // without a confirmation, or with a wrong one, nothing is written
    const none = await s.fail('users.create', person('insp1', 'inspector', [1]));
    expect(none).toMatchObject({ code: 'FORBIDDEN', messageKey: 'users.confirmationNeeded' });
    expect(none.fields?.[0]?.path).toBe('confirmation.login');
    const wrong = await s.fail('users.create', {
      ...person('insp1', 'inspector', [1]),
      confirmation: { ...byLead, password: 'not-his' },
    });
    expect(wrong).toMatchObject({ code: 'AUTH', messageKey: 'users.confirmationWrong' });
    expect(wrong.fields?.[0]?.path).toBe('confirmation.password');
    // a duty officer's right password is no chief's
    const notChief = await s.fail('users.create', {
      ...person('insp1', 'inspector', [1]),
      confirmation: { login: 'duty1', password: 'Own-pass-2026' },
    });
    expect(notChief.messageKey).toBe('users.confirmationWrong');
    expect(rows()).toBe(count);
    expect((await s.call('users.list', {})).map((u) => u.login)).not.toContain('insp1');

    // with the lead's password: created, and the confirmation audited
    const insp = await s.call('users.create', { ...person('insp1', 'inspector', [1]), confirmation: byLead });
    const confirmed = s.backend.raw
      .prepare("SELECT user_id, entity_id, after_json FROM audit_log WHERE action = 'users.accessConfirmed'")
      .all() as { user_id: number; entity_id: string; after_json: string }[];
    // the lead's own insp0 is audited as his; only the administrator's insp1 has a confirmation
    expect(confirmed).toHaveLength(1);
    expect(JSON.parse(confirmed[0]!.after_json)).toMatchObject({ action: 'users.create', confirmedBy: leadId });
    expect(Number(confirmed[0]!.entity_id)).toBe(insp.id);

    // a duty officer made an inspector, and an inspector given another section, need it too; fewer sections do not
    const duty = (await s.call('users.list', {})).find((u) => u.login === 'duty1')!;
    const promote = { ...person('duty1', 'inspector', [2]), id: duty.id };
    expect((await s.fail('users.update', promote)).messageKey).toBe('users.confirmationNeeded');
    expect((await s.call('users.list', {})).find((u) => u.id === duty.id)!.role).toBe('dutyOfficer');
    await s.call('users.update', { ...promote, confirmation: byLead });
    const widen = { ...person('insp1', 'inspector', [1, 2]), id: insp.id };
    expect((await s.fail('users.update', widen)).messageKey).toBe('users.confirmationNeeded');
    await s.call('users.update', { ...person('insp1', 'inspector', [1]), id: insp.id, rank: 'капитан полиции' });

    // the lead's password reset by the administrator: refused without him, so the administrator cannot sign in as him
    const reset = { id: leadId, temporaryPassword: 'Admin-knows-1' };
    expect((await s.fail('users.resetPassword', reset)).messageKey).toBe('users.confirmationNeeded');
    expect(s.backend.checkPassword(LEAD.login, LEAD.password)).toBe(true);
    // an account that reads no person files is reset without anyone
    await s.call('users.resetPassword', {
      id: (await addUser(s, 'duty2', 'Екінші', 'dutyOfficer', [])).id,
      temporaryPassword: 'Temp-23456',
    });

    // wrong confirmations count against the lead's login like wrong sign-ins: the third earns a wait
    for (let i = 0; i < 3; i++)
      await s.fail('users.resetPassword', { ...reset, confirmation: { ...byLead, password: `guess-${i}` } });
    expect((await s.fail('users.resetPassword', { ...reset, confirmation: byLead })).code).toBe('RATE_LIMITED');

    // the lead, signing in, is told of what the administrator did, and by whom it was confirmed
    await new Promise((r) => setTimeout(r, 1100));
    await s.call('users.resetPassword', { id: insp.id, temporaryPassword: 'Temp-34567', confirmation: byLead });
    await signInAs(s, LEAD.login);
    const today = await s.call('today.list', { date: new Date().toISOString().slice(0, 10) });
    const notices = today.filter((i) => i.ruleId === 'users.accessGranted');
    expect(notices.map((n) => n.titleKey).sort()).toEqual([
      'today.rules.access.create',
      'today.rules.access.resetPassword',
      'today.rules.access.update',
    ]);
    expect(notices.every((n) => n.notice && n.params.by === 'Әкімшіов Т.')).toBe(true);
    const t = translator('ru');
    const created = notices.find((n) => n.titleKey.endsWith('create'))!;
    expect(t(created.titleKey, created.params)).toBe(
      'Әкімшіов Т. создал учётную запись Жаңаев А. (Участковый инспектор) с доступом к учётным делам; ' +
        'подтвердил Әбдіқадыров Е.',
    );
    // the lead's own creation of insp0 is not told to himself
    expect(notices.some((n) => n.params.account === 'Бұрынғы Т.')).toBe(false);
  });
});
