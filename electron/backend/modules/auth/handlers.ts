import { AppError, type CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { setMustChange } from '../users/service';
import { staffNames } from '../users/names';
import { commitNow } from '../../change';

export const authHandlers: Handlers<CallsOf<'auth'>> = {
  'auth.status': async (_i, env) => {
    const { lifecycle } = env;
    const s = lifecycle.session;
    let issuedBy: { name: string; at: string } | null = null;
    if (s?.mustChangePassword) {
      const db = env.ctx().db;
      const row = await db
        .selectFrom('audit_log')
        .select(['user_id', 'at'])
        .where('entity', '=', 'user')
        .where('entity_id', '=', String(s.id))
        .where('action', 'in', ['users.create', 'users.resetPassword'])
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (row?.user_id) issuedBy = { name: (await staffNames(db)).short(row.user_id), at: row.at };
    }
    return { state: lifecycle.state, session: s, idleMinutes: lifecycle.idleMinutes, issuedBy };
  },

  'auth.unlock': async ({ login, password }, { lifecycle }) => ({ session: await lifecycle.unlock(login, password) }),

  'auth.recover': async ({ login, recoveryCode, newPassword }, { lifecycle }) => ({
    session: await lifecycle.unlockWithRecovery(login, recoveryCode, newPassword),
  }),

  'auth.lock': async (_i, { lifecycle }) => {
    lifecycle.lock();
    return { ok: true as const };
  },

  'auth.changePassword': async ({ currentPassword, newPassword }, { ctx }) => {
    const c = ctx();
    // the first sign-in has just proved the temporary password; any other change proves the current one again
    if (!currentPassword && !c.user.mustChangePassword)
      throw new AppError('VALIDATION', 'errors.validation', undefined, [
        { path: 'currentPassword', messageKey: 'validation.required' },
      ]);
    if (currentPassword && !c.keys.checkPassword(c.user.login, currentPassword)) {
      throw new AppError('AUTH', 'errors.wrongPassword', undefined, [
        { path: 'currentPassword', messageKey: 'errors.wrongPassword' },
      ]);
    }
    if (currentPassword ? currentPassword === newPassword : c.keys.isOwnPassword(c.user.login, newPassword)) {
      throw new AppError('VALIDATION', 'errors.samePassword', undefined, [
        { path: 'newPassword', messageKey: 'errors.samePassword' },
      ]);
    }
    await setMustChange(c, c.user.id, false, 'auth.changePassword');
    await commitNow(c);
    await c.keys.writeSlot(c.user.login, c.user.id, newPassword);
    const session = { ...c.user, mustChangePassword: false };
    c.session.setUser(session);
    return { session };
  },
};
