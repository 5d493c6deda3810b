import { sql, type Insertable, type Updateable } from 'kysely';
import { dueBy, TODAY_HORIZON_DAYS, type TodayWindow } from '../../../../shared/rules/today';
import { passOnDeadline } from '../../../../shared/rules/notebook';
import dayjs from 'dayjs';
import {
  AppError,
  inGroup,
  isRole,
  type DueItem,
  type EntryKind,
  type NotebookEntry,
  type User,
} from '../../../../shared/api';
import { formatDate, fullName, shortName } from '../../../../shared/format';
import type { NotebookEntriesTable } from '../../store/schema';
import type { Ctx, Db } from '../../context';
import { change, type SessionTx } from '../../change';
import { listUsers } from '../users/service';
import { awayOn, listAbsences, workingSections } from '../staff/service';
import { getStation } from '../station/service';
import { workingCalendar } from '../calendar/service';
import { staffNames, type StaffNames } from '../users/names';

/**
 * Who may open whose notebook: the owner; the UPP lead, chiefs and duty officers (p.16,
 * p.23(3)); an inspector his assistants' notebooks and those of the sections he covers (p.6).
 */
export async function canRead(ctx: Ctx, ownerId: number): Promise<boolean> {
  if (ctx.user.id === ownerId || inGroup('allNotebooksReaders', ctx.user.role)) return true;
  if (ctx.user.role !== 'inspector') return false;
  const owner = (await listUsers(ctx.db, false)).find((u) => u.id === ownerId);
  return owner !== undefined && readableBy(ctx, owner, await workingSections(ctx));
}

/** The rule itself, for a viewer whose working sections are already known. */
function readableBy(ctx: Ctx, owner: User, mySections: number[]): boolean {
  if (ctx.user.id === owner.id || inGroup('allNotebooksReaders', ctx.user.role)) return true;
  if (ctx.user.role !== 'inspector') return false;
  return (
    owner.sectionIds.some((s) => mySections.includes(s)) && (owner.role === 'assistant' || owner.role === 'inspector')
  );
}

async function requireRead(ctx: Ctx, ownerId: number): Promise<void> {
  const owner = await ctx.db.selectFrom('users').select('id').where('id', '=', ownerId).executeTakeFirst();
  if (!owner)
    throw new AppError('NOT_FOUND', 'errors.notFound', undefined, [{ path: 'ownerId', messageKey: 'errors.notFound' }]);
  if (!(await canRead(ctx, ownerId))) throw new AppError('FORBIDDEN', 'errors.forbidden');
}

function baseQuery(db: Db) {
  return db
    .selectFrom('notebook_entries as e')
    .leftJoin('notebook_entries as c', 'c.id', 'e.corrects_id')
    .leftJoin('citizens as z', 'z.id', 'e.citizen_id')
    .selectAll('e')
    .select([
      'c.number as corrects_number',
      'z.surname as z_surname',
      'z.name as z_name',
      'z.patronymic as z_patronymic',
      'z.iin as z_iin',
      sql<number | null>`(SELECT x.number FROM notebook_entries x WHERE x.corrects_id = e.id ORDER BY x.id LIMIT 1)`.as(
        'corrected_by_number',
      ),
    ]);
}
type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

const toEntry =
  (staff: StaffNames) =>
  (r: Row): NotebookEntry => ({
    id: r.id,
    ownerId: r.owner_id,
    number: r.number,
    kind: r.kind as EntryKind,
    occurredAt: r.occurred_at,
    text: r.text,
    writtenBy: staff.short(r.created_by),
    writtenByRole: staff.role(r.created_by),
    createdAt: r.created_at,
    correctsNumber: r.corrects_number,
    correctedByNumber: r.corrected_by_number,
    givenBy: staff.short(r.given_by),
    dueDate: r.due_date,
    expectedResult: r.expected_result,
    doneAt: r.done_at,
    doneText: r.done_text,
    passTo: r.pass_to,
    passedAt: r.passed_at,
    passedHow: r.passed_how,
    outgoingNumber: r.outgoing_number,
    checkResult: r.check_result,
    receptionId: r.reception_id,
    citizenId: r.citizen_id,
    citizenName: r.z_surname
      ? `${fullName({ surname: r.z_surname, name: r.z_name ?? '', patronymic: r.z_patronymic ?? '' })}${r.z_iin ? `, ${r.z_iin}` : ''}`
      : '',
    address: r.address,
  });

export async function getEntry(db: Db, id: number): Promise<NotebookEntry> {
  const r = await baseQuery(db).where('e.id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
  return toEntry(await staffNames(db))(r);
}

type NewEntry = Omit<Insertable<NotebookEntriesTable>, 'id' | 'number' | 'created_at' | 'owner_id' | 'created_by'>;

/** The next number in the owner's notebook; entries are never renumbered or removed. */
export async function appendEntry(tx: SessionTx, ownerId: number, e: NewEntry): Promise<NotebookEntry> {
  const owner = await tx.db.selectFrom('users').select(['role', 'active']).where('id', '=', ownerId).executeTakeFirst();
  if (!owner || owner.active !== 1 || !isRole(owner.role) || !inGroup('sectionStaff', owner.role)) {
    throw new AppError('VALIDATION', 'notebook.noNotebook', undefined, [
      { path: 'ownerId', messageKey: 'notebook.noNotebook' },
    ]);
  }
  const { n } = await tx.db
    .selectFrom('notebook_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.max('number'), sql<number>`0`).as('n'))
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow();
  const { id } = await tx.db
    .insertInto('notebook_entries')
    .values({
      ...e,
      owner_id: ownerId,
      number: Number(n) + 1,
      created_by: tx.user.id,
      created_at: tx.now.toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const entry = await getEntry(tx.db, id);
  await tx.audit({
    action: `notebook.${e.kind}`,
    entity: 'notebook_entry',
    entityId: id,
    after: entry,
  });
  return entry;
}

export async function writeOwn(
  ctx: Ctx,
  e: {
    kind: EntryKind;
    occurredAt: string;
    text: string;
    passTo: string;
    citizenId: number | null;
    address: string;
    correctsId: number | null;
  },
): Promise<NotebookEntry> {
  return change(ctx, async (tx) => {
    if (e.correctsId !== null) {
      const old = await tx.db
        .selectFrom('notebook_entries')
        .select(['owner_id', 'id'])
        .where('id', '=', e.correctsId)
        .executeTakeFirst();
      if (!old || old.owner_id !== ctx.user.id) throw new AppError('VALIDATION', 'notebook.correctOwnOnly');
      const already = await tx.db
        .selectFrom('notebook_entries')
        .select('id')
        .where('corrects_id', '=', e.correctsId)
        .executeTakeFirst();
      if (already) throw new AppError('CONFLICT', 'notebook.alreadyCorrected');
    }
    if (
      e.citizenId !== null &&
      !(await tx.db.selectFrom('citizens').select('id').where('id', '=', e.citizenId).executeTakeFirst())
    ) {
      throw new AppError('VALIDATION', 'errors.notFound', undefined, [
        { path: 'citizenId', messageKey: 'errors.notFound' },
      ]);
    }
    return appendEntry(tx, ctx.user.id, {
      kind: e.kind,
      occurred_at: e.occurredAt,
      text: e.text,
      pass_to: e.kind === 'passOn' ? e.passTo : '',
      corrects_id: e.correctsId,
      citizen_id: e.citizenId,
      address: e.address,
    });
  });
}

export async function instruct(
  ctx: Ctx,
  ownerIds: number[],
  text: string,
  dueDate: string,
  expectedResult: string,
): Promise<NotebookEntry[]> {
  return change(ctx, async (tx) => {
    const out: NotebookEntry[] = [];
    for (const ownerId of new Set(ownerIds)) {
      out.push(
        await appendEntry(tx, ownerId, {
          kind: 'instruction',
          occurred_at: dayjs(ctx.now).format('YYYY-MM-DDTHH:mm'),
          text,
          given_by: ctx.user.id,
          due_date: dueDate,
          expected_result: expectedResult,
        }),
      );
    }
    return out;
  });
}

export async function recordCallIn(
  ctx: Ctx,
  ownerId: number,
  occurredAt: string,
  text: string,
): Promise<NotebookEntry> {
  return change(ctx, (tx) => appendEntry(tx, ownerId, { kind: 'callIn', occurred_at: occurredAt, text }));
}

/** A status mark on an entry (done, passed, check result): the text stays as written; audited. */
async function mark(
  ctx: Ctx,
  id: number,
  check: (e: NotebookEntry) => void,
  set: Updateable<NotebookEntriesTable>,
  action: string,
): Promise<NotebookEntry> {
  return change(ctx, async (tx) => {
    const before = await getEntry(tx.db, id);
    check(before);
    await tx.db.updateTable('notebook_entries').set(set).where('id', '=', id).execute();
    const after = await getEntry(tx.db, id);
    await tx.audit({ action, entity: 'notebook_entry', entityId: id, before, after });
    return after;
  });
}

const ownerOnly = (ctx: Ctx) => (e: NotebookEntry) => {
  if (e.ownerId !== ctx.user.id) throw new AppError('FORBIDDEN', 'errors.forbidden');
};

export const markDone = (ctx: Ctx, id: number, doneText: string) =>
  mark(
    ctx,
    id,
    (e) => {
      ownerOnly(ctx)(e);
      if (e.kind !== 'instruction' || e.doneAt) throw new AppError('CONFLICT', 'notebook.notOpen');
    },
    { done_at: ctx.now.toISOString(), done_text: doneText },
    'notebook.markDone',
  );

export const markPassed = (ctx: Ctx, id: number, passedHow: string, outgoingNumber: string) =>
  mark(
    ctx,
    id,
    (e) => {
      ownerOnly(ctx)(e);
      if (e.kind !== 'passOn' || e.passedAt) throw new AppError('CONFLICT', 'notebook.notOpen');
    },
    { passed_at: ctx.now.toISOString(), passed_how: passedHow, outgoing_number: outgoingNumber },
    'notebook.markPassed',
  );

export const recordCheck = (ctx: Ctx, id: number, checkResult: string) =>
  mark(
    ctx,
    id,
    (e) => {
      if (e.kind !== 'passOn') throw new AppError('CONFLICT', 'notebook.notOpen');
    },
    { check_result: checkResult, check_result_at: ctx.now.toISOString() },
    'notebook.recordCheck',
  );

const isOpen = (e: NotebookEntry) =>
  e.correctedByNumber === null && ((e.kind === 'instruction' && !e.doneAt) || (e.kind === 'passOn' && !e.passedAt));

export async function listEntries(
  ctx: Ctx,
  f: {
    ownerId: number;
    from: string | null;
    to: string | null;
    kind: EntryKind | null;
    text: string;
    status?: 'open' | 'corrected' | null;
  },
) {
  await requireRead(ctx, f.ownerId);
  let q = baseQuery(ctx.db).where('e.owner_id', '=', f.ownerId);
  if (f.from) q = q.where('e.occurred_at', '>=', f.from);
  if (f.to) q = q.where('e.occurred_at', '<', dayjs(f.to).add(1, 'day').format('YYYY-MM-DD'));
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  const rows = (await q.orderBy('e.number', 'desc').limit(5000).execute()).map(toEntry(await staffNames(ctx.db)));
  // a short free-text filter over what is already the owner's own small set; case folded for Cyrillic
  const needle = f.text.trim().toLocaleLowerCase('ru');
  const entries = rows
    .filter((e) => !needle || `${e.text} ${e.passTo} ${e.doneText}`.toLocaleLowerCase('ru').includes(needle))
    .filter((e) => !f.status || (f.status === 'open' ? isOpen(e) : e.correctedByNumber !== null));
  const reviews = await ctx.db
    .selectFrom('notebook_reviews')
    .select(['id', 'reviewed_at', 'up_to_number', 'remark', 'reviewer_id'])
    .where('owner_id', '=', f.ownerId)
    .orderBy('id', 'desc')
    .execute();
  const staff = await staffNames(ctx.db);
  return {
    entries,
    reviews: reviews.map((r) => ({
      id: r.id,
      reviewer: staff.short(r.reviewer_id),
      reviewerRole: staff.role(r.reviewer_id),
      reviewedAt: r.reviewed_at,
      upToNumber: r.up_to_number,
      remark: r.remark,
    })),
  };
}

export async function review(ctx: Ctx, ownerId: number, remark: string) {
  await requireRead(ctx, ownerId);
  return change(ctx, async (tx) => {
    const { n } = await tx.db
      .selectFrom('notebook_entries')
      .select((eb) => eb.fn.coalesce(eb.fn.max('number'), sql<number>`0`).as('n'))
      .where('owner_id', '=', ownerId)
      .executeTakeFirstOrThrow();
    const at = ctx.now.toISOString();
    const { id } = await tx.db
      .insertInto('notebook_reviews')
      .values({ owner_id: ownerId, reviewer_id: ctx.user.id, reviewed_at: at, up_to_number: Number(n), remark })
      .returning('id')
      .executeTakeFirstOrThrow();
    const out = {
      id,
      reviewer: shortName(ctx.user),
      reviewerRole: ctx.user.role,
      reviewedAt: at,
      upToNumber: Number(n),
      remark,
    };
    await tx.audit({
      action: 'notebook.review',
      entity: 'notebook',
      entityId: ownerId,
      after: out,
    });
    return out;
  });
}

export async function owners(ctx: Ctx) {
  const users = (await listUsers(ctx.db, false)).filter((u) => inGroup('sectionStaff', u.role));
  // the staff list and the viewer's sections once, not once per notebook
  const mine = ctx.user.role === 'inspector' ? await workingSections(ctx) : [];
  const out = users
    .filter((u) => readableBy(ctx, u, mine))
    .map((u) => ({
      userId: u.id,
      name: shortName(u),
      role: u.role,
      own: u.id === ctx.user.id,
      canWrite: u.id === ctx.user.id,
    }));
  return out.sort((a, b) => Number(b.own) - Number(a.own) || a.name.localeCompare(b.name));
}

export async function passRegister(ctx: Ctx, from: string, to: string) {
  const rows = await baseQuery(ctx.db)
    .where('e.kind', '=', 'passOn')
    .where('e.occurred_at', '>=', from)
    .where('e.occurred_at', '<', dayjs(to).add(1, 'day').format('YYYY-MM-DD'))
    .orderBy('e.occurred_at')
    .execute();
  const staff = await staffNames(ctx.db);
  return rows.map((r) => ({ ...toEntry(staff)(r), ownerName: staff.short(r.owner_id) }));
}

/** p.22 (last paragraph): information concerning another body leaves within 24 hours of receipt. */
export async function duePassOn(ctx: Ctx, date: string): Promise<DueItem[]> {
  let q = baseQuery(ctx.db).where('e.kind', '=', 'passOn').where('e.passed_at', 'is', null);
  if (!inGroup('chiefs', ctx.user.role)) q = q.where('e.owner_id', '=', ctx.user.id);
  const rows = (await q.execute()).map(toEntry(await staffNames(ctx.db))).filter((e) => e.correctedByNumber === null);
  const now = dayjs(ctx.now);
  return rows.map((e) => {
    const deadline = passOnDeadline(e.occurredAt);
    return {
      ruleId: 'notebook.passOn',
      paragraph: '22',
      titleKey: 'today.rules.passOn',
      params: { number: e.number, to: e.passTo, deadline: deadline.format('DD.MM.YYYY HH:mm') },
      due: deadline.format('YYYY-MM-DD'),
      overdue: now.isAfter(deadline) || deadline.format('YYYY-MM-DD') < date,
      link: `/notebook/${e.ownerId}`,
    };
  });
}

/** p.20: an instruction's deadline, for its addressee, for the one who gave it, and for the UPP lead. */
export async function dueInstructions(ctx: Ctx, date: string, window: TodayWindow = 'soon'): Promise<DueItem[]> {
  let q = baseQuery(ctx.db)
    .where('e.kind', '=', 'instruction')
    .where('e.done_at', 'is', null)
    .where('e.due_date', '<=', dueBy(date, TODAY_HORIZON_DAYS.task, window));
  if (ctx.user.role !== 'uppLead')
    q = q.where((eb) => eb.or([eb('e.owner_id', '=', ctx.user.id), eb('e.given_by', '=', ctx.user.id)]));
  const rows = (await q.execute()).map(toEntry(await staffNames(ctx.db)));
  const names = new Map((await listUsers(ctx.db, true)).map((u) => [u.id, shortName(u)]));
  return rows.map((e) => ({
    ruleId: 'notebook.instruction',
    paragraph: '20',
    titleKey: 'today.rules.instruction',
    params: { owner: names.get(e.ownerId) ?? '', text: e.text.slice(0, 80), givenBy: e.givenBy },
    due: e.dueDate!,
    overdue: e.dueDate! < date,
    link: `/notebook/${e.ownerId}`,
  }));
}

/**
 * p.23(3): each working day a rural section's inspector and his assistant call in to the duty unit; the last week's
 * gaps. A day the person was on leave, ill or on a business trip (the staff absences) is not missing.
 */
export async function missingCallIns(ctx: Ctx, date: string): Promise<DueItem[]> {
  if (!['dutyOfficer', 'uppLead', 'supervisor', 'inspector', 'assistant'].includes(ctx.user.role)) return [];
  const station = await getStation(ctx.db);
  const rural = station.sections.filter((s) => s.kind === 'rural' && s.active).map((s) => s.id);
  if (rural.length === 0) return [];
  const cal = await workingCalendar(ctx.db);
  const users = (await listUsers(ctx.db, false)).filter(
    (u) => (u.role === 'inspector' || u.role === 'assistant') && u.sectionIds.some((s) => rural.includes(s)),
  );
  const absences = await listAbsences(ctx.db);
  const out: DueItem[] = [];
  for (const u of users) {
    if ((ctx.user.role === 'inspector' || ctx.user.role === 'assistant') && u.id !== ctx.user.id) continue;
    const since = (
      await ctx.db.selectFrom('users').select('created_at').where('id', '=', u.id).executeTakeFirstOrThrow()
    ).created_at.slice(0, 10);
    const calls = await ctx.db
      .selectFrom('notebook_entries')
      .select('occurred_at')
      .where('owner_id', '=', u.id)
      .where('kind', '=', 'callIn')
      .where('occurred_at', '>=', dayjs(date).subtract(7, 'day').format('YYYY-MM-DD'))
      .execute();
    const days = new Set(calls.map((c) => c.occurred_at.slice(0, 10)));
    for (let d = dayjs(date).subtract(7, 'day'); d.isBefore(date, 'day'); d = d.add(1, 'day')) {
      const day = d.format('YYYY-MM-DD');
      if (day < since || !cal.isWorkingDay(day) || days.has(day) || awayOn(absences, u.id, day)) continue;
      out.push({
        ruleId: 'notebook.callIn',
        paragraph: '23(3)',
        titleKey: 'today.rules.callInMissing',
        params: { person: shortName(u), date: formatDate(day) },
        due: day,
        overdue: true,
        link: `/notebook/${u.id}`,
      });
    }
  }
  return out;
}
