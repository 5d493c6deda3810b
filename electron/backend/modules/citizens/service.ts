import type { Db } from '../../context';
import type { SessionTx, Tx } from '../../change';
import { inScope, sectionScope } from '../staff/service';
import { AppError, type Citizen, type CitizenHit } from '../../../../shared/api';
import type { citizenInputSchema } from '../../../../shared/api/citizens';
import { parseIin } from '../../../../shared/iin';
import { foldName } from '../../../../shared/search/fold';
import { indexCitizen, matchCitizenIds } from '../../store/citizenIndex';
import type { CitizensTable } from '../../store/schema';
import type { z } from 'zod';

type Row = Omit<CitizensTable, 'id'> & { id: number };
export type CitizenFields = z.output<typeof citizenInputSchema>;

export const toCitizen = (r: Row): Citizen => ({
  id: r.id,
  iin: r.iin,
  noIin: r.no_iin,
  surname: r.surname,
  name: r.name,
  patronymic: r.patronymic,
  birthDate: r.birth_date,
  sex: r.sex,
  address: r.address,
  phone: r.phone,
  citizenship: r.citizenship,
  passportNo: r.passport_no,
  passportValidUntil: r.passport_valid_until,
});

/** A passport number as printed or typed: no spaces, capitals. */
export const passportKey = (no: string) => no.replace(/\s+/g, '').toUpperCase();

export async function getCitizen(db: Db, id: number): Promise<Citizen | null> {
  const r = await db.selectFrom('citizens').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCitizen(r) : null;
}

const columns = (input: CitizenFields) => {
  const fromIin = input.iin ? parseIin(input.iin) : null;
  return {
    iin: input.iin || null,
    no_iin: input.iin ? null : input.noIin,
    surname: input.surname,
    name: input.name,
    patronymic: input.patronymic,
    // a valid IIN is the authority on date of birth and sex
    birth_date: fromIin?.ok ? fromIin.birthDate : input.birthDate,
    sex: fromIin?.ok ? fromIin.sex : input.sex,
    address: input.address,
    phone: input.phone,
    // sent only by the forms that show them (the desk, App 4, a correction)
    ...(input.citizenship !== undefined && { citizenship: input.citizenship }),
    ...(input.passportNo !== undefined && { passport_no: passportKey(input.passportNo) }),
    ...(input.passportValidUntil !== undefined && { passport_valid_until: input.passportValidUntil }),
  };
};

/**
 * The person of a new record: the chosen one, else the one with this IIN, else (without an IIN) the one with the
 * same full name and date of birth; otherwise a new one in the register. A person already there is linked and
 * nothing of him changes (ours): what a form sends for him is not a correction, so a visit, a list entry or a package
 * cannot rename the person of another section's file. Corrections go through `correctCitizen`.
 */
export async function linkCitizen(tx: Tx, input: CitizenFields): Promise<Citizen> {
  const values = columns(input);
  let existing: Row | undefined;
  if (input.id !== null) {
    existing = await tx.db.selectFrom('citizens').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!existing)
      throw new AppError('NOT_FOUND', 'errors.notFound', undefined, [
        { path: 'citizen.id', messageKey: 'errors.notFound' },
      ]);
  }
  if (!existing && values.iin)
    existing = await tx.db.selectFrom('citizens').selectAll().where('iin', '=', values.iin).executeTakeFirst();
  // a foreigner without an IIN is known by his passport, however his name was spelt (App 4 col. 3)
  if (!existing && !values.iin && values.passport_no)
    existing = await tx.db
      .selectFrom('citizens')
      .selectAll()
      .where('iin', 'is', null)
      .where('passport_no', '=', values.passport_no)
      .executeTakeFirst();
  if (!existing && !values.iin && values.birth_date) {
    const same = await tx.db
      .selectFrom('citizens')
      .selectAll()
      .where('iin', 'is', null)
      .where('birth_date', '=', values.birth_date)
      .execute();
    const key = foldName(`${values.surname} ${values.name} ${values.patronymic}`);
    existing = same.find((c) => foldName(`${c.surname} ${c.name} ${c.patronymic}`) === key);
  }
  if (existing) return toCitizen(existing);
  const at = tx.now.toISOString();
  const { id } = await tx.db
    .insertInto('citizens')
    .values({ citizenship: '', passport_no: '', passport_valid_until: null, ...values, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const c = (await getCitizen(tx.db, id))!;
  await indexCitizen(tx.db, c);
  await tx.audit({ action: 'citizens.create', entity: 'citizen', entityId: id, after: c });
  return c;
}

/**
 * A person's details corrected (ours): only by someone who works every section where the person has a file (p.16),
 * the old version kept in the audit with the reason. Unchanged details write nothing, and say so (`changed`).
 */
export async function correctCitizen(
  tx: SessionTx,
  id: number,
  input: CitizenFields,
  reason: string,
): Promise<{ citizen: Citizen; changed: boolean }> {
  const existing = await tx.db.selectFrom('citizens').selectAll().where('id', '=', id).executeTakeFirst();
  if (!existing) throw new AppError('NOT_FOUND', 'errors.notFound');
  const files = await tx.db.selectFrom('person_files').select('section_id').where('citizen_id', '=', id).execute();
  const scope = await sectionScope(tx, tx.db);
  if (files.some((f) => !inScope(scope, f.section_id))) throw new AppError('FORBIDDEN', 'citizens.otherSection');
  const values = columns(input);
  // another record already holds this IIN: this one cannot take it
  if (values.iin && values.iin !== existing.iin) {
    const holder = await tx.db.selectFrom('citizens').select('id').where('iin', '=', values.iin).executeTakeFirst();
    if (holder && holder.id !== existing.id) {
      throw new AppError('CONFLICT', 'iin.taken', undefined, [{ path: 'citizen.iin', messageKey: 'iin.taken' }]);
    }
  }
  const before = toCitizen(existing);
  const changed = (Object.keys(values) as (keyof typeof values)[]).some((k) => values[k] !== existing[k]);
  if (!changed) return { citizen: before, changed };
  await tx.db
    .updateTable('citizens')
    .set({ ...values, updated_at: tx.now.toISOString() })
    .where('id', '=', id)
    .execute();
  const after = (await getCitizen(tx.db, id))!;
  await indexCitizen(tx.db, after);
  await tx.audit({ action: 'citizens.correct', entity: 'citizen', entityId: id, before, after: { ...after, reason } });
  return { citizen: after, changed };
}

/** Newest first; each with the last visit and the number of visits (voided ones not counted). */
export async function searchCitizens(db: Db, typed: string, limit: number): Promise<CitizenHit[]> {
  const ids = await matchCitizenIds(db, typed, limit);
  if (ids.length === 0) return [];
  const visits = db
    .selectFrom('receptions as r')
    .select((eb) => [
      'r.citizen_id',
      eb.fn.max('r.received_at').as('last_visit'),
      eb.fn.countAll<number>().as('visits'),
    ])
    .where('r.voided', '=', 0)
    .where('r.citizen_id', 'in', ids)
    .groupBy('r.citizen_id');
  const rows = await db
    .selectFrom('citizens as c')
    .leftJoin(visits.as('v'), 'v.citizen_id', 'c.id')
    .selectAll('c')
    .select(['v.last_visit', 'v.visits'])
    .where('c.id', 'in', ids)
    .execute();
  const hits = rows.map((r) => ({ ...toCitizen(r), lastVisit: r.last_visit ?? null, visits: Number(r.visits ?? 0) }));
  // those seen at the desk lately first, then the newest records
  return hits.sort(
    (a, b) =>
      Number(a.lastVisit === null) - Number(b.lastVisit === null) ||
      (b.lastVisit ?? '').localeCompare(a.lastVisit ?? '') ||
      b.id - a.id,
  );
}
