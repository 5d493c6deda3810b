import { AppError, type CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { setMustChange } from '../users/service';
import { commitNow } from '../../change';

export const authHandlers: Handlers<CallsOf<'auth'>> = {
  'auth.status': async (_i, { lifecycle }) => ({
    state: lifecycle.state,
    session: lifecycle.session,
    idleMinutes: lifecycle.idleMinutes,
  }),

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
    if (!c.keys.checkPassword(c.user.login, currentPassword)) {
      throw new AppError('AUTH', 'errors.wrongPassword', undefined, [
        { path: 'currentPassword', messageKey: 'errors.wrongPassword' },
      ]);
    }
    if (currentPassword === newPassword) {
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
