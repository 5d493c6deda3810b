/** p.18: the head of the MPS and the person replacing him, who alone approve the monthly plan. */
import dayjs from 'dayjs';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api';
import type { MpsDesignationRow, mpsActingInputSchema } from '../../../../shared/api/staff';
import { approverOn } from '../../../../shared/rules/plans';
import type { Ctx, Db } from '../../context';
import { change } from '../../change';
import { getUser } from '../users/service';
import { staffNames } from '../users/names';

export async function mpsDesignations(db: Db): Promise<MpsDesignationRow[]> {
  const rows = await db
    .selectFrom('mps_heads')
    .selectAll()
    .orderBy('from_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const staff = await staffNames(db);
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    name: staff.full(r.user_id),
    position: staff.position(r.user_id),
    kind: r.kind,
    from: r.from_date,
    to: r.to_date,
    orderNumber: r.order_number,
    orderDate: r.order_date,
  }));
}

const today = (ctx: Ctx) => dayjs(ctx.now).format('YYYY-MM-DD');

/** p.18: the designations and who of them approves the plan on a date, by name. */
export async function approverAt(db: Db, date: string) {
  const designations = await mpsDesignations(db);
  const a = approverOn(designations, date);
  const who = a && designations.find((d) => d.userId === a.userId);
  return { designations, approver: a && who ? { userId: a.userId, name: who.name, kind: a.kind } : null };
}

export async function mpsHeads(ctx: Ctx) {
  const { designations, approver } = await approverAt(ctx.db, today(ctx));
  return { designations, approverToday: approver };
}

/** Only a chief of the MPS (a supervisor's account) heads it or replaces its head. */
async function requireSupervisor(db: Db, userId: number): Promise<void> {
  const u = await getUser(db, userId);
  if (!u.active || u.role !== 'supervisor')
    throw new AppError('VALIDATION', 'staff.mpsMustBeSupervisor', undefined, [
      { path: 'userId', messageKey: 'staff.mpsMustBeSupervisor' },
    ]);
}

/** A new head from a day: the head before him held the post until the day before. */
export async function setMpsHead(ctx: Ctx, userId: number, from: string): Promise<MpsDesignationRow[]> {
  return change(ctx, async (tx) => {
    await requireSupervisor(tx.db, userId);
    const current = await tx.db
      .selectFrom('mps_heads')
      .selectAll()
      .where('kind', '=', 'head')
      .where('to_date', 'is', null)
      .executeTakeFirst();
    if (current && current.from_date >= from)
      throw new AppError('CONFLICT', 'staff.mpsHeadBefore', { from: current.from_date }, [
        { path: 'from', messageKey: 'staff.mpsHeadBefore' },
      ]);
    if (current)
      await tx.db
        .updateTable('mps_heads')
        .set({ to_date: dayjs(from).subtract(1, 'day').format('YYYY-MM-DD') })
        .where('id', '=', current.id)
        .execute();
    const { id } = await tx.db
      .insertInto('mps_heads')
      .values({
        user_id: userId,
        kind: 'head',
        from_date: from,
        to_date: null,
        order_date: null,
        created_at: ctx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.audit({
      action: 'mps.head',
      entity: 'mps_head',
      entityId: id,
      before: current ?? null,
      after: { userId, from },
    });
    return mpsDesignations(tx.db);
  });
}

export async function addMpsActing(ctx: Ctx, a: z.output<typeof mpsActingInputSchema>): Promise<MpsDesignationRow[]> {
  return change(ctx, async (tx) => {
    await requireSupervisor(tx.db, a.userId);
    const overlap = await tx.db
      .selectFrom('mps_heads')
      .select('id')
      .where('kind', '=', 'acting')
      .where('from_date', '<=', a.to)
      .where('to_date', '>=', a.from)
      .executeTakeFirst();
    if (overlap)
      throw new AppError('CONFLICT', 'staff.mpsOverlap', undefined, [{ path: 'from', messageKey: 'staff.mpsOverlap' }]);
    const { id } = await tx.db
      .insertInto('mps_heads')
      .values({
        user_id: a.userId,
        kind: 'acting',
        from_date: a.from,
        to_date: a.to,
        order_number: a.orderNumber,
        order_date: a.orderDate,
        created_at: ctx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.audit({ action: 'mps.acting', entity: 'mps_head', entityId: id, after: a });
    return mpsDesignations(tx.db);
  });
}

/** A replacement recorded by mistake goes; the audit keeps what it was. */
export async function removeMpsActing(ctx: Ctx, id: number): Promise<MpsDesignationRow[]> {
  return change(ctx, async (tx) => {
    const row = await tx.db.selectFrom('mps_heads').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || row.kind !== 'acting') throw new AppError('NOT_FOUND', 'errors.notFound');
    await tx.db.deleteFrom('mps_heads').where('id', '=', id).execute();
    await tx.audit({ action: 'mps.actingRemoved', entity: 'mps_head', entityId: id, before: row });
    return mpsDesignations(tx.db);
  });
}

/**
 * p.18: the caller approves (or returns) the plan only as the head of the MPS or his replacement on the day; the
 * answer says which, for the print.
 */
export async function requireApprover(ctx: Ctx, db: Db): Promise<'head' | 'acting'> {
  const { approver } = await approverAt(db, today(ctx));
  if (!approver) throw new AppError('CONFLICT', 'plans.noApprover');
  if (approver.userId !== ctx.user.id) throw new AppError('FORBIDDEN', 'plans.notTheApprover', { name: approver.name });
  return approver.kind;
}
