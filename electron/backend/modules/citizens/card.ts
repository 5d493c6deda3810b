import { AppError, canCall, type Citizen, type CitizenCard } from '../../../../shared/api';
import type { Category } from '../../../../shared/api';
import { foldedWords } from '../../../../shared/search/query';
import type { Ctx } from '../../context';
import { owners } from '../notebook/service';
import { readableMeetings } from '../meetings/service';
import { fileScope, inScope as fileInScope } from '../prevention/access';
import { inScope, sectionScope } from '../staff/service';
import { sectionNumbers } from '../station/service';
import { staffNames, type StaffNames } from '../users/names';
import { getCitizen } from './service';
import { receptionLines } from '../reception/lines';

type Parts = Omit<CitizenCard, 'citizen' | 'versions'>;

/**
 * Everything the station holds on one person (issue 15), each part asked only when the caller may make the call its
 * own screen reads it with, and each record only within his scope, as the search box reads them (p.15, p.16).
 */
export async function citizenCard(ctx: Ctx, id: number): Promise<CitizenCard> {
  const citizen = await getCitizen(ctx.db, id);
  if (!citizen) throw new AppError('NOT_FOUND', 'errors.notFound');
  const role = ctx.user.role;
  const staff = await staffNames(ctx.db);
  const sections = await sectionNumbers(ctx.db);
  const scope = await sectionScope(ctx);
  const section = (sectionId: number) => sections.get(sectionId) ?? '';
  const db = ctx.db;

  const versions = await citizenVersions(ctx, citizen, staff);

  const visits: Parts['visits'] = canCall(role, 'reception.get')
    ? await receptionLines(db, staff, { citizenId: id })
    : [];

  const readable = canCall(role, 'notebook.entries') ? new Set((await owners(ctx)).map((o) => o.userId)) : new Set();
  const notebook: Parts['notebook'] = readable.size
    ? (
        await db
          .selectFrom('notebook_entries')
          .select(['id', 'owner_id', 'number', 'kind', 'occurred_at', 'text'])
          .where('citizen_id', '=', id)
          .orderBy('occurred_at', 'desc')
          .execute()
      )
        .filter((e) => readable.has(e.owner_id))
        .map((e) => ({
          id: e.id,
          ownerId: e.owner_id,
          owner: staff.short(e.owner_id),
          number: e.number,
          kind: e.kind as Parts['notebook'][number]['kind'],
          occurredAt: e.occurred_at,
          text: e.text,
        }))
    : [];

  const files = fileScope(ctx, scope);
  const personFiles: Parts['personFiles'] = canCall(role, 'prevention.list')
    ? (
        await db
          .selectFrom('person_files')
          .select(['id', 'number', 'status', 'categories', 'start_date', 'section_id', 'inspector_id'])
          .where('citizen_id', '=', id)
          .orderBy('id', 'desc')
          .execute()
      ).map((f) => {
        const open = fileInScope(files, f);
        return {
          id: f.id,
          restricted: !open,
          number: open ? f.number : null,
          status: open ? f.status : null,
          categories: open ? (JSON.parse(f.categories) as Category[]) : [],
          startDate: open ? f.start_date : null,
          sectionNumber: section(f.section_id),
          inspector: staff.short(f.inspector_id),
        };
      })
    : [];

  const lists: Parts['lists'] = [];
  if (canCall(role, 'lists.firearms')) {
    const owned = await db
      .selectFrom('firearm_owners as o')
      .leftJoin('firearms as f', 'f.owner_id', 'o.id')
      .select(['o.id', 'o.section_id', 'o.permit_on', 'o.withdrawn_on', 'o.surrendered_on'])
      .select(['f.kind', 'f.make', 'f.calibre', 'f.serial'])
      .where('o.citizen_id', '=', id)
      .execute();
    for (const o of owned) {
      if (!inScope(scope, o.section_id)) continue;
      const weapon = [o.kind, o.make, o.calibre, o.serial].filter(Boolean).join(' ');
      const known = lists.find((l) => l.kind === 'firearmOwner' && l.id === o.id);
      if (known) known.detail = [known.detail, weapon].filter(Boolean).join('; ');
      else
        lists.push({
          kind: 'firearmOwner',
          id: o.id,
          sectionNumber: section(o.section_id),
          since: o.permit_on,
          until: o.withdrawn_on ?? o.surrendered_on,
          detail: weapon,
        });
    }
    for (const a of await db
      .selectFrom('applicant_checks')
      .select(['id', 'section_id', 'received_on', 'checked_on', 'permit', 'weapon'])
      .where('citizen_id', '=', id)
      .execute()) {
      if (!inScope(scope, a.section_id)) continue;
      lists.push({
        kind: 'applicantCheck',
        id: a.id,
        sectionNumber: section(a.section_id),
        since: a.received_on,
        until: a.checked_on,
        detail: a.weapon,
      });
    }
  }
  if (canCall(role, 'lists.probation')) {
    for (const p of await db
      .selectFrom('probation_persons')
      .select(['id', 'section_id', 'included_on', 'removed_on', 'measure'])
      .where('citizen_id', '=', id)
      .execute()) {
      if (!inScope(scope, p.section_id)) continue;
      lists.push({
        kind: 'probation',
        id: p.id,
        sectionNumber: section(p.section_id),
        since: p.included_on,
        until: p.removed_on,
        detail: p.measure,
      });
    }
  }
  if (canCall(role, 'lists.foreigners')) {
    for (const f of await db
      .selectFrom('foreigners')
      .select(['id', 'section_id', 'created_at', 'removed_on', 'citizenship', 'passport_no'])
      .where('citizen_id', '=', id)
      .execute()) {
      if (!inScope(scope, f.section_id)) continue;
      lists.push({
        kind: 'foreigner',
        id: f.id,
        sectionNumber: section(f.section_id),
        since: f.created_at.slice(0, 10),
        until: f.removed_on,
        detail: [f.citizenship, f.passport_no].filter(Boolean).join(', '),
      });
    }
  }
  lists.sort((a, b) => b.since.localeCompare(a.since));

  return {
    citizen,
    versions,
    visits,
    notebook,
    personFiles,
    lists,
    meetingItems: canCall(role, 'meetings.get') ? await raisedAtMeetings(ctx, citizen, scope) : [],
  };
}

/**
 * The protocol names who raised a point in free text (p.29), not as a record of the register: a point is his when its
 * "raised by" holds his surname and his name (any case, either alphabet's spelling of the Kazakh letters).
 */
async function raisedAtMeetings(ctx: Ctx, c: Citizen, scope: 'all' | number[]): Promise<Parts['meetingItems']> {
  const own = [...foldedWords(c.surname), ...foldedWords(c.name)];
  if (!own.length) return [];
  const rows = await ctx.db
    .selectFrom('meeting_items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .select(['i.id', 'i.meeting_id', 'i.kind', 'i.text', 'i.raised_by', 'm.date'])
    .where('i.raised_by', '!=', '')
    .orderBy('m.date', 'desc')
    .execute();
  const his = rows.filter((r) => {
    const words = foldedWords(r.raised_by);
    return own.every((w) => words.includes(w));
  });
  if (!his.length) return [];
  const readable = await readableMeetings(ctx, scope, [...new Set(his.map((r) => r.meeting_id))]);
  return his
    .filter((r) => readable.has(r.meeting_id))
    .map((r) => ({
      id: r.id,
      meetingId: r.meeting_id,
      date: r.date,
      kind: r.kind,
      text: r.text,
      raisedBy: r.raised_by,
    }));
}

/** The person's details as first recorded and after each correction, from the change log, newest first. */
async function citizenVersions(ctx: Ctx, now: Citizen, staff: StaffNames): Promise<CitizenCard['versions']> {
  const rows = await ctx.db
    .selectFrom('audit_log')
    .select(['at', 'user_id', 'action', 'before_json', 'after_json'])
    .where('entity', '=', 'citizen')
    .where('entity_id', '=', String(now.id))
    .where('action', 'in', ['citizens.create', 'citizens.correct'])
    .orderBy('id')
    .execute();
  const out: CitizenCard['versions'] = [];
  for (const r of rows) {
    const after = JSON.parse(r.after_json ?? '{}') as Citizen & { reason?: string };
    const { reason = '', ...citizen } = after;
    if (r.action === 'citizens.correct' && !out.length && r.before_json) {
      // recorded before the change log named his creation: the first correction keeps what he was
      out.push({ at: '', by: '', change: 'created', reason: '', citizen: JSON.parse(r.before_json) as Citizen });
    }
    out.push({
      at: r.at,
      by: staff.short(r.user_id),
      change: r.action === 'citizens.create' ? 'created' : 'corrected',
      reason,
      citizen: { ...now, ...citizen },
    });
  }
  return out.reverse();
}
