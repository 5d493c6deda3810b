import dayjs from 'dayjs';
import { AppError, inGroup, type BackupCopy, type CallsOf, type DueItem } from '../../../../shared/api';
import type { openCopySchema } from '../../../../shared/api/backup';
import type { z } from 'zod';
import type { CopySecret } from '../../restore';
import type { HandlerEnv } from '../../context';
import type { BackupInfo } from '../../store/backup';
import type { Ctx } from '../../context';
import { change } from '../../change';
import type { BackendModule, Handlers } from '../module';

/** A copy as the screens see it: no hashes, no paths beyond its folder's. */
const row = (c: BackupInfo): BackupCopy => ({
  fileName: c.fileName,
  kind: c.kind,
  createdAt: c.createdAt,
  bytes: c.bytes,
  intact: c.intact,
  station: c.station,
  counts: c.counts,
});

/** (ours) A week without a copy outside the data folder: one dead disk would take everything. */
export const OFFSITE_DAYS = 7;

async function offsiteCopyDue(ctx: Ctx, date: string): Promise<DueItem[]> {
  if (!inGroup('stationAdmins', ctx.user.role)) return [];
  const last = ctx.backups.lastOutside();
  // with no copy outside yet, the week counts from the station's first copy
  const since = last ?? ctx.backups.list().at(-1)?.createdAt ?? ctx.now.toISOString();
  const due = dayjs(since).add(OFFSITE_DAYS, 'day').format('YYYY-MM-DD');
  if (date <= due) return [];
  return [
    {
      ruleId: 'backup.offsite',
      paragraph: 'ours',
      titleKey: last ? 'today.rules.backupOffsite' : 'today.rules.backupNoFolder',
      params: { days: dayjs(date).diff(dayjs(since).format('YYYY-MM-DD'), 'day') },
      due,
      overdue: true,
      link: '/station',
    },
  ];
}

/** Locked, the copy's secret is the key; with a session open, restoring is the station administrators' (ours). */
function mayRestore({ lifecycle }: HandlerEnv): void {
  const s = lifecycle.session;
  if (s && !inGroup('stationAdmins', s.role)) throw new AppError('FORBIDDEN', 'errors.forbidden');
}
const secretOf = (i: z.output<typeof openCopySchema>): CopySecret =>
  i.by === 'code' ? { recoveryCode: i.recoveryCode } : { login: i.login, password: i.password };
const previewRow = ({ file, createdAt, station, schemaVersion, counts }: CopyPreviewFacts) => ({
  file,
  createdAt,
  station,
  schemaVersion,
  counts,
});
type CopyPreviewFacts = Awaited<ReturnType<HandlerEnv['lifecycle']['restoreCopy']>>;

const backupHandlers: Handlers<CallsOf<'backup'>> = {
  'backup.list': async (_i, { ctx }) => {
    const c = ctx();
    const b = c.backups;
    const rotated = await c.db
      .selectFrom('audit_log')
      .select('at')
      .where('action', '=', 'keyring.rotate')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return {
      home: b.list().map(row),
      destinations: b.destinations().map((d) => ({ ...d, copies: d.copies.map(row) })),
      lastOutside: b.lastOutside(),
      lastKeyChange: rotated?.at ?? null,
    };
  },
  'backup.deleteBefore': async ({ before }, { ctx }) => {
    const c = ctx();
    const at = new Date(before).toISOString();
    const r = await c.backups.deleteBefore(at);
    await change(c, (tx) =>
      tx.audit({
        action: 'backup.delete',
        entity: 'station',
        entityId: 1,
        after: { before: at, ...r, made: !!r.made },
      }),
    );
    return { removed: r.removed, missed: r.missed, made: r.made && row(r.made) };
  },
  'backup.now': async (_i, { ctx }) => {
    const r = await ctx().backups.now();
    return { copy: row(r.copy), missed: r.missed };
  },
  'backup.progress': async (_i, { ctx }) => ctx().backups.progress(),
  'backup.setFolders': async ({ folders }, { ctx }) => {
    const c = ctx();
    return change(c, async (tx) => {
      const before = c.backups.destinations().map((d) => d.folder);
      const after = c.backups.setFolders(folders);
      await tx.audit({ action: 'backup.folders', entity: 'station', entityId: 1, before, after });
      return { folders: after };
    });
  },
  'backup.candidates': async ({ folder }, env) => {
    mayRestore(env);
    return env.lifecycle.copiesToRestore(folder).map((c) => ({ ...row(c), file: c.file, folder: c.folder }));
  },
  'backup.inspect': async (i, env) => {
    mayRestore(env);
    return previewRow(env.lifecycle.inspectCopy(i.file, secretOf(i)));
  },
  'backup.restore': async (i, env) => {
    mayRestore(env);
    return previewRow(await env.lifecycle.restoreCopy(i.file, secretOf(i)));
  },
  'backup.putBackKeyring': async (i, env) => {
    await env.lifecycle.putBackKeyring(i.file, secretOf(i));
    return { ok: true as const };
  },
};

/**
 * Encrypted copies of the database: when and where they go is the backend's (electron/backend/backups.ts), the files
 * themselves the store's (electron/backend/store/backup.ts).
 */
export const backupModule: BackendModule<'backup'> = {
  handlers: backupHandlers,
  deadlines: { 'backup.offsite': offsiteCopyDue },
};
