import type { CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { createUser, deactivateUser, listUsers, resetPassword, updateUser } from './service';

export const usersHandlers: Handlers<CallsOf<'users'>> = {
  'users.list': async ({ includeInactive }, { ctx }) => listUsers(ctx().db, includeInactive),
  'users.create': async ({ temporaryPassword, confirmation, ...u }, { ctx }) =>
    createUser(ctx(), u, temporaryPassword, confirmation),
  'users.update': async ({ id, confirmation, ...u }, { ctx }) => updateUser(ctx(), id, u, confirmation),
  'users.resetPassword': async ({ id, temporaryPassword, confirmation }, { ctx }) =>
    resetPassword(ctx(), id, temporaryPassword, confirmation),
  'users.deactivate': async ({ id, reason }, { ctx }) => deactivateUser(ctx(), id, reason),
};
