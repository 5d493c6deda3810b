import { describe, expect, it } from 'vitest';
import { addUser, setUpStation, signInAs } from './helpers';

describe('a draft kept through a lock (issue 15: nothing typed is lost)', () => {
  it("keeps one person's open form until he takes it back, once; another person neither sees nor takes it", async () => {
    const s = await setUpStation();
    await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    await addUser(s, 'omarova', 'Омарова', 'inspector', [1]);
    await signInAs(s, 'nurlanov');
    const values = { citizen: { surname: 'Сейтқали', name: 'Ерлан' }, summary: 'Шум соседей по ночам' };
    await s.call('drafts.save', { route: '/reception', form: 'reception.new', values: { summary: 'первый' } });
    // a second lock keeps the newer text: one draft per person
    await s.call('drafts.save', { route: '/reception', form: 'reception.new', values });
    // the text is in the encrypted store, not in the audit
    expect(JSON.stringify(s.backend.raw.prepare("SELECT * FROM audit_log WHERE entity = 'draft'").all())).not.toContain(
      'Сейтқали',
    );

    await signInAs(s, 'omarova');
    expect(await s.call('drafts.take', {})).toBeNull();

    await signInAs(s, 'nurlanov');
    expect(await s.call('drafts.take', {})).toMatchObject({ route: '/reception', form: 'reception.new', values });
    expect(await s.call('drafts.take', {})).toBeNull();
  });

  it('refuses a draft too big to be a form, keeping the one it had', async () => {
    const s = await setUpStation();
    await addUser(s, 'nurlanov', 'Нұрланов', 'inspector', [1]);
    await signInAs(s, 'nurlanov');
    await s.call('drafts.save', { route: '/notebook', form: 'notebook.new', values: { text: 'запись' } });
    expect(
      await s.fail('drafts.save', { route: '/notebook', form: 'notebook.new', values: { text: 'я'.repeat(250_000) } }),
    ).toMatchObject({ code: 'VALIDATION' });
    expect((await s.call('drafts.take', {}))?.values).toEqual({ text: 'запись' });
  });
});
