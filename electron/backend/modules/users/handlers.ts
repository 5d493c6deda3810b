import type { Handlers } from '../../handlers';
import { createUser, deactivateUser, listUsers, setMustChange, updateUser, getUser } from './service';
import { AppError } from '../../../../shared/api';

type N = 'users.list' | 'users.create' | 'users.update' | 'users.resetPassword' | 'users.deactivate';

export const usersHandlers: Handlers<N> = {
  'users.list': async ({ includeInactive }, { ctx }) => listUsers(ctx().db, includeInactive),
  'users.create': async ({ temporaryPassword, ...u }, { ctx }) => createUser(ctx(), u, temporaryPassword),
  'users.update': async ({ id, ...u }, { ctx }) => updateUser(ctx(), id, u),
  'users.resetPassword': async ({ id, temporaryPassword }, { ctx, backend }) => {
    const c = ctx();
    const user = await getUser(c.db, id);
    if (!user.active) throw new AppError('CONFLICT', 'errors.userInactive');
    backend.writeSlot(user.login, user.id, temporaryPassword);
    return setMustChange(c, id, true, 'users.resetPassword');
  },
  'users.deactivate': async ({ id, reason }, { ctx }) => deactivateUser(ctx(), id, reason),
};
