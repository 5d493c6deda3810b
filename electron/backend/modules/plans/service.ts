import { sql, type Transaction } from 'kysely';
import { dueBy, TODAY_HORIZON_DAYS, type TodayWindow } from '../../../../shared/rules/today';
import dayjs from 'dayjs';
import type { z } from 'zod';
import { inGroup, AppError, type DueItem, type Plan } from '../../../../shared/api';
import type { planItemInputSchema } from '../../../../shared/api/plans';
import { formatDate } from '../../../../shared/format';
import type { DB } from '../../store/schema';
import type { Ctx, Db } from '../../context';
import { change } from '../../change';
import { staffNames } from '../users/names';
import { approverAt, requireApprover } from '../staff/mpsHead';

export type ItemFields = z.output<typeof planItemInputSchema>;

export async function getPlan(db: Db, id: number): Promise<Plan> {
  const p = await db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw new AppError('NOT_FOUND', 'errors.notFound');
  const items = await db.selectFrom('plan_items').selectAll().where('plan_id', '=', id).orderBy('position').execute();
  const staff = await staffNames(db);
  return {
    id: p.id,
    month: p.month,
    revision: p.revision,
    status: p.status,
    draftedBy: staff.short(p.drafted_by),
    submittedAt: p.submitted_at,
    approvedBy: staff.short(p.approved_by),
    approvedByPosition: staff.position(p.approved_by),
    approvedAs: p.approved_as,
    approvedAt: p.approved_at,
    returnRemarks: p.return_remarks,
    items: items.map((i) => ({
      id: i.id,
      text: i.text,
      responsibleId: i.responsible_id,
      responsibleText: i.responsible_text,
      responsible: [staff.short(i.responsible_id), i.responsible_text].filter(Boolean).join(', '),
      dueDate: i.due_date,
      basis: i.basis,
      result: i.result,
      resultNote: i.result_note,
      markedAt: i.marked_at,
    })),
  };
}

export async function revisions(db: Db, month: string): Promise<Plan[]> {
  const rows = await db
    .selectFrom('plans')
    .select('id')
    .where('month', '=', month)
    .orderBy('revision', 'desc')
    .execute();
  return Promise.all(rows.map((r) => getPlan(db, r.id)));
}

async function writeItems(trx: Transaction<DB>, planId: number, month: string, items: ItemFields[]) {
  const from = `${month}-01`;
  const to = dayjs(from).endOf('month').format('YYYY-MM-DD');
  items.forEach((i, n) => {
    if (i.dueDate < from || i.dueDate > to)
      throw new AppError('VALIDATION', 'plans.dueOutsideMonth', undefined, [
        { path: `items.${n}.dueDate`, messageKey: 'plans.dueOutsideMonth' },
      ]);
  });
  const ids = [...new Set(items.map((i) => i.responsibleId).filter((x): x is number => x !== null))];
  if (ids.length) {
    const found = await trx.selectFrom('users').select('id').where('id', 'in', ids).where('active', '=', 1).execute();
    if (found.length !== ids.length) throw new AppError('VALIDATION', 'errors.notFound');
  }
  // a mark already made stays with its activity when a revision is edited
  const marks = new Map(
    (
      await trx
        .selectFrom('plan_items')
        .select(['text', 'result', 'result_note', 'marked_by', 'marked_at'])
        .where('plan_id', '=', planId)
        .where('result', 'is not', null)
        .execute()
    ).map((m) => [m.text, m]),
  );
  await trx.deleteFrom('plan_items').where('plan_id', '=', planId).execute();
  await trx
    .insertInto('plan_items')
    .values(
      items.map((i, n) => {
        const m = marks.get(i.text);
        return {
          plan_id: planId,
          position: n + 1,
          text: i.text,
          responsible_id: i.responsibleId,
          responsible_text: i.responsibleText,
          due_date: i.dueDate,
          basis: i.basis,
          result: m?.result ?? null,
          result_note: m?.result_note ?? '',
          marked_by: m?.marked_by ?? null,
          marked_at: m?.marked_at ?? null,
        };
      }),
    )
    .execute();
}

/** The lead's draft: created, or edited while it is a draft or came back with remarks. */
export async function saveDraft(ctx: Ctx, month: string, items: ItemFields[]): Promise<Plan> {
  return change(ctx, async (tx) => {
    const latest = await tx.db
      .selectFrom('plans')
      .selectAll()
      .where('month', '=', month)
      .orderBy('revision', 'desc')
      .executeTakeFirst();
    const at = ctx.now.toISOString();
    let id: number;
    let before: Plan | null = null;
    if (!latest) {
      id = (
        await tx.db
          .insertInto('plans')
          .values({
            month,
            revision: 1,
            status: 'draft',
            drafted_by: ctx.user.id,
            submitted_at: null,
            approved_by: null,
            approved_at: null,
            approved_as: null,
            created_at: at,
            updated_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else if (latest.status === 'draft' || latest.status === 'returned') {
      id = latest.id;
      before = await getPlan(tx.db, id);
      await tx.db.updateTable('plans').set({ status: 'draft', updated_at: at }).where('id', '=', id).execute();
    } else {
      throw new AppError('CONFLICT', latest.status === 'submitted' ? 'plans.awaitingApproval' : 'plans.frozen');
    }
    await writeItems(tx.db, id, month, items);
    const after = await getPlan(tx.db, id);
    await tx.audit({
      action: 'plans.saveDraft',
      entity: 'plan',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

async function transition(
  ctx: Ctx,
  id: number,
  action: string,
  from: Plan['status'][],
  run: (trx: Transaction<DB>, p: Plan) => Promise<void>,
): Promise<Plan> {
  return change(ctx, async (tx) => {
    const before = await getPlan(tx.db, id);
    if (!from.includes(before.status)) throw new AppError('CONFLICT', 'plans.wrongState');
    await run(tx.db, before);
    await tx.db.updateTable('plans').set({ updated_at: ctx.now.toISOString() }).where('id', '=', id).execute();
    const after = await getPlan(tx.db, id);
    await tx.audit({ action, entity: 'plan', entityId: id, before, after });
    return after;
  });
}

export const submitPlan = (ctx: Ctx, id: number) =>
  transition(ctx, id, 'plans.submit', ['draft'], async (trx) => {
    await trx
      .updateTable('plans')
      .set({ status: 'submitted', submitted_at: ctx.now.toISOString(), return_remarks: '' })
      .where('id', '=', id)
      .execute();
  });

/** p.18: the head of the MPS (or the person replacing him) approves; the revision it replaces steps aside. */
export const approvePlan = (ctx: Ctx, id: number) =>
  transition(ctx, id, 'plans.approve', ['submitted'], async (trx, p) => {
    const as = await requireApprover(ctx, trx);
    await trx
      .updateTable('plans')
      .set({ status: 'superseded' })
      .where('month', '=', p.month)
      .where('status', '=', 'approved')
      .execute();
    await trx
      .updateTable('plans')
      .set({ status: 'approved', approved_by: ctx.user.id, approved_at: ctx.now.toISOString(), approved_as: as })
      .where('id', '=', id)
      .execute();
  });

export const returnPlan = (ctx: Ctx, id: number, remarks: string) =>
  transition(ctx, id, 'plans.return', ['submitted'], async (trx) => {
    await requireApprover(ctx, trx);
    await trx.updateTable('plans').set({ status: 'returned', return_remarks: remarks }).where('id', '=', id).execute();
  });

/** A change to an approved plan: a new draft revision with the same items and their marks. */
export async function revisePlan(ctx: Ctx, id: number): Promise<Plan> {
  return change(ctx, async (tx) => {
    const p = await getPlan(tx.db, id);
    if (p.status !== 'approved') throw new AppError('CONFLICT', 'plans.wrongState');
    const pending = await tx.db
      .selectFrom('plans')
      .select('id')
      .where('month', '=', p.month)
      .where('revision', '>', p.revision)
      .executeTakeFirst();
    if (pending) throw new AppError('CONFLICT', 'plans.revisionPending');
    const at = ctx.now.toISOString();
    const { id: newId } = await tx.db
      .insertInto('plans')
      .values({
        month: p.month,
        revision: p.revision + 1,
        status: 'draft',
        drafted_by: ctx.user.id,
        submitted_at: null,
        approved_by: null,
        approved_at: null,
        approved_as: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.db
      .insertInto('plan_items')
      .columns([
        'plan_id',
        'position',
        'text',
        'responsible_id',
        'responsible_text',
        'due_date',
        'basis',
        'result',
        'result_note',
        'marked_by',
        'marked_at',
      ])
      .expression((eb) =>
        eb
          .selectFrom('plan_items')
          .select([
            sql<number>`${newId}`.as('plan_id'),
            'position',
            'text',
            'responsible_id',
            'responsible_text',
            'due_date',
            'basis',
            'result',
            'result_note',
            'marked_by',
            'marked_at',
          ])
          .where('plan_id', '=', id),
      )
      .execute();
    const after = await getPlan(tx.db, newId);
    await tx.audit({ action: 'plans.revise', entity: 'plan', entityId: newId, after });
    return after;
  });
}

/** During the month, on the plan in force: by the lead or the one responsible for the item. */
export async function markItem(ctx: Ctx, itemId: number, result: 'done' | 'notDone', note: string): Promise<Plan> {
  return change(ctx, async (tx) => {
    const item = await tx.db
      .selectFrom('plan_items')
      .select(['plan_id', 'responsible_id'])
      .where('id', '=', itemId)
      .executeTakeFirst();
    if (!item) throw new AppError('NOT_FOUND', 'errors.notFound');
    const before = await getPlan(tx.db, item.plan_id);
    if (before.status !== 'approved') throw new AppError('CONFLICT', 'plans.notInForce');
    if (ctx.user.role !== 'uppLead' && item.responsible_id !== ctx.user.id)
      throw new AppError('FORBIDDEN', 'errors.forbidden');
    await tx.db
      .updateTable('plan_items')
      .set({ result, result_note: note, marked_by: ctx.user.id, marked_at: ctx.now.toISOString() })
      .where('id', '=', itemId)
      .execute();
    const after = await getPlan(tx.db, item.plan_id);
    await tx.audit({
      action: 'plans.markItem',
      entity: 'plan',
      entityId: item.plan_id,
      before,
      after,
    });
    return after;
  });
}

/** p.18, p.24(1): next month's plan from the last week of the month; items of the plan in force as they fall due. */
export async function duePlans(ctx: Ctx, date: string, window: TodayWindow = 'soon'): Promise<DueItem[]> {
  const out: DueItem[] = [];
  const d = dayjs(date);
  const next = d.add(1, 'month').format('YYYY-MM');
  if (inGroup('chiefs', ctx.user.role) && d.date() > d.daysInMonth() - 7) {
    const latest = await ctx.db
      .selectFrom('plans')
      .select(['status'])
      .where('month', '=', next)
      .orderBy('revision', 'desc')
      .executeTakeFirst();
    const ready = latest && ['submitted', 'approved'].includes(latest.status);
    if (!ready && ctx.user.role === 'uppLead')
      out.push({
        ruleId: 'plans.draft',
        paragraph: '24(1)',
        titleKey: 'today.rules.planDraft',
        params: { month: next },
        due: d.endOf('month').format('YYYY-MM-DD'),
        overdue: false,
        link: `/plans/${next}`,
      });
  }
  // p.18: the plan waits for the one who approves it on the day, not for every chief
  if (ctx.user.role === 'supervisor' && (await approverAt(ctx.db, date)).approver?.userId === ctx.user.id) {
    for (const p of await ctx.db
      .selectFrom('plans')
      .select(['month', 'submitted_at'])
      .where('status', '=', 'submitted')
      .execute()) {
      out.push({
        ruleId: 'plans.approve',
        paragraph: '18',
        titleKey: 'today.rules.planApprove',
        params: { month: p.month },
        due: dayjs(p.month).startOf('month').format('YYYY-MM-DD'),
        overdue: dayjs(p.month).startOf('month').format('YYYY-MM-DD') < date,
        link: `/plans/${p.month}`,
      });
    }
  }
  let q = ctx.db
    .selectFrom('plan_items as i')
    .innerJoin('plans as p', 'p.id', 'i.plan_id')
    .select(['i.text', 'i.due_date', 'p.month'])
    .where('p.status', '=', 'approved')
    .where('i.result', 'is', null)
    .where('i.due_date', '<=', dueBy(date, TODAY_HORIZON_DAYS.task, window));
  if (ctx.user.role !== 'uppLead') q = q.where('i.responsible_id', '=', ctx.user.id);
  for (const i of await q.execute()) {
    out.push({
      ruleId: 'plans.item',
      paragraph: '18',
      titleKey: 'today.rules.planItem',
      params: { text: i.text.slice(0, 80), date: formatDate(i.due_date) },
      due: i.due_date,
      overdue: i.due_date < date,
      link: `/plans/${i.month}`,
    });
  }
  return out;
}
