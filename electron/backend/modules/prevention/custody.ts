/** Person files, custody of the paper (p.13): the station's safes, taking out and return, the inventory. */
import dayjs from 'dayjs';
import { sql, type ExpressionBuilder } from 'kysely';
import type { PersonFilesTable } from '../../store/schema';
import { AppError } from '../../../../shared/api';
import type { Category, PersonFile, Safe } from '../../../../shared/api/prevention';

import type { Ctx, Db } from '../../context';
import { change, type Changing } from '../../change';
import { outSince, personName, step } from './files';
import { staffNames } from '../users/names';

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

async function refuseTakenName(tx: Changing, name: string, id: number | null): Promise<void> {
  const clash = await tx.db.selectFrom('safes').select('id').where('name', '=', name).executeTakeFirst();
  if (clash && clash.id !== id)
    throw new AppError('CONFLICT', 'prevention.safeNameTaken', undefined, [
      { path: 'name', messageKey: 'prevention.safeNameTaken' },
    ]);
}

/** A new safe, audited; the first run adds the station's safes with it (issue 15). */
export async function insertSafe(tx: Changing, s: { name: string; location: string; active: boolean }): Promise<void> {
  await refuseTakenName(tx, s.name, null);
  const values = { name: s.name, location: s.location, active: s.active ? 1 : 0 };
  const { id } = await tx.db.insertInto('safes').values(values).returning('id').executeTakeFirstOrThrow();
  await tx.audit({ action: 'prevention.addSafe', entity: 'safe', entityId: id, after: values });
}

export async function saveSafe(
  ctx: Ctx,
  s: { id: number | null; name: string; location: string; active: boolean },
): Promise<Safe[]> {
  return change(ctx, async (tx) => {
    await refuseTakenName(tx, s.name, s.id);
    const values = { name: s.name, location: s.location, active: s.active ? 1 : 0 };
    if (s.id === null) await insertSafe(tx, s);
    else {
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

/** p.13: where a place's files are kept — a safe of the station, or the police body's premises (no safe) */
const keptIn = (safeId: number | null) => (eb: ExpressionBuilder<{ f: PersonFilesTable }, 'f'>) =>
  safeId === null
    ? eb('f.custody_place', '=', 'policeBody')
    : eb.and([eb('f.custody_place', '=', 'safe'), eb('f.safe_id', '=', safeId)]);

/** p.13: the inventory of a safe (or of the police body's premises when safeId is null). */
export async function inventory(db: Db, safeId: number | null) {
  const rows = await db
    .selectFrom('person_files as f')
    .innerJoin('citizens as c', 'c.id', 'f.citizen_id')
    .innerJoin('sections as s', 's.id', 'f.section_id')
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
      'f.inspector_id',
    ])
    .where('f.status', 'in', ['active', 'moving'])
    .where(keptIn(safeId))
    .orderBy('f.number')
    .execute();
  const out = await outSince(
    db,
    rows.map((r) => r.id),
  );
  const staff = await staffNames(db);
  return rows.map((r) => ({
    number: r.number,
    person: personName(r),
    birthDate: r.birth_date,
    categories: JSON.parse(r.categories) as Category[],
    shelf: r.shelf,
    startDate: r.start_date,
    section: r.section_number,
    inspector: staff.short(r.inspector_id),
    controllingInspector: r.controlling_inspector,
    outSince: out.get(r.id) ?? null,
  }));
}
export type InventoryRow = Awaited<ReturnType<typeof inventory>>[number];

/** p.13: the custody log of a safe (or of the police body's premises) for a period, oldest first. */
export async function custodyLog(db: Db, safeId: number | null, from: string, to: string) {
  const rows = await db
    .selectFrom('custody_log as l')
    .innerJoin('person_files as f', 'f.id', 'l.file_id')
    .innerJoin('citizens as c', 'c.id', 'f.citizen_id')
    .select([
      'l.at',
      'l.action',
      'l.person_id',
      'l.reason',
      'l.recorded_by',
      'f.number',
      'c.surname',
      'c.name',
      'c.patronymic',
    ])
    .where('l.at', '>=', dayjs(from).startOf('day').toISOString())
    .where('l.at', '<=', dayjs(to).endOf('day').toISOString())
    .where(keptIn(safeId))
    .orderBy('l.at')
    .orderBy('l.id')
    .execute();
  const staff = await staffNames(db);
  return rows.map((r) => ({
    at: r.at,
    action: r.action,
    number: r.number,
    person: personName(r),
    to: staff.short(r.person_id),
    reason: r.reason,
    recordedBy: staff.short(r.recorded_by),
  }));
}
export type CustodyLogRow = Awaited<ReturnType<typeof custodyLog>>[number];
