import { sql, type Expression, type SqlBool, type Transaction } from 'kysely';
import { dueBy, TODAY_HORIZON_DAYS, type TodayWindow } from '../../../../shared/rules/today';
import dayjs from 'dayjs';
import type { z } from 'zod';
import {
  AppError,
  fieldError,
  type DueItem,
  type FirearmOwner,
  type Foreigner,
  type ProbationPerson,
} from '../../../../shared/api';
import type { firearmOwnerInputSchema, foreignerInputSchema, probationInputSchema } from '../../../../shared/api/lists';
import { formatDate, fullName } from '../../../../shared/format';
import { foldName } from '../../../../shared/search/fold';
import { personMatches } from '../../store/nameSearch';
import type { DB } from '../../store/schema';
import type { Ctx, Db } from '../../context';
import { change } from '../../change';
import { correctCitizen, linkCitizen } from '../citizens/service';
import { requireSection, sectionScope } from '../staff/service';
import { staffNames } from '../users/names';

type Filter = { sectionId: number | null; text: string };

/** p.22(10): the check at home once a year. */
export const nextFirearmCheck = (lastCheck: string | null, permitOn: string) =>
  dayjs(lastCheck ?? permitOn)
    .add(1, 'year')
    .format('YYYY-MM-DD');

/** A check recorded for a day to come is refused. */
export function notInFuture(ctx: Ctx, checkedOn: string): void {
  if (checkedOn > dayjs(ctx.now).format('YYYY-MM-DD')) throw fieldError('checkedOn', 'lists.checkInFuture');
}

// ---- access: the section's inspectors and assistants (with cover, p.6), the UPP lead and chiefs

const person = (c: { surname: string; name: string; patronymic: string }) => fullName(c);

/** The person (the register) and the section beside each list entry. */
export const PERSON_COLUMNS = [
  'c.surname',
  'c.name',
  'c.patronymic',
  'c.iin',
  'c.birth_date',
  'c.no_iin',
  'c.sex',
  'c.address as c_address',
  'c.phone as c_phone',
  'c.citizenship as c_citizenship',
  'c.passport_no as c_passport_no',
  'c.passport_valid_until as c_passport_valid_until',
  's.number as section_number',
] as const;

const ownerRows = (db: Db, where: Expression<SqlBool>) =>
  db
    .selectFrom('firearm_owners as x')
    .innerJoin('citizens as c', 'c.id', 'x.citizen_id')
    .innerJoin('sections as s', 's.id', 'x.section_id')
    .selectAll('x')
    .select(PERSON_COLUMNS)
    .where(where)
    .orderBy('c.surname');
const probationRows = (db: Db, where: Expression<SqlBool>) =>
  db
    .selectFrom('probation_persons as x')
    .innerJoin('citizens as c', 'c.id', 'x.citizen_id')
    .innerJoin('sections as s', 's.id', 'x.section_id')
    .selectAll('x')
    .select(PERSON_COLUMNS)
    .where(where)
    .orderBy('x.included_on');
const foreignerRows = (db: Db, where: Expression<SqlBool>) =>
  db
    .selectFrom('foreigners as x')
    .innerJoin('citizens as c', 'c.id', 'x.citizen_id')
    .innerJoin('sections as s', 's.id', 'x.section_id')
    .selectAll('x')
    .select(PERSON_COLUMNS)
    .where(where)
    .orderBy('c.surname');
type RowOf<Q extends (db: Db, where: Expression<SqlBool>) => { execute(): Promise<unknown[]> }> = Awaited<
  ReturnType<ReturnType<Q>['execute']>
>[number];

interface CitizenCols {
  surname: string;
  name: string;
  patronymic: string;
  iin: string | null;
  birth_date: string | null;
  no_iin: 'foreigner' | 'unknown' | null;
  sex: 'male' | 'female' | null;
  c_address: string;
  c_phone: string;
  c_citizenship: string;
  c_passport_no: string;
  c_passport_valid_until: string | null;
  section_number: string;
  id: number;
  section_id: number;
  citizen_id: number;
}
export const baseOf = (r: CitizenCols) => ({
  id: r.id,
  sectionId: r.section_id,
  sectionNumber: r.section_number,
  citizenId: r.citizen_id,
  person: person(r),
  iin: r.iin,
  birthDate: r.birth_date,
  citizen: {
    id: r.citizen_id,
    iin: r.iin,
    noIin: r.no_iin,
    surname: r.surname,
    name: r.name,
    patronymic: r.patronymic,
    birthDate: r.birth_date,
    sex: r.sex,
    address: r.c_address,
    phone: r.c_phone,
    citizenship: r.c_citizenship,
    passportNo: r.c_passport_no,
    passportValidUntil: r.c_passport_valid_until,
  },
});

/**
 * The entries a person may see (his sections, with cover, p.6) that the filter asks for, as a condition on the
 * list's query (`x` the entry, `c` its person); null when he sees none.
 */
async function visible(ctx: Ctx, f: Filter): Promise<Expression<SqlBool> | null> {
  const s = await sectionScope(ctx);
  if (s !== 'all' && s.length === 0) return null;
  const section = sql.ref('x.section_id');
  const parts: Expression<SqlBool>[] = [sql<SqlBool>`1 = 1`];
  if (s !== 'all') parts.push(sql<SqlBool>`${section} in (${sql.join(s)})`);
  if (f.sectionId !== null) parts.push(sql<SqlBool>`${section} = ${f.sectionId}`);
  if (foldName(f.text.trim())) parts.push(personMatches('c', f.text));
  return sql<SqlBool>`(${sql.join(parts, sql` AND `)})`;
}

/** An appendix's reads: one entry (any section; callers check it) and the list a person may see. */
export function appendix<R, T>(
  rows: (db: Db, where: Expression<SqlBool>) => { execute(): Promise<R[]> },
  to: (db: Db, r: R) => T | Promise<T>,
) {
  return {
    async get(db: Db, id: number): Promise<T> {
      const [r] = await rows(db, sql<SqlBool>`${sql.ref('x.id')} = ${id}`).execute();
      if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
      return to(db, r);
    },
    async list(ctx: Ctx, f: Filter): Promise<T[]> {
      const where = await visible(ctx, f);
      return where ? Promise.all((await rows(ctx.db, where).execute()).map((r) => to(ctx.db, r))) : [];
    },
  };
}

// ---- Appendix 2: firearm owners

type OwnerRow = RowOf<typeof ownerRows>;

async function toOwner(db: Db, r: OwnerRow): Promise<FirearmOwner> {
  const weapons = await db
    .selectFrom('firearms')
    .select(['kind', 'make', 'calibre', 'serial'])
    .where('owner_id', '=', r.id)
    .orderBy('id')
    .execute();
  const last = await db
    .selectFrom('firearm_checks')
    .select(['checked_on', 'result', 'by_user_id'])
    .where('owner_id', '=', r.id)
    .orderBy('checked_on', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const staff = await staffNames(db);
  const closed = r.surrendered_on !== null || r.withdrawn_on !== null;
  return {
    ...baseOf(r),
    address: r.address,
    homePhone: r.home_phone,
    weapons,
    permitBy: r.permit_by,
    permitOn: r.permit_on,
    permitUntil: r.permit_until,
    reregisteredOn: r.reregistered_on,
    withdrawnOn: r.withdrawn_on,
    surrenderedOn: r.surrendered_on,
    lastCheck: last ? { on: last.checked_on, result: last.result, by: staff.short(last.by_user_id) } : null,
    nextCheck: closed ? null : nextFirearmCheck(last?.checked_on ?? null, r.permit_on),
  };
}

const owners = appendix(ownerRows, toOwner);
const getOwner = owners.get;
export const listFirearmOwners = owners.list;

/** Saves one list entry with its person (the register), checking the section and auditing before/after. */
export async function saveEntry<T extends { id: number; sectionId: number; citizenId: number }>(
  ctx: Ctx,
  entity: string,
  input: { id: number | null; sectionId: number; citizen: z.output<typeof firearmOwnerInputSchema>['citizen'] },
  get: (db: Db, id: number) => Promise<T>,
  write: (trx: Transaction<DB>, citizenId: number, id: number | null, at: string) => Promise<number>,
): Promise<T> {
  return change(ctx, async (tx) => {
    await requireSection(ctx, input.sectionId, { db: tx.db, active: true });
    const before = input.id !== null ? await get(tx.db, input.id) : null;
    if (before) await requireSection(ctx, before.sectionId, { db: tx.db, active: true });
    // an entry's own person is corrected with the entry; a new entry links the person chosen or typed
    const citizen = before
      ? (await correctCitizen(tx, before.citizenId, input.citizen, `${entity}:${before.id}`)).citizen
      : await linkCitizen(tx, input.citizen);
    const id = await write(tx.db, citizen.id, input.id, ctx.now.toISOString());
    const after = await get(tx.db, id);
    await tx.audit({
      action: `lists.${entity}.${before ? 'update' : 'create'}`,
      entity,
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export function saveFirearmOwner(ctx: Ctx, o: z.output<typeof firearmOwnerInputSchema>): Promise<FirearmOwner> {
  return saveEntry(ctx, 'firearm_owner', o, getOwner, async (trx, citizenId, id, at) => {
    const values = {
      section_id: o.sectionId,
      citizen_id: citizenId,
      address: o.address,
      home_phone: o.homePhone,
      permit_by: o.permitBy,
      permit_on: o.permitOn,
      permit_until: o.permitUntil,
      reregistered_on: o.reregisteredOn,
      withdrawn_on: o.withdrawnOn,
      surrendered_on: o.surrenderedOn,
      updated_at: at,
    };
    let ownerId = id;
    if (ownerId === null)
      ownerId = (
        await trx
          .insertInto('firearm_owners')
          .values({ ...values, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    else await trx.updateTable('firearm_owners').set(values).where('id', '=', ownerId).execute();
    await trx.deleteFrom('firearms').where('owner_id', '=', ownerId).execute();
    await trx
      .insertInto('firearms')
      .values(o.weapons.map((w) => ({ owner_id: ownerId!, ...w })))
      .execute();
    return ownerId;
  });
}

export async function recordFirearmCheck(
  ctx: Ctx,
  id: number,
  checkedOn: string,
  result: string,
): Promise<FirearmOwner> {
  return change(ctx, async (tx) => {
    const before = await getOwner(tx.db, id);
    await requireSection(ctx, before.sectionId, { db: tx.db, active: true });
    notInFuture(ctx, checkedOn);
    await tx.db
      .insertInto('firearm_checks')
      .values({
        owner_id: id,
        checked_on: checkedOn,
        result,
        by_user_id: ctx.user.id,
        recorded_at: ctx.now.toISOString(),
      })
      .execute();
    const after = await getOwner(tx.db, id);
    await tx.audit({
      action: 'lists.firearmCheck',
      entity: 'firearm_owner',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

// ---- Appendix 3: non-custodial measures

type ProbationRow = RowOf<typeof probationRows>;
const toProbation = (r: ProbationRow): ProbationPerson => ({
  ...baseOf(r),
  address: r.address,
  work: r.work,
  phones: r.phones,
  includedOn: r.included_on,
  removedOn: r.removed_on,
  marks: r.marks,
  measure: r.measure,
});
const probation = appendix(probationRows, (_db, r) => toProbation(r));
const getProbation = probation.get;
export const listProbation = probation.list;
export function saveProbation(ctx: Ctx, p: z.output<typeof probationInputSchema>): Promise<ProbationPerson> {
  return saveEntry(ctx, 'probation_person', p, getProbation, async (trx, citizenId, id, at) => {
    const values = {
      section_id: p.sectionId,
      citizen_id: citizenId,
      address: p.address,
      work: p.work,
      phones: p.phones,
      included_on: p.includedOn,
      removed_on: p.removedOn,
      marks: p.marks,
      measure: p.measure,
      updated_at: at,
    };
    if (id === null)
      return (
        await trx
          .insertInto('probation_persons')
          .values({ ...values, created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    await trx.updateTable('probation_persons').set(values).where('id', '=', id).execute();
    return id;
  });
}

// ---- Appendix 4: foreigners

type ForeignerRow = RowOf<typeof foreignerRows>;
async function toForeigner(db: Db, r: ForeignerRow): Promise<Foreigner> {
  const checks = await db
    .selectFrom('foreigner_checks')
    .select(['checked_on', 'note', 'by_user_id'])
    .where('foreigner_id', '=', r.id)
    .orderBy('checked_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const staff = await staffNames(db);
  return {
    ...baseOf(r),
    citizenship: r.citizenship,
    passportNo: r.passport_no,
    passportValidUntil: r.passport_valid_until,
    stayUntil: r.stay_until,
    tempAddress: r.temp_address,
    homePhone: r.home_phone,
    work: r.work,
    workPhone: r.work_phone,
    checkedOn: r.checked_on,
    checkNote: r.check_note,
    checks: checks.map((k) => ({
      on: k.checked_on,
      note: k.note,
      by: k.by_user_id === null ? '' : staff.short(k.by_user_id),
    })),
    removedOn: r.removed_on,
    removalReason: r.removal_reason,
    removalNote: r.removal_note,
  };
}
const foreigners = appendix(foreignerRows, toForeigner);
const getForeigner = foreigners.get;
/** The list of App 4: those removed (kept) only when asked for. */
export async function listForeigners(ctx: Ctx, f: Filter & { includeRemoved?: boolean }): Promise<Foreigner[]> {
  const all = await foreigners.list(ctx, f);
  return f.includeRemoved ? all : all.filter((x) => x.removedOn === null);
}
export function saveForeigner(ctx: Ctx, input: z.output<typeof foreignerInputSchema>): Promise<Foreigner> {
  // the list's citizenship and passport are the person's: the desk finds him by them (issue 15)
  const p = {
    ...input,
    citizen: {
      ...input.citizen,
      citizenship: input.citizenship,
      passportNo: input.passportNo,
      passportValidUntil: input.passportValidUntil,
    },
  };
  return saveEntry(ctx, 'foreigner', p, getForeigner, async (trx, citizenId, id, at) => {
    const values = {
      section_id: p.sectionId,
      citizen_id: citizenId,
      citizenship: p.citizenship,
      passport_no: p.passportNo,
      passport_valid_until: p.passportValidUntil,
      stay_until: p.stayUntil,
      temp_address: p.tempAddress,
      home_phone: p.homePhone,
      work: p.work,
      work_phone: p.workPhone,
      updated_at: at,
    };
    if (id === null)
      return (
        await trx
          .insertInto('foreigners')
          .values({ ...values, checked_on: null, check_note: '', removal_note: '', created_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    await trx.updateTable('foreigners').set(values).where('id', '=', id).execute();
    return id;
  });
}
export async function recordForeignerCheck(ctx: Ctx, id: number, checkedOn: string, note: string): Promise<Foreigner> {
  return change(ctx, async (tx) => {
    const before = await getForeigner(tx.db, id);
    await requireSection(ctx, before.sectionId, { db: tx.db, active: true });
    notInFuture(ctx, checkedOn);
    if (before.removedOn !== null) throw new AppError('CONFLICT', 'lists.foreignerRemoved');
    await tx.db
      .insertInto('foreigner_checks')
      .values({
        foreigner_id: id,
        checked_on: checkedOn,
        note,
        by_user_id: ctx.user.id,
        recorded_at: ctx.now.toISOString(),
      })
      .execute();
    // the list's column shows the latest check; one recorded late for an earlier day goes into the history only
    if (before.checkedOn === null || checkedOn >= before.checkedOn)
      await tx.db
        .updateTable('foreigners')
        .set({ checked_on: checkedOn, check_note: note, updated_at: ctx.now.toISOString() })
        .where('id', '=', id)
        .execute();
    const after = await getForeigner(tx.db, id);
    await tx.audit({
      action: 'lists.foreignerCheck',
      entity: 'foreigner',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Off the list with the date and reason; the entry and its checks stay (ours: App 4 says nothing of leaving). */
export async function removeForeigner(
  ctx: Ctx,
  x: { id: number; removedOn: string; reason: NonNullable<Foreigner['removalReason']>; note: string },
): Promise<Foreigner> {
  return change(ctx, async (tx) => {
    const before = await getForeigner(tx.db, x.id);
    await requireSection(ctx, before.sectionId, { db: tx.db, active: true });
    if (before.removedOn !== null) throw new AppError('CONFLICT', 'lists.foreignerRemoved');
    if (x.removedOn > dayjs(ctx.now).format('YYYY-MM-DD')) throw fieldError('removedOn', 'lists.removedInFuture');
    await tx.db
      .updateTable('foreigners')
      .set({
        removed_on: x.removedOn,
        removal_reason: x.reason,
        removal_note: x.note,
        updated_at: ctx.now.toISOString(),
      })
      .where('id', '=', x.id)
      .execute();
    const after = await getForeigner(tx.db, x.id);
    await tx.audit({ action: 'lists.foreignerRemove', entity: 'foreigner', entityId: x.id, before, after });
    return after;
  });
}

/** Undoes a removal made by mistake. */
export async function restoreForeigner(ctx: Ctx, id: number): Promise<Foreigner> {
  return change(ctx, async (tx) => {
    const before = await getForeigner(tx.db, id);
    await requireSection(ctx, before.sectionId, { db: tx.db, active: true });
    if (before.removedOn === null) throw new AppError('CONFLICT', 'lists.foreignerNotRemoved');
    await tx.db
      .updateTable('foreigners')
      .set({ removed_on: null, removal_reason: null, removal_note: '', updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    const after = await getForeigner(tx.db, id);
    await tx.audit({ action: 'lists.foreignerRestore', entity: 'foreigner', entityId: id, before, after });
    return after;
  });
}

// ---- Today

/** p.22(10): the yearly check at home, from a month before it is due. */
export async function dueFirearmChecks(ctx: Ctx, date: string, window: TodayWindow = 'soon'): Promise<DueItem[]> {
  const horizon = dueBy(date, TODAY_HORIZON_DAYS.list, window);
  return (await listFirearmOwners(ctx, { sectionId: null, text: '' }))
    .filter((o) => o.nextCheck !== null && o.nextCheck <= horizon)
    .map((o) => ({
      ruleId: 'lists.firearmCheck',
      paragraph: '22(10)',
      titleKey: 'today.rules.firearmCheck',
      params: { person: o.person, section: o.sectionNumber, last: o.lastCheck ? formatDate(o.lastCheck.on) : '—' },
      due: o.nextCheck!,
      overdue: o.nextCheck! < date,
      link: '/lists/firearms',
    }));
}

/** Ours (p.17(3) gives no term): a stay or a passport ending within 30 days. */
export async function dueForeigners(ctx: Ctx, date: string, window: TodayWindow = 'soon'): Promise<DueItem[]> {
  const horizon = dueBy(date, TODAY_HORIZON_DAYS.list, window);
  const out: DueItem[] = [];
  for (const f of await listForeigners(ctx, { sectionId: null, text: '' })) {
    for (const [what, until] of [
      ['stay', f.stayUntil],
      ['passport', f.passportValidUntil],
    ] as const) {
      if (until && until <= horizon)
        out.push({
          ruleId: `lists.${what}`,
          paragraph: 'ours',
          titleKey: `today.rules.foreigner${what === 'stay' ? 'Stay' : 'Passport'}`,
          params: { person: f.person, until: formatDate(until) },
          due: until,
          overdue: until < date,
          link: '/lists/foreigners',
        });
    }
  }
  return out;
}
