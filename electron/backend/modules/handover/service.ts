import dayjs from 'dayjs';
import type { z } from 'zod';
import { AppError, type ActSnapshot, type DueItem, type HandoverAct } from '../../../../shared/api';
import type { actSnapshotSchema } from '../../../../shared/api/handover';
import { formatDate } from '../../../../shared/format';
import type { Ctx, Db } from '../../context';
import { atomically, change } from '../../change';
import { logAccess, type PurposeInput } from '../prevention/access';
import { listFiles } from '../prevention/files';
import { listFirearmOwners, listForeigners, listProbation } from '../lists/service';
import { listApplicantChecks } from '../lists/applicants';
import { getPassport } from '../passport/service';
import { staffNames } from '../users/names';
import { inScope, requireSection, sectionScope } from '../staff/service';

/** Everything the accepting inspector takes over, read from the live data (the caller is the UPP lead or a chief). */
export async function snapshot(ctx: Ctx, sectionId: number, fromUserId: number | null): Promise<ActSnapshot> {
  await requireSection(ctx, sectionId, { active: true });
  const files = (
    await listFiles(ctx, { category: null, inspectorId: null, sectionId, status: null, checksDueBy: null, text: '' })
  ).filter((f) => f.status === 'active' || f.status === 'moving');
  const storage = new Map(
    (
      await ctx.db
        .selectFrom('person_files as f')
        .leftJoin('safes as k', 'k.id', 'f.safe_id')
        .select(['f.id', 'f.custody_place', 'k.name', 'f.shelf', 'f.controlling_inspector'])
        .where('f.section_id', '=', sectionId)
        .execute()
    ).map((r) => [
      r.id,
      {
        place: r.custody_place,
        storage:
          r.custody_place === 'safe' ? `${r.name ?? ''}${r.shelf ? `, ${r.shelf}` : ''}` : r.controlling_inspector,
      },
    ]),
  );
  const filter = { sectionId, text: '' };
  const owners = await listFirearmOwners(ctx, filter);
  const today = dayjs(ctx.now).format('YYYY-MM-DD');
  const instructions =
    fromUserId === null
      ? []
      : await ctx.db
          .selectFrom('notebook_entries')
          .select(['number', 'text', 'due_date'])
          .where('owner_id', '=', fromUserId)
          .where('kind', '=', 'instruction')
          .where('done_at', 'is', null)
          .orderBy('number')
          .execute();
  const planned = files.length
    ? await ctx.db
        .selectFrom('supervision_records as v')
        .innerJoin('person_files as f', 'f.id', 'v.file_id')
        .select(['f.number', 'v.planned_for', 'v.kind'])
        .where('v.done_at', 'is', null)
        .where('f.section_id', '=', sectionId)
        .where('f.status', 'in', ['active', 'moving'])
        .execute()
    : [];
  const passport = await getPassport(ctx.db, sectionId);
  const lastYear = passport.years.length ? passport.years[passport.years.length - 1]! : null;
  const countOf = (part: string) => passport.objects.filter((o) => o.part === part).length;
  return {
    section: passport.section,
    passport: {
      lastYear,
      filledRows:
        lastYear === null ? 0 : Object.values(passport.values[String(lastYear)] ?? {}).filter((v) => v !== null).length,
      enterprises: countOf('enterprises'),
      dormitories: countOf('dormitories'),
      permitObjects: countOf('permitObjects'),
    },
    personFiles: files.map((f) => ({
      number: f.number,
      person: f.person,
      categories: f.categories,
      place: storage.get(f.id)?.place ?? 'safe',
      storage: storage.get(f.id)?.storage ?? '',
      out: f.outSince !== null,
    })),
    firearmOwners: owners
      .filter((o) => o.nextCheck !== null)
      .map((o) => ({ person: o.person, weapons: o.weapons.length, nextCheck: o.nextCheck })),
    probation: (await listProbation(ctx, filter))
      .filter((p) => p.removedOn === null)
      .map((p) => ({ person: p.person })),
    foreigners: (await listForeigners(ctx, filter)).map((f) => ({ person: f.person, stayUntil: f.stayUntil })),
    openInstructions: instructions.map((i) => ({ number: i.number, text: i.text, due: i.due_date })),
    unfinishedChecks: [
      ...planned.map((p) => ({ what: `file:${p.number}:${p.kind}`, due: p.planned_for! })),
      ...owners
        .filter((o) => o.nextCheck !== null && o.nextCheck <= today)
        .map((o) => ({ what: `firearm:${o.person}`, due: o.nextCheck! })),
      // p.22(10): the weapons unit's instructions not yet done pass to the one who takes the section
      ...(await listApplicantChecks(ctx, filter))
        .filter((x) => x.checkedOn === null)
        .map((x) => ({ what: `applicant:${x.person}`, due: x.dueOn })),
    ],
  };
}

export async function getAct(db: Db, id: number): Promise<HandoverAct> {
  const r = await db
    .selectFrom('handover_acts as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .selectAll('a')
    .select(['s.number'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'errors.notFound');
  const staff = await staffNames(db);
  return {
    id: r.id,
    sectionId: r.section_id,
    section: r.number,
    kind: r.kind,
    date: r.date,
    fromUserId: r.from_user_id,
    from: staff.full(r.from_user_id),
    toUserId: r.to_user_id,
    to: staff.full(r.to_user_id),
    superior: r.superior,
    orderNumber: r.order_number,
    orderDate: r.order_date,
    remarks: r.remarks,
    snapshot: JSON.parse(r.snapshot_json) as z.infer<typeof actSnapshotSchema>,
    personFileCount: 0,
    tourDoneOn: r.tour_done_on,
    tourNote: r.tour_note,
  };
}

/**
 * p.15: an act's person files are a reading of each file. An act as lists and answers carry it counts them and names
 * none; `openAct` gives them, with the purpose, logged on each file.
 */
const withoutFiles = (a: HandoverAct): HandoverAct => ({
  ...a,
  personFileCount: a.snapshot.personFiles.length,
  snapshot: { ...a.snapshot, personFiles: [] },
});

/**
 * An act is read by those who may open its section's person files (p.15): who works or heads the section now. Those
 * who signed it and have left the section no longer read the files it lists.
 */
export async function readAct(ctx: Ctx, id: number): Promise<HandoverAct> {
  const act = await getAct(ctx.db, id);
  if (!inScope(await sectionScope(ctx), act.sectionId)) throw new AppError('FORBIDDEN', 'prevention.notYourSection');
  return act;
}

export async function listActs(ctx: Ctx, sectionId: number | null): Promise<HandoverAct[]> {
  let q = ctx.db.selectFrom('handover_acts').select('id').orderBy('date', 'desc').orderBy('id', 'desc');
  if (sectionId !== null) q = q.where('section_id', '=', sectionId);
  const scope = await sectionScope(ctx);
  const acts = await Promise.all((await q.execute()).map((r) => getAct(ctx.db, r.id)));
  return acts.filter((a) => inScope(scope, a.sectionId)).map(withoutFiles);
}

/** p.15: the act with its person files, for a stated purpose; each file it lists gets the reading in its log. */
export async function openAct(
  ctx: Ctx,
  id: number,
  purpose: PurposeInput,
  action: 'open' | 'print' = 'open',
): Promise<HandoverAct> {
  return atomically(ctx, async (tx) => {
    const act = await readAct({ ...ctx, db: tx.db }, id);
    const numbers = act.snapshot.personFiles.map((f) => f.number);
    const files = numbers.length
      ? await tx.db.selectFrom('person_files').select('id').where('number', 'in', numbers).execute()
      : [];
    for (const f of files) await logAccess(tx.db, ctx, f.id, action, purpose);
    return { ...act, personFileCount: act.snapshot.personFiles.length };
  });
}

export interface ActFields {
  sectionId: number;
  kind: 'handover' | 'cover';
  fromUserId: number | null;
  toUserId: number;
  date: string;
  superior: string;
  orderNumber: string;
  orderDate: string | null;
  remarks: string;
}

/**
 * The act with what was handed over, and — for a handover — the section and its person
 * files moved to the accepting inspector, all in one transaction. A cover (p.6) moves
 * nothing: the covering inspector works the section through the absence record.
 */
export async function recordAct(ctx: Ctx, a: ActFields): Promise<HandoverAct> {
  const snap = await snapshot(ctx, a.sectionId, a.fromUserId);
  return change(ctx, async (tx) => {
    const to = await tx.db
      .selectFrom('users')
      .select(['role', 'active'])
      .where('id', '=', a.toUserId)
      .executeTakeFirst();
    if (!to || to.active !== 1 || to.role !== 'inspector')
      throw new AppError('VALIDATION', 'handover.notAnInspector', undefined, [
        { path: 'toUserId', messageKey: 'handover.notAnInspector' },
      ]);
    if (a.fromUserId !== null) {
      const holds = await tx.db
        .selectFrom('user_sections')
        .select('user_id')
        .where('user_id', '=', a.fromUserId)
        .where('section_id', '=', a.sectionId)
        .executeTakeFirst();
      if (!holds)
        throw new AppError('VALIDATION', 'handover.notHolder', undefined, [
          { path: 'fromUserId', messageKey: 'handover.notHolder' },
        ]);
    }
    const { id } = await tx.db
      .insertInto('handover_acts')
      .values({
        section_id: a.sectionId,
        kind: a.kind,
        date: a.date,
        from_user_id: a.fromUserId,
        to_user_id: a.toUserId,
        superior: a.superior,
        order_number: a.orderNumber,
        order_date: a.orderDate,
        remarks: a.remarks,
        snapshot_json: JSON.stringify(snap),
        tour_done_on: null,
        created_by: ctx.user.id,
        created_at: ctx.now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (a.kind === 'handover') {
      if (a.fromUserId !== null)
        await tx.db
          .deleteFrom('user_sections')
          .where('user_id', '=', a.fromUserId)
          .where('section_id', '=', a.sectionId)
          .execute();
      const already = await tx.db
        .selectFrom('user_sections')
        .select('user_id')
        .where('user_id', '=', a.toUserId)
        .where('section_id', '=', a.sectionId)
        .executeTakeFirst();
      if (!already)
        await tx.db.insertInto('user_sections').values({ user_id: a.toUserId, section_id: a.sectionId }).execute();
      let files = tx.db
        .updateTable('person_files')
        .set({ inspector_id: a.toUserId, updated_at: ctx.now.toISOString() })
        .where('section_id', '=', a.sectionId)
        .where('status', 'in', ['active', 'moving']);
      if (a.fromUserId !== null) files = files.where('inspector_id', '=', a.fromUserId);
      await files.execute();
    }
    const act = withoutFiles(await getAct(tx.db, id));
    await tx.audit({
      action: `handover.${a.kind}`,
      entity: 'handover_act',
      entityId: id,
      after: { ...act, snapshot: { files: snap.personFiles.length, firearmOwners: snap.firearmOwners.length } },
    });
    return act;
  });
}

// a person file by its number only: comparing acts reads no file (p.15)
const entriesOf = (s: ActSnapshot) => [
  ...s.personFiles.map((f) => `file:№${f.number}`),
  ...s.firearmOwners.map((o) => `firearm:${o.person}`),
  ...s.probation.map((p) => `probation:${p.person}`),
  ...s.foreigners.map((f) => `foreigner:${f.person}`),
];

export async function compareActs(ctx: Ctx, olderId: number, newerId: number) {
  const [a, b] = [await readAct(ctx, olderId), await readAct(ctx, newerId)];
  if (a.sectionId !== b.sectionId) throw new AppError('VALIDATION', 'handover.differentSections');
  const [x, y] = [new Set(entriesOf(a.snapshot)), new Set(entriesOf(b.snapshot))];
  return { added: [...y].filter((e) => !x.has(e)), removed: [...x].filter((e) => !y.has(e)) };
}

export async function tourDone(ctx: Ctx, id: number, doneOn: string, note: string): Promise<HandoverAct> {
  return change(ctx, async (tx) => {
    const before = await getAct(tx.db, id);
    if (!(await mayTour(ctx, tx.db, before))) throw new AppError('FORBIDDEN', 'errors.forbidden');
    if (doneOn < before.date || doneOn > dayjs(ctx.now).format('YYYY-MM-DD'))
      throw new AppError('VALIDATION', 'meetings.dateOutOfRange', undefined, [
        { path: 'doneOn', messageKey: 'meetings.dateOutOfRange' },
      ]);
    const left = (await tourAddresses(tx.db, id)).filter((x) => x.visitedOn === null).length;
    if (left > 0) throw new AppError('CONFLICT', 'handover.tourUnfinished', { left });
    await tx.db
      .updateTable('handover_acts')
      .set({ tour_done_on: doneOn, tour_note: note })
      .where('id', '=', id)
      .execute();
    const after = withoutFiles(await getAct(tx.db, id));
    await tx.audit({
      action: 'handover.tourDone',
      entity: 'handover_act',
      entityId: id,
      before: { tourDoneOn: before.tourDoneOn },
      after: { tourDoneOn: doneOn, tourNote: note },
    });
    return after;
  });
}

/** p.5: within a month of accepting a section, the inspector walks it door to door. */
export async function dueTours(ctx: Ctx, date: string): Promise<DueItem[]> {
  if (!['inspector', 'uppLead', 'supervisor'].includes(ctx.user.role)) return [];
  let q = ctx.db
    .selectFrom('handover_acts as a')
    .innerJoin('sections as s', 's.id', 'a.section_id')
    .innerJoin('users as u', 'u.id', 'a.to_user_id')
    .select(['a.id', 'a.date', 's.number', 'a.to_user_id', 'u.appointed_on'])
    .where('a.kind', '=', 'handover')
    .where('a.tour_done_on', 'is', null);
  if (ctx.user.role === 'inspector') q = q.where('a.to_user_id', '=', ctx.user.id);
  const staff = await staffNames(ctx.db);
  return (await q.execute()).map((a) => {
    // p.5 counts the month from the appointment to the post; without it recorded, from the act's day
    const from = a.appointed_on && a.appointed_on <= a.date ? a.appointed_on : a.date;
    const due = dayjs(from).add(1, 'month').format('YYYY-MM-DD');
    return {
      ruleId: 'handover.tour',
      paragraph: '5',
      titleKey: a.appointed_on ? 'today.rules.sectionTourAppointed' : 'today.rules.sectionTour',
      params: {
        person: staff.short(a.to_user_id),
        section: a.number,
        accepted: formatDate(a.date),
        appointed: formatDate(a.appointed_on),
      },
      due,
      overdue: due < date,
      link: '/handover',
    };
  });
}

// ---- p.5: the door-to-door tour, address by address

export async function readTourAddresses(ctx: Ctx, actId: number) {
  await readAct(ctx, actId);
  return tourAddresses(ctx.db, actId);
}

async function tourAddresses(db: Db, actId: number) {
  const rows = await db.selectFrom('tour_addresses').selectAll().where('act_id', '=', actId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, address: r.address, visitedOn: r.visited_on, note: r.note }));
}

/** p.5: the accepting inspector walks the section, or his assistant with the inspector's duties (p.2(3)); the lead. */
async function mayTour(ctx: Ctx, db: Db, act: HandoverAct): Promise<boolean> {
  if (ctx.user.role === 'uppLead' || act.toUserId === ctx.user.id) return true;
  if (ctx.user.role !== 'assistant') return false;
  const me = await db
    .selectFrom('users')
    .select('supervising_inspector_id')
    .where('id', '=', ctx.user.id)
    .executeTakeFirst();
  return me?.supervising_inspector_id === act.toUserId;
}

async function requireTourer(ctx: Ctx, db: Db, actId: number) {
  const act = await getAct(db, actId);
  if (act.kind !== 'handover') throw new AppError('CONFLICT', 'handover.noTour');
  if (!(await mayTour(ctx, db, act))) throw new AppError('FORBIDDEN', 'errors.forbidden');
  return act;
}

export async function addTourAddresses(ctx: Ctx, actId: number, addresses: string[]) {
  return change(ctx, async (tx) => {
    await requireTourer(ctx, tx.db, actId);
    const known = new Set((await tourAddresses(tx.db, actId)).map((a) => a.address.toLocaleLowerCase('ru')));
    // the same address typed twice (in any case) is one address
    const fresh: string[] = [];
    for (const a of addresses.map((x) => x.trim())) {
      const key = a.toLocaleLowerCase('ru');
      if (a && !known.has(key)) {
        known.add(key);
        fresh.push(a);
      }
    }
    if (fresh.length)
      await tx.db
        .insertInto('tour_addresses')
        .values(fresh.map((address) => ({ act_id: actId, address, visited_on: null, visited_by: null })))
        .execute();
    await tx.audit({
      action: 'handover.tourAddresses',
      entity: 'handover_act',
      entityId: actId,
      after: { added: fresh.length },
    });
    return tourAddresses(tx.db, actId);
  });
}

export async function markVisited(ctx: Ctx, id: number, visitedOn: string, note: string) {
  return change(ctx, async (tx) => {
    const row = await tx.db.selectFrom('tour_addresses').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'errors.notFound');
    const act = await requireTourer(ctx, tx.db, row.act_id);
    if (visitedOn < act.date || visitedOn > dayjs(ctx.now).format('YYYY-MM-DD'))
      throw new AppError('VALIDATION', 'meetings.dateOutOfRange', undefined, [
        { path: 'visitedOn', messageKey: 'meetings.dateOutOfRange' },
      ]);
    await tx.db
      .updateTable('tour_addresses')
      .set({ visited_on: visitedOn, note, visited_by: ctx.user.id })
      .where('id', '=', id)
      .execute();
    await tx.audit({
      action: 'handover.visited',
      entity: 'tour_address',
      entityId: id,
      before: { visitedOn: row.visited_on, note: row.note },
      after: { visitedOn, note },
    });
    return tourAddresses(tx.db, row.act_id);
  });
}
