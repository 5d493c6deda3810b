/**
 * npm run bench (part 6) — the search box (Ctrl+K, issue 17) as a person types into it, and the figures of a quarter
 * for ten inspectors (the Figures screen and its справка), through the router on the
 * encrypted store, as the UPP lead (who reads every kind). A station of N reception entries, N/3 citizens, N/10
 * notebook entries and N/200 person files, bulk-loaded with the rows the services write (the index triggers fire as
 * they do for the services). Every query is timed as typed: a surname letter by letter (1 to 12 characters), an IIN
 * digit by digit, an address, an entry number. Goals: p95 under 20 ms at 1,000,000 entries, and less than 3× the
 * p95 at 10,000; the quarter's figures of a station of ten inspectors with ten years of data under 500 ms.
 */
import fs from 'node:fs';
import { pct } from './measure';
import { BENCH_STATION, benchBackend, benchPersonFile } from './station';

const SIZES = (process.env.BENCH_SEARCH ?? '10000,1000000').split(',').map(Number);
let seed = 11;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;

const ROOTS = ['Әбді', 'Нұр', 'Серік', 'Омар', 'Жұма', 'Қасым', 'Төле', 'Үсен', 'Ғаби', 'Бейсен', 'Өмір', 'Құрман'];
const MORE = ['Иван', 'Петр', 'Ким', 'Ахмет', 'Бек', 'Дәулет', 'Ерғали', 'Жан', 'Қайрат', 'Мұхтар', 'Сәкен', 'Тұрсын'];
const MIDS = ['', 'қа', 'ба', 'ан', 'ғали', 'жан', 'бай', 'тай', 'ке', 'мұ', 'ра', 'се', 'ди', 'лы', 'те'];
const ENDS = ['ов', 'ев', 'ұлы', 'ин', 'баев', 'уов', 'ова', 'қызы'];
const FIRST = ['Ерлан', 'Гүлназ', 'Данияр', 'Әсел', 'Айгүл', 'Мұрат', 'Сергей', 'Ольга', 'Нұрлан', 'Дәурен', 'Жанар'];
const STREETS = ['Абай', 'Сейфуллин', 'Жансүгіров', 'Төле би', 'Райымбек', 'Сүйінбай', 'Жетісу', 'Бөкейхан', 'Достық'];
const surname = () => pick([...ROOTS, ...MORE]) + pick(MIDS) + pick(ENDS);

async function run(entries: number) {
  const { dataDir, backend, call } = benchBackend('search');
  try {
    await call('setup.create', BENCH_STATION);
    // ten inspectors receive, write and hold the files in turn
    const staff: number[] = [];
    for (let i = 1; i <= 10; i++) {
      const u = (await call('users.create', {
        login: `insp${i}`,
        surname: `Инспектор${i}`,
        name: 'Б',
        patronymic: '',
        rank: '',
        position: '',
        role: 'inspector',
        sectionIds: [1 + (i % 2)],
        temporaryPassword: 'Temp-12345',
      })) as { id: number };
      staff.push(u.id);
    }
    const safe = ((await call('prevention.saveSafe', { name: 'Сейф', location: '' })) as { id: number }[])[0]!;
    const files = Math.max(50, Math.floor(entries / 200));
    const t0 = Date.now();
    for (let i = 1; i <= files; i++) await call('prevention.create', benchPersonFile(i, safe.id));
    const raw = backend.raw;
    const first = (raw.prepare('SELECT max(id) AS n FROM citizens').get() as { n: number }).n + 1;
    const people = Math.max(1000, Math.floor(entries / 3));
    const at = new Date().toISOString();
    const insCitizen = raw.prepare(
      'INSERT INTO citizens (id, iin, no_iin, surname, name, patronymic, birth_date, sex, address, phone, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insFts = raw.prepare(
      'INSERT INTO citizens_fts (rowid, names, iin, address) VALUES (?, uchaske_fold_name(?, ?, ?), ?, uchaske_fold(?))',
    );
    const insVisit = raw.prepare(
      "INSERT INTO receptions (year, number, received_at, mode, citizen_id, category_code, subject, action, action_details, receiver_id, follow_up_due, follow_up_result, follow_up_done_at, voided, void_reason, version, created_by, created_at, updated_at) VALUES (?, ?, ?, 'inPerson', ?, 'complaint', 'Шағым', 'explained', '', ?, NULL, '', NULL, 0, '', 1, 1, ?, ?)",
    );
    const insEntry = raw.prepare(
      "INSERT INTO notebook_entries (owner_id, number, kind, occurred_at, text, created_by, created_at, citizen_id, address) VALUES (?, ?, 'information', ?, ?, 1, ?, ?, ?)",
    );
    const sample: { iin: string; surname: string; street: string }[] = [];
    const address = () => `${pick(STREETS)} к-сі, ${1 + Math.floor(rnd() * 200)}`;
    raw.transaction(() => {
      for (let id = first; id < first + people; id++) {
        const s = surname();
        const birth = `19${String(40 + (id % 60)).padStart(2, '0')}-${String(1 + (id % 12)).padStart(2, '0')}-${String(1 + (id % 28)).padStart(2, '0')}`;
        const iin = `${birth.slice(2, 4)}${birth.slice(5, 7)}${birth.slice(8, 10)}${String(id).padStart(6, '0')}`;
        const n = pick(FIRST);
        const where = address();
        insCitizen.run(id, iin, s, n, '', birth, id % 2 ? 'female' : 'male', where, '', at, at);
        insFts.run(id, s, n, '', iin, where);
        if (rnd() < 0.002 && sample.length < 200) sample.push({ iin, surname: s, street: where });
      }
    })();
    const year0 = 2017;
    raw.transaction(() => {
      const numbers = new Map<number, number>();
      for (let i = 1; i <= entries; i++) {
        const when = new Date(Date.UTC(year0, 0, 1) + Math.floor((i / entries) * 10 * 365 * 86_400_000))
          .toISOString()
          .slice(0, 16);
        const year = Number(when.slice(0, 4));
        numbers.set(year, (numbers.get(year) ?? 0) + 1);
        insVisit.run(year, numbers.get(year), when, first + Math.floor(rnd() * people), pick(staff), at, at);
      }
      const notes = Math.floor(entries / 10);
      for (let i = 1; i <= notes; i++) {
        const about = rnd() < 0.5 ? first + Math.floor(rnd() * people) : null;
        const when = new Date(Date.UTC(year0, 0, 1) + Math.floor((i / notes) * 10 * 365 * 86_400_000))
          .toISOString()
          .slice(0, 16);
        insEntry.run(pick(staff), i, when, `Профилактическая беседа, ${address()}`, at, about, address());
      }
    })();
    const loadSeconds = (Date.now() - t0) / 1000;

    // as typed: each query a keystroke after the last
    const typed: string[] = [];
    for (const p of sample.slice(0, 40)) {
      for (let k = 1; k <= Math.min(12, p.surname.length); k++) typed.push(p.surname.slice(0, k).toLowerCase());
      for (let k = 1; k <= 12; k++) typed.push(p.iin.slice(0, k));
      typed.push(p.street.split(',')[0]!.slice(0, 6), p.street);
      typed.push(`${1 + Math.floor(rnd() * 1000)}/${year0 + Math.floor(rnd() * 9)}`);
    }
    const times: number[] = [];
    const byLength = new Map<string, number[]>();
    for (const q of typed) {
      const t = process.hrtime.bigint();
      await call('search.find', { query: q });
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      times.push(ms);
      const bucket = q.length <= 3 ? '1–3' : q.length <= 6 ? '4–6' : '7–12';
      byLength.set(bucket, [...(byLength.get(bucket) ?? []), ms]);
    }
    // the last whole quarter of the ten years, against the one before, as the UPP lead opens it
    const figures: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = process.hrtime.bigint();
      await call('figures.get', { from: '2026-07-01', to: '2026-09-30' });
      figures.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    // the biggest list a figure opens: every visit of that quarter at the station (ours: no goal set, shown)
    const entriesMs: number[] = [];
    let listed = 0;
    for (let i = 0; i < 5; i++) {
      const t = process.hrtime.bigint();
      const r = await call('figures.entries', {
        from: '2026-07-01',
        to: '2026-09-30',
        line: 'receptions',
        column: 'total',
      });
      entriesMs.push(Number(process.hrtime.bigint() - t) / 1e6);
      listed = (r as { count: number }).count;
    }
    const megabytes = fs.statSync(backend.dbFile).size / 1024 / 1024;
    backend.lock();
    return {
      people,
      files,
      notebook: Math.floor(entries / 10),
      loadSeconds,
      times,
      byLength,
      megabytes,
      queries: typed.length,
      figures,
      entriesMs,
      listed,
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const f = (x: number, w = 9) => x.toFixed(2).padStart(w);
console.log(`Uchaske search bench — Node ${process.version}; encrypted store (SQLCipher 4), through the API router\n`);
console.log(
  `${'entries'.padStart(9)}${'citizens'.padStart(10)}${'notebook'.padStart(10)}${'files'.padStart(7)}${'load s'.padStart(9)}${'queries'.padStart(9)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p95 1–3'.padStart(9)}${'p95 4–6'.padStart(9)}${'p95 7–12'.padStart(10)}${'max'.padStart(9)}${'quarter p50'.padStart(13)}${'quarter p95'.padStart(13)}${'entries p50'.padStart(13)}   (ms)${'db MB'.padStart(8)}${'counted'.padStart(9)}`,
);
const p95s: number[] = [];
for (const n of SIZES) {
  const r = await run(n);
  const p95 = pct(r.times, 95);
  p95s.push(p95);
  const b = (k: string) => f(pct(r.byLength.get(k) ?? [], 95));
  console.log(
    `${String(n).padStart(9)}${String(r.people).padStart(10)}${String(r.notebook).padStart(10)}${String(r.files).padStart(7)}${f(r.loadSeconds)}${String(r.queries).padStart(9)}${f(pct(r.times, 50), 8)}${f(p95, 8)}${b('1–3')}${b('4–6')}${f(pct(r.byLength.get('7–12') ?? [], 95), 10)}${f(Math.max(...r.times))}${f(pct(r.figures, 50), 13)}${f(pct(r.figures, 95), 13)}${f(pct(r.entriesMs, 50), 13)}     ${f(r.megabytes, 8)}${String(r.listed).padStart(9)}${p95 <= 20 ? '' : '   ← search above the 20 ms goal'}${pct(r.figures, 95) <= 500 ? '' : '   ← figures above the 500 ms goal'}`,
  );
}
if (p95s.length >= 2)
  console.log(
    `\np95 at ${SIZES[SIZES.length - 1]} is ${(p95s[p95s.length - 1]! / p95s[0]!).toFixed(2)}× the p95 at ${SIZES[0]} (goal: under 3×)`,
  );
