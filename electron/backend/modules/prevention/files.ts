import crypto from 'node:crypto';
/** Person files (p.11, p.12): reading, the list, placing on record, changes, supervision, removal. */
import { sql, type Transaction } from 'kysely';
import dayjs from 'dayjs';
import { inGroup, AppError } from '../../../../shared/api';
import type { Category, PersonFile, PersonFileRow } from '../../../../shared/api/prevention';
import { fullName } from '../../../../shared/format';
import { foldName } from '../../../../shared/search/fold';
import { personMatches } from '../../store/nameSearch';
import type { DB, PersonFilesTable } from '../../store/schema';
import type { Ctx, Db } from '../../context';
import { requireDrawableImage } from '../../documents/print';
import { change } from '../../change';
import { changes } from '../audit/service';
import { staffNames } from '../users/names';
import { correctCitizen, getCitizen, linkCitizen } from '../citizens/service';
import { type FileInput, type ListFilter, accessRows, accessible, fileRow, requireOpen, scopeOf } from './access';
import { requestDue } from '../../../../shared/rules/prevention';

// ---- reading

export const personName = (c: { surname: string; name: string; patronymic: string }) => fullName(c);

/** Each file's paper: out of the safe since when (the last movement is a taking out). */
export async function outSince(db: Db, fileIds: number[]): Promise<Map<number, string>> {
  if (fileIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('custody_log as c')
    .select(['c.file_id', 'c.action', 'c.at'])
    .where('c.id', 'in', (eb) =>
      eb
        .selectFrom('custody_log')
        .select((e) => e.fn.max('id').as('m'))
        .where('file_id', 'in', fileIds)
        .groupBy('file_id'),
    )
    .execute();
  return new Map(rows.filter((r) => r.action === 'out').map((r) => [r.file_id, r.at]));
}

export async function getFile(db: Db, id: number): Promise<PersonFile> {
  const r = await db
    .selectFrom('person_files as f')
    .innerJoin('sections as s', 's.id', 'f.section_id')
    .leftJoin('safes as k', 'k.id', 'f.safe_id')
    .selectAll('f')
    .select(['s.number as section_number', 'k.name as safe_name'])
    .where('f.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
  const citizen = (await getCitizen(db, r.citizen_id))!;
  const supervision = await db
    .selectFrom('supervision_records')
    .selectAll()
    .where('file_id', '=', id)
    .orderBy(sql`coalesce(done_at, planned_for)`, 'desc')
    .orderBy('id', 'desc')
    .execute();
  const custody = await db
    .selectFrom('custody_log')
    .select(['id', 'action', 'at', 'reason', 'person_id', 'recorded_by'])
    .where('file_id', '=', id)
    .orderBy('id', 'desc')
    .execute();
  const staff = await staffNames(db);
  const access = await accessRows(db, id);
  const out = custody[0]?.action === 'out' ? custody[0].at : null;
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    citizen,
    categories: JSON.parse(r.categories) as Category[],
    groundsBody: r.grounds_body,
    groundsNumber: r.grounds_number,
    groundsDate: r.grounds_date,
    restrictions: r.restrictions,
    obligations: r.obligations,
    startDate: r.start_date,
    plannedEnd: r.planned_end,
    sectionId: r.section_id,
    sectionNumber: r.section_number,
    inspectorId: r.inspector_id,
    inspector: staff.short(r.inspector_id),
    actualAddress: r.actual_address,
    phones: r.phones,
    relations: JSON.parse(r.relations_json),
    notes: r.notes,
    custodyPlace: r.custody_place,
    safeId: r.safe_id,
    safeName: r.safe_name ?? '',
    shelf: r.shelf,
    controllingInspector: r.controlling_inspector,
    photo: r.photo,
    outSince: out,
    departedAt: r.departed_at,
    moveKind: r.move_kind,
    newAddress: r.new_address,
    newBody: r.new_body,
    requestSentAt: r.request_sent_at,
    requestNumber: r.request_number,
    requestDue: r.departed_at ? requestDue(r.departed_at) : null,
    confirmedOn: r.confirmed_on,
    confirmationRef: r.confirmation_ref,
    materialsSentAt: r.materials_sent_at,
    materialsList: r.materials_list,
    coveringNumber: r.covering_number,
    removedOn: r.removed_on,
    removalGrounds: r.removal_grounds,
    removalReason: r.removal_reason,
    importedFrom: r.imported_from,
    createdAt: r.created_at,
    placedBy: staff.short(r.created_by),
    placedBySupervisor: staff.supervisor(r.created_by),
    supervision: supervision.map((v) => ({
      id: v.id,
      kind: v.kind,
      plannedFor: v.planned_for,
      doneAt: v.done_at,
      by: staff.short(v.by_user_id) || v.by_name,
      text: v.text,
      violation: v.violation === 1,
      violationText: v.violation_text,
      measures: v.measures,
      recordedAt: v.recorded_at,
    })),
    custody: custody.map((c) => ({
      id: c.id,
      action: c.action,
      at: c.at,
      person: staff.short(c.person_id),
      reason: c.reason,
      recordedBy: staff.short(c.recorded_by),
    })),
    access,
  };
}

export async function listFiles(ctx: Ctx, f: ListFilter): Promise<PersonFileRow[]> {
  const scope = await scopeOf(ctx);
  if (!scope.all && scope.userId < 0) return [];
  let q = ctx.db
    .selectFrom('person_files as f')
    .innerJoin('citizens as c', 'c.id', 'f.citizen_id')
    .innerJoin('sections as s', 's.id', 'f.section_id')
    .select([
      'f.id',
      'f.number',
      'f.status',
      'f.categories',
      'f.section_id',
      'f.inspector_id',
      's.number as section_number',
      'c.surname',
      'c.name',
      'c.patronymic',
      'c.birth_date',
      'c.iin',
      sql<
        string | null
      >`(SELECT min(v.planned_for) FROM supervision_records v WHERE v.file_id = f.id AND v.done_at IS NULL)`.as(
        'next_check',
      ),
    ]);
  if (!scope.all)
    q = q.where((eb) =>
      eb.or([
        eb('f.inspector_id', '=', scope.userId),
        ...(scope.sections.length ? [eb('f.section_id', 'in', scope.sections)] : []),
      ]),
    );
  if (f.inspectorId !== null) q = q.where('f.inspector_id', '=', f.inspectorId);
  if (f.sectionId !== null) q = q.where('f.section_id', '=', f.sectionId);
  if (f.status !== null) q = q.where('f.status', '=', f.status);
  if (foldName(f.text.trim())) q = q.where(personMatches('c', f.text));
  const rows = await q.orderBy('f.number', 'desc').execute();
  const out = await outSince(
    ctx.db,
    rows.map((r) => r.id),
  );
  const staff = await staffNames(ctx.db);
  return rows
    .map((r) => ({
      id: r.id,
      number: r.number,
      person: personName(r),
      birthDate: r.birth_date,
      categories: JSON.parse(r.categories) as Category[],
      status: r.status,
      sectionId: r.section_id,
      sectionNumber: r.section_number,
      inspector: staff.short(r.inspector_id),
      inspectorId: r.inspector_id,
      outSince: out.get(r.id) ?? null,
      nextCheck: r.next_check,
      iin: r.iin,
    }))
    .filter((r) => f.category === null || r.categories.includes(f.category))
    .filter((r) => f.checksDueBy === null || (r.nextCheck !== null && r.nextCheck <= f.checksDueBy))
    .map(({ iin: _iin, ...row }) => row);
}

// ---- writing

type FileValues = Omit<
  PersonFilesTable,
  | 'id'
  | 'number'
  | 'status'
  | 'citizen_id'
  | 'created_by'
  | 'created_at'
  | 'updated_at'
  | 'departed_at'
  | 'move_kind'
  | 'new_address'
  | 'new_body'
  | 'request_sent_at'
  | 'request_number'
  | 'confirmed_on'
  | 'confirmation_ref'
  | 'materials_sent_at'
  | 'materials_list'
  | 'covering_number'
  | 'removed_on'
  | 'removal_grounds'
  | 'removal_reason'
  | 'imported_from'
>;

/** Checks what the input refers to (section, inspector, safe) and that the caller works that section. */
export async function fileValues(ctx: Ctx, trx: Transaction<DB>, f: Omit<FileInput, 'citizen'>): Promise<FileValues> {
  const fieldError = (path: string, key: string) =>
    new AppError('VALIDATION', key, undefined, [{ path, messageKey: key }]);
  const section = await trx
    .selectFrom('sections')
    .select(['id', 'active'])
    .where('id', '=', f.sectionId)
    .executeTakeFirst();
  if (!section || section.active !== 1) throw fieldError('sectionId', 'errors.notFound');
  const scope = await scopeOf(ctx, trx);
  if (!scope.all && !scope.sections.includes(f.sectionId)) throw new AppError('FORBIDDEN', 'prevention.notYourSection');
  const insp = await trx
    .selectFrom('users')
    .select(['role', 'active'])
    .where('id', '=', f.inspectorId)
    .executeTakeFirst();
  if (!insp || insp.active !== 1 || !inGroup('inspectors', insp.role))
    throw fieldError('inspectorId', 'prevention.notAnInspector');
  if (f.custodyPlace === 'safe') {
    const safe = await trx.selectFrom('safes').select(['active']).where('id', '=', f.safeId!).executeTakeFirst();
    if (!safe || safe.active !== 1) throw fieldError('safeId', 'errors.notFound');
  }
  return {
    categories: JSON.stringify([...new Set(f.categories)].sort()),
    grounds_body: f.groundsBody,
    grounds_number: f.groundsNumber,
    grounds_date: f.groundsDate,
    restrictions: f.restrictions,
    obligations: f.obligations,
    start_date: f.startDate,
    planned_end: f.plannedEnd,
    section_id: f.sectionId,
    inspector_id: f.inspectorId,
    actual_address: f.actualAddress,
    phones: f.phones,
    relations_json: JSON.stringify(f.relations),
    notes: f.notes,
    custody_place: f.custodyPlace,
    safe_id: f.custodyPlace === 'safe' ? f.safeId : null,
    shelf: f.custodyPlace === 'safe' ? f.shelf : '',
    controlling_inspector: f.custodyPlace === 'policeBody' ? f.controllingInspector : '',
    photo: f.photo,
  };
}

export async function nextNumber(trx: Transaction<DB>): Promise<number> {
  const { n } = await trx
    .selectFrom('person_files')
    .select((eb) => eb.fn.coalesce(eb.fn.max('number'), sql<number>`0`).as('n'))
    .executeTakeFirstOrThrow();
  return Number(n) + 1;
}

export async function refuseSecondFile(trx: Transaction<DB>, citizenId: number, except: number | null) {
  let q = trx
    .selectFrom('person_files')
    .select('number')
    .where('citizen_id', '=', citizenId)
    .where('status', 'in', ['active', 'moving']);
  if (except !== null) q = q.where('id', '!=', except);
  const other = await q.executeTakeFirst();
  if (other) throw new AppError('CONFLICT', 'prevention.alreadyOnRecord', { number: other.number });
}

/** p.11: placing a person on preventive record. */
export async function createFile(ctx: Ctx, input: FileInput): Promise<PersonFile> {
  await requireDrawableImage(ctx, input.photo, 'photo');
  return change(ctx, async (tx) => {
    const values = await fileValues(ctx, tx.db, input);
    const citizen = await linkCitizen(tx, input.citizen);
    await refuseSecondFile(tx.db, citizen.id, null);
    const at = ctx.now.toISOString();
    const { id } = await tx.db
      .insertInto('person_files')
      .values({
        ...values,
        number: await nextNumber(tx.db),
        status: 'active',
        citizen_id: citizen.id,
        created_by: ctx.user.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const file = await getFile(tx.db, id);
    await tx.audit({
      action: 'prevention.create',
      entity: 'person_file',
      entityId: id,
      after: auditView(file),
    });
    return file;
  });
}

/** The audit keeps the file's own fields; its logs are audited row by row. */
/** A file as the audit keeps it: its own fields, the photo by its digest (the picture itself is in the record). */
export const auditView = ({ supervision: _s, custody: _c, access: _a, photo, ...f }: PersonFile) => ({
  ...f,
  photo: photo === null ? null : `sha256:${crypto.createHash('sha256').update(photo).digest('hex')}`,
});

export async function updateFile(ctx: Ctx, id: number, input: FileInput): Promise<PersonFile> {
  await requireDrawableImage(ctx, input.photo, 'photo');
  return change(ctx, async (tx) => {
    const row = await accessible(ctx, tx.db, id);
    requireOpen(row);
    const before = await getFile(tx.db, id);
    const values = await fileValues(ctx, tx.db, input);
    // the file's own person, corrected by the file's writer
    const { citizen } = await correctCitizen(tx, row.citizen_id, input.citizen, `person_file:${row.number}`);
    await refuseSecondFile(tx.db, citizen.id, id);
    await tx.db
      .updateTable('person_files')
      .set({ ...values, citizen_id: citizen.id, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    const after = await getFile(tx.db, id);
    await tx.audit({
      action: 'prevention.update',
      entity: 'person_file',
      entityId: id,
      ...changes(auditView(before), auditView(after)),
    });
    return after;
  });
}

/** One step on an open file: access checked, the change and its audit in one transaction. */
export async function step(
  ctx: Ctx,
  id: number,
  action: string,
  run: (trx: Transaction<DB>, row: Awaited<ReturnType<typeof fileRow>>) => Promise<void>,
): Promise<PersonFile> {
  return change(ctx, async (tx) => {
    const row = await accessible(ctx, tx.db, id);
    requireOpen(row);
    const before = await getFile(tx.db, id);
    await run(tx.db, row);
    await tx.db.updateTable('person_files').set({ updated_at: ctx.now.toISOString() }).where('id', '=', id).execute();
    const after = await getFile(tx.db, id);
    await tx.audit({
      action,
      entity: 'person_file',
      entityId: id,
      ...changes(auditView(before), auditView(after)),
    });
    return after;
  });
}

export interface SupervisionInput {
  kind: 'visit' | 'check' | 'conversation' | 'other';
  plannedFor: string | null;
  doneAt: string | null;
  text: string;
  violation: boolean;
  violationText: string;
  measures: string;
  fulfilsId: number | null;
}

/** p.12: systematic observation — planned checks and what was found. */
export function addSupervision(ctx: Ctx, id: number, s: SupervisionInput): Promise<PersonFile> {
  return step(ctx, id, 'prevention.supervision', async (trx) => {
    if (s.doneAt !== null && s.doneAt > dayjs(ctx.now).format('YYYY-MM-DDTHH:mm')) {
      throw new AppError('VALIDATION', 'prevention.doneInFuture', undefined, [
        { path: 'doneAt', messageKey: 'prevention.doneInFuture' },
      ]);
    }
    const values = {
      kind: s.kind,
      done_at: s.doneAt,
      by_user_id: s.doneAt ? ctx.user.id : null,
      text: s.text,
      violation: s.violation ? 1 : 0,
      violation_text: s.violation ? s.violationText : '',
      measures: s.measures,
    };
    if (s.fulfilsId !== null) {
      const planned = await trx
        .selectFrom('supervision_records')
        .select(['file_id', 'done_at'])
        .where('id', '=', s.fulfilsId)
        .executeTakeFirst();
      if (!planned || planned.file_id !== id || planned.done_at !== null || s.doneAt === null)
        throw new AppError('CONFLICT', 'prevention.notPlanned');
      await trx.updateTable('supervision_records').set(values).where('id', '=', s.fulfilsId).execute();
    } else {
      await trx
        .insertInto('supervision_records')
        .values({
          ...values,
          file_id: id,
          planned_for: s.plannedFor,
          recorded_by: ctx.user.id,
          recorded_at: ctx.now.toISOString(),
        })
        .execute();
    }
  });
}

/**
 * Removal from the record (p.11 gives no procedure for it; the grounds come from other law); the file stays readable as
 * closed.
 */
export function removeFromRecord(
  ctx: Ctx,
  id: number,
  r: { removedOn: string; removalGrounds: string; removalReason: string },
): Promise<PersonFile> {
  return step(ctx, id, 'prevention.remove', async (trx, row) => {
    if (r.removedOn < row.start_date)
      throw new AppError('VALIDATION', 'prevention.removedBeforeStart', undefined, [
        { path: 'removedOn', messageKey: 'prevention.removedBeforeStart' },
      ]);
    if (r.removedOn > dayjs(ctx.now).format('YYYY-MM-DD'))
      throw new AppError('VALIDATION', 'prevention.removedInFuture', undefined, [
        { path: 'removedOn', messageKey: 'prevention.removedInFuture' },
      ]);
    await trx
      .updateTable('person_files')
      .set({
        status: 'removed',
        removed_on: r.removedOn,
        removal_grounds: r.removalGrounds,
        removal_reason: r.removalReason,
      })
      .where('id', '=', id)
      .execute();
  });
}
