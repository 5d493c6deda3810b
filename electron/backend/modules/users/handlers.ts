import { AppError, type CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { commitNow } from '../../change';
import { createUser, deactivateUser, listUsers, setMustChange, updateUser, getUser } from './service';

export const usersHandlers: Handlers<CallsOf<'users'>> = {
  'users.list': async ({ includeInactive }, { ctx }) => listUsers(ctx().db, includeInactive),
  'users.create': async ({ temporaryPassword, ...u }, { ctx }) => createUser(ctx(), u, temporaryPassword),
  'users.update': async ({ id, ...u }, { ctx }) => updateUser(ctx(), id, u),
  'users.resetPassword': async ({ id, temporaryPassword }, { ctx }) => {
    const c = ctx();
    const user = await getUser(c.db, id);
    if (!user.active) throw new AppError('CONFLICT', 'errors.userInactive');
    const after = await setMustChange(c, id, true, 'users.resetPassword');
    await commitNow(c);
    await c.keys.writeSlot(user.login, user.id, temporaryPassword);
    return after;
  },
  'users.deactivate': async ({ id, reason }, { ctx }) => deactivateUser(ctx(), id, reason),
};
