import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError, type Citizen, type CitizenHit } from '../../../../shared/api';
import type { citizenInputSchema } from '../../../../shared/api/citizens';
import { parseIin } from '../../../../shared/iin';
import { citizenQuery, foldName } from '../../../../shared/search/fold';
import type { DB, CitizensTable } from '../../store/schema';
import { writeAudit } from '../audit/service';
import type { z } from 'zod';

type Q = Kysely<DB> | Transaction<DB>;
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
});

export async function getCitizen(db: Q, id: number): Promise<Citizen | null> {
  const r = await db.selectFrom('citizens').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? toCitizen(r) : null;
}

async function index(trx: Transaction<DB>, c: Citizen): Promise<void> {
  await trx.deleteFrom('citizens_fts').where('rowid', '=', c.id).execute();
  await trx
    .insertInto('citizens_fts')
    .values({ rowid: c.id, names: foldName([c.surname, c.name, c.patronymic].join(' ')), iin: c.iin ?? '' })
    .execute();
}

/**
 * One record per person: the chosen one, else the one with this IIN, else (without an
 * IIN) the one with the same full name and date of birth; otherwise a new record.
 * What was typed updates the record, audited with before and after.
 */
export async function upsertCitizen(
  trx: Transaction<DB>,
  actorId: number,
  now: Date,
  input: CitizenFields,
): Promise<Citizen> {
  const fromIin = input.iin ? parseIin(input.iin) : null;
  const values = {
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
  };
  let existing: Row | undefined;
  if (input.id !== null)
    existing = await trx.selectFrom('citizens').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!existing && values.iin)
    existing = await trx.selectFrom('citizens').selectAll().where('iin', '=', values.iin).executeTakeFirst();
  if (!existing && !values.iin && values.birth_date) {
    const same = await trx
      .selectFrom('citizens')
      .selectAll()
      .where('iin', 'is', null)
      .where('birth_date', '=', values.birth_date)
      .execute();
    const key = foldName(`${values.surname} ${values.name} ${values.patronymic}`);
    existing = same.find((c) => foldName(`${c.surname} ${c.name} ${c.patronymic}`) === key);
  }
  const at = now.toISOString();
  if (!existing) {
    const { id } = await trx
      .insertInto('citizens')
      .values({ ...values, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = (await getCitizen(trx, id))!;
    await index(trx, c);
    await writeAudit(trx, actorId, now, { action: 'citizens.create', entity: 'citizen', entityId: id, after: c });
    return c;
  }
  // another record already holds this IIN: the chosen one cannot take it
  if (values.iin && values.iin !== existing.iin) {
    const holder = await trx.selectFrom('citizens').select('id').where('iin', '=', values.iin).executeTakeFirst();
    if (holder && holder.id !== existing.id) {
      throw new AppError('CONFLICT', 'iin.taken', undefined, [{ path: 'citizen.iin', messageKey: 'iin.taken' }]);
    }
  }
  const before = toCitizen(existing);
  const changed = (Object.keys(values) as (keyof typeof values)[]).some((k) => values[k] !== existing[k]);
  if (!changed) return before;
  await trx
    .updateTable('citizens')
    .set({ ...values, updated_at: at })
    .where('id', '=', existing.id)
    .execute();
  const after = (await getCitizen(trx, existing.id))!;
  await index(trx, after);
  await writeAudit(trx, actorId, now, {
    action: 'citizens.update',
    entity: 'citizen',
    entityId: existing.id,
    before,
    after,
  });
  return after;
}

/** Newest first; each with the last visit and the number of visits (voided ones not counted). */
export async function searchCitizens(db: Q, typed: string, limit: number): Promise<CitizenHit[]> {
  const q = citizenQuery(typed);
  if (!q) return [];
  const rows = await sql<Row & { last_visit: string | null; visits: number }>`
    SELECT c.*,
      (SELECT max(r.received_at) FROM receptions r WHERE r.citizen_id = c.id AND r.voided = 0) AS last_visit,
      (SELECT count(*) FROM receptions r WHERE r.citizen_id = c.id AND r.voided = 0) AS visits
    FROM (SELECT rowid AS id FROM citizens_fts WHERE citizens_fts MATCH ${q} ORDER BY rowid DESC LIMIT ${limit}) m
    JOIN citizens c ON c.id = m.id
    ORDER BY last_visit IS NULL, last_visit DESC, c.id DESC`.execute(db);
  return rows.rows.map((r) => ({ ...toCitizen(r), lastVisit: r.last_visit, visits: r.visits }));
}
