import dayjs from 'dayjs';
import { AppError, type DueItem, type Passport } from '../../../../shared/api';
import { CHARACTERISTICS, HEADING_ROWS, OBJECT_FIELDS, type ObjectPart } from '../../../../shared/api/passport';
import type { Ctx, Db } from '../../context';
import { change } from '../../change';
import { requireDrawableImage } from '../../documents/print';
import { requireSection, workingSections } from '../staff/service';
import { sectionNumbers } from '../station/service';

const CODES = new Set<string>(CHARACTERISTICS.map(([c]) => c).filter((c) => !HEADING_ROWS.includes(c)));

/** The section's own inspectors and assistants (with cover, p.6) write; the UPP lead all. */
const requireWrite = (ctx: Ctx, db: Db, sectionId: number) => requireSection(ctx, sectionId, { db });

/** The passport of a section the caller works or heads (p.16): its pencil columns hold people's homes and phones. */
export async function readPassport(ctx: Ctx, sectionId: number): Promise<Passport> {
  await requireSection(ctx, sectionId);
  return getPassport(ctx.db, sectionId);
}

export async function getPassport(db: Db, sectionId: number): Promise<Passport> {
  const section = await db.selectFrom('sections').select('number').where('id', '=', sectionId).executeTakeFirst();
  if (!section) throw new AppError('NOT_FOUND', 'errors.notFound');
  const rows = await db.selectFrom('passport_values').selectAll().where('section_id', '=', sectionId).execute();
  const values: Passport['values'] = {};
  for (const r of rows) (values[String(r.year)] ??= {})[r.code] = r.value;
  const objects = await db
    .selectFrom('passport_objects')
    .selectAll()
    .where('section_id', '=', sectionId)
    .where('removed', '=', 0)
    .orderBy('part')
    .orderBy('id')
    .execute();
  const plan = await db.selectFrom('passport_plans').selectAll().where('section_id', '=', sectionId).executeTakeFirst();
  const cover = await db
    .selectFrom('passport_covers')
    .selectAll()
    .where('section_id', '=', sectionId)
    .executeTakeFirst();
  const tours = await db
    .selectFrom('tour_addresses as t')
    .innerJoin('handover_acts as a', 'a.id', 't.act_id')
    .select(['t.visited_on', 't.address', 't.note'])
    .where('a.section_id', '=', sectionId)
    .where('t.visited_on', 'is not', null)
    .where('t.note', '!=', '')
    .orderBy('t.visited_on', 'desc')
    .execute();
  return {
    sectionId,
    section: section.number,
    plan: plan ? { image: plan.image, note: plan.note, updatedAt: plan.updated_at } : null,
    cover: {
      startedOn: cover?.started_on ?? null,
      endedOn: cover?.ended_on ?? null,
      retention: cover?.retention ?? '',
    },
    tourNotes: tours.map((t) => ({ date: t.visited_on!, address: t.address, note: t.note })),
    years: [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b),
    values,
    objects: objects.map((o) => ({
      id: o.id,
      part: o.part,
      fields: JSON.parse(o.fields_json),
      updatedAt: o.updated_at,
    })),
  };
}

/** §3: one year's column "as of 1 January"; an empty cell is stored as not filled. */
export async function saveYear(
  ctx: Ctx,
  sectionId: number,
  year: number,
  values: Record<string, number | null>,
): Promise<Passport> {
  return change(ctx, async (tx) => {
    await requireWrite(ctx, tx.db, sectionId);
    const unknown = Object.keys(values).filter((k) => !CODES.has(k));
    if (unknown.length) throw new AppError('VALIDATION', 'validation.invalid');
    const before = (await getPassport(tx.db, sectionId)).values[String(year)] ?? {};
    await tx.db.deleteFrom('passport_values').where('section_id', '=', sectionId).where('year', '=', year).execute();
    const filled = Object.entries(values).filter(([, v]) => v !== null);
    if (filled.length)
      await tx.db
        .insertInto('passport_values')
        .values(filled.map(([code, value]) => ({ section_id: sectionId, year, code, value })))
        .execute();
    const after = await getPassport(tx.db, sectionId);
    await tx.audit({
      action: 'passport.saveYear',
      entity: 'passport',
      entityId: sectionId,
      before: { year, values: before },
      after: { year, values: after.values[String(year)] ?? {} },
    });
    return after;
  });
}

export async function saveObject(
  ctx: Ctx,
  sectionId: number,
  id: number | null,
  part: ObjectPart,
  fields: Record<string, string>,
): Promise<Passport> {
  return change(ctx, async (tx) => {
    await requireWrite(ctx, tx.db, sectionId);
    const allowed = new Set<string>(OBJECT_FIELDS[part]);
    const clean = Object.fromEntries(Object.entries(fields).filter(([k]) => allowed.has(k)));
    const at = ctx.now.toISOString();
    let before: unknown = null;
    let objectId = id;
    if (id === null) {
      objectId = (
        await tx.db
          .insertInto('passport_objects')
          .values({ section_id: sectionId, part, fields_json: JSON.stringify(clean), created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    } else {
      const old = await tx.db
        .selectFrom('passport_objects')
        .selectAll()
        .where('id', '=', id)
        .where('section_id', '=', sectionId)
        .where('removed', '=', 0)
        .executeTakeFirst();
      if (!old) throw new AppError('NOT_FOUND', 'errors.notFound');
      before = JSON.parse(old.fields_json);
      await tx.db
        .updateTable('passport_objects')
        .set({ fields_json: JSON.stringify(clean), updated_at: at })
        .where('id', '=', id)
        .execute();
    }
    await tx.audit({
      action: `passport.${part}`,
      entity: 'passport_object',
      entityId: objectId!,
      before,
      after: clean,
    });
    return getPassport(tx.db, sectionId);
  });
}

/** A removed object stays in the store (and the audit) with its reason; the passport no longer shows it. */
export async function removeObject(ctx: Ctx, sectionId: number, id: number, reason: string): Promise<Passport> {
  return change(ctx, async (tx) => {
    await requireWrite(ctx, tx.db, sectionId);
    const r = await tx.db
      .updateTable('passport_objects')
      .set({ removed: 1, removed_reason: reason, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .where('section_id', '=', sectionId)
      .where('removed', '=', 0)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'errors.notFound');
    await tx.audit({
      action: 'passport.removeObject',
      entity: 'passport_object',
      entityId: id,
      after: { reason },
    });
    return getPassport(tx.db, sectionId);
  });
}

/** App 1 note, p.19: from mid-December the passport needs its column as of the coming 1 January. */
export async function dueYearColumn(ctx: Ctx, date: string): Promise<DueItem[]> {
  const d = dayjs(date);
  const inDecember = d.month() === 11 && d.date() >= 15;
  const inJanuary = d.month() === 0 && d.date() <= 31;
  if (!inDecember && !inJanuary) return [];
  const year = inDecember ? d.year() + 1 : d.year();
  let sections: number[];
  if (ctx.user.role === 'uppLead')
    sections = (await ctx.db.selectFrom('sections').select('id').where('active', '=', 1).execute()).map((s) => s.id);
  else if (['inspector', 'assistant'].includes(ctx.user.role)) sections = await workingSections(ctx);
  else return [];
  if (sections.length === 0) return [];
  const filled = new Set(
    (
      await ctx.db
        .selectFrom('passport_values')
        .select('section_id')
        .where('year', '=', year)
        .where('section_id', 'in', sections)
        .execute()
    ).map((r) => r.section_id),
  );
  const numbers = await sectionNumbers(ctx.db);
  return sections
    .filter((s) => !filled.has(s))
    .map((s) => ({
      ruleId: 'passport.year',
      paragraph: '19',
      titleKey: 'today.rules.passportYear',
      params: { section: numbers.get(s) ?? '', year },
      due: `${year}-01-31`,
      overdue: false,
      link: `/passport/${s}`,
    }));
}

/** §2: the plan of the section as an image, with a note (routes, posts, forces). */
export async function savePlan(ctx: Ctx, sectionId: number, image: string | null, note: string): Promise<Passport> {
  await requireDrawableImage(ctx, image, 'image');
  return change(ctx, async (tx) => {
    await requireWrite(ctx, tx.db, sectionId);
    const at = ctx.now.toISOString();
    const had = await tx.db
      .selectFrom('passport_plans')
      .select(['note'])
      .where('section_id', '=', sectionId)
      .executeTakeFirst();
    if (had)
      await tx.db
        .updateTable('passport_plans')
        .set({ image, note, updated_at: at })
        .where('section_id', '=', sectionId)
        .execute();
    else
      await tx.db.insertInto('passport_plans').values({ section_id: sectionId, image, note, updated_at: at }).execute();
    await tx.audit({
      action: 'passport.plan',
      entity: 'passport',
      entityId: sectionId,
      before: had ? { note: had.note } : null,
      after: { note, image: image ? 'image' : null },
    });
    return getPassport(tx.db, sectionId);
  });
}

/** App 1's cover, as the paper's is filled in: when the passport was started and finished, how long it is kept. */
export async function saveCover(
  ctx: Ctx,
  c: { sectionId: number; startedOn: string | null; endedOn: string | null; retention: string },
): Promise<Passport> {
  return change(ctx, async (tx) => {
    await requireWrite(ctx, tx.db, c.sectionId);
    const before = (await getPassport(tx.db, c.sectionId)).cover;
    const values = {
      started_on: c.startedOn,
      ended_on: c.endedOn,
      retention: c.retention,
      updated_at: ctx.now.toISOString(),
    };
    await tx.db
      .insertInto('passport_covers')
      .values({ section_id: c.sectionId, ...values })
      .onConflict((oc) => oc.column('section_id').doUpdateSet(values))
      .execute();
    const after = await getPassport(tx.db, c.sectionId);
    await tx.audit({ action: 'passport.cover', entity: 'passport', entityId: c.sectionId, before, after: after.cover });
    return after;
  });
}
