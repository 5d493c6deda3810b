import { sql, type Transaction } from 'kysely';
import dayjs from 'dayjs';
import type { z } from 'zod';
import {
  inGroup,
  AppError,
  type DueItem,
  type Meeting,
  type MeetingItem,
  type MeetingRow,
} from '../../../../shared/api';
import type { meetingInputSchema } from '../../../../shared/api/meetings';
import {
  isNoticeLate,
  itemIsOpen,
  noticeDeadline,
  quarterState,
  reportsQuarterly,
} from '../../../../shared/rules/meetings';
import { formatDate, shortName } from '../../../../shared/format';
import type { DB, MeetingItemsTable } from '../../store/schema';
import type { Ctx, Db } from '../../context';
import { change } from '../../change';
import { listUsers } from '../users/service';
import { staffNames } from '../users/names';
import { columnFigures, FROM_SECTIONS, tally } from '../figures/service';
import { inScope, sectionScope } from '../staff/service';

export type MeetingFields = z.output<typeof meetingInputSchema>;

/** p.27: the notice is due ten calendar days before the meeting day. */
/** p.27: told later than ten calendar days before the meeting. */
/** p.32: materials are kept one year from the meeting. */
export const retentionEnd = (date: string) => dayjs(date).add(1, 'year').format('YYYY-MM-DD');
export const quarterOf = (date: string) => {
  const d = dayjs(date);
  const q = Math.floor(d.month() / 3);
  const from = d.month(q * 3).startOf('month');
  return {
    from: from.format('YYYY-MM-DD'),
    to: from.add(3, 'month').subtract(1, 'day').format('YYYY-MM-DD'),
    label: `${q + 1}/${d.year()}`,
  };
};

type ItemRow = Omit<
  MeetingItemsTable,
  'id' | 'check_result' | 'check_done_at' | 'forwarded_on' | 'forward_number' | 'initiator_notified_on'
> & {
  id: number;
  check_result: string;
  check_done_at: string | null;
  forwarded_on: string | null;
  forward_number: string;
  initiator_notified_on: string | null;
};

/** p.32: an item is settled when answered in full, checked, or forwarded with the initiator told. */

const toItem = (i: ItemRow): MeetingItem => ({
  id: i.id,
  kind: i.kind,
  text: i.text,
  raisedBy: i.raised_by,
  answeredInFull: i.answered_in_full === 1,
  answer: i.answer,
  outsideCompetence: i.outside_competence === 1,
  checkDue: i.check_due,
  checkResult: i.check_result,
  checkDoneAt: i.check_done_at,
  forwardTo: i.forward_to,
  forwardedOn: i.forwarded_on,
  forwardNumber: i.forward_number,
  initiatorAddress: i.initiator_address,
  initiatorNotifiedOn: i.initiator_notified_on,
  open: itemIsOpen(i),
});

async function links(db: Db, ids: number[]) {
  if (ids.length === 0)
    return {
      sections: new Map<number, { id: number; number: string }[]>(),
      inspectors: new Map<number, { id: number; name: string }[]>(),
    };
  const s = await db
    .selectFrom('meeting_sections as m')
    .innerJoin('sections as s', 's.id', 'm.section_id')
    .select(['m.meeting_id', 's.id', 's.number'])
    .where('m.meeting_id', 'in', ids)
    .orderBy('s.number')
    .execute();
  const u = await db
    .selectFrom('meeting_inspectors')
    .select(['meeting_id', 'user_id'])
    .where('meeting_id', 'in', ids)
    .execute();
  const staff = await staffNames(db);
  const inspectorsByName = u
    .map((r) => ({ meeting_id: r.meeting_id, id: r.user_id, name: staff.short(r.user_id) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  const group = <T, R>(rows: (T & { meeting_id: number })[], map: (r: T) => R) => {
    const out = new Map<number, R[]>();
    for (const r of rows) out.set(r.meeting_id, [...(out.get(r.meeting_id) ?? []), map(r)]);
    return out;
  };
  return {
    sections: group(s, (r) => ({ id: r.id, number: r.number })),
    inspectors: group(inspectorsByName, (r) => ({ id: r.id, name: r.name })),
  };
}

export async function getMeeting(db: Db, id: number): Promise<Meeting> {
  const m = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!m) throw new AppError('NOT_FOUND', 'errors.notFound');
  const { sections, inspectors } = await links(db, [id]);
  const invitees = await db
    .selectFrom('meeting_invitees')
    .selectAll()
    .where('meeting_id', '=', id)
    .orderBy('id')
    .execute();
  const participants = await db
    .selectFrom('meeting_participants')
    .selectAll()
    .where('meeting_id', '=', id)
    .orderBy('id')
    .execute();
  const items = await db.selectFrom('meeting_items').selectAll().where('meeting_id', '=', id).orderBy('id').execute();
  const sec = sections.get(id) ?? [];
  const ins = inspectors.get(id) ?? [];
  return {
    id: m.id,
    kind: m.kind,
    format: m.format,
    date: m.date,
    time: m.time,
    place: m.place,
    sectionIds: sec.map((s) => s.id),
    sections: sec.map((s) => s.number).join(', '),
    inspectorIds: ins.map((u) => u.id),
    inspectors: ins.map((u) => u.name).join(', '),
    expected: m.expected,
    policeLeaders: m.police_leaders,
    executiveReps: m.executive_reps,
    noticeChannels: JSON.parse(m.notice_channels),
    noticeOn: m.notice_on,
    noticeDetails: m.notice_details,
    noticeLate: isNoticeLate(m.notice_on, m.date),
    invitees: invitees.map((i) => ({
      id: i.id,
      kind: i.kind as Meeting['invitees'][number]['kind'],
      name: i.name,
      came: i.came === 1,
    })),
    participants: participants.map((p) => ({
      id: p.id,
      fullName: p.full_name,
      address: p.address,
      organization: p.organization,
      phone: p.phone,
    })),
    participantsCount: participants.length,
    reportText: m.report_text,
    decisions: m.decisions,
    videoRef: m.video_ref,
    awards: m.awards,
    items: items.map(toItem),
    status: m.status,
    finalizedAt: m.finalized_at,
    finalizedLate: m.finalized_at !== null && dayjs(m.finalized_at).format('YYYY-MM-DD') !== m.date,
    cancelReason: m.cancel_reason,
    disposedOn: m.disposed_on,
    disposalAct: m.disposal_act,
  };
}

/** A meeting's report figures and protocol are read by the chiefs, its inspectors and those who work its sections. */
export async function readMeeting(ctx: Ctx, id: number): Promise<Meeting> {
  const m = await getMeeting(ctx.db, id);
  const scope = await sectionScope(ctx);
  if (!m.inspectorIds.includes(ctx.user.id) && !m.sectionIds.some((s) => inScope(scope, s)))
    throw new AppError('FORBIDDEN', 'prevention.notYourSection');
  return m;
}

/**
 * Of these meetings, those the caller reads: the same rule as `readMeeting` — his own, or of a section he works
 * (`scope`, asked once by the caller); chiefs read every one. For the search box and the citizen card.
 */
export async function readableMeetings(
  ctx: Pick<Ctx, 'db' | 'user'>,
  scope: 'all' | number[],
  meetingIds: number[],
): Promise<Set<number>> {
  if (!meetingIds.length) return new Set();
  const [sections, inspectors] = await Promise.all([
    ctx.db.selectFrom('meeting_sections').selectAll().where('meeting_id', 'in', meetingIds).execute(),
    ctx.db.selectFrom('meeting_inspectors').selectAll().where('meeting_id', 'in', meetingIds).execute(),
  ]);
  return new Set([
    ...sections.filter((r) => inScope(scope, r.section_id)).map((r) => r.meeting_id),
    ...inspectors.filter((r) => r.user_id === ctx.user.id).map((r) => r.meeting_id),
  ]);
}

/** Inspectors and assistants change their own meetings and those of their sections; the UPP lead all. */
async function requireWrite(ctx: Ctx, db: Db, m: Meeting): Promise<void> {
  if (ctx.user.role === 'uppLead' || m.inspectorIds.includes(ctx.user.id)) return;
  const mine = (await listUsers(db, false)).find((u) => u.id === ctx.user.id)?.sectionIds ?? [];
  if (!m.sectionIds.some((s) => mine.includes(s))) throw new AppError('FORBIDDEN', 'errors.forbidden');
}

async function checkRefs(trx: Transaction<DB>, f: MeetingFields): Promise<void> {
  const fieldError = (path: string, key: string) =>
    new AppError('VALIDATION', key, undefined, [{ path, messageKey: key }]);
  const sections = await trx
    .selectFrom('sections')
    .select('id')
    .where('id', 'in', f.sectionIds)
    .where('active', '=', 1)
    .execute();
  if (sections.length !== new Set(f.sectionIds).size) throw fieldError('sectionIds', 'errors.unknownSection');
  const users = await trx
    .selectFrom('users')
    .select('id')
    .where('id', 'in', f.inspectorIds)
    .where('active', '=', 1)
    .where('role', 'in', ['inspector', 'assistant', 'uppLead'])
    .execute();
  if (users.length !== new Set(f.inspectorIds).size) throw fieldError('inspectorIds', 'meetings.notAnInspector');
}

async function setLinks(trx: Transaction<DB>, id: number, f: MeetingFields) {
  await trx.deleteFrom('meeting_sections').where('meeting_id', '=', id).execute();
  await trx.deleteFrom('meeting_inspectors').where('meeting_id', '=', id).execute();
  await trx
    .insertInto('meeting_sections')
    .values([...new Set(f.sectionIds)].map((s) => ({ meeting_id: id, section_id: s })))
    .execute();
  await trx
    .insertInto('meeting_inspectors')
    .values([...new Set(f.inspectorIds)].map((u) => ({ meeting_id: id, user_id: u })))
    .execute();
}

const values = (f: MeetingFields) => ({
  kind: f.kind,
  format: f.format,
  date: f.date,
  time: f.time,
  place: f.place,
  expected: f.expected,
  police_leaders: f.policeLeaders,
  executive_reps: f.executiveReps,
});

export async function planMeeting(ctx: Ctx, f: MeetingFields): Promise<Meeting> {
  return change(ctx, async (tx) => {
    await checkRefs(tx.db, f);
    const at = ctx.now.toISOString();
    const { id } = await tx.db
      .insertInto('meetings')
      .values({ ...values(f), created_by: ctx.user.id, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    await setLinks(tx.db, id, f);
    const m = await getMeeting(tx.db, id);
    await requireWrite(ctx, tx.db, m);
    await tx.audit({ action: 'meetings.plan', entity: 'meeting', entityId: id, after: m });
    return m;
  });
}

/** One change to a meeting: access, state, the change and its audit in one transaction. */
async function changeMeeting(
  ctx: Ctx,
  id: number,
  action: string,
  run: (trx: Transaction<DB>, m: Meeting) => Promise<void>,
  opts: { whenFinal?: boolean } = {},
): Promise<Meeting> {
  return change(ctx, async (tx) => {
    const before = await getMeeting(tx.db, id);
    await requireWrite(ctx, tx.db, before);
    if (before.status === 'cancelled' || before.disposedOn) throw new AppError('CONFLICT', 'meetings.closed');
    if (before.finalizedAt && !opts.whenFinal) throw new AppError('CONFLICT', 'meetings.alreadyFinalized');
    await run(tx.db, before);
    await tx.db.updateTable('meetings').set({ updated_at: ctx.now.toISOString() }).where('id', '=', id).execute();
    const after = await getMeeting(tx.db, id);
    await tx.audit({ action, entity: 'meeting', entityId: id, before, after });
    return after;
  });
}

export const updateMeeting = (ctx: Ctx, id: number, f: MeetingFields) =>
  changeMeeting(ctx, id, 'meetings.update', async (trx) => {
    await checkRefs(trx, f);
    await trx.updateTable('meetings').set(values(f)).where('id', '=', id).execute();
    await setLinks(trx, id, f);
  });

export const cancelMeeting = (ctx: Ctx, id: number, reason: string) =>
  changeMeeting(ctx, id, 'meetings.cancel', async (trx) => {
    await trx
      .updateTable('meetings')
      .set({ status: 'cancelled', cancel_reason: reason })
      .where('id', '=', id)
      .execute();
  });

export const recordNotice = (ctx: Ctx, id: number, channels: string[], noticeOn: string, details: string) =>
  changeMeeting(ctx, id, 'meetings.notice', async (trx, m) => {
    if (noticeOn > m.date)
      throw new AppError('VALIDATION', 'meetings.noticeAfterMeeting', undefined, [
        { path: 'noticeOn', messageKey: 'meetings.noticeAfterMeeting' },
      ]);
    await trx
      .updateTable('meetings')
      .set({ notice_channels: JSON.stringify([...new Set(channels)]), notice_on: noticeOn, notice_details: details })
      .where('id', '=', id)
      .execute();
  });

export const saveInvitees = (ctx: Ctx, id: number, invitees: { kind: string; name: string; came: boolean }[]) =>
  changeMeeting(ctx, id, 'meetings.invitees', async (trx) => {
    await trx.deleteFrom('meeting_invitees').where('meeting_id', '=', id).execute();
    if (invitees.length)
      await trx
        .insertInto('meeting_invitees')
        .values(invitees.map((i) => ({ meeting_id: id, kind: i.kind, name: i.name, came: i.came ? 1 : 0 })))
        .execute();
  });

export const saveRecord = (
  ctx: Ctx,
  id: number,
  r: { reportText: string; decisions: string; videoRef: string; awards: string },
) =>
  changeMeeting(ctx, id, 'meetings.record', async (trx) => {
    await trx
      .updateTable('meetings')
      .set({ report_text: r.reportText, decisions: r.decisions, video_ref: r.videoRef, awards: r.awards })
      .where('id', '=', id)
      .execute();
  });

/** Registration at the meeting (p.32) happens on its day, not before. */
const heldToday = (ctx: Ctx, m: Meeting) => {
  if (dayjs(ctx.now).format('YYYY-MM-DD') < m.date) throw new AppError('CONFLICT', 'meetings.notYet');
};

export const addParticipant = (
  ctx: Ctx,
  id: number,
  p: { fullName: string; address: string; organization: string; phone: string },
) =>
  changeMeeting(ctx, id, 'meetings.participant', async (trx, m) => {
    heldToday(ctx, m);
    await trx
      .insertInto('meeting_participants')
      .values({
        meeting_id: id,
        full_name: p.fullName,
        address: p.address,
        organization: p.organization,
        phone: p.phone,
      })
      .execute();
  });

export const removeParticipant = (ctx: Ctx, id: number, participantId: number) =>
  changeMeeting(ctx, id, 'meetings.participantRemoved', async (trx) => {
    const r = await trx
      .deleteFrom('meeting_participants')
      .where('id', '=', participantId)
      .where('meeting_id', '=', id)
      .executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw new AppError('NOT_FOUND', 'errors.notFound');
  });

export interface ItemFields {
  kind: 'complaint' | 'proposal' | 'remark';
  text: string;
  raisedBy: string;
  answeredInFull: boolean;
  answer: string;
  outsideCompetence: boolean;
  checkDue: string | null;
  forwardTo: string;
  initiatorAddress: string;
}

export const addItem = (ctx: Ctx, id: number, i: ItemFields) =>
  changeMeeting(ctx, id, 'meetings.item', async (trx, m) => {
    heldToday(ctx, m);
    await trx
      .insertInto('meeting_items')
      .values({
        meeting_id: id,
        kind: i.kind,
        text: i.text,
        raised_by: i.raisedBy,
        answered_in_full: i.answeredInFull ? 1 : 0,
        answer: i.answer,
        outside_competence: !i.answeredInFull && i.outsideCompetence ? 1 : 0,
        check_due: i.answeredInFull || i.outsideCompetence ? null : i.checkDue,
        forward_to: !i.answeredInFull && i.outsideCompetence ? i.forwardTo : '',
        initiator_address: i.initiatorAddress,
      })
      .execute();
  });

/** After the protocol is signed only the follow-up of its items changes (p.32, p.33). */
export const resolveItem = (
  ctx: Ctx,
  id: number,
  itemId: number,
  r: { checkResult: string; forwardedOn: string | null; forwardNumber: string; initiatorNotifiedOn: string | null },
) =>
  changeMeeting(
    ctx,
    id,
    'meetings.resolveItem',
    async (trx, m) => {
      const item = m.items.find((x) => x.id === itemId);
      if (!item) throw new AppError('NOT_FOUND', 'errors.notFound');
      if (item.answeredInFull) throw new AppError('CONFLICT', 'meetings.itemAnswered');
      const today = dayjs(ctx.now).format('YYYY-MM-DD');
      for (const [path, d] of [
        ['forwardedOn', r.forwardedOn],
        ['initiatorNotifiedOn', r.initiatorNotifiedOn],
      ] as const) {
        if (d && (d < m.date || d > today))
          throw new AppError('VALIDATION', 'meetings.dateOutOfRange', undefined, [
            { path, messageKey: 'meetings.dateOutOfRange' },
          ]);
      }
      if (item.outsideCompetence) {
        await trx
          .updateTable('meeting_items')
          .set({
            forwarded_on: r.forwardedOn,
            forward_number: r.forwardNumber,
            initiator_notified_on: r.initiatorNotifiedOn,
          })
          .where('id', '=', itemId)
          .execute();
      } else {
        if (r.checkResult === '')
          throw new AppError('VALIDATION', 'validation.required', undefined, [
            { path: 'checkResult', messageKey: 'validation.required' },
          ]);
        await trx
          .updateTable('meeting_items')
          .set({ check_result: r.checkResult, check_done_at: ctx.now.toISOString() })
          .where('id', '=', itemId)
          .execute();
      }
    },
    { whenFinal: true },
  );

/** p.32: drawn up on the meeting day and signed by the inspector; later is allowed but marked. */
export const finalizeMeeting = (ctx: Ctx, id: number) =>
  changeMeeting(ctx, id, 'meetings.finalize', async (trx, m) => {
    heldToday(ctx, m);
    if (m.participantsCount === 0) throw new AppError('CONFLICT', 'meetings.noParticipants');
    await trx
      .updateTable('meetings')
      .set({ status: 'held', finalized_at: ctx.now.toISOString(), finalized_by: ctx.user.id })
      .where('id', '=', id)
      .execute();
  });

/** p.32: after a year the materials go (the registration sheet with the names); the record of the meeting stays. */
export async function disposeMaterials(ctx: Ctx, id: number, act: string): Promise<Meeting> {
  return change(ctx, async (tx) => {
    const before = await getMeeting(tx.db, id);
    if (before.disposedOn) throw new AppError('CONFLICT', 'meetings.closed');
    const today = dayjs(ctx.now).format('YYYY-MM-DD');
    if (today < retentionEnd(before.date))
      throw new AppError('CONFLICT', 'meetings.keepOneYear', { until: formatDate(retentionEnd(before.date)) });
    await tx.db.deleteFrom('meeting_participants').where('meeting_id', '=', id).execute();
    await tx.db
      .updateTable('meetings')
      .set({ disposed_on: today, disposal_act: act, disposed_by: ctx.user.id, report_text: '' })
      .where('id', '=', id)
      .execute();
    const after = await getMeeting(tx.db, id);
    // the audit keeps that it happened, not the names that were removed
    await tx.audit({
      action: 'meetings.dispose',
      entity: 'meeting',
      entityId: id,
      before: { participantsCount: before.participantsCount, date: before.date },
      after: { disposedOn: today, disposalAct: act },
    });
    return { ...after, participantsCount: before.participantsCount };
  });
}

export async function listMeetings(ctx: Ctx, year: number): Promise<MeetingRow[]> {
  const rows = await ctx.db
    .selectFrom('meetings as m')
    .selectAll('m')
    .select([sql<number>`(SELECT count(*) FROM meeting_participants p WHERE p.meeting_id = m.id)`.as('participants')])
    .where('m.date', '>=', `${year}-01-01`)
    .where('m.date', '<=', `${year}-12-31`)
    .orderBy('m.date', 'desc')
    .execute();
  const { sections, inspectors } = await links(
    ctx.db,
    rows.map((r) => r.id),
  );
  // the same rule as on a meeting's own items (itemIsOpen), not a second one in SQL
  const openItems = new Map<number, number>();
  if (rows.length) {
    for (const i of await ctx.db
      .selectFrom('meeting_items')
      .selectAll()
      .where(
        'meeting_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute()) {
      if (itemIsOpen(i)) openItems.set(i.meeting_id, (openItems.get(i.meeting_id) ?? 0) + 1);
    }
  }
  // the same rule as readMeeting: a meeting of one's own or of a section one works; chiefs see every one
  const scope = await sectionScope(ctx);
  const readable = (id: number) =>
    (inspectors.get(id) ?? []).some((u) => u.id === ctx.user.id) ||
    (sections.get(id) ?? []).some((s) => inScope(scope, s.id));
  return rows
    .filter((m) => readable(m.id))
    .map((m) => ({
      id: m.id,
      kind: m.kind,
      format: m.format,
      date: m.date,
      time: m.time,
      place: m.place,
      sections: (sections.get(m.id) ?? []).map((s) => s.number).join(', '),
      inspectors: (inspectors.get(m.id) ?? []).map((u) => u.name).join(', '),
      status: m.status,
      noticeOn: m.notice_on,
      noticeLate: isNoticeLate(m.notice_on, m.date),
      finalizedAt: m.finalized_at,
      participantsCount: Number(m.participants),
      disposedOn: m.disposed_on,
      openItems: openItems.get(m.id) ?? 0,
    }));
}

/** p.33: the UPP lead controls every protocol; inspectors see their own meetings' items. */
export async function openItems(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('meeting_items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .selectAll('i')
    .select(['m.date'])
    .where('i.answered_in_full', '=', 0)
    .where('m.status', '!=', 'cancelled')
    .orderBy('m.date')
    .execute();
  const open = rows.filter(itemIsOpen);
  const { inspectors } = await links(ctx.db, [...new Set(open.map((r) => r.meeting_id))]);
  return open
    .filter(
      (r) => inGroup('chiefs', ctx.user.role) || (inspectors.get(r.meeting_id) ?? []).some((u) => u.id === ctx.user.id),
    )
    .map((r) => ({
      ...toItem(r),
      meetingId: r.meeting_id,
      meetingDate: r.date,
      inspectors: (inspectors.get(r.meeting_id) ?? []).map((u) => u.name).join(', '),
    }));
}

// ---- Today

/**
 * p.26 (p.22(13)): every inspector reports to the population at least once a quarter, and the UPP lead, who has an
 * inspector's duties too. A quarter is covered only by a meeting that was held (its protocol signed, p.32): a planned
 * one is shown as planned, and a quarter that ended without a held meeting stays overdue.
 */
export async function quarterCoverage(ctx: Ctx, date: string): Promise<DueItem[]> {
  if (!['inspector', 'uppLead', 'supervisor'].includes(ctx.user.role)) return [];
  const q = quarterOf(date);
  const last = quarterOf(dayjs(q.from).subtract(1, 'day').format('YYYY-MM-DD'));
  const reporters = (await listUsers(ctx.db, false)).filter(
    (u) => reportsQuarterly(u.role) && (ctx.user.role !== 'inspector' || u.id === ctx.user.id),
  );
  const since = new Map(
    (await ctx.db.selectFrom('users').select(['id', 'created_at']).execute()).map((u) => [
      u.id,
      u.created_at.slice(0, 10),
    ]),
  );
  const meetings = await ctx.db
    .selectFrom('meeting_inspectors as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .select(['i.user_id', 'm.date', 'm.status'])
    .where('m.status', '!=', 'cancelled')
    .where('m.date', '>=', last.from)
    .where('m.date', '<=', q.to)
    .execute();
  const item = (u: { surname: string; name: string; patronymic: string }, quarter: typeof q) => ({
    ruleId: 'meetings.quarter',
    paragraph: '26',
    params: { person: shortName(u), quarter: quarter.label },
    due: quarter.to,
    link: '/meetings',
  });
  const out: DueItem[] = [];
  for (const u of reporters) {
    const mine = meetings.filter((m) => m.user_id === u.id);
    const inQuarter = (x: typeof q) => mine.filter((m) => m.date >= x.from && m.date <= x.to);
    if ((since.get(u.id) ?? '') <= last.to && quarterState(inQuarter(last)).state !== 'held')
      out.push({ ...item(u, last), titleKey: 'today.rules.meetingQuarterMissed', overdue: true });
    const now = quarterState(inQuarter(q));
    const current = item(u, q);
    if (now.state === 'planned')
      out.push({
        ...current,
        titleKey: 'today.rules.meetingQuarterPlanned',
        params: { ...current.params, date: formatDate(now.date) },
        overdue: false,
      });
    if (now.state === 'none') out.push({ ...current, titleKey: 'today.rules.meetingQuarter', overdue: false });
  }
  return out;
}

async function myMeetings(ctx: Ctx) {
  const rows = await ctx.db
    .selectFrom('meetings')
    .selectAll()
    .where('status', '!=', 'cancelled')
    .where('disposed_on', 'is', null)
    .execute();
  if (inGroup('chiefs', ctx.user.role)) return rows;
  const mine = new Set(
    (
      await ctx.db.selectFrom('meeting_inspectors').select('meeting_id').where('user_id', '=', ctx.user.id).execute()
    ).map((r) => r.meeting_id),
  );
  return rows.filter((r) => mine.has(r.id));
}

/** p.27 notice 10 days before; p.32 protocol on the day; p.32 one-year retention; p.32 checks of open items. */
export async function dueMeetingSteps(ctx: Ctx, date: string): Promise<DueItem[]> {
  if (!inGroup('sectionReaders', ctx.user.role)) return [];
  const out: DueItem[] = [];
  const meetings = await myMeetings(ctx);
  for (const m of meetings) {
    const params = { date: formatDate(m.date), place: m.place };
    const link = `/meetings/${m.id}`;
    if (m.status === 'planned' && !m.notice_on && m.date >= date) {
      const due = noticeDeadline(m.date);
      if (dayjs(due).subtract(7, 'day').format('YYYY-MM-DD') <= date)
        out.push({
          ruleId: 'meetings.notice',
          paragraph: '27',
          titleKey: 'today.rules.meetingNotice',
          params,
          due,
          overdue: due < date,
          link,
        });
    }
    if (m.status === 'planned' && m.date <= date)
      out.push({
        ruleId: 'meetings.protocol',
        paragraph: '32',
        titleKey: 'today.rules.meetingProtocol',
        params,
        due: m.date,
        overdue: m.date < date,
        link,
      });
    if (m.status === 'held' && retentionEnd(m.date) <= date && ctx.user.role === 'uppLead') {
      out.push({
        ruleId: 'meetings.retention',
        paragraph: '32',
        titleKey: 'today.rules.meetingRetention',
        params,
        due: retentionEnd(m.date),
        overdue: false,
        link,
      });
    }
  }
  const ids = new Set(meetings.map((m) => m.id));
  for (const i of await openItems(ctx)) {
    if (!ids.has(i.meetingId) || (i.checkDue === null && !i.outsideCompetence)) continue;
    const due = i.checkDue ?? i.meetingDate;
    out.push({
      ruleId: 'meetings.item',
      paragraph: i.outsideCompetence ? '32' : '33',
      titleKey: i.outsideCompetence ? 'today.rules.meetingForward' : 'today.rules.meetingCheck',
      params: { date: formatDate(i.meetingDate), text: i.text.slice(0, 80), to: i.forwardTo },
      due,
      overdue: due < date,
      link: `/meetings/${i.meetingId}`,
    });
  }
  return out;
}

// ---- p.29–30: the report's figures from the station's own records

export interface ReportFigures {
  from: string;
  to: string;
  receptions: {
    total: number;
    byCategory: { code: string; nameKk: string; nameRu: string; count: number }[];
    byAction: Record<string, number>;
  };
  files: { active: number; byCategory: Record<string, number>; checks: number; violations: number };
  /** p.17 lists of the sections: how many, and checks at home in the period */
  lists: {
    firearmOwners: number;
    firearmChecks: number;
    probation: number;
    foreigners: number;
    foreignerChecks: number;
  };
  previousItems: { date: string; text: string; settled: boolean; outcome: string }[];
}

/** From the previous meeting of these sections (or three months back) to this one. */
export async function reportFigures(db: Db, m: Meeting, now: Date): Promise<ReportFigures> {
  const prev = await db
    .selectFrom('meetings as x')
    .innerJoin('meeting_sections as s', 's.meeting_id', 'x.id')
    .select(['x.id', 'x.date'])
    .where('s.section_id', 'in', m.sectionIds)
    .where('x.status', '=', 'held')
    .where('x.date', '<', m.date)
    .orderBy('x.date', 'desc')
    .executeTakeFirst();
  const from = prev?.date ?? dayjs(m.date).subtract(3, 'month').format('YYYY-MM-DD');
  const to = m.date;
  // the figures screen's own counts (modules/figures): the draft and the справка never disagree
  // p.30: the inspectors' receptions, the sections' files and lists, as a section's column of the figures counts them
  const f = columnFigures(await tally(db, { from, to }, now), {
    users: m.inspectorIds,
    sections: m.sectionIds,
    fromSections: FROM_SECTIONS.section,
  });
  const categories = await db.selectFrom('reception_categories').select(['code', 'name_kk', 'name_ru']).execute();
  const byCategory = Object.entries(f.receptions.byCategory)
    .map(([code, count]) => {
      const c = categories.find((x) => x.code === code);
      return { code, nameKk: c?.name_kk ?? code, nameRu: c?.name_ru ?? code, count };
    })
    .sort((a, b) => b.count - a.count);
  const end = dayjs(to).add(1, 'day').format('YYYY-MM-DD');
  const count = async (q: { executeTakeFirstOrThrow: () => Promise<{ n: number | string | bigint }> }) =>
    Number((await q.executeTakeFirstOrThrow()).n);
  const lists = {
    firearmOwners: f.firearms.owners,
    firearmChecks: f.firearms.checksDone,
    probation: await count(
      db
        .selectFrom('probation_persons')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('section_id', 'in', m.sectionIds)
        .where('removed_on', 'is', null),
    ),
    foreigners: f.foreigners.total,
    foreignerChecks: await count(
      db
        .selectFrom('foreigners')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('section_id', 'in', m.sectionIds)
        .where('checked_on', '>=', from)
        .where('checked_on', '<', end),
    ),
  };
  const previousItems = prev
    ? (await db.selectFrom('meeting_items').selectAll().where('meeting_id', '=', prev.id).orderBy('id').execute()).map(
        (i) => ({
          date: prev.date,
          text: i.text,
          settled: !itemIsOpen(i),
          outcome: i.answered_in_full
            ? i.answer
            : i.outside_competence
              ? `${i.forward_to}${i.forward_number ? `, № ${i.forward_number}` : ''}`
              : i.check_result,
        }),
      )
    : [];
  return {
    from,
    to,
    receptions: {
      total: f.receptions.total,
      byCategory,
      byAction: f.receptions.byAction,
    },
    files: {
      active: f.personFiles.active,
      byCategory: f.personFiles.activeByCategory,
      checks: f.personFiles.checksDone,
      violations: f.personFiles.violations,
    },
    lists,
    previousItems,
  };
}
