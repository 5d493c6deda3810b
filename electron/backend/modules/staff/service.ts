import dayjs from 'dayjs';
import { inGroup, AppError, type Absence } from '../../../../shared/api';
import { coverIsAdjacent, coverRequired, sectionsOnDate } from '../../../../shared/rules/cover';
import { getStation } from '../station/service';
import type { WorkingCalendar } from '../../../../shared/calendar/workingDays';
import type { AbsencesTable } from '../../store/schema';
import type { Ctx, Db } from '../../context';
import { change } from '../../change';
import { workingCalendar } from '../calendar/service';
import { listUsers, getUser } from '../users/service';
import type { DueItem } from '../../../../shared/api';
import { formatDate, shortName } from '../../../../shared/format';

type Row = Omit<AbsencesTable, 'id'> & { id: number };

const toAbsence = (r: Row, cal: WorkingCalendar): Absence => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind as Absence['kind'],
  from: r.from_date,
  to: r.to_date,
  workingDays: cal.workingDaysBetween(r.from_date, r.to_date),
  coverRequired: coverRequired(cal, r.from_date, r.to_date),
  coverUserId: r.cover_user_id,
  orderNumber: r.order_number,
  nonAdjacentReason: r.non_adjacent_reason,
  orderDate: r.order_date,
  cancelled: r.cancelled === 1,
});

export async function listAbsences(db: Db): Promise<Absence[]> {
  const cal = await workingCalendar(db);
  const rows = await db.selectFrom('absences').selectAll().orderBy('from_date', 'desc').execute();
  return rows.map((r) => toAbsence(r, cal));
}

/** Whether the person was on leave, ill or on a business trip on the day (an absence not cancelled). */
export const awayOn = (absences: Absence[], userId: number, day: string): boolean =>
  absences.some((a) => !a.cancelled && a.userId === userId && a.from <= day && day <= a.to);

async function getAbsence(db: Db, id: number): Promise<Absence | undefined> {
  const r = await db.selectFrom('absences').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toAbsence(r, await workingCalendar(db));
}

export interface AbsenceInput {
  userId: number;
  kind: Absence['kind'];
  from: string;
  to: string;
  coverUserId: number | null;
  orderNumber: string;
  orderDate: string | null;
  nonAdjacentReason: string;
}

export async function addAbsence(ctx: Ctx, a: AbsenceInput): Promise<Absence> {
  return change(ctx, async (tx) => {
    const absent = await getUser(tx.db, a.userId);
    if (!absent.active) throw new AppError('CONFLICT', 'errors.userInactive');
    if (a.coverUserId !== null) {
      const cover = await getUser(tx.db, a.coverUserId);
      if (!cover.active || !inGroup('inspectors', cover.role)) {
        throw new AppError('VALIDATION', 'staff.coverMustBeInspector', undefined, [
          { path: 'coverUserId', messageKey: 'staff.coverMustBeInspector' },
        ]);
      }
      // p.6: an adjacent section's inspector, unless the chief's order says otherwise and why
      const { sections } = await getStation(tx.db);
      if (!coverIsAdjacent(absent.sectionIds, cover.sectionIds, sections) && a.nonAdjacentReason === '')
        throw new AppError('VALIDATION', 'staff.coverNotAdjacent', undefined, [
          { path: 'nonAdjacentReason', messageKey: 'staff.coverNotAdjacent' },
        ]);
    }
    const overlap = await tx.db
      .selectFrom('absences')
      .select('id')
      .where('user_id', '=', a.userId)
      .where('cancelled', '=', 0)
      .where('from_date', '<=', a.to)
      .where('to_date', '>=', a.from)
      .executeTakeFirst();
    if (overlap)
      throw new AppError('CONFLICT', 'staff.overlap', undefined, [{ path: 'from', messageKey: 'staff.overlap' }]);
    const { id } = await tx.db
      .insertInto('absences')
      .values({
        user_id: a.userId,
        kind: a.kind,
        from_date: a.from,
        to_date: a.to,
        cover_user_id: a.coverUserId,
        order_number: a.orderNumber,
        order_date: a.orderDate,
        non_adjacent_reason: a.coverUserId === null ? '' : a.nonAdjacentReason,
        cancelled: 0,
        cancel_reason: '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = (await getAbsence(tx.db, id))!;
    await tx.audit({ action: 'staff.addAbsence', entity: 'absence', entityId: id, after });
    return after;
  });
}

export async function cancelAbsence(ctx: Ctx, id: number, reason: string): Promise<Absence> {
  return change(ctx, async (tx) => {
    const before = await getAbsence(tx.db, id);
    if (!before) throw new AppError('NOT_FOUND', 'errors.notFound');
    if (before.cancelled) throw new AppError('CONFLICT', 'errors.alreadyCancelled');
    await tx.db.updateTable('absences').set({ cancelled: 1, cancel_reason: reason }).where('id', '=', id).execute();
    const after = (await getAbsence(tx.db, id))!;
    await tx.audit({
      action: 'staff.cancelAbsence',
      entity: 'absence',
      entityId: id,
      before,
      after: { ...after, reason },
    });
    return after;
  });
}

export async function coverage(db: Db, date: string) {
  const users = await listUsers(db, false);
  const absences = (await listAbsences(db)).map((a) => ({ ...a }));
  const assignments = users.map((u) => ({ userId: u.id, sectionIds: u.sectionIds }));
  return users.map((u) => {
    const s = sectionsOnDate(u.id, date, assignments, absences);
    return { userId: u.id, ownSectionIds: s.own, coveredSectionIds: s.covered, absentToday: s.absent };
  });
}

/**
 * The sections a user may work on today (p.6). Modules with section data ask this
 * before every read or write, so the cover rule holds everywhere at once.
 */
export async function workingSections(ctx: Ctx): Promise<number[]> {
  const date = dayjs(ctx.now).format('YYYY-MM-DD');
  const c = (await coverage(ctx.db, date)).find((x) => x.userId === ctx.user.id);
  if (!c || c.absentToday) return c?.coveredSectionIds ?? [];
  return [...c.ownSectionIds, ...c.coveredSectionIds];
}

/**
 * The sections whose records the caller works with: all of them for the UPP lead and the
 * chiefs (p.16), his working sections (own and covered, p.6) for an inspector or an
 * assistant, none for anyone else. Inside a transaction pass it as db: the store has one
 * connection, and a query beside the transaction would wait forever.
 */
export async function sectionScope(ctx: Ctx, db: Db = ctx.db): Promise<'all' | number[]> {
  if (inGroup('chiefs', ctx.user.role)) return 'all';
  if (!['inspector', 'assistant'].includes(ctx.user.role)) return [];
  return workingSections({ ...ctx, db });
}

/**
 * Every call that names a section asks this before reading or writing its records: a section that is not there
 * (or, for a write, no longer worked) is a field error, one outside the caller's scope is refused (p.16, p.6).
 */
export async function requireSection(
  ctx: Ctx,
  sectionId: number,
  opts: { db?: Db; active?: boolean } = {},
): Promise<void> {
  const db = opts.db ?? ctx.db;
  const section = await db.selectFrom('sections').select('active').where('id', '=', sectionId).executeTakeFirst();
  if (!section || (opts.active && section.active !== 1))
    throw new AppError('VALIDATION', 'errors.unknownSection', undefined, [
      { path: 'sectionId', messageKey: 'errors.unknownSection' },
    ]);
  if (!inScope(await sectionScope(ctx, db), sectionId)) throw new AppError('FORBIDDEN', 'prevention.notYourSection');
}

export const inScope = (scope: 'all' | number[], sectionId: number): boolean =>
  scope === 'all' || scope.includes(sectionId);

/** p.6 deadline: a long absence with no covering inspector named, from its first day. */
export async function uncoveredAbsences(ctx: Ctx, date: string): Promise<DueItem[]> {
  const users = await listUsers(ctx.db, true);
  return (await listAbsences(ctx.db))
    .filter((a) => !a.cancelled && a.coverRequired && a.coverUserId === null && a.to >= date)
    .map((a) => {
      const u = users.find((x) => x.id === a.userId);
      return {
        ruleId: 'cover.missing',
        paragraph: '6',
        titleKey: 'today.rules.coverMissing',
        params: { person: u ? shortName(u) : '', from: formatDate(a.from), to: formatDate(a.to) },
        due: a.from,
        overdue: a.from <= date,
        link: '/staff',
      };
    });
}
