import { formatDateTime } from '../../../../shared/format';
import dayjs from 'dayjs';
import { AppError, type CallsOf } from '../../../../shared/api';
import type { Handlers } from '../module';
import { change, commitNow } from '../../change';
import { printForm } from '../../documents/print';

export const recoveryHandlers: Handlers<CallsOf<'recovery'>> = {
  'recovery.sheet': async ({ language }, { ctx }) => {
    const c = ctx();
    const code = c.keys.recoveryCodeToPrint;
    if (!code) throw new AppError('CONFLICT', 'errors.recoverySheetGone');
    const issuedAt = formatDateTime(c.now);
    return printForm(c, `recovery-${dayjs(c.now).format('YYYYMMDD')}.pdf`, 'recoverySheet', language, (station) => ({
      station,
      code,
      issuedAt,
      issuedBy: `${c.user.surname} ${c.user.name}`,
      backupFolders: c.backups.destinations().map((d) => d.folder),
    }));
  },

  'recovery.regenerate': async ({ password }, { ctx }) => {
    const c = ctx();
    if (!c.keys.checkPassword(c.user.login, password)) {
      throw new AppError('AUTH', 'errors.wrongPassword', undefined, [
        { path: 'password', messageKey: 'errors.wrongPassword' },
      ]);
    }
    await change(c, (tx) => tx.audit({ action: 'recovery.regenerate', entity: 'keyring', entityId: 'recovery' }));
    await commitNow(c);
    const recoveryCode = await c.keys.regenerateRecovery();
    return { recoveryCode };
  },
};
