import dayjs from 'dayjs';
import { sql, type ExpressionBuilder } from 'kysely';
import { inGroup, type FigureEntry, type Figures, type FiguresReport } from '../../../../shared/api';
import { GROUP_PARTS, type FigureGroup } from '../../../../shared/figureLines';
import { shortName } from '../../../../shared/format';
import { isNoticeLate, itemIsOpen } from '../../../../shared/rules/meetings';
import { previousPeriod } from '../../../../shared/rules/figures';
import { passedInTime, passOnDeadline } from '../../../../shared/rules/notebook';
import type { Ctx, Db } from '../../context';
import type { DB } from '../../store/schema';
import { nextFirearmCheck } from '../lists/service';
import { listUsers } from '../users/service';

export interface Period {
  from: string;
  to: string;
}

/** The figures of nothing: every count 0. */
export const noFigures = (): Figures => ({
  receptions: {
    total: 0,
    byMode: {},
    byCategory: {},
    byAction: {},
    followUpsInTime: 0,
    followUpsLate: 0,
    followUpsOpen: 0,
  },
  notebook: { total: 0, byKind: {}, passedInTime: 0, passedLate: 0, passPending: 0 },
  instructions: { total: 0, doneInTime: 0, doneLate: 0, overdue: 0, open: 0 },
  personFiles: {
    placed: 0,
    removed: 0,
    transferred: 0,
    activeByCategory: {},
    active: 0,
    checksPlanned: 0,
    checksDone: 0,
    violations: 0,
  },
  firearms: { owners: 0, checksDone: 0, checksOverdue: 0 },
  foreigners: { total: 0, staysEndedUnchecked: 0 },
  meetings: { held: 0, noticeInTime: 0, noticeLate: 0, itemsClosed: 0, itemsOpen: 0 },
  plans: { done: 0, notDone: 0, unmarked: 0 },
});

const bump = (r: Record<string, number>, k: string, n = 1) => (r[k] = (r[k] ?? 0) + n);
/** The first moment after the period, for columns that hold a moment (received_at, occurred_at, done_at). */
const after = (p: Period) => dayjs(p.to).add(1, 'day').format('YYYY-MM-DD');

/**
 * Who a record counts for: the staff member it is attributed to (the receiver, the notebook's owner, the file's
 * inspector, the meeting's inspectors, the plan item's responsible), and the section of a person file or a list
 * entry (a reporting meeting reports on its sections, p.30).
 */
interface Tally {
  byUser: Map<number, Figures>;
  bySection: Map<number, Figures>;
  /** each record once */
  total: Figures;
  /** when the entries of one figure are asked for: the records it counts */
  collect?: Collect;
}

/** A record as a figure's list names it; `date` where the line counts a moment of it (a check of a file). */
export interface Ref {
  kind: FigureEntry['kind'];
  id: number;
  date?: string;
}

/** A counted record, with the staff and sections it counts for (what decides who may read it). */
export type Counted = Ref & { users: number[]; sections: number[] };

interface Collect {
  value: (f: Figures) => number;
  /** whether a record of these staff and sections is in the column asked for */
  takes: (users: number[], sections: number[]) => boolean;
  refs: Counted[];
}

const newTally = (collect?: Collect): Tally => ({
  byUser: new Map(),
  bySection: new Map(),
  total: noFigures(),
  collect,
});

/**
 * Counts one record (or a group of alike ones) for its staff, its sections and the station. Asked for a figure's
 * entries, the record is put through the same `apply` alone: it is listed when it adds to the line.
 */
function add(t: Tally, ref: Ref | null, users: number[], sections: number[], apply: (f: Figures) => void) {
  for (const u of users) apply(of(t.byUser, u));
  for (const s of sections) apply(of(t.bySection, s));
  apply(t.total);
  if (t.collect && ref) {
    const one = noFigures();
    apply(one);
    if (t.collect.value(one) > 0 && t.collect.takes(users, sections)) t.collect.refs.push({ ...ref, users, sections });
  }
}
const of = (m: Map<number, Figures>, k: number) => {
  let f = m.get(k);
  if (!f) m.set(k, (f = noFigures()));
  return f;
};

/**
 * The period's figures of every staff member and section, and of the station (issue 17). The functions below are
 * the ones the reporting meeting's draft reads too (p.29–30), so the two never disagree.
 */
export async function tally(db: Db, p: Period, now: Date, only?: FigureGroup, collect?: Collect): Promise<Tally> {
  const t = newTally(collect);
  const today = dayjs(now).format('YYYY-MM-DD');
  const groups: Record<FigureGroup, () => Promise<void>> = {
    receptions: () => receptions(db, p, today, t),
    notebook: () => notebook(db, p, now, t),
    personFiles: () => personFiles(db, p, t),
    lists: () => lists(db, p, today, t),
    meetings: () => meetings(db, p, t),
    plans: () => plans(db, p, t),
  };
  await Promise.all(Object.entries(groups).map(([g, run]) => (only && g !== only ? null : run())));
  return t;
}

/** p.9: the entries received in the period, not voided, by their receiver. */
async function receptions(db: Db, p: Period, today: string, t: Tally) {
  const followUp = sql<string>`CASE
    WHEN follow_up_due IS NULL THEN 'none'
    WHEN follow_up_done_at IS NOT NULL AND substr(follow_up_done_at, 1, 10) <= follow_up_due THEN 'inTime'
    WHEN follow_up_done_at IS NOT NULL OR follow_up_due < ${today} THEN 'late'
    ELSE 'open' END`;
  const base = db
    .selectFrom('receptions')
    .select(['receiver_id', 'mode', 'category_code', 'action', followUp.as('follow_up')])
    .where('voided', '=', 0)
    .where('received_at', '>=', p.from)
    .where('received_at', '<', after(p));
  // a million entries are counted in groups; a figure's own entries one by one
  const rows = t.collect
    ? await base.select(['id', sql<number>`1`.as('n')]).execute()
    : await base
        .select([sql<number | null>`NULL`.as('id'), (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['receiver_id', 'mode', 'category_code', 'action', 'follow_up'])
        .execute();
  for (const r of rows)
    add(t, r.id === null ? null : { kind: 'reception', id: r.id }, [r.receiver_id], [], (f) => {
      const x = f.receptions;
      x.total += r.n;
      bump(x.byMode, r.mode, r.n);
      bump(x.byCategory, r.category_code, r.n);
      bump(x.byAction, r.action, r.n);
      if (r.follow_up === 'inTime') x.followUpsInTime += r.n;
      if (r.follow_up === 'late') x.followUpsLate += r.n;
      if (r.follow_up === 'open') x.followUpsOpen += r.n;
    });
}

/** A notebook entry that stands: none corrects it (a corrected one counts as its correction, once). */
const standing = ({ not, exists, selectFrom }: ExpressionBuilder<DB & { e: DB['notebook_entries'] }, 'e'>) =>
  not(exists(selectFrom('notebook_entries as c').select('c.id').whereRef('c.corrects_id', '=', 'e.id')));

/** p.20, p.22: the entries written in the period that stand. */
async function notebook(db: Db, p: Period, at: Date, t: Tally) {
  const today = dayjs(at).format('YYYY-MM-DD');
  const rows = await db
    .selectFrom('notebook_entries as e')
    .select(['e.id', 'e.owner_id', 'e.kind', 'e.occurred_at', 'e.passed_at', 'e.due_date', 'e.done_at'])
    .where('e.occurred_at', '>=', p.from)
    .where('e.occurred_at', '<', after(p))
    .where(standing)
    .execute();
  const now = dayjs(at);
  for (const e of rows)
    add(t, { kind: 'notebook', id: e.id }, [e.owner_id], [], (f) => {
      f.notebook.total++;
      bump(f.notebook.byKind, e.kind);
      if (e.kind === 'passOn') {
        if (e.passed_at !== null) {
          if (passedInTime(e.occurred_at, e.passed_at)) f.notebook.passedInTime++;
          else f.notebook.passedLate++;
        } else if (now.isAfter(passOnDeadline(e.occurred_at))) f.notebook.passedLate++;
        else f.notebook.passPending++;
      }
      if (e.kind === 'instruction') {
        const i = f.instructions;
        i.total++;
        if (e.done_at !== null) {
          if (e.due_date === null || e.done_at.slice(0, 10) <= e.due_date) i.doneInTime++;
          else i.doneLate++;
        } else if (e.due_date !== null && e.due_date < today) i.overdue++;
        else i.open++;
      }
    });
}

/** p.11–16: files placed, removed and sent away in the period, those on record at its end, the supervision in it. */
async function personFiles(db: Db, p: Period, t: Tally) {
  const files = await db
    .selectFrom('person_files')
    .select(['id', 'inspector_id', 'section_id', 'status', 'categories', 'start_date', 'removed_on'])
    .select('materials_sent_at')
    .where('start_date', '<=', p.to)
    .execute();
  const inPeriod = (d: string | null) => d !== null && d.slice(0, 10) >= p.from && d.slice(0, 10) <= p.to;
  const left = (d: string | null) => d !== null && d.slice(0, 10) <= p.to;
  for (const x of files)
    add(t, { kind: 'personFile', id: x.id }, [x.inspector_id], [x.section_id], (f) => {
      const pf = f.personFiles;
      if (x.start_date >= p.from) pf.placed++;
      if (inPeriod(x.removed_on)) pf.removed++;
      if (x.status === 'transferred' && inPeriod(x.materials_sent_at)) pf.transferred++;
      if (!left(x.removed_on) && !(x.status === 'transferred' && left(x.materials_sent_at))) {
        pf.active++;
        for (const k of JSON.parse(x.categories) as string[]) bump(pf.activeByCategory, k);
      }
    });
  const fileOf = new Map(files.map((x) => [x.id, x]));
  const sup = await db
    .selectFrom('supervision_records')
    .select(['file_id', 'planned_for', 'done_at', 'violation'])
    .where((eb) =>
      eb.or([
        eb.and([eb('done_at', '>=', p.from), eb('done_at', '<', after(p))]),
        eb.and([eb('planned_for', '>=', p.from), eb('planned_for', '<=', p.to)]),
      ]),
    )
    .execute();
  for (const s of sup) {
    const file = fileOf.get(s.file_id);
    if (file === undefined) continue;
    const ref = { kind: 'personFile' as const, id: file.id, date: (s.done_at ?? s.planned_for)!.slice(0, 10) };
    add(t, ref, [file.inspector_id], [file.section_id], (f) => {
      if (s.planned_for !== null && s.planned_for >= p.from && s.planned_for <= p.to) f.personFiles.checksPlanned++;
      if (s.done_at !== null && s.done_at >= p.from && s.done_at < after(p)) {
        f.personFiles.checksDone++;
        if (s.violation) f.personFiles.violations++;
      }
    });
  }
}

/** p.17, p.22(10): the sections' firearm owners and foreigners. */
async function lists(db: Db, p: Period, today: string, t: Tally) {
  const asOf = p.to < today ? p.to : today;
  const owners = await db
    .selectFrom('firearm_owners as o')
    .select(['o.id', 'o.section_id', 'o.permit_on', 'o.withdrawn_on', 'o.surrendered_on'])
    .select((eb) =>
      eb
        .selectFrom('firearm_checks as k')
        .select((k) => k.fn.max('k.checked_on').as('c'))
        .whereRef('k.owner_id', '=', 'o.id')
        .where('k.checked_on', '<=', p.to)
        .as('last_check'),
    )
    .select((eb) =>
      eb
        .selectFrom('firearm_checks as k')
        .select((k) => k.fn.countAll<number>().as('n'))
        .whereRef('k.owner_id', '=', 'o.id')
        .where('k.checked_on', '>=', p.from)
        .where('k.checked_on', '<=', p.to)
        .as('checks'),
    )
    .where('o.permit_on', '<=', p.to)
    .execute();
  for (const o of owners) {
    const gone = [o.withdrawn_on, o.surrendered_on].some((d) => d !== null && d <= p.to);
    add(t, { kind: 'firearmOwner', id: o.id }, [], [o.section_id], (f) => {
      f.firearms.checksDone += Number(o.checks ?? 0);
      if (gone) return;
      f.firearms.owners++;
      if (nextFirearmCheck(o.last_check ?? null, o.permit_on) < asOf) f.firearms.checksOverdue++;
    });
  }
  const foreigners = await db
    .selectFrom('foreigners')
    .select(['id', 'section_id', 'stay_until', 'checked_on', 'removed_on'])
    // one removed before the period was not on the list in it
    .where((eb) => eb.or([eb('removed_on', 'is', null), eb('removed_on', '>=', p.from)]))
    .execute();
  for (const x of foreigners)
    add(t, { kind: 'foreigner', id: x.id }, [], [x.section_id], (f) => {
      f.foreigners.total++;
      const ended = x.stay_until !== null && x.stay_until >= p.from && x.stay_until <= p.to && x.stay_until < asOf;
      // one who left before his stay ended had nothing to be checked at
      const left = x.removed_on !== null && x.stay_until !== null && x.removed_on <= x.stay_until;
      if (ended && !left && (x.checked_on === null || x.checked_on < x.stay_until!)) f.foreigners.staysEndedUnchecked++;
    });
}

/** p.26–27, p.33: the reporting meetings held in the period, by each of their inspectors. */
async function meetings(db: Db, p: Period, t: Tally) {
  const held = await db
    .selectFrom('meetings')
    .select(['id', 'date', 'notice_on'])
    .where('status', '=', 'held')
    .where('date', '>=', p.from)
    .where('date', '<=', p.to)
    .execute();
  if (!held.length) return;
  const ids = held.map((m) => m.id);
  const [inspectors, sections, items] = await Promise.all([
    db.selectFrom('meeting_inspectors').selectAll().where('meeting_id', 'in', ids).execute(),
    db.selectFrom('meeting_sections').selectAll().where('meeting_id', 'in', ids).execute(),
    db
      .selectFrom('meeting_items')
      .select(['id', 'meeting_id', 'answered_in_full', 'outside_competence', 'forwarded_on', 'initiator_notified_on'])
      .select('check_done_at')
      .where('meeting_id', 'in', ids)
      .execute(),
  ]);
  for (const m of held) {
    const who = inspectors.filter((i) => i.meeting_id === m.id).map((i) => i.user_id);
    const where = sections.filter((x) => x.meeting_id === m.id).map((x) => x.section_id);
    add(t, { kind: 'meeting', id: m.id }, who, where, (f) => {
      f.meetings.held++;
      if (m.notice_on === null || isNoticeLate(m.notice_on, m.date)) f.meetings.noticeLate++;
      else f.meetings.noticeInTime++;
    });
    for (const i of items.filter((x) => x.meeting_id === m.id))
      add(t, { kind: 'meetingItem', id: i.id }, who, where, (f) => {
        if (itemIsOpen(i)) f.meetings.itemsOpen++;
        else f.meetings.itemsClosed++;
      });
  }
}

/** p.18: the items of the approved plans due in the period, by whom they were given to. */
async function plans(db: Db, p: Period, t: Tally) {
  const items = await db
    .selectFrom('plan_items as i')
    .innerJoin('plans as pl', 'pl.id', 'i.plan_id')
    .select(['i.id', 'i.responsible_id', 'i.result'])
    .where('pl.status', '=', 'approved')
    .where('i.due_date', '>=', p.from)
    .where('i.due_date', '<=', p.to)
    .execute();
  for (const i of items)
    add(t, { kind: 'planItem', id: i.id }, i.responsible_id !== null ? [i.responsible_id] : [], [], (f) => {
      if (i.result === 'done') f.plans.done++;
      else if (i.result === 'notDone') f.plans.notDone++;
      else f.plans.unmarked++;
    });
}

/**
 * The groups a column reads from its sections rather than from its staff: a staff member's lists are those of the
 * sections he holds (p.16, p.22(10)); a section's person files, lists and reporting meetings are its own (p.30).
 */
export const FROM_SECTIONS: Record<'user' | 'section', readonly FigureGroup[]> = {
  user: ['lists'],
  section: ['personFiles', 'lists', 'meetings'],
};

/** A column: these staff's records, and these sections' for the groups it reads from them. */
export interface Column {
  users: number[];
  sections: number[];
  fromSections: readonly FigureGroup[];
}

function addInto(into: Record<string, unknown>, from: Record<string, unknown>) {
  for (const [k, v] of Object.entries(from))
    if (typeof v === 'number') into[k] = (into[k] as number) + v;
    else
      for (const [kk, n] of Object.entries(v as Record<string, number>)) bump(into[k] as Record<string, number>, kk, n);
}

export function columnFigures(t: Tally, c: Column): Figures {
  const f = noFigures();
  for (const [group, parts] of Object.entries(GROUP_PARTS) as [FigureGroup, readonly (keyof Figures)[]][]) {
    const sources = c.fromSections.includes(group)
      ? c.sections.map((s) => t.bySection.get(s))
      : c.users.map((u) => t.byUser.get(u));
    for (const src of sources) if (src) for (const part of parts) addInto(f[part], src[part]);
  }
  return f;
}

/** Whether a record of these staff and sections counts in a column, for a line of this group. */
export const columnTakes = (c: Column, group: FigureGroup) => (users: number[], sections: number[]) =>
  c.fromSections.includes(group)
    ? sections.some((s) => c.sections.includes(s))
    : users.some((u) => c.users.includes(u));

/** The section staff and who holds which section: the rows and the sections' columns are built from it. */
export async function staffOf(db: Db) {
  return (await listUsers(db, true)).filter((u) => inGroup('sectionStaff', u.role));
}
type Staff = Awaited<ReturnType<typeof staffOf>>[number];

export const userColumn = (u: Pick<Staff, 'id' | 'sectionIds'>): Column => ({
  users: [u.id],
  sections: u.sectionIds,
  fromSections: FROM_SECTIONS.user,
});
export const sectionColumn = (sectionId: number, staff: Staff[]): Column => ({
  users: staff.filter((u) => u.active && u.sectionIds.includes(sectionId)).map((u) => u.id),
  sections: [sectionId],
  fromSections: FROM_SECTIONS.section,
});

/**
 * The figures of a period (issue 17): the chiefs see every member of the section staff and the station; an inspector
 * or an assistant himself, with his sections' lists (p.16). What the справка and its spreadsheet print.
 */
export async function periodFigures(ctx: Ctx, p: Period): Promise<Omit<FiguresReport, 'months'>> {
  const prev = previousPeriod(p.from, p.to);
  const [now, before, users, sections, categories] = await Promise.all([
    tally(ctx.db, p, ctx.now),
    tally(ctx.db, prev, ctx.now),
    staffOf(ctx.db),
    ctx.db.selectFrom('sections').select(['id', 'number']).orderBy('number').execute(),
    ctx.db.selectFrom('reception_categories').select(['code', 'name_kk', 'name_ru']).orderBy('sort').execute(),
  ]);
  const chief = inGroup('chiefs', ctx.user.role);
  const shown = users.filter((u) => (chief ? u.active || now.byUser.has(u.id) : u.id === ctx.user.id));
  const number = new Map(sections.map((s) => [s.id, s.number]));
  const rows = shown.map((u) => ({
    userId: u.id,
    name: shortName(u),
    role: u.role,
    sectionNumbers: u.sectionIds.map((s) => number.get(s) ?? ''),
    current: columnFigures(now, userColumn(u)),
    previous: columnFigures(before, userColumn(u)),
  }));
  const bySection = chief
    ? sections.map((sec) => {
        const c = sectionColumn(sec.id, users);
        return {
          sectionId: sec.id,
          number: sec.number,
          staff: users
            .filter((u) => c.users.includes(u.id))
            .map((u) => ({ userId: u.id, name: shortName(u), sectionCount: u.sectionIds.length })),
          current: columnFigures(now, c),
          previous: columnFigures(before, c),
        };
      })
    : [];
  const total = chief
    ? { current: now.total, previous: before.total }
    : { current: rows[0]?.current ?? noFigures(), previous: rows[0]?.previous ?? noFigures() };
  return {
    from: p.from,
    to: p.to,
    previous: prev,
    rows,
    sections: bySection,
    total,
    categories: categories.map((c) => ({ code: c.code, nameKk: c.name_kk, nameRu: c.name_ru })),
  };
}

/** The Figures screen: the period's figures and the line over the twelve months to its end. */
export async function figuresReport(ctx: Ctx, p: Period): Promise<FiguresReport> {
  const [figures, line] = await Promise.all([
    periodFigures(ctx, p),
    months(ctx, p.to, inGroup('chiefs', ctx.user.role)),
  ]);
  return { ...figures, months: line };
}

/** The line over the twelve months to the period's end: the station's, or the person's own. */
async function months(ctx: Ctx, to: string, chief: boolean) {
  const first = dayjs(to).startOf('month').subtract(11, 'month');
  const from = first.format('YYYY-MM-DD');
  const end = dayjs(to).endOf('month').add(1, 'day').format('YYYY-MM-DD');
  const month = (col: string) => sql<string>`substr(${sql.ref(col)}, 1, 7)`;
  let rec = ctx.db
    .selectFrom('receptions')
    .select([month('received_at').as('m'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('voided', '=', 0)
    .where('received_at', '>=', from)
    .where('received_at', '<', end);
  let nb = ctx.db
    .selectFrom('notebook_entries as e')
    .select([month('e.occurred_at').as('m'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.occurred_at', '>=', from)
    .where('e.occurred_at', '<', end)
    .where(standing);
  let sup = ctx.db
    .selectFrom('supervision_records as s')
    .innerJoin('person_files as f', 'f.id', 's.file_id')
    .select([month('s.done_at').as('m'), (eb) => eb.fn.countAll<number>().as('n')])
    .where('s.done_at', '>=', from)
    .where('s.done_at', '<', end);
  if (!chief) {
    rec = rec.where('receiver_id', '=', ctx.user.id);
    nb = nb.where('e.owner_id', '=', ctx.user.id);
    sup = sup.where('f.inspector_id', '=', ctx.user.id);
  }
  const [r, n, s] = await Promise.all([
    rec.groupBy('m').execute(),
    nb.groupBy('m').execute(),
    sup.groupBy('m').execute(),
  ]);
  const at = (rows: { m: string; n: number }[], m: string) => rows.find((x) => x.m === m)?.n ?? 0;
  return Array.from({ length: 12 }, (_, i) => {
    const m = first.add(i, 'month').format('YYYY-MM');
    return { month: m, receptions: at(r, m), notebook: at(n, m), checksDone: at(s, m) };
  });
}
