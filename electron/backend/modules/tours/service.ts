import dayjs from 'dayjs';
import type { z } from 'zod';
import { AppError, fieldError, inGroup, type DueItem, type OffencePlace, type Tour } from '../../../../shared/api';
import type { placeInputSchema, tourInputSchema } from '../../../../shared/api/tours';
import { formatDate, shortName } from '../../../../shared/format';
import { translator } from '../../../../shared/i18n';
import type { Language } from '../../../../shared/api';
import { tourMissedOn } from '../../../../shared/rules/tours';
import type { Ctx, Db } from '../../context';
import { change } from '../../change';
import { workingCalendar } from '../calendar/service';
import { appendEntry, owners } from '../notebook/service';
import { awayOn, inScope, listAbsences, sectionScope } from '../staff/service';
import { sectionNumbers } from '../station/service';
import { listUsers } from '../users/service';
import { staffNames } from '../users/names';

type PlaceInput = z.output<typeof placeInputSchema>;
type TourFields = z.output<typeof tourInputSchema> & { language: Language };

/** The register of places where offences concentrate (p.22(14)), of the sections the caller works with. */
export async function listPlaces(ctx: Ctx, sectionId: number | null, db: Db = ctx.db): Promise<OffencePlace[]> {
  const scope = await sectionScope(ctx, db);
  let q = db
    .selectFrom('offence_places as p')
    .selectAll('p')
    .select((eb) =>
      eb
        .selectFrom('daily_tour_places as v')
        .innerJoin('daily_tours as t', 't.id', 'v.tour_id')
        .select((x) => x.fn.max('t.date').as('d'))
        .whereRef('v.place_id', '=', 'p.id')
        .as('last_visit'),
    )
    .orderBy('p.removed_on')
    .orderBy('p.address');
  if (sectionId !== null) q = q.where('p.section_id', '=', sectionId);
  const numbers = await sectionNumbers(db);
  return (await q.execute())
    .filter((p) => inScope(scope, p.section_id))
    .map((p) => ({
      id: p.id,
      sectionId: p.section_id,
      sectionNumber: numbers.get(p.section_id) ?? '',
      address: p.address,
      kind: p.kind as OffencePlace['kind'],
      reason: p.reason,
      since: p.since,
      removedOn: p.removed_on,
      removalReason: p.removal_reason,
      lastVisit: (p.last_visit as string | null) ?? null,
    }));
}

async function placeIn(ctx: Ctx, db: Db, id: number): Promise<OffencePlace> {
  const p = (await listPlaces(ctx, null, db)).find((x) => x.id === id);
  if (!p) throw new AppError('NOT_FOUND', 'errors.notFound');
  return p;
}

/** A section's register is kept by those who work the section (p.16, p.6). */
async function requireWorks(ctx: Ctx, db: Db, sectionId: number) {
  if (!inScope(await sectionScope(ctx, db), sectionId)) throw fieldError('sectionId', 'tours.notYourSection');
}

export async function savePlace(ctx: Ctx, p: PlaceInput): Promise<OffencePlace> {
  return change(ctx, async (tx) => {
    await requireWorks(ctx, tx.db, p.sectionId);
    const at = ctx.now.toISOString();
    const row = { section_id: p.sectionId, address: p.address, kind: p.kind, reason: p.reason, since: p.since };
    let id = p.id;
    const before = id === null ? null : await placeIn(ctx, tx.db, id);
    if (before?.removedOn) throw new AppError('CONFLICT', 'tours.placeRemoved');
    if (id === null)
      id = (
        await tx.db
          .insertInto('offence_places')
          .values({ ...row, created_by: ctx.user.id, created_at: at, updated_at: at })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    else
      await tx.db
        .updateTable('offence_places')
        .set({ ...row, updated_at: at })
        .where('id', '=', id)
        .execute();
    const after = await placeIn(ctx, tx.db, id);
    await tx.audit({
      action: before ? 'tours.updatePlace' : 'tours.addPlace',
      entity: 'offence_place',
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

export async function removePlace(ctx: Ctx, id: number, on: string, reason: string): Promise<OffencePlace> {
  return change(ctx, async (tx) => {
    const before = await placeIn(ctx, tx.db, id);
    await requireWorks(ctx, tx.db, before.sectionId);
    if (before.removedOn) throw new AppError('CONFLICT', 'tours.placeRemoved');
    if (on < before.since) throw fieldError('on', 'tours.removedBeforeSince');
    await tx.db
      .updateTable('offence_places')
      .set({ removed_on: on, removal_reason: reason, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .execute();
    const after = await placeIn(ctx, tx.db, id);
    await tx.audit({ action: 'tours.removePlace', entity: 'offence_place', entityId: id, before, after });
    return after;
  });
}

/** What the notebook says of a tour (p.20, p.22(14)): places, survey, conversations, what was handed out. */
function notebookText(t: TourFields, section: string, places: string[]): string {
  const tr = translator(t.language);
  const parts = [
    tr('tours.entry.head', { section }),
    places.length ? tr('tours.entry.places', { list: places.join('; ') }) : '',
    t.addresses ? tr('tours.entry.addresses', { list: t.addresses }) : '',
    t.survey ? tr('tours.entry.survey', { text: t.survey }) : '',
    t.conversations ? tr('tours.entry.conversations', { text: t.conversations }) : '',
    t.cardsGiven || t.sheetsPosted
      ? tr('tours.entry.handedOut', { cards: t.cardsGiven, sheets: t.sheetsPosted, where: t.sheetsWhere || '—' })
      : '',
    t.findings ? tr('tours.entry.findings', { text: t.findings }) : '',
  ];
  return parts.filter(Boolean).join('\n');
}

/**
 * p.22(14): the day's tour, and its notebook entry (p.20) in the same transaction. Written by who made it, for a
 * section he works, not for a day to come; the places visited are of that section and on its register that day.
 */
export async function recordTour(ctx: Ctx, t: TourFields): Promise<Tour> {
  return change(ctx, async (tx) => {
    await requireWorks(ctx, tx.db, t.sectionId);
    const today = dayjs(ctx.now).format('YYYY-MM-DD');
    if (t.date > today) throw fieldError('date', 'tours.future');
    const placeIds = [...new Set(t.placeIds)];
    const places = placeIds.length
      ? await tx.db.selectFrom('offence_places').selectAll().where('id', 'in', placeIds).execute()
      : [];
    if (
      places.length !== placeIds.length ||
      places.some(
        (p) => p.section_id !== t.sectionId || p.since > t.date || (p.removed_on !== null && p.removed_on < t.date),
      )
    )
      throw fieldError('placeIds', 'tours.placeNotOnRegister');
    const section = (await sectionNumbers(tx.db)).get(t.sectionId) ?? '';
    // (ours) a tour written on its day at the time of writing; one written later, at the end of that day's work
    const time = t.date === today ? dayjs(ctx.now).format('HH:mm') : '18:00';
    const entry = await appendEntry(tx, ctx.user.id, {
      kind: 'tour',
      occurred_at: `${t.date}T${time}`,
      text: notebookText(
        t,
        section,
        places.map((p) => p.address),
      ),
    });
    const { id } = await tx.db
      .insertInto('daily_tours')
      .values({
        owner_id: ctx.user.id,
        section_id: t.sectionId,
        date: t.date,
        addresses: t.addresses,
        survey: t.survey,
        conversations: t.conversations,
        cards_given: t.cardsGiven,
        sheets_posted: t.sheetsPosted,
        sheets_where: t.sheetsWhere,
        findings: t.findings,
        notebook_entry_id: entry.id,
        created_at: ctx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const p of placeIds)
      await tx.db.insertInto('daily_tour_places').values({ tour_id: id, place_id: p }).execute();
    const [tour] = await readTours(tx.db, { ids: [id] });
    await tx.audit({ action: 'tours.record', entity: 'daily_tour', entityId: id, after: tour });
    return tour!;
  });
}

async function readTours(
  db: Db,
  f: { ids?: number[]; ownerIds?: number[]; from?: string; to?: string },
): Promise<Tour[]> {
  let q = db
    .selectFrom('daily_tours as t')
    .innerJoin('notebook_entries as e', 'e.id', 't.notebook_entry_id')
    .selectAll('t')
    .select('e.number as entry_number')
    .orderBy('t.date', 'desc')
    .orderBy('t.id', 'desc');
  if (f.ids) q = q.where('t.id', 'in', f.ids);
  if (f.ownerIds) q = q.where('t.owner_id', 'in', f.ownerIds.length ? f.ownerIds : [-1]);
  if (f.from) q = q.where('t.date', '>=', f.from);
  if (f.to) q = q.where('t.date', '<=', f.to);
  const rows = await q.execute();
  if (!rows.length) return [];
  const [staff, numbers, visited] = await Promise.all([
    staffNames(db),
    sectionNumbers(db),
    db
      .selectFrom('daily_tour_places as v')
      .innerJoin('offence_places as p', 'p.id', 'v.place_id')
      .select(['v.tour_id', 'p.id', 'p.address'])
      .where(
        'v.tour_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    ownerId: r.owner_id,
    owner: staff.short(r.owner_id),
    sectionId: r.section_id,
    sectionNumber: numbers.get(r.section_id) ?? '',
    date: r.date,
    places: visited.filter((v) => v.tour_id === r.id).map((v) => ({ id: v.id, address: v.address })),
    addresses: r.addresses,
    survey: r.survey,
    conversations: r.conversations,
    cardsGiven: r.cards_given,
    sheetsPosted: r.sheets_posted,
    sheetsWhere: r.sheets_where,
    findings: r.findings,
    notebookEntryId: r.notebook_entry_id,
    notebookNumber: r.entry_number,
  }));
}

/** The tours of a period, of the notebooks the caller reads (p.20: the chiefs and the duty officer read them all). */
export async function listTours(ctx: Ctx, p: { from: string; to: string; ownerId: number | null }): Promise<Tour[]> {
  const readable = (await owners(ctx)).map((o) => o.userId);
  if (p.ownerId !== null && !readable.includes(p.ownerId)) throw new AppError('FORBIDDEN', 'errors.forbidden');
  return readTours(ctx.db, { ownerIds: p.ownerId !== null ? [p.ownerId] : readable, from: p.from, to: p.to });
}

export async function workPhone(ctx: Ctx): Promise<string> {
  const r = await ctx.db.selectFrom('users').select('work_phone').where('id', '=', ctx.user.id).executeTakeFirst();
  return r?.work_phone ?? '';
}

export async function saveWorkPhone(ctx: Ctx, phone: string): Promise<{ phone: string }> {
  return change(ctx, async (tx) => {
    const before = await workPhone({ ...ctx, db: tx.db });
    await tx.db.updateTable('users').set({ work_phone: phone }).where('id', '=', ctx.user.id).execute();
    await tx.audit({ action: 'tours.workPhone', entity: 'user', entityId: ctx.user.id, before, after: phone });
    return { phone };
  });
}

/**
 * p.22(14) says daily, not by when it is written (ours): the morning after a working day, a member of the section
 * staff who held a section that day, was not away and wrote no tour sees it on Today; the chiefs see everyone's.
 */
export async function missingTours(ctx: Ctx, date: string): Promise<DueItem[]> {
  const chief = inGroup('chiefs', ctx.user.role);
  if (!chief && !['inspector', 'assistant'].includes(ctx.user.role)) return [];
  const cal = await workingCalendar(ctx.db);
  const day = tourMissedOn(date, (d) => cal.isWorkingDay(d));
  const users = (await listUsers(ctx.db, false)).filter(
    (u) =>
      (u.role === 'inspector' || u.role === 'assistant') && u.sectionIds.length > 0 && (chief || u.id === ctx.user.id),
  );
  if (!users.length) return [];
  const [absences, toured, created] = await Promise.all([
    listAbsences(ctx.db),
    ctx.db.selectFrom('daily_tours').select('owner_id').where('date', '=', day).execute(),
    ctx.db.selectFrom('users').select(['id', 'created_at']).execute(),
  ]);
  const since = new Map(created.map((u) => [u.id, u.created_at.slice(0, 10)]));
  const done = new Set(toured.map((t) => t.owner_id));
  return users
    .filter((u) => !done.has(u.id) && (since.get(u.id) ?? day) <= day && !awayOn(absences, u.id, day))
    .map((u) => ({
      ruleId: 'tours.daily',
      paragraph: '22(14)',
      titleKey: 'today.rules.tourMissing',
      params: { person: shortName(u), date: formatDate(day) },
      due: day,
      overdue: true,
      link: '/tours',
    }));
}
