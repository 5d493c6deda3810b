import dayjs from 'dayjs';
import { AppError } from '../../../../shared/api';
import type { Handlers } from '../../handlers';
import { insertStation, getStation } from '../station/service';
import { insertUser, getSessionUser, setMustChange } from '../users/service';
import { renderPdf } from '../../documents/render';
import { recoverySheet } from '../../documents/recoverySheet';
import { writeAudit } from '../audit/service';

type N =
  | 'app.status'
  | 'setup.create'
  | 'auth.unlock'
  | 'auth.recover'
  | 'auth.lock'
  | 'auth.changePassword'
  | 'recovery.sheet'
  | 'recovery.regenerate';

export const authHandlers: Handlers<N> = {
  'app.status': async (_i, { backend }) => ({
    state: !backend.isSetUp ? 'setup' : backend.session ? 'unlocked' : 'locked',
    session: backend.session,
    idleMinutes: backend.idleMinutes,
  }),

  'setup.create': async (input, { backend }) => {
    const now = backend.clock();
    const { login, password, ...person } = input.lead;
    const { recoveryCode, userId } = await backend.create(
      async (db) =>
        db.transaction().execute(async (trx) => {
          await insertStation(trx, now, input.station, input.sections);
          return (await insertUser(trx, null, now, { ...person, login, role: 'uppLead', sectionIds: [] }, false)).id;
        }),
      login,
      password,
    );
    const session = await getSessionUser(backend.context().db, userId);
    backend.setSession(session!);
    return { session: session!, recoveryCode };
  },

  'auth.unlock': async ({ login, password }, { backend }) => ({ session: await backend.unlock(login, password) }),

  'auth.recover': async ({ login, recoveryCode, newPassword }, { backend }) => ({
    session: await backend.unlockWithRecovery(login, recoveryCode, newPassword),
  }),

  'auth.lock': async (_i, { backend }) => {
    backend.lock();
    return { ok: true as const };
  },

  'auth.changePassword': async ({ currentPassword, newPassword }, { backend, ctx }) => {
    const c = ctx();
    if (!backend.checkPassword(c.user.login, currentPassword)) {
      throw new AppError('AUTH', 'errors.wrongPassword', undefined, [
        { path: 'currentPassword', messageKey: 'errors.wrongPassword' },
      ]);
    }
    if (currentPassword === newPassword) {
      throw new AppError('VALIDATION', 'errors.samePassword', undefined, [
        { path: 'newPassword', messageKey: 'errors.samePassword' },
      ]);
    }
    backend.writeSlot(c.user.login, c.user.id, newPassword);
    await setMustChange(c, c.user.id, false, 'auth.changePassword');
    const session = { ...c.user, mustChangePassword: false };
    backend.setSession(session);
    return { session };
  },

  'recovery.sheet': async ({ language }, { backend, ctx }) => {
    const c = ctx();
    const code = backend.recoveryCodeToPrint;
    if (!code) throw new AppError('CONFLICT', 'errors.recoverySheetGone');
    const station = await getStation(c.db);
    const pdf = await renderPdf(
      backend.resourcesDir,
      recoverySheet(
        {
          station,
          code,
          issuedAt: dayjs(c.now).format('DD.MM.YYYY HH:mm'),
          issuedBy: `${c.user.surname} ${c.user.name}`,
        },
        language,
      ),
    );
    return { fileName: `recovery-${dayjs(c.now).format('YYYYMMDD')}.pdf`, base64: pdf.toString('base64') };
  },

  'recovery.regenerate': async ({ password }, { backend, ctx }) => {
    const c = ctx();
    if (!backend.checkPassword(c.user.login, password)) {
      throw new AppError('AUTH', 'errors.wrongPassword', undefined, [
        { path: 'password', messageKey: 'errors.wrongPassword' },
      ]);
    }
    const recoveryCode = backend.regenerateRecovery();
    await c.db
      .transaction()
      .execute((trx) =>
        writeAudit(trx, c.user.id, c.now, { action: 'recovery.regenerate', entity: 'keyring', entityId: 'recovery' }),
      );
    return { recoveryCode };
  },
};
