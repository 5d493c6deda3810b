import { sql, type Transaction } from 'kysely';
import dayjs from 'dayjs';
import type { z } from 'zod';
import { inGroup, AppError, type DueItem } from '../../../../shared/api';
import type {
  Category,
  PersonFile,
  PersonFileRow,
  Safe,
  fileInputSchema,
  listFilterSchema,
  purposeSchema,
} from '../../../../shared/api/prevention';
import { fullName, shortName } from '../../../../shared/format';
import { foldName } from '../../../../shared/search/fold';
import { personMatches } from '../../store/nameSearch';
import type { DB, PersonFilesTable } from '../../store/schema';
import type { Ctx, Db } from '../../context';
import { atomically, change } from '../../change';
import { getCitizen, upsertCitizen } from '../citizens/service';
import { sectionScope } from '../staff/service';
import type { PackageContent } from './transferPackage';

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
async function scopeOf(ctx: Ctx, db: Db = ctx.db): Promise<Scope> {
  const sections = await sectionScope(ctx, db);
  if (sections === 'all') return { all: true, sections: [], userId: ctx.user.id };
  return { all: false, sections, userId: ['inspector', 'assistant'].includes(ctx.user.role) ? ctx.user.id : -1 };
}

const inScope = (s: Scope, f: { section_id: number; inspector_id: number }) =>
  s.all || f.inspector_id === s.userId || s.sections.includes(f.section_id);

async function fileRow(db: Db, id: number) {
  const r = await db.selectFrom('person_files').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
  return r;
}

/** The file's row, after checking the caller may work with it. */
async function accessible(ctx: Ctx, db: Db, id: number) {
  const r = await fileRow(db, id);
  if (!inScope(await scopeOf(ctx, db), r)) throw new AppError('FORBIDDEN', 'errors.forbidden');
  return r;
}

function requireOpen(r: { status: string }) {
  if (CLOSED.includes(r.status)) throw new AppError('CONFLICT', 'prevention.closed');
}

// ---- reading

const personName = (c: { surname: string; name: string; patronymic: string }) => fullName(c);

/** Each file's paper: out of the safe since when (the last movement is a taking out). */
async function outSince(db: Db, fileIds: number[]): Promise<Map<number, string>> {
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
    .innerJoin('users as u', 'u.id', 'f.inspector_id')
    .leftJoin('safes as k', 'k.id', 'f.safe_id')
    .selectAll('f')
    .select([
      's.number as section_number',
      'u.surname as u_surname',
      'u.name as u_name',
      'u.patronymic as u_patronymic',
      'k.name as safe_name',
    ])
    .where('f.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
  const citizen = (await getCitizen(db, r.citizen_id))!;
  const supervision = await db
    .selectFrom('supervision_records as v')
    .leftJoin('users as u', 'u.id', 'v.by_user_id')
    .selectAll('v')
    .select(['u.surname', 'u.name', 'u.patronymic'])
    .where('v.file_id', '=', id)
    .orderBy(sql`coalesce(v.done_at, v.planned_for)`, 'desc')
    .orderBy('v.id', 'desc')
    .execute();
  const custody = await db
    .selectFrom('custody_log as c')
    .innerJoin('users as p', 'p.id', 'c.person_id')
    .innerJoin('users as w', 'w.id', 'c.recorded_by')
    .select([
      'c.id',
      'c.action',
      'c.at',
      'c.reason',
      'p.surname as p_surname',
      'p.name as p_name',
      'p.patronymic as p_patronymic',
      'w.surname as w_surname',
      'w.name as w_name',
      'w.patronymic as w_patronymic',
    ])
    .where('c.file_id', '=', id)
    .orderBy('c.id', 'desc')
    .execute();
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
    inspector: shortName({ surname: r.u_surname, name: r.u_name, patronymic: r.u_patronymic }),
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
    supervision: supervision.map((v) => ({
      id: v.id,
      kind: v.kind,
      plannedFor: v.planned_for,
      doneAt: v.done_at,
      by: v.surname ? shortName({ surname: v.surname, name: v.name ?? '', patronymic: v.patronymic ?? '' }) : v.by_name,
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
      person: shortName({ surname: c.p_surname, name: c.p_name, patronymic: c.p_patronymic }),
      reason: c.reason,
      recordedBy: shortName({ surname: c.w_surname, name: c.w_name, patronymic: c.w_patronymic }),
    })),
    access,
  };
}

async function accessRows(db: Db, id: number) {
  const rows = await db
    .selectFrom('person_file_access as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.at', 'a.action', 'a.purpose', 'a.purpose_text', 'u.surname', 'u.name', 'u.patronymic', 'u.role'])
    .where('a.file_id', '=', id)
    .orderBy('a.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((a) => ({
    at: a.at,
    user: shortName(a),
    role: a.role,
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

/** p.14: "үш тәулік" — three 24-hour periods from the departure, not from when the station learns of it. */
export const requestDue = (departedAt: string) => dayjs(departedAt).add(72, 'hour').format('YYYY-MM-DDTHH:mm');

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

export async function listFiles(ctx: Ctx, f: ListFilter): Promise<PersonFileRow[]> {
  const scope = await scopeOf(ctx);
  if (!scope.all && scope.userId < 0) return [];
  let q = ctx.db
    .selectFrom('person_files as f')
    .innerJoin('citizens as c', 'c.id', 'f.citizen_id')
    .innerJoin('sections as s', 's.id', 'f.section_id')
    .innerJoin('users as u', 'u.id', 'f.inspector_id')
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
      'u.surname as u_surname',
      'u.name as u_name',
      'u.patronymic as u_patronymic',
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
      inspector: shortName({ surname: r.u_surname, name: r.u_name, patronymic: r.u_patronymic }),
      inspectorId: r.inspector_id,
      outSince: out.get(r.id) ?? null,
      nextCheck: r.next_check,
      iin: r.iin,
    }))
    .filter((r) => f.category === null || r.categories.includes(f.category))
    .filter((r) => f.checksDueBy === null || (r.nextCheck !== null && r.nextCheck <= f.checksDueBy))
    .map(({ iin: _iin, ...row }) => row);
}

// ---- safes (p.13)

export async function listSafes(db: Db): Promise<Safe[]> {
  const rows = await db
    .selectFrom('safes as k')
    .select([
      'k.id',
      'k.name',
      'k.location',
      'k.active',
      sql<number>`(SELECT count(*) FROM person_files f WHERE f.safe_id = k.id AND f.custody_place = 'safe' AND f.status IN ('active','moving'))`.as(
        'files',
      ),
    ])
    .orderBy('k.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    location: r.location,
    active: r.active === 1,
    files: Number(r.files),
  }));
}

export async function saveSafe(
  ctx: Ctx,
  s: { id: number | null; name: string; location: string; active: boolean },
): Promise<Safe[]> {
  return change(ctx, async (tx) => {
    const clash = await tx.db.selectFrom('safes').select('id').where('name', '=', s.name).executeTakeFirst();
    if (clash && clash.id !== s.id)
      throw new AppError('CONFLICT', 'prevention.safeNameTaken', undefined, [
        { path: 'name', messageKey: 'prevention.safeNameTaken' },
      ]);
    const values = { name: s.name, location: s.location, active: s.active ? 1 : 0 };
    if (s.id === null) {
      const { id } = await tx.db.insertInto('safes').values(values).returning('id').executeTakeFirstOrThrow();
      await tx.audit({
        action: 'prevention.addSafe',
        entity: 'safe',
        entityId: id,
        after: values,
      });
    } else {
      const before = await tx.db.selectFrom('safes').selectAll().where('id', '=', s.id).executeTakeFirst();
      if (!before) throw new AppError('NOT_FOUND', 'errors.notFound');
      if (!s.active && (await listSafes(tx.db)).find((x) => x.id === s.id)!.files > 0)
        throw new AppError('CONFLICT', 'prevention.safeNotEmpty');
      await tx.db.updateTable('safes').set(values).where('id', '=', s.id).execute();
      await tx.audit({
        action: 'prevention.updateSafe',
        entity: 'safe',
        entityId: s.id,
        before,
        after: values,
      });
    }
    return listSafes(tx.db);
  });
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
async function fileValues(ctx: Ctx, trx: Transaction<DB>, f: Omit<FileInput, 'citizen'>): Promise<FileValues> {
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
  if (!insp || insp.active !== 1 || !inGroup('deciders', insp.role))
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

async function nextNumber(trx: Transaction<DB>): Promise<number> {
  const { n } = await trx
    .selectFrom('person_files')
    .select((eb) => eb.fn.coalesce(eb.fn.max('number'), sql<number>`0`).as('n'))
    .executeTakeFirstOrThrow();
  return Number(n) + 1;
}

async function refuseSecondFile(trx: Transaction<DB>, citizenId: number, except: number | null) {
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
  return change(ctx, async (tx) => {
    const values = await fileValues(ctx, tx.db, input);
    const citizen = await upsertCitizen(tx, input.citizen);
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
const auditView = ({ supervision: _s, custody: _c, access: _a, ...f }: PersonFile) => f;

export async function updateFile(ctx: Ctx, id: number, input: FileInput): Promise<PersonFile> {
  return change(ctx, async (tx) => {
    const row = await accessible(ctx, tx.db, id);
    requireOpen(row);
    const before = await getFile(tx.db, id);
    const values = await fileValues(ctx, tx.db, input);
    const citizen = await upsertCitizen(tx, { ...input.citizen, id: row.citizen_id });
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
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** One step on an open file: access checked, the change and its audit in one transaction. */
async function step(
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
      before: auditView(before),
      after: auditView(after),
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

/** p.13: every taking out and returning of the paper file. */
export function moveCustody(
  ctx: Ctx,
  id: number,
  action: 'out' | 'in',
  personId: number,
  reason: string,
): Promise<PersonFile> {
  return step(ctx, id, `prevention.custody.${action}`, async (trx) => {
    const person = await trx
      .selectFrom('users')
      .select(['active', 'role'])
      .where('id', '=', personId)
      .executeTakeFirst();
    if (!person || person.active !== 1 || ['admin', 'dutyOfficer'].includes(person.role)) {
      throw new AppError('VALIDATION', 'prevention.notAllowedPerson', undefined, [
        { path: 'personId', messageKey: 'prevention.notAllowedPerson' },
      ]);
    }
    const isOut = (await outSince(trx, [id])).has(id);
    if (action === 'out' && isOut) throw new AppError('CONFLICT', 'prevention.alreadyOut');
    if (action === 'in' && !isOut) throw new AppError('CONFLICT', 'prevention.notOut');
    await trx
      .insertInto('custody_log')
      .values({ file_id: id, action, at: ctx.now.toISOString(), person_id: personId, reason, recorded_by: ctx.user.id })
      .execute();
  });
}

// ---- p.14: moving away

export function recordDeparture(
  ctx: Ctx,
  id: number,
  d: { departedAt: string; moveKind: 'district' | 'region'; newAddress: string; newBody: string },
): Promise<PersonFile> {
  return step(ctx, id, 'prevention.departure', async (trx, row) => {
    if (row.status !== 'active') throw new AppError('CONFLICT', 'prevention.alreadyMoving');
    if (d.departedAt > dayjs(ctx.now).format('YYYY-MM-DDTHH:mm'))
      throw new AppError('VALIDATION', 'prevention.departureFuture', undefined, [
        { path: 'departedAt', messageKey: 'prevention.departureFuture' },
      ]);
    await trx
      .updateTable('person_files')
      .set({
        status: 'moving',
        departed_at: d.departedAt,
        move_kind: d.moveKind,
        new_address: d.newAddress,
        new_body: d.newBody,
      })
      .where('id', '=', id)
      .execute();
  });
}

export function recordRequest(ctx: Ctx, id: number, sentAt: string, requestNumber: string): Promise<PersonFile> {
  return step(ctx, id, 'prevention.request', async (trx, row) => {
    if (row.status !== 'moving') throw new AppError('CONFLICT', 'prevention.noDeparture');
    if (row.request_sent_at) throw new AppError('CONFLICT', 'prevention.requestAlreadySent');
    if (sentAt < row.departed_at! || sentAt > dayjs(ctx.now).format('YYYY-MM-DDTHH:mm'))
      throw new AppError('VALIDATION', 'prevention.requestDate', undefined, [
        { path: 'sentAt', messageKey: 'prevention.requestDate' },
      ]);
    await trx
      .updateTable('person_files')
      .set({ request_sent_at: sentAt, request_number: requestNumber })
      .where('id', '=', id)
      .execute();
  });
}

export function recordConfirmation(ctx: Ctx, id: number, confirmedOn: string, ref: string): Promise<PersonFile> {
  return step(ctx, id, 'prevention.confirmation', async (trx, row) => {
    if (row.status !== 'moving' || !row.request_sent_at) throw new AppError('CONFLICT', 'prevention.requestFirst');
    if (row.confirmed_on) throw new AppError('CONFLICT', 'prevention.alreadyConfirmed');
    if (confirmedOn < row.request_sent_at.slice(0, 10))
      throw new AppError('VALIDATION', 'prevention.confirmationDate', undefined, [
        { path: 'confirmedOn', messageKey: 'prevention.confirmationDate' },
      ]);
    await trx
      .updateTable('person_files')
      .set({ confirmed_on: confirmedOn, confirmation_ref: ref })
      .where('id', '=', id)
      .execute();
  });
}

/**
 * p.14: the materials go only after the arrival is confirmed; the paper leaves the safe for good and the file closes
 * here.
 */
export function sendMaterials(
  ctx: Ctx,
  id: number,
  materialsList: string,
  coveringNumber: string,
): Promise<PersonFile> {
  return step(ctx, id, 'prevention.materialsSent', async (trx, row) => {
    if (row.status !== 'moving' || !row.confirmed_on) throw new AppError('CONFLICT', 'prevention.notConfirmed');
    if ((await outSince(trx, [id])).has(id)) throw new AppError('CONFLICT', 'prevention.paperOut');
    const at = ctx.now.toISOString();
    await trx
      .updateTable('person_files')
      .set({
        status: 'transferred',
        materials_sent_at: at,
        materials_list: materialsList,
        covering_number: coveringNumber,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('custody_log')
      .values({
        file_id: id,
        action: 'sent',
        at,
        person_id: ctx.user.id,
        reason: coveringNumber,
        recorded_by: ctx.user.id,
      })
      .execute();
  });
}

/** Removal from the record (the grounds come from other law, RULES §8 item 12); the file stays readable as closed. */
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

// ---- Today

async function scopedOpenFiles(ctx: Ctx) {
  const scope = await scopeOf(ctx);
  if (!scope.all && scope.userId < 0) return [];
  const rows = await ctx.db
    .selectFrom('person_files as f')
    .innerJoin('citizens as c', 'c.id', 'f.citizen_id')
    .select([
      'f.id',
      'f.number',
      'f.section_id',
      'f.inspector_id',
      'f.status',
      'f.departed_at',
      'f.request_sent_at',
      'f.confirmed_on',
      'c.surname',
      'c.name',
      'c.patronymic',
    ])
    .where('f.status', 'in', ['active', 'moving'])
    .execute();
  return rows.filter((r) => inScope(scope, r));
}

/**
 * p.14: the request to the police body at the new address within 72 hours of the departure; ours: the materials once
 * confirmed.
 */
export async function dueTransfers(ctx: Ctx, date: string): Promise<DueItem[]> {
  const now = dayjs(ctx.now);
  return (await scopedOpenFiles(ctx))
    .filter((f) => f.status === 'moving' && (!f.request_sent_at || f.confirmed_on))
    .map((f): DueItem => {
      const person = shortName(f);
      if (f.confirmed_on) {
        return {
          ruleId: 'prevention.materials',
          paragraph: '14',
          titleKey: 'today.rules.sendMaterials',
          params: { number: f.number, person },
          due: f.confirmed_on,
          overdue: f.confirmed_on < date,
          link: `/prevention/${f.id}`,
        };
      }
      const due = dayjs(requestDue(f.departed_at!));
      return {
        ruleId: 'prevention.request',
        paragraph: '14',
        titleKey: 'today.rules.transferRequest',
        params: { number: f.number, person, deadline: due.format('DD.MM.YYYY HH:mm') },
        due: due.format('YYYY-MM-DD'),
        overdue: now.isAfter(due),
        link: `/prevention/${f.id}`,
      };
    });
}

/** p.12: planned checks due within three days or overdue. */
export async function dueChecks(ctx: Ctx, date: string): Promise<DueItem[]> {
  const files = new Map((await scopedOpenFiles(ctx)).map((f) => [f.id, f]));
  if (files.size === 0) return [];
  const rows = await ctx.db
    .selectFrom('supervision_records')
    .select(['file_id', 'planned_for', 'kind'])
    .where('done_at', 'is', null)
    .where('planned_for', '<=', dayjs(date).add(3, 'day').format('YYYY-MM-DD'))
    .where('file_id', 'in', [...files.keys()])
    .execute();
  return rows.map((r) => {
    const f = files.get(r.file_id)!;
    return {
      ruleId: 'prevention.check',
      paragraph: '12',
      titleKey: 'today.rules.supervisionCheck',
      params: { number: f.number, person: shortName(f), kind: r.kind },
      due: r.planned_for!,
      overdue: r.planned_for! < date,
      link: `/prevention/${f.id}`,
    };
  });
}

/** p.13: a paper file out of the safe; overdue once the day it was taken out has ended. */
export async function filesOut(ctx: Ctx, date: string): Promise<DueItem[]> {
  const files = await scopedOpenFiles(ctx);
  const out = await outSince(
    ctx.db,
    files.map((f) => f.id),
  );
  return files
    .filter((f) => out.has(f.id))
    .map((f) => {
      const since = dayjs(out.get(f.id)!);
      return {
        ruleId: 'prevention.out',
        paragraph: '13',
        titleKey: 'today.rules.fileOut',
        params: { number: f.number, person: shortName(f), since: since.format('DD.MM.YYYY HH:mm') },
        due: since.format('YYYY-MM-DD'),
        overdue: since.format('YYYY-MM-DD') < date,
        link: `/prevention/${f.id}`,
      };
    });
}

/** p.13: the inventory of a safe (or of the police body's premises when safeId is null). */
export async function inventory(db: Db, safeId: number | null) {
  let q = db
    .selectFrom('person_files as f')
    .innerJoin('citizens as c', 'c.id', 'f.citizen_id')
    .innerJoin('sections as s', 's.id', 'f.section_id')
    .innerJoin('users as u', 'u.id', 'f.inspector_id')
    .select([
      'f.id',
      'f.number',
      'f.categories',
      'f.shelf',
      'f.start_date',
      'f.controlling_inspector',
      'c.surname',
      'c.name',
      'c.patronymic',
      'c.birth_date',
      's.number as section_number',
      'u.surname as u_surname',
      'u.name as u_name',
      'u.patronymic as u_patronymic',
    ])
    .where('f.status', 'in', ['active', 'moving']);
  q =
    safeId === null
      ? q.where('f.custody_place', '=', 'policeBody')
      : q.where('f.custody_place', '=', 'safe').where('f.safe_id', '=', safeId);
  const rows = await q.orderBy('f.number').execute();
  const out = await outSince(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    number: r.number,
    person: personName(r),
    birthDate: r.birth_date,
    categories: JSON.parse(r.categories) as Category[],
    shelf: r.shelf,
    startDate: r.start_date,
    section: r.section_number,
    inspector: shortName({ surname: r.u_surname, name: r.u_name, patronymic: r.u_patronymic }),
    controllingInspector: r.controlling_inspector,
    outSince: out.get(r.id) ?? null,
  }));
}
export type InventoryRow = Awaited<ReturnType<typeof inventory>>[number];

// ---- the transfer package arriving from another station

export interface ImportPlace {
  sectionId: number;
  inspectorId: number;
  custodyPlace: 'safe' | 'policeBody';
  safeId: number | null;
  shelf: string;
  controllingInspector: string;
}

/** All or nothing: the person, the file and its supervision history in one transaction. */
export async function importFile(ctx: Ctx, content: PackageContent, place: ImportPlace): Promise<PersonFile> {
  return change(ctx, async (tx) => {
    const f = content.file;
    const values = await fileValues(ctx, tx.db, {
      categories: f.categories,
      groundsBody: f.groundsBody,
      groundsNumber: f.groundsNumber,
      groundsDate: f.groundsDate ?? f.startDate,
      restrictions: f.restrictions,
      obligations: f.obligations,
      startDate: f.startDate,
      plannedEnd: f.plannedEnd,
      actualAddress: f.newAddress || f.actualAddress,
      phones: f.phones,
      relations: f.relations,
      notes: f.notes,
      photo: f.photo,
      ...place,
    });
    const citizen = await upsertCitizen(tx, {
      ...content.citizen,
      id: null,
      address: f.newAddress || content.citizen.address,
    });
    await refuseSecondFile(tx.db, citizen.id, null);
    const at = ctx.now.toISOString();
    const { id } = await tx.db
      .insertInto('person_files')
      .values({
        ...values,
        number: await nextNumber(tx.db),
        status: 'active',
        citizen_id: citizen.id,
        imported_from: `${content.fromStation}, № ${f.number}`,
        created_by: ctx.user.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const v of content.supervision) {
      await tx.db
        .insertInto('supervision_records')
        .values({
          file_id: id,
          kind: v.kind,
          planned_for: v.plannedFor,
          done_at: v.doneAt,
          by_user_id: null,
          by_name: v.by,
          text: v.text,
          violation: v.violation ? 1 : 0,
          violation_text: v.violationText,
          measures: v.measures,
          recorded_by: ctx.user.id,
          recorded_at: at,
        })
        .execute();
    }
    const file = await getFile(tx.db, id);
    await tx.audit({
      action: 'prevention.import',
      entity: 'person_file',
      entityId: id,
      after: auditView(file),
    });
    return file;
  });
}

/** A package is for p.14: only once the arrival at the new address is confirmed. */
export async function fileForExport(ctx: Ctx, id: number, p: PurposeInput): Promise<PersonFile> {
  return atomically(ctx, async (tx) => {
    const row = await accessible(ctx, tx.db, id);
    if (!row.confirmed_on) throw new AppError('CONFLICT', 'prevention.exportNotYet');
    await logAccess(tx.db, ctx, id, 'export', p);
    return getFile(tx.db, id);
  });
}
