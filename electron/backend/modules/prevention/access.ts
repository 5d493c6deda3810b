/** Person files, access (p.15, p.16, p.6): who may read a file, and the record of every reading. */
import type { z } from 'zod';
import { AppError, canCall } from '../../../../shared/api';
import type { PersonFile, fileInputSchema, listFilterSchema, purposeSchema } from '../../../../shared/api/prevention';

import type { Ctx, Db } from '../../context';
import { atomically } from '../../change';
import { sectionScope } from '../staff/service';
import { getFile } from './files';
import { staffNames } from '../users/names';
import { receptionLines } from '../reception/lines';

export type FileInput = z.output<typeof fileInputSchema>;
export type ListFilter = z.output<typeof listFilterSchema>;
export type PurposeInput = z.output<typeof purposeSchema>;

const CLOSED = ['transferred', 'removed'];

// ---- access (p.15): the responsible inspector, those working the section (incl. cover, p.6), the UPP lead, chiefs

interface Scope {
  all: boolean;
  sections: number[];
  userId: number;
}

/** The section scope, plus the responsible inspector's own files; roles without sections see none. */
export async function scopeOf(ctx: Ctx, db: Db = ctx.db): Promise<Scope> {
  return fileScope(ctx, await sectionScope(ctx, db));
}

/** The same, from a section scope the caller already has (the search asks it once for every kind). */
export function fileScope(ctx: Pick<Ctx, 'user'>, sections: 'all' | number[]): Scope {
  if (sections === 'all') return { all: true, sections: [], userId: ctx.user.id };
  return { all: false, sections, userId: ['inspector', 'assistant'].includes(ctx.user.role) ? ctx.user.id : -1 };
}

export const inScope = (s: Scope, f: { section_id: number; inspector_id: number }) =>
  s.all || f.inspector_id === s.userId || s.sections.includes(f.section_id);

export async function fileRow(db: Db, id: number) {
  const r = await db.selectFrom('person_files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
  return r;
}

/** The file's row, after checking the caller may work with it. */
export async function accessible(ctx: Ctx, db: Db, id: number) {
  const r = await fileRow(db, id);
  if (!inScope(await scopeOf(ctx, db), r)) throw new AppError('FORBIDDEN', 'errors.forbidden');
  return r;
}

export function requireOpen(r: { status: string }) {
  if (CLOSED.includes(r.status)) throw new AppError('CONFLICT', 'prevention.closed');
}

export async function accessRows(db: Db, id: number) {
  const rows = await db
    .selectFrom('person_file_access')
    .select(['at', 'action', 'purpose', 'purpose_text', 'user_id'])
    .where('file_id', '=', id)
    .orderBy('id', 'desc')
    .limit(200)
    .execute();
  const staff = await staffNames(db);
  return rows.map((a) => ({
    at: a.at,
    user: staff.short(a.user_id),
    role: staff.role(a.user_id),
    action: a.action,
    purpose: a.purpose,
    purposeText: a.purpose_text,
  }));
}

/** The access history alone, for those who may open the file. */
export async function accessLog(ctx: Ctx, id: number) {
  await accessible(ctx, ctx.db, id);
  return accessRows(ctx.db, id);
}

/** The reception entries that name the file (issue 16): for one who may work with the file and read the journal. */
export async function fileReceptions(ctx: Ctx, id: number) {
  await accessible(ctx, ctx.db, id);
  if (!canCall(ctx.user.role, 'reception.get')) return [];
  return receptionLines(ctx.db, await staffNames(ctx.db), { personFileId: id });
}

/** p.15: every reading (opening, print, export) is logged with who, when and why. */
export async function logAccess(
  trx: Db,
  ctx: Ctx,
  fileId: number,
  action: 'open' | 'print' | 'export',
  p: PurposeInput,
): Promise<void> {
  await trx
    .insertInto('person_file_access')
    .values({
      file_id: fileId,
      user_id: ctx.user.id,
      at: ctx.now.toISOString(),
      action,
      purpose: p.purpose,
      purpose_text: p.purposeText,
    })
    .execute();
}

export async function openFile(
  ctx: Ctx,
  id: number,
  p: PurposeInput,
  action: 'open' | 'print' | 'export' = 'open',
): Promise<PersonFile> {
  return atomically(ctx, async (tx) => {
    await accessible(ctx, tx.db, id);
    await logAccess(tx.db, ctx, id, action, p);
    return getFile(tx.db, id);
  });
}
