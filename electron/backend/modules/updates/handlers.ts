import type { CallsOf } from '../../../../shared/api';
import { change, commitNow } from '../../change';
import type { Ctx } from '../../context';
import type { Handlers } from '../module';

/** Every step that decides something about a release is in the audit log: a refusal above all (ours). */
const audit = (c: Ctx, action: string, after: unknown, before?: unknown) =>
  change(c, (tx) => tx.audit({ action, entity: 'station', entityId: 1, before, after }));

export const updatesHandlers: Handlers<CallsOf<'updates'>> = {
  'updates.status': async (_i, { ctx }) => ctx().updates.status(),
  'updates.setSource': async ({ source }, { ctx }) => {
    const c = ctx();
    const before = c.updates.source;
    c.updates.setSource(source);
    await audit(c, 'updates.source', source, before);
    return c.updates.status();
  },
  // the long work (reading the source, downloading) is done before the audit opens the call's unit: an open unit
  // holds the one connection, and the desk's calls would wait for the download
  'updates.check': async (_i, { ctx }) => {
    const c = ctx();
    const r = await c.updates.check();
    if (r.outcome === 'refused')
      await audit(c, 'updates.refused', { step: 'check', reason: r.messageKey, version: r.version });
    if (r.outcome === 'available') await audit(c, 'updates.found', { version: r.release.version });
    return r;
  },
  'updates.download': async (_i, { ctx }) => {
    const c = ctx();
    const r = await c.updates.download();
    if (r.outcome === 'refused') await audit(c, 'updates.refused', { step: 'download', reason: r.messageKey });
    if (r.outcome === 'downloaded') await audit(c, 'updates.downloaded', { version: r.release.version });
    return r;
  },
  'updates.install': async ({ when }, { ctx }) => {
    const c = ctx();
    c.updates.requireInstallable();
    // a verified copy of the station before anything of the program changes
    const { copy } = await c.backups.now();
    await audit(c, 'updates.install', { when, version: c.updates.status().available?.version, copy: copy.fileName });
    if (when === 'atQuit') {
      c.updates.installWhenClosing();
    } else {
      // the record is in the database before the installer runs and the program closes
      await commitNow(c);
      c.updates.installNow();
    }
    return { when, copy: copy.fileName };
  },
};
