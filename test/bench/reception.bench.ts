/**
 * npm run bench (part 2) — the evening desk at scale: registering an entry through the
 * real API (validation, citizen upsert, FTS, numbering, version, audit) and searching
 * citizens as the desk types, over a journal of 10k and 1M visits in the encrypted store.
 * The journal is bulk-loaded with the same rows the services write, then measured through
 * the router. Goal (issue 3): search p95 ≤ 20 ms at 1M visits.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { foldName } from '../../shared/search/fold';
import { benchBackend } from './station';
import { makeIin } from '../../shared/iin';

const SIZES = (process.env.BENCH_VISITS ?? '10000,1000000').split(',').map(Number);
let seed = 7;
const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;

// names built from parts, so that prefixes spread as real ones do
const ROOTS = [
  'Әбді',
  'Нұр',
  'Серік',
  'Омар',
  'Жұма',
  'Қасым',
  'Төле',
  'Үсен',
  'Ғаби',
  'Бейсен',
  'Өмір',
  'Құрман',
  'Иван',
  'Петр',
  'Сидор',
  'Ким',
  'Ахмет',
  'Бек',
  'Дәулет',
  'Ерғали',
  'Жан',
  'Қайрат',
  'Мұхтар',
  'Сәкен',
  'Тұрсын',
  'Шәріп',
  'Ысқақ',
  'Әлі',
  'Бақыт',
  'Ғалым',
];
const MIDS = ['', 'қа', 'ба', 'ан', 'ғали', 'жан', 'бай', 'тай', 'ке', 'мұ', 'ра', 'се', 'ди', 'лы', 'те'];
const ENDS_M = ['ов', 'ев', 'ұлы', 'ин', 'баев', 'уов'];
const FIRST = [
  'Ерлан',
  'Гүлназ',
  'Данияр',
  'Әсел',
  'Айгүл',
  'Мұрат',
  'Сергей',
  'Ольга',
  'Нұрлан',
  'Дәурен',
  'Жанар',
  'Ұлжан',
  'Арман',
  'Дина',
  'Бауыржан',
  'Мадина',
  'Асқар',
  'Сәуле',
  'Тимур',
  'Алия',
];
const surname = () => pick(ROOTS) + pick(MIDS) + pick(ENDS_M);

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const f = (x: number) => x.toFixed(2).padStart(9);

async function run(visits: number) {
  const { dataDir, backend, call } = benchBackend('reception');
  try {
    await call('setup.create', {
      station: { uppNumber: '1', uppName: 'Bench', policeBody: 'Bench', address: 'Bench' },
      sections: [{ number: '1', kind: 'urban' }],
      lead: { surname: 'Bench', name: 'Lead', login: 'lead', password: 'Bench-pass-1' },
    });
    const raw = backend.raw;
    const people = Math.max(1000, Math.floor(visits / 3)); // most citizens come more than once
    const at = new Date().toISOString();
    const insCitizen = raw.prepare(
      'INSERT INTO citizens (id, iin, no_iin, surname, name, patronymic, birth_date, sex, address, phone, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insFts = raw.prepare('INSERT INTO citizens_fts (rowid, names, iin) VALUES (?, ?, ?)');
    const insVisit = raw.prepare(
      "INSERT INTO receptions (year, number, received_at, mode, citizen_id, category_code, subject, action, action_details, receiver_id, follow_up_due, follow_up_result, follow_up_done_at, voided, void_reason, version, created_by, created_at, updated_at) VALUES (?, ?, ?, 'inPerson', ?, 'complaint', ?, 'explained', '', 1, NULL, '', NULL, 0, '', 1, 1, ?, ?)",
    );
    const insVersion = raw.prepare(
      "INSERT INTO reception_versions (reception_id, version, data_json, changed_by, changed_at, reason) VALUES (?, 1, ?, 1, ?, '')",
    );
    const lastHash = raw.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck();
    const insAudit = raw.prepare(
      'INSERT INTO audit_log (at, user_id, action, entity, entity_id, before_json, after_json, prev_hash, hash) VALUES (?, 1, ?, ?, ?, NULL, ?, ?, ?)',
    );
    const audit = (action: string, entity: string, id: number, after: string) => {
      const prev = (lastHash.get() as string | undefined) ?? '0'.repeat(64);
      insAudit.run(
        at,
        action,
        entity,
        String(id),
        after,
        prev,
        crypto.createHash('sha256').update(prev).update(after).digest('hex'),
      );
    };
    const sample: { iin: string; surname: string; name: string }[] = [];
    const t0 = Date.now();
    const loadPeople = raw.transaction((from: number, to: number) => {
      for (let id = from; id < to; id++) {
        const s = surname();
        const n = pick(FIRST);
        const birth = `19${String(40 + (id % 60)).padStart(2, '0')}-${String(1 + (id % 12)).padStart(2, '0')}-${String(1 + (id % 28)).padStart(2, '0')}`;
        // birth date digits, then the row id: unique as the register requires (the checksum is not needed for a bulk
        // load)
        const iin = `${birth.slice(2, 4)}${birth.slice(5, 7)}${birth.slice(8, 10)}${String(id).padStart(6, '0')}`;
        insCitizen.run(id, iin, s, n, '', birth, id % 2 ? 'female' : 'male', 'Алматы', '', at, at);
        insFts.run(id, foldName(`${s} ${n}`), iin);
        audit('citizens.create', 'citizen', id, JSON.stringify({ id, surname: s }));
        if (rnd() < 0.002 && sample.length < 400) sample.push({ iin, surname: s, name: n });
      }
    });
    for (let i = 1; i <= people; i += 5000) loadPeople(i, Math.min(people + 1, i + 5000));
    const loadVisits = raw.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const cid = 1 + Math.floor(rnd() * people);
        const when = new Date(Date.UTC(2020, 0, 1) + Math.floor((i / visits) * 6 * 365 * 86_400_000))
          .toISOString()
          .slice(0, 16);
        const id = Number(insVisit.run(Number(when.slice(0, 4)), i, when, cid, 'Шағым', at, at).lastInsertRowid);
        insVersion.run(id, '{}', at);
        audit('reception.create', 'reception', id, JSON.stringify({ id, cid }));
      }
    });
    for (let i = 1; i <= visits; i += 5000) loadVisits(i, Math.min(visits + 1, i + 5000));
    const loadSeconds = (Date.now() - t0) / 1000;

    const create: number[] = [];
    for (let i = 0; i < 200; i++) {
      const s = sample[i % sample.length]!;
      const t = process.hrtime.bigint();
      await call('reception.create', {
        receivedAt: '2026-11-20T18:30',
        mode: 'inPerson',
        categoryCode: 'complaint',
        subject: 'bench',
        action: 'explained',
        actionDetails: '',
        receiverId: 1,
        followUpDue: null,
        citizen:
          i % 2
            ? { id: null, iin: '', noIin: 'unknown', surname: surname(), name: pick(FIRST), birthDate: null }
            : { id: null, iin: makeIin('1999-09-09', 'male', 9000 + i), noIin: null, surname: s.surname, name: s.name },
      });
      create.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const search: number[] = [];
    for (let i = 0; i < 600; i++) {
      const s = sample[i % sample.length]!;
      const q = [
        s.iin.slice(0, 6),
        s.surname.toLowerCase().slice(0, 4),
        `${s.surname.slice(0, 5)} ${s.name.slice(0, 2)}`,
        foldName(s.surname).slice(0, 6),
      ][i % 4]!;
      const t = process.hrtime.bigint();
      await call('citizens.search', { query: q, limit: 8 });
      search.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    // the day's first unlock checks the whole file; a manual copy writes, verifies and fsyncs one
    let t1 = process.hrtime.bigint();
    raw.pragma('integrity_check', { simple: true });
    const integritySeconds = Number(process.hrtime.bigint() - t1) / 1e9;
    await call('calendar.setOverride', { date: '2031-01-01', kind: 'holiday', name: 'bench' });
    t1 = process.hrtime.bigint();
    let backupSeconds = Number.NaN;
    try {
      await call('backup.now', {});
      backupSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
    } catch {
      // reported as n/a
    }
    const megabytes = fs.statSync(backend.dbFile).size / 1024 / 1024;
    backend.lock();
    return {
      integritySeconds,
      backupSeconds,
      megabytes,
      people,
      loadSeconds,
      createP50: pct(create, 50),
      createP95: pct(create, 95),
      searchP50: pct(search, 50),
      searchP95: pct(search, 95),
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `Uchaske reception bench — Node ${process.version}; encrypted store (SQLCipher 4), through the API router\n`,
);
console.log(
  `${'visits'.padStart(10)}${'citizens'.padStart(10)}${'load s'.padStart(9)}${'create p50'.padStart(12)}${'create p95'.padStart(12)}${'search p50'.padStart(12)}${'search p95'.padStart(12)}   (ms)${'db MB'.padStart(9)}${'check s'.padStart(9)}${'copy s'.padStart(9)}`,
);
for (const n of SIZES) {
  const r = await run(n);
  console.log(
    `${String(n).padStart(10)}${String(r.people).padStart(10)}${f(r.loadSeconds)}${f(r.createP50).padStart(12)}${f(r.createP95).padStart(12)}${f(r.searchP50).padStart(12)}${f(r.searchP95).padStart(12)}     ${f(r.megabytes).padStart(9)}${f(r.integritySeconds).padStart(9)}${Number.isNaN(r.backupSeconds) ? '      n/a' : f(r.backupSeconds).padStart(9)}${r.searchP95 <= 20 ? '' : '   ← above the 20 ms goal'}`,
  );
}
