import { AppError, canCall, inGroup, type FigureColumn, type FigureEntry } from '../../../../shared/api';
import { FIGURE_ENTRIES_SHOWN } from '../../../../shared/api/figures';
import { lineById } from '../../../../shared/figureLines';
import { fullName } from '../../../../shared/format';
import { snippet } from '../../../../shared/search/query';
import type { Ctx, Db } from '../../context';
import { owners } from '../notebook/service';
import { fileScope, inScope as fileInScope } from '../prevention/access';
import { inScope, sectionScope } from '../staff/service';
import { staffNames, type StaffNames } from '../users/names';
import {
  columnTakes,
  sectionColumn,
  staffOf,
  tally,
  userColumn,
  type Column,
  type Counted,
  type Period,
  type Ref,
} from './service';

/**
 * The records one figure counts (issue 17: every figure clicks through to its entries). The figure's own tally is run
 * again for its group alone, each record put through the same counting, so the list and the number cannot disagree.
 * The chiefs ask for any column; the others for their own only. Each record is then listed only as the caller's
 * screens would show it (p.15, p.16): the others are counted as hidden.
 */
export async function figureEntries(
  ctx: Ctx,
  p: Period & { line: string; column: FigureColumn },
): Promise<{ count: number; hidden: number; entries: FigureEntry[] }> {
  const line = lineById(p.line);
  if (!line) throw new AppError('VALIDATION', 'figures.unknownLine');
  const chief = inGroup('chiefs', ctx.user.role);
  if (!chief && !(typeof p.column === 'object' && 'userId' in p.column && p.column.userId === ctx.user.id))
    throw new AppError('FORBIDDEN', 'errors.forbidden');
  const column = await columnOf(ctx.db, p.column);
  const counted: Counted[] = [];
  await tally(ctx.db, p, ctx.now, line.group, {
    value: line.value,
    takes: column ? columnTakes(column, line.group) : () => true,
    refs: counted,
  });
  const readable = await readerOf(ctx);
  const shown = counted.filter(readable);
  // newest first: the records' ids grow with time; a check of a file by its own date
  shown.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id);
  const entries = await describe(ctx.db, shown.slice(0, FIGURE_ENTRIES_SHOWN));
  entries.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id);
  return { count: counted.length, hidden: counted.length - shown.length, entries };
}

async function columnOf(db: Db, c: FigureColumn): Promise<Column | null> {
  if (c === 'total') return null;
  const staff = await staffOf(db);
  if ('sectionId' in c) return sectionColumn(c.sectionId, staff);
  const user = staff.find((u) => u.id === c.userId);
  if (!user) throw new AppError('NOT_FOUND', 'errors.notFound');
  return userColumn(user);
}

/** Whether the caller's screens show a record: the call each kind's screen reads it with, and his scope. */
async function readerOf(ctx: Ctx): Promise<(r: Counted) => boolean> {
  const role = ctx.user.role;
  const scope = await sectionScope(ctx);
  const files = fileScope(ctx, scope);
  const notebooks = new Set((await owners(ctx)).map((o) => o.userId));
  const meeting = (r: Counted) =>
    canCall(role, 'meetings.get') && (r.sections.some((s) => inScope(scope, s)) || r.users.includes(ctx.user.id));
  const can: Record<FigureEntry['kind'], (r: Counted) => boolean> = {
    reception: () => canCall(role, 'reception.get'),
    notebook: (r) => canCall(role, 'notebook.entries') && notebooks.has(r.users[0]!),
    personFile: (r) =>
      canCall(role, 'prevention.list') && fileInScope(files, { inspector_id: r.users[0]!, section_id: r.sections[0]! }),
    firearmOwner: (r) => canCall(role, 'lists.firearms') && inScope(scope, r.sections[0]!),
    foreigner: (r) => canCall(role, 'lists.foreigners') && inScope(scope, r.sections[0]!),
    probation: (r) => canCall(role, 'lists.probation') && inScope(scope, r.sections[0]!),
    meeting,
    meetingItem: meeting,
    planItem: () => canCall(role, 'plans.revisions'),
    citizen: () => false,
    handoverAct: () => false,
  };
  return (r) => can[r.kind](r);
}

const idsOf = (refs: Ref[], kind: Ref['kind']) => [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];

/** What the list shows of each record: a name or a text, its date, number, whose it is. */
async function describe(db: Db, refs: Ref[]): Promise<FigureEntry[]> {
  if (!refs.length) return [];
  const staff = await staffNames(db);
  const rows = new Map<string, Omit<FigureEntry, 'kind' | 'id'>>();
  await Promise.all(
    Object.entries(DESCRIBE).map(async ([kind, read]) => {
      const ids = idsOf(refs, kind as Ref['kind']);
      if (ids.length) for (const [id, d] of await read(db, ids, staff)) rows.set(`${kind}:${id}`, d);
    }),
  );
  return refs.flatMap((r) => {
    const d = rows.get(`${r.kind}:${r.id}`);
    return d ? [{ kind: r.kind, id: r.id, ...d, date: r.date ?? d.date }] : [];
  });
}

type Described = [number, Omit<FigureEntry, 'kind' | 'id'>][];
const none = { number: null, staff: null, tag: null, parentId: null, month: null };

const DESCRIBE: Partial<Record<FigureEntry['kind'], (db: Db, ids: number[], staff: StaffNames) => Promise<Described>>> =
  {
    reception: async (db, ids, staff) =>
      (
        await db
          .selectFrom('receptions as r')
          .innerJoin('citizens as c', 'c.id', 'r.citizen_id')
          .select(['r.id', 'r.year', 'r.number', 'r.received_at', 'r.receiver_id', 'r.category_code'])
          .select(['c.surname', 'c.name', 'c.patronymic'])
          .where('r.id', 'in', ids)
          .execute()
      ).map((r) => [
        r.id,
        {
          ...none,
          title: fullName(r),
          date: r.received_at,
          number: `${r.number}/${r.year}`,
          staff: staff.short(r.receiver_id),
          tag: r.category_code,
        },
      ]),
    notebook: async (db, ids, staff) =>
      (
        await db
          .selectFrom('notebook_entries')
          .select(['id', 'owner_id', 'number', 'kind', 'occurred_at', 'text'])
          .where('id', 'in', ids)
          .execute()
      ).map((e) => [
        e.id,
        {
          ...none,
          title: snippet(e.text, [], 70),
          date: e.occurred_at,
          number: String(e.number),
          staff: staff.short(e.owner_id),
          tag: e.kind,
          parentId: e.owner_id,
        },
      ]),
    personFile: async (db, ids, staff) =>
      (
        await db
          .selectFrom('person_files as f')
          .innerJoin('citizens as c', 'c.id', 'f.citizen_id')
          .select(['f.id', 'f.number', 'f.status', 'f.start_date', 'f.inspector_id'])
          .select(['c.surname', 'c.name', 'c.patronymic'])
          .where('f.id', 'in', ids)
          .execute()
      ).map((f) => [
        f.id,
        {
          ...none,
          title: fullName(f),
          date: f.start_date,
          number: `№ ${f.number}`,
          staff: staff.short(f.inspector_id),
          tag: f.status,
        },
      ]),
    firearmOwner: async (db, ids) =>
      (
        await db
          .selectFrom('firearm_owners as x')
          .innerJoin('citizens as c', 'c.id', 'x.citizen_id')
          .select(['x.id', 'x.permit_on', 'c.surname', 'c.name', 'c.patronymic'])
          .where('x.id', 'in', ids)
          .execute()
      ).map((x) => [x.id, { ...none, title: fullName(x), date: x.permit_on }]),
    foreigner: async (db, ids) =>
      (
        await db
          .selectFrom('foreigners as x')
          .innerJoin('citizens as c', 'c.id', 'x.citizen_id')
          .select(['x.id', 'x.stay_until', 'c.surname', 'c.name', 'c.patronymic'])
          .where('x.id', 'in', ids)
          .execute()
      ).map((x) => [x.id, { ...none, title: fullName(x), date: x.stay_until }]),
    meeting: async (db, ids) =>
      (
        await db.selectFrom('meetings').select(['id', 'kind', 'date', 'time', 'place']).where('id', 'in', ids).execute()
      ).map((m) => [m.id, { ...none, title: m.place, date: `${m.date}T${m.time}`, tag: m.kind }]),
    meetingItem: async (db, ids) =>
      (
        await db
          .selectFrom('meeting_items as i')
          .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
          .select(['i.id', 'i.meeting_id', 'i.kind', 'i.text', 'm.date'])
          .where('i.id', 'in', ids)
          .execute()
      ).map((i) => [
        i.id,
        { ...none, title: snippet(i.text, [], 70), date: i.date, tag: i.kind, parentId: i.meeting_id },
      ]),
    planItem: async (db, ids, staff) =>
      (
        await db
          .selectFrom('plan_items as i')
          .innerJoin('plans as p', 'p.id', 'i.plan_id')
          .select(['i.id', 'i.text', 'i.due_date', 'i.responsible_id', 'i.result', 'p.month'])
          .where('i.id', 'in', ids)
          .execute()
      ).map((i) => [
        i.id,
        {
          ...none,
          title: snippet(i.text, [], 70),
          date: i.due_date,
          staff: staff.short(i.responsible_id),
          tag: i.result,
          month: i.month,
        },
      ]),
  };
