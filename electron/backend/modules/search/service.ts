import dayjs from 'dayjs';
import { sql } from 'kysely';
import { canCall, type SearchHit } from '../../../../shared/api';
import { SEARCH_KINDS, type SearchKind } from '../../../../shared/api/search';
import { fullName } from '../../../../shared/format';
import { foldedWords, nameRank, parseSearch, snippet, type SearchQuery } from '../../../../shared/search/query';
import { matchAddresses, matchNames, matchNotebook, matchText, type TextKind } from '../../store/searchIndex';
import type { Ctx, Db } from '../../context';
import { owners } from '../notebook/service';
import { readableMeetings } from '../meetings/service';
import { fileScope, inScope as fileInScope } from '../prevention/access';
import { inScope, sectionScope } from '../staff/service';
import { sectionNumbers } from '../station/service';
import { listUsers } from '../users/service';
import { staffNames, type StaffNames } from '../users/names';

/** (ours) How many records of each kind the box shows, and how many candidates a kind reads to find them. */
export const PER_KIND = 6;
const CANDIDATES = 40;

type Match = SearchHit['match'];

/** What the search knows once per query: the words, who asks and what he may read, the people the words name. */
interface Search {
  ctx: Ctx;
  db: Db;
  q: SearchQuery;
  staff: StaffNames;
  sections: Map<number, string>;
  /** the sections whose records the caller reads (p.16, p.6), asked once for every kind */
  scope: 'all' | number[];
  /**
   * the citizens the words name (by name or IIN) or where they live (by address), with why, newest first; the
   * records about them are found through them
   */
  people: Map<number, Match & { rank: number }>;
}

const hit = (
  kind: SearchKind,
  h: Omit<SearchHit, 'kind' | 'restricted' | 'parentId' | 'tag' | 'staff' | 'number' | 'sectionNumber' | 'born'> &
    Partial<SearchHit>,
): SearchHit => ({
  kind,
  restricted: false,
  born: null,
  parentId: null,
  tag: null,
  staff: null,
  number: null,
  sectionNumber: null,
  ...h,
});

/**
 * Ctrl+K (issue 17). Every kind is asked only when the caller may make the call its screen reads it with, and each
 * record only within his scope (p.15, p.16): a person file outside it shows only that it exists, where and with whom.
 */
export async function find(ctx: Ctx, typed: string): Promise<SearchHit[]> {
  const q = parseSearch(typed);
  if (!q) return [];
  const db = ctx.db;
  const s: Search = {
    ctx,
    db,
    q,
    staff: await staffNames(db),
    sections: await sectionNumbers(db),
    scope: await sectionScope(ctx),
    people: await people(db, q),
  };
  const role = ctx.user.role;
  const kinds: [SearchKind, boolean, (s: Search) => Promise<SearchHit[]>][] = [
    ['citizen', canCall(role, 'citizens.search'), citizens],
    ['personFile', canCall(role, 'prevention.list'), personFiles],
    ['reception', canCall(role, 'reception.get'), receptions],
    ['notebook', canCall(role, 'notebook.entries'), notebookEntries],
    ['firearmOwner', canCall(role, 'lists.firearms'), (x) => listEntries(x, 'firearmOwner')],
    ['probation', canCall(role, 'lists.probation'), (x) => listEntries(x, 'probation')],
    ['foreigner', canCall(role, 'lists.foreigners'), (x) => listEntries(x, 'foreigner')],
    ['meeting', canCall(role, 'meetings.get'), meetings],
    ['meetingItem', canCall(role, 'meetings.get'), meetingItems],
    ['handoverAct', canCall(role, 'handover.list'), handoverActs],
  ];
  const groups: SearchHit[][] = [];
  for (const [, allowed, read] of kinds) {
    if (!allowed) continue;
    const hits = (await read(s)).sort(
      (a, b) => b.rank - a.rank || (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id,
    );
    if (hits.length) groups.push(hits.slice(0, PER_KIND));
  }
  // the group with the best answer first; alike, in the kinds' own order
  const order = (k: SearchKind) => SEARCH_KINDS.indexOf(k);
  groups.sort((a, b) => b[0]!.rank - a[0]!.rank || order(a[0]!.kind) - order(b[0]!.kind));
  return groups.flat();
}

async function people(db: Db, q: SearchQuery): Promise<Search['people']> {
  // digits alone are an IIN or a number, not a house (ours)
  const [named, housed] = await Promise.all([
    matchNames(db, q, CANDIDATES),
    q.digits === null ? matchAddresses(db, q, CANDIDATES) : [],
  ]);
  const out: Search['people'] = new Map();
  const all = [...new Set([...named, ...housed])];
  if (!all.length) return out;
  const rows = await db
    .selectFrom('citizens')
    .select(['id', 'surname', 'name', 'patronymic', 'iin', 'address'])
    .where('id', 'in', all)
    .execute();
  const byName = new Set(named);
  for (const c of rows.sort((a, b) => b.id - a.id)) {
    if (!byName.has(c.id)) out.set(c.id, { field: 'address', text: c.address, rank: 1 });
    else if (q.digits !== null) out.set(c.id, { field: 'iin', text: c.iin ?? '', rank: c.iin === q.digits ? 3 : 1 });
    else out.set(c.id, { field: 'name', text: fullName(c), rank: bestRank(q, fullName(c)) });
  }
  return out;
}

/** The words as typed, and their Russian-layout twin when they were typed on the English one. */
const wordSets = (q: SearchQuery) => (q.layoutWords ? [q.words, q.layoutWords] : [q.words]);
const bestRank = (q: SearchQuery, name: string) => Math.max(...wordSets(q).map((w) => nameRank(w, name)));

const because = (s: Search, citizenId: number) => {
  const m = s.people.get(citizenId);
  return m ? { rank: m.rank, match: { field: m.field, text: m.text } } : null;
};
/** Found as the person himself: by his name or IIN, not by where he lives (p.15: what an outside file may say). */
const byPerson = (s: Search, citizenId: number) => {
  const b = because(s, citizenId);
  return b && b.match.field !== 'address' ? b : null;
};
const textMatch = (s: Search, field: Match['field'], ...texts: string[]): { rank: number; match: Match } => ({
  rank: 1,
  match: { field, text: snippet(texts.filter(Boolean).join(' · '), wordSets(s.q).flat()) },
});
const ids = (m: Map<number, unknown>) => [...m.keys()];
/** A number typed alone is an entry's or a file's number as well as the start of an IIN. */
const typedNumber = (q: SearchQuery) => (q.digits !== null && q.digits.length <= 6 ? Number(q.digits) : null);
const text = (s: Search, kind: TextKind) => matchText(s.db, s.q, kind, CANDIDATES);

async function citizens(s: Search): Promise<SearchHit[]> {
  const all = ids(s.people);
  if (!all.length) return [];
  const rows = await s.db
    .selectFrom('citizens')
    .select(['id', 'surname', 'name', 'patronymic', 'iin', 'birth_date', 'address', 'updated_at'])
    .where('id', 'in', all)
    .execute();
  return rows.map((c) =>
    hit('citizen', {
      id: c.id,
      title: fullName(c),
      ...(byPerson(s, c.id) ?? textMatch(s, 'address', c.address)),
      date: c.updated_at,
      born: c.birth_date,
      number: c.iin,
    }),
  );
}

async function receptions(s: Search): Promise<SearchHit[]> {
  const year = s.q.entry?.year ?? dayjs(s.ctx.now).year();
  const num = s.q.entry?.number ?? typedNumber(s.q);
  const people = s.q.entry ? [] : ids(s.people);
  const base = () =>
    s.db
      .selectFrom('receptions as r')
      .innerJoin('citizens as c', 'c.id', 'r.citizen_id')
      .select(['r.id', 'r.year', 'r.number', 'r.received_at', 'r.citizen_id', 'r.category_code', 'r.receiver_id'])
      .select(['r.voided', 'c.surname', 'c.name', 'c.patronymic']);
  // two lookups by their own indexes: an OR of them would walk the journal
  const [numbered, visits] = await Promise.all([
    num !== null ? base().where('r.year', '=', year).where('r.number', '=', num).execute() : [],
    people.length
      ? base().where('r.citizen_id', 'in', people).orderBy('r.received_at', 'desc').limit(CANDIDATES).execute()
      : [],
  ]);
  const rows = [...numbered, ...visits.filter((v) => !numbered.some((n) => n.id === v.id))];
  return rows.map((r) =>
    hit('reception', {
      id: r.id,
      title: fullName(r),
      ...(numbered.some((n) => n.id === r.id)
        ? { rank: 3, match: { field: 'number' as const, text: `${r.number}/${r.year}` } }
        : because(s, r.citizen_id)!),
      date: r.received_at,
      number: `${r.number}/${r.year}`,
      staff: s.staff.short(r.receiver_id),
      tag: r.voided ? 'voided' : r.category_code,
    }),
  );
}

async function notebookEntries(s: Search): Promise<SearchHit[]> {
  const readable = new Set((await owners(s.ctx)).map((o) => o.userId));
  const byText = await matchNotebook(s.db, s.q, CANDIDATES);
  const people = ids(s.people);
  if (!readable.size) return [];
  const base = () =>
    s.db
      .selectFrom('notebook_entries')
      .select(['id', 'owner_id', 'number', 'kind', 'occurred_at', 'text', 'address', 'citizen_id']);
  const [written, about] = await Promise.all([
    byText.length ? base().where('id', 'in', byText).execute() : [],
    people.length
      ? base().where('citizen_id', 'in', people).orderBy('occurred_at', 'desc').limit(CANDIDATES).execute()
      : [],
  ]);
  const rows = [...about, ...written.filter((w) => !about.some((a) => a.id === w.id))];
  return rows
    .filter((e) => readable.has(e.owner_id))
    .map((e) =>
      hit('notebook', {
        id: e.id,
        title: snippet(e.text, [], 70),
        ...((e.citizen_id !== null && because(s, e.citizen_id)) || textMatch(s, 'text', e.text, e.address)),
        date: e.occurred_at,
        number: String(e.number),
        staff: s.staff.short(e.owner_id),
        tag: e.kind,
        parentId: e.owner_id,
      }),
    );
}

async function personFiles(s: Search): Promise<SearchHit[]> {
  const scope = fileScope(s.ctx, s.scope);
  const byAddress = await text(s, 'personFileAddress');
  const people = ids(s.people);
  const n = typedNumber(s.q);
  if (!byAddress.length && !people.length && n === null) return [];
  const rows = await s.db
    .selectFrom('person_files as f')
    .innerJoin('citizens as c', 'c.id', 'f.citizen_id')
    .select(['f.id', 'f.number', 'f.citizen_id', 'f.status', 'f.section_id', 'f.inspector_id', 'f.actual_address'])
    .select(['f.start_date', 'f.categories', 'c.surname', 'c.name', 'c.patronymic'])
    .where((eb) =>
      eb.or([
        ...(byAddress.length ? [eb('f.id', 'in', byAddress)] : []),
        ...(people.length ? [eb('f.citizen_id', 'in', people)] : []),
        ...(n !== null ? [eb('f.number', '=', n)] : []),
      ]),
    )
    .orderBy('f.id', 'desc')
    .limit(CANDIDATES)
    .execute();
  const out: SearchHit[] = [];
  for (const f of rows) {
    const byName = byPerson(s, f.citizen_id);
    const where = { sectionNumber: s.sections.get(f.section_id) ?? '', staff: s.staff.short(f.inspector_id) };
    if (!fileInScope(scope, f)) {
      // p.15: outside the scope, a file found by the person's name or IIN says only that it is there and with whom
      if (byName)
        out.push(
          hit('personFile', { id: f.id, title: fullName(f), ...byName, date: null, ...where, restricted: true }),
        );
      continue;
    }
    out.push(
      hit('personFile', {
        id: f.id,
        title: fullName(f),
        ...(f.number === n
          ? { rank: 3, match: { field: 'number' as const, text: `№ ${f.number}` } }
          : (because(s, f.citizen_id) ?? textMatch(s, 'address', f.actual_address))),
        date: f.start_date,
        number: `№ ${f.number}`,
        ...where,
        tag: f.status,
      }),
    );
  }
  return out;
}

const LIST_TABLES = {
  firearmOwner: { table: 'firearm_owners', address: 'address', since: 'permit_on' },
  probation: { table: 'probation_persons', address: 'address', since: 'included_on' },
  foreigner: { table: 'foreigners', address: 'temp_address', since: 'created_at' },
} as const;

async function listEntries(s: Search, kind: keyof typeof LIST_TABLES): Promise<SearchHit[]> {
  const byText = await text(s, kind);
  const people = ids(s.people);
  if (!byText.length && !people.length) return [];
  const { table, address, since } = LIST_TABLES[kind];
  // the three lists share the columns read here; only the address's and the date's names differ
  const rows = await s.db
    .selectFrom(`${table as 'firearm_owners'} as x`)
    .innerJoin('citizens as c', 'c.id', 'x.citizen_id')
    .select(['x.id', 'x.section_id', 'x.citizen_id'])
    .select([sql.ref<string>(`x.${address}`).as('address'), sql.ref<string>(`x.${since}`).as('since')])
    .select(['c.surname', 'c.name', 'c.patronymic'])
    .where((eb) =>
      eb.or([
        ...(byText.length ? [eb('x.id', 'in', byText)] : []),
        ...(people.length ? [eb('x.citizen_id', 'in', people)] : []),
      ]),
    )
    .orderBy('x.id', 'desc')
    .limit(CANDIDATES)
    .execute();
  return rows
    .filter((r) => inScope(s.scope, r.section_id))
    .map((r) =>
      hit(kind, {
        id: r.id,
        title: fullName(r),
        ...(because(s, r.citizen_id) ?? textMatch(s, 'address', r.address)),
        date: r.since,
        sectionNumber: s.sections.get(r.section_id) ?? '',
      }),
    );
}

async function meetings(s: Search): Promise<SearchHit[]> {
  const [byPlace, byParticipant] = await Promise.all([text(s, 'meeting'), text(s, 'meetingParticipant')]);
  const participants = byParticipant.length
    ? await s.db
        .selectFrom('meeting_participants')
        .select(['meeting_id', 'full_name', 'organization'])
        .where('id', 'in', byParticipant)
        .execute()
    : [];
  const all = [...new Set([...byPlace, ...participants.map((p) => p.meeting_id)])];
  const readable = await readableMeetings(s.ctx, s.scope, all);
  if (!readable.size) return [];
  const rows = await s.db
    .selectFrom('meetings')
    .select(['id', 'kind', 'date', 'time', 'place', 'status'])
    .where('id', 'in', [...readable])
    .execute();
  return rows.map((m) => {
    const p = participants.find((x) => x.meeting_id === m.id);
    return hit('meeting', {
      id: m.id,
      title: m.place,
      ...(byPlace.includes(m.id) || !p
        ? textMatch(s, 'address', m.place)
        : textMatch(s, 'participant', p.full_name, p.organization)),
      date: `${m.date}T${m.time}`,
      tag: m.kind,
    });
  });
}

async function meetingItems(s: Search): Promise<SearchHit[]> {
  const byText = await text(s, 'meetingItem');
  if (!byText.length) return [];
  const rows = await s.db
    .selectFrom('meeting_items as i')
    .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
    .select(['i.id', 'i.meeting_id', 'i.kind', 'i.text', 'i.raised_by', 'i.initiator_address', 'm.date'])
    .where('i.id', 'in', byText)
    .execute();
  const readable = await readableMeetings(s.ctx, s.scope, [...new Set(rows.map((r) => r.meeting_id))]);
  return rows
    .filter((r) => readable.has(r.meeting_id))
    .map((r) =>
      hit('meetingItem', {
        id: r.id,
        title: snippet(r.text, [], 70),
        ...textMatch(s, 'text', r.text, r.raised_by, r.initiator_address),
        date: r.date,
        tag: r.kind,
        parentId: r.meeting_id,
      }),
    );
}

async function handoverActs(s: Search): Promise<SearchHit[]> {
  const byText = await text(s, 'handoverAct');
  // the staff are few: their names are matched here rather than indexed
  const staffIds = (await listUsers(s.db, true))
    .filter((u) => {
      const own = foldedWords(fullName(u));
      return wordSets(s.q).some((words) => words.every((w) => own.some((o) => o.startsWith(w))));
    })
    .map((u) => u.id);
  if (!byText.length && !staffIds.length) return [];
  const rows = await s.db
    .selectFrom('handover_acts')
    .select(['id', 'section_id', 'kind', 'date', 'from_user_id', 'to_user_id', 'order_number', 'superior', 'remarks'])
    .where((eb) =>
      eb.or([
        ...(byText.length ? [eb('id', 'in', byText)] : []),
        ...(staffIds.length ? [eb('from_user_id', 'in', staffIds), eb('to_user_id', 'in', staffIds)] : []),
      ]),
    )
    .orderBy('date', 'desc')
    .limit(CANDIDATES)
    .execute();
  return rows
    .filter((a) => inScope(s.scope, a.section_id))
    .map((a) => {
      const who = [a.from_user_id, a.to_user_id].find((id) => id !== null && staffIds.includes(id));
      return hit('handoverAct', {
        id: a.id,
        title: [s.staff.short(a.from_user_id), s.staff.short(a.to_user_id)].filter(Boolean).join(' → '),
        ...(who != null
          ? { rank: 1, match: { field: 'staff' as const, text: s.staff.full(who) } }
          : textMatch(s, 'text', a.order_number, a.superior, a.remarks)),
        date: a.date,
        sectionNumber: s.sections.get(a.section_id) ?? '',
        tag: a.kind,
      });
    });
}
