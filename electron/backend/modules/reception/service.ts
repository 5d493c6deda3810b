import { setImmediate } from 'node:timers/promises';
import { canReceive } from '../../../../shared/rules/reception';
import { dueBy, type TodayWindow } from '../../../../shared/rules/today';
import { sql, type Expression, type ExpressionBuilder, type SqlBool, type Transaction, type Updateable } from 'kysely';
import dayjs from 'dayjs';
import type { z } from 'zod';
import {
  inGroup,
  AppError,
  fieldError,
  type DueItem,
  type Reception,
  type ReceptionCategory,
} from '../../../../shared/api';
import type { receptionFilterSchema, receptionInputSchema } from '../../../../shared/api/reception';
import { formatDate, shortName } from '../../../../shared/format';
import type { DB } from '../../store/schema';
import type { Ctx, Db } from '../../context';
import { change, type SessionTx } from '../../change';
import { readSettings } from '../station/service';
import { staffNames, type StaffNames } from '../users/names';
import { linkCitizen, toCitizen } from '../citizens/service';
import { appendEntry } from '../notebook/service';
import { citizenMatches } from '../../store/citizenIndex';
import { inScope as fileInScope, scopeOf } from '../prevention/access';

export type ReceptionFields = z.output<typeof receptionInputSchema>;
export type ReceptionFilterFields = z.output<typeof receptionFilterSchema>;

export async function listCategories(db: Db): Promise<ReceptionCategory[]> {
  const rows = await db.selectFrom('reception_categories').selectAll().orderBy('sort').orderBy('name_ru').execute();
  return rows.map((r) => ({
    code: r.code,
    nameKk: r.name_kk,
    nameRu: r.name_ru,
    builtin: r.builtin === 1,
    active: r.active === 1,
  }));
}

export async function addCategory(ctx: Ctx, nameKk: string, nameRu: string): Promise<ReceptionCategory[]> {
  return change(ctx, async (tx) => {
    const all = await listCategories(tx.db);
    if (
      all.some(
        (c) => c.nameRu.toLowerCase() === nameRu.toLowerCase() || c.nameKk.toLowerCase() === nameKk.toLowerCase(),
      )
    ) {
      throw new AppError('CONFLICT', 'reception.categoryExists', undefined, [
        { path: 'nameRu', messageKey: 'reception.categoryExists' },
      ]);
    }
    const code = `station-${all.filter((c) => !c.builtin).length + 1}`;
    const sort = 50 + all.filter((c) => !c.builtin).length;
    await tx.db
      .insertInto('reception_categories')
      .values({ code, name_kk: nameKk, name_ru: nameRu, builtin: 0, active: 1, sort })
      .execute();
    await tx.audit({
      action: 'reception.addCategory',
      entity: 'reception_category',
      entityId: code,
      after: { nameKk, nameRu },
    });
    return listCategories(tx.db);
  });
}

function baseQuery(db: Db) {
  return db
    .selectFrom('receptions as r')
    .innerJoin('citizens as c', 'c.id', 'r.citizen_id')
    .selectAll('r')
    .select([
      'c.iin',
      'c.no_iin',
      'c.surname',
      'c.name',
      'c.patronymic',
      'c.birth_date',
      'c.sex',
      'c.address',
      'c.phone',
      'c.citizenship',
      'c.passport_no',
      'c.passport_valid_until',
      'c.created_at as c_created',
      'c.updated_at as c_updated',
    ])
    .leftJoin('person_files as pf', 'pf.id', 'r.person_file_id')
    .select('pf.number as pf_number');
}
type JoinedRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

const toReception =
  (staff: StaffNames) =>
  (r: JoinedRow): Reception => {
    return {
      id: r.id,
      year: r.year,
      number: r.number,
      receivedAt: r.received_at,
      mode: r.mode,
      citizen: toCitizen({
        id: r.citizen_id,
        iin: r.iin,
        no_iin: r.no_iin,
        surname: r.surname,
        name: r.name,
        patronymic: r.patronymic,
        birth_date: r.birth_date,
        sex: r.sex,
        address: r.address,
        phone: r.phone,
        citizenship: r.citizenship,
        passport_no: r.passport_no,
        passport_valid_until: r.passport_valid_until,
        created_at: r.c_created,
        updated_at: r.c_updated,
      }),
      categoryCode: r.category_code,
      subject: r.subject,
      action: r.action as Reception['action'],
      actionDetails: r.action_details,
      receiverId: r.receiver_id,
      receiverName: staff.short(r.receiver_id),
      receiverRole: staff.role(r.receiver_id),
      receiverSupervisor: staff.supervisor(r.receiver_id),
      followUpDue: r.follow_up_due,
      followUpResult: r.follow_up_result,
      followUpDoneAt: r.follow_up_done_at,
      personFile: r.person_file_id !== null ? { id: r.person_file_id, number: r.pf_number ?? 0 } : null,
      status: r.voided ? 'voided' : r.follow_up_due && !r.follow_up_done_at ? 'open' : 'done',
      voidReason: r.void_reason,
      version: r.version,
    };
  };

export async function getReception(db: Db, id: number): Promise<Reception> {
  const r = await baseQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
  return toReception(await staffNames(db))(r);
}

async function checkRefs(ctx: Ctx, trx: Transaction<DB>, e: ReceptionFields): Promise<void> {
  if (e.personFileId !== null) {
    // the file is named only by one who may work with it (p.15, p.16)
    const file = await trx
      .selectFrom('person_files')
      .select(['section_id', 'inspector_id'])
      .where('id', '=', e.personFileId)
      .executeTakeFirst();
    if (!file || !fileInScope(await scopeOf(ctx, trx), file))
      throw fieldError('personFileId', 'reception.fileNotYours');
  }
  const receiver = await trx
    .selectFrom('users')
    .select(['role', 'active'])
    .where('id', '=', e.receiverId)
    .executeTakeFirst();
  if (!receiver || receiver.active !== 1 || !canReceive(receiver.role)) {
    throw new AppError('VALIDATION', 'reception.receiverInvalid', undefined, [
      { path: 'receiverId', messageKey: 'reception.receiverInvalid' },
    ]);
  }
  const cat = await trx
    .selectFrom('reception_categories')
    .select('active')
    .where('code', '=', e.categoryCode)
    .executeTakeFirst();
  if (!cat || cat.active !== 1)
    throw new AppError('VALIDATION', 'reception.categoryInvalid', undefined, [
      { path: 'categoryCode', messageKey: 'reception.categoryInvalid' },
    ]);
}

async function snapshot(trx: Transaction<DB>, ctx: Ctx, id: number, reason: string): Promise<Reception> {
  const entry = await getReception(trx, id);
  await trx
    .insertInto('reception_versions')
    .values({
      reception_id: id,
      version: entry.version,
      data_json: JSON.stringify(entry),
      changed_by: ctx.user.id,
      changed_at: ctx.now.toISOString(),
      reason,
    })
    .execute();
  return entry;
}

const entryColumns = (e: ReceptionFields, citizenId: number) => ({
  received_at: e.receivedAt,
  mode: e.mode,
  citizen_id: citizenId,
  category_code: e.categoryCode,
  subject: e.subject,
  action: e.action,
  action_details: e.actionDetails,
  receiver_id: e.receiverId,
  follow_up_due: e.followUpDue,
  person_file_id: e.personFileId,
});

/** A new journal entry, numbered in the journal's order within its year. */
export async function createReception(ctx: Ctx, e: ReceptionFields): Promise<Reception> {
  return change(ctx, async (tx) => {
    await checkRefs(ctx, tx.db, e);
    const citizen = await linkCitizen(tx, e.citizen);
    const year = Number(e.receivedAt.slice(0, 4));
    const { n } = await tx.db
      .selectFrom('receptions')
      .select((eb) => eb.fn.coalesce(eb.fn.max('number'), sql<number>`0`).as('n'))
      .where('year', '=', year)
      .executeTakeFirstOrThrow();
    const at = ctx.now.toISOString();
    const { id } = await tx.db
      .insertInto('receptions')
      .values({
        ...entryColumns(e, citizen.id),
        year,
        number: Number(n) + 1,
        version: 1,
        voided: 0,
        void_reason: '',
        follow_up_result: '',
        created_by: ctx.user.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const entry = await snapshot(tx.db, ctx, id, '');
    await tx.audit({
      action: 'reception.create',
      entity: 'reception',
      entityId: id,
      after: entry,
    });
    // p.9: an online reception is also written in the receiver's work notebook
    await notebookFollows(tx, entry, '');
    return entry;
  });
}

/** What the receiver's notebook says of an online reception (p.9). */
const onlineText = (e: Reception) => `№ ${e.number}/${e.year}. ${shortName(e.citizen)}: ${e.subject}`;

/**
 * p.9, p.20: the notebook entry an online reception made follows the journal. The notebook is never erased: a
 * correction of the entry is written there as an entry correcting the one before, and an entry that no longer stands
 * (voided, no longer online, received by another) is corrected by one that says so; the new receiver's notebook gets
 * its own entry.
 */
async function notebookFollows(tx: SessionTx, e: Reception, reason: string): Promise<void> {
  const standing = await tx.db
    .selectFrom('notebook_entries as n')
    .select(['n.id', 'n.owner_id', 'n.text'])
    .where('n.reception_id', '=', e.id)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('notebook_entries as c').select('c.id').whereRef('c.corrects_id', '=', 'n.id'))),
    )
    .orderBy('n.id', 'desc')
    .executeTakeFirst();
  const online = e.mode === 'online' && e.status !== 'voided';
  const text = onlineText(e);
  const entry = { kind: 'onlineReception', occurred_at: e.receivedAt, reception_id: e.id, citizen_id: e.citizen.id };
  if (standing && online && standing.owner_id === e.receiverId) {
    if (standing.text !== text) await appendEntry(tx, standing.owner_id, { ...entry, text, corrects_id: standing.id });
    return;
  }
  if (standing) {
    // the entry's own words say why it no longer stands, in both languages (the notebook's text is not translated)
    const why =
      e.status === 'voided'
        ? 'жойылды / аннулирована'
        : e.mode !== 'online'
          ? 'онлайн емес / не онлайн'
          : 'басқа қабылдады / принял другой';
    await appendEntry(tx, standing.owner_id, {
      ...entry,
      text: `№ ${e.number}/${e.year}: ${why}${reason ? ` (${reason})` : ''}`,
      corrects_id: standing.id,
    });
  }
  if (online) await appendEntry(tx, e.receiverId, { ...entry, text });
}

/**
 * Who answers for an entry changes it (ours; p.9 names no one): the one who wrote it, the one who received the
 * citizen, or the UPP lead; an assistant as an inspector (p.2(3)).
 */
async function requireAnswerable(ctx: Ctx, db: Db, id: number): Promise<void> {
  if (ctx.user.role === 'uppLead') return;
  const row = await db
    .selectFrom('receptions')
    .select(['created_by', 'receiver_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row && row.created_by !== ctx.user.id && row.receiver_id !== ctx.user.id)
    throw new AppError('FORBIDDEN', 'reception.notYours');
}

export async function correctReception(ctx: Ctx, id: number, reason: string, e: ReceptionFields): Promise<Reception> {
  return change(ctx, async (tx) => {
    await requireAnswerable(ctx, tx.db, id);
    const before = await getReception(tx.db, id);
    if (before.status === 'voided') throw new AppError('CONFLICT', 'reception.voided');
    await checkRefs(ctx, tx.db, e);
    const citizen = await linkCitizen(tx, e.citizen);
    await tx.db
      .updateTable('receptions')
      .set({ ...entryColumns(e, citizen.id), version: before.version + 1, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    const after = await snapshot(tx.db, ctx, id, reason);
    await tx.audit({
      action: 'reception.correct',
      entity: 'reception',
      entityId: id,
      before,
      after: { ...after, reason },
    });
    await notebookFollows(tx, after, reason);
    return after;
  });
}

async function changeEntry(
  ctx: Ctx,
  id: number,
  action: string,
  reason: string,
  set: (before: Reception) => Updateable<DB['receptions']>,
): Promise<Reception> {
  return change(ctx, async (tx) => {
    await requireAnswerable(ctx, tx.db, id);
    const before = await getReception(tx.db, id);
    if (before.status === 'voided') throw new AppError('CONFLICT', 'reception.voided');
    await tx.db
      .updateTable('receptions')
      .set({ ...set(before), version: before.version + 1, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    const after = await snapshot(tx.db, ctx, id, reason);
    await tx.audit({ action, entity: 'reception', entityId: id, before, after });
    if (after.status === 'voided') await notebookFollows(tx, after, reason);
    return after;
  });
}

export const voidReception = (ctx: Ctx, id: number, reason: string) =>
  changeEntry(ctx, id, 'reception.void', reason, () => ({ voided: 1, void_reason: reason }));

export const setFollowUpResult = (ctx: Ctx, id: number, result: string) =>
  changeEntry(ctx, id, 'reception.setResult', '', () => ({
    follow_up_result: result,
    follow_up_done_at: ctx.now.toISOString(),
  }));

export async function receptionHistory(db: Db, id: number) {
  const rows = await db
    .selectFrom('reception_versions')
    .select(['version', 'changed_at', 'changed_by', 'reason', 'data_json'])
    .where('reception_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  const staff = await staffNames(db);
  return rows.map((r) => ({
    version: r.version,
    changedAt: r.changed_at,
    changedBy: staff.short(r.changed_by),
    reason: r.reason,
    data: JSON.parse(r.data_json) as Reception,
  }));
}

/** The filter's conditions, for any query of `receptions as r`. */
const matching = (f: ReceptionFilterFields) => (eb: ExpressionBuilder<DB & { r: DB['receptions'] }, 'r'>) => {
  const c: Expression<SqlBool>[] = [
    eb('r.received_at', '>=', f.from),
    eb('r.received_at', '<', dayjs(f.to).add(1, 'day').format('YYYY-MM-DD')),
  ];
  if (f.citizen) c.push(citizenMatches('r.citizen_id', f.citizen));
  if (f.citizenId !== null) c.push(eb('r.citizen_id', '=', f.citizenId));
  if (f.mode) c.push(eb('r.mode', '=', f.mode));
  if (f.categoryCode) c.push(eb('r.category_code', '=', f.categoryCode));
  if (f.receiverId) c.push(eb('r.receiver_id', '=', f.receiverId));
  if (f.status === 'voided') c.push(eb('r.voided', '=', 1));
  if (f.status === 'open')
    c.push(eb('r.voided', '=', 0), eb('r.follow_up_due', 'is not', null), eb('r.follow_up_done_at', 'is', null));
  if (f.status === 'done')
    c.push(
      eb('r.voided', '=', 0),
      eb.or([eb('r.follow_up_due', 'is', null), eb('r.follow_up_done_at', 'is not', null)]),
    );
  return eb.and(c);
};

/** The entries a filter takes, in the journal's order: a page of them, or all at once (a print reads by slices). */
export async function listReceptions(
  db: Db,
  f: ReceptionFilterFields,
  page?: { offset: number; limit: number },
): Promise<Reception[]> {
  let q = baseQuery(db).where(matching(f)).orderBy('r.year').orderBy('r.number');
  if (page) q = q.limit(page.limit).offset(page.offset);
  return (await q.execute()).map(toReception(await staffNames(db)));
}

/** Entries a print reads at a time (ours): 2,000 read at once held the backend's thread for 15 ms (issue 14). */
const PRINT_SLICE = 250;

/**
 * Every entry a filter takes, in the journal's order, for a print or a spreadsheet. The entries are named first, then
 * read a slice at a time with a turn between slices for the calls waiting (a search typed meanwhile); the journal is
 * the one of the moment it was asked for, whatever is added meanwhile.
 */
export async function listWholeJournal(db: Db, f: ReceptionFilterFields): Promise<Reception[]> {
  const ids = await db
    .selectFrom('receptions as r')
    .where(matching(f))
    .orderBy('r.year')
    .orderBy('r.number')
    .select('r.id')
    .execute();
  const toEntry = toReception(await staffNames(db));
  const out: Reception[] = [];
  for (let at = 0; at < ids.length; at += PRINT_SLICE) {
    if (at > 0) await setImmediate();
    const slice = ids.slice(at, at + PRINT_SLICE).map((r) => r.id);
    const rows = await baseQuery(db).where('r.id', 'in', slice).orderBy('r.year').orderBy('r.number').execute();
    out.push(...rows.map(toEntry));
  }
  return out;
}

/** How many entries a filter takes, and how many of them are not voided (the journal's count). */
export async function countReceptions(db: Db, f: ReceptionFilterFields): Promise<{ total: number; active: number }> {
  const r = await db
    .selectFrom('receptions as r')
    .where(matching(f))
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('r.voided', '=', 0).then(1).else(0).end()).as('active'),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), active: Number(r.active ?? 0) };
}

/**
 * (ours: p.9 sets no deadline) a visit's follow-up, for the receiver — the UPP lead and chiefs see all — from as many
 * days ahead as the station chose.
 */
export async function dueFollowUps(ctx: Ctx, date: string, window: TodayWindow = 'soon'): Promise<DueItem[]> {
  const { followUpNoticeDays } = await readSettings(ctx.db);
  const horizon = dueBy(date, followUpNoticeDays, window);
  let q = baseQuery(ctx.db)
    .where('r.voided', '=', 0)
    .where('r.follow_up_due', 'is not', null)
    .where('r.follow_up_done_at', 'is', null)
    .where('r.follow_up_due', '<=', horizon);
  if (!inGroup('chiefs', ctx.user.role)) q = q.where('r.receiver_id', '=', ctx.user.id);
  const rows = await q.orderBy('r.follow_up_due').limit(200).execute();
  return rows.map(toReception(await staffNames(ctx.db))).map((r) => ({
    ruleId: 'reception.followUp',
    paragraph: 'ours',
    titleKey: 'today.rules.receptionFollowUp',
    params: {
      number: `${r.number}/${r.year}`,
      person: shortName(r.citizen),
      date: formatDate(r.receivedAt),
      subject: r.subject.slice(0, 80),
    },
    due: r.followUpDue!,
    overdue: r.followUpDue! < date,
    link: `/reception/${r.id}`,
  }));
}
