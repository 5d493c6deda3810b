/**
 * npm run bench (part 3) — person files at the scale of a large station and beyond:
 * the list with its filters, opening one file (with its logs and the access record) and
 * Today for the UPP lead, over 500 and 5,000 files with 20 supervision records and 4
 * custody moves each, through the router on the encrypted store. Printed side by side
 * with the ratio, so the growth is read in one run (BENCH_FILES=500,5000 to change).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Backend } from '../../electron/backend/backend';
import { createRouter } from '../../electron/backend/rpc';
import { BENCH_STATION, benchPersonFile } from './station';

const SIZES = (process.env.BENCH_FILES ?? '500,5000').split(',').map(Number);
const ROOT = path.resolve(import.meta.dirname, '../..');
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

async function run(files: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-bench-prevention-'));
  try {
    const backend = new Backend({
      dataDir,
      resourcesDir: path.join(ROOT, 'resources'),
      scrypt: { N: 1024, r: 8, p: 1 },
    });
    const router = createRouter(backend, () => undefined);
    const call = async (name: string, input: unknown) => {
      const r = await router.call(name, input);
      if (!r.ok) throw new Error(`${name}: ${r.error.messageKey}`);
      return r.data as never;
    };
    await call('setup.create', BENCH_STATION);
    const safes: { id: number }[] = await call('prevention.saveSafe', { name: 'Сейф 1', location: '' });
    const t0 = performance.now();
    for (let i = 0; i < files; i++) {
      await call('prevention.create', benchPersonFile(i, safes[0]!.id));
    }
    const createMs = (performance.now() - t0) / files;
    // the logs of a file's years on record, written as the services write them
    const raw = backend.raw;
    raw.transaction(() => {
      const sup = raw.prepare(
        "INSERT INTO supervision_records (file_id, kind, planned_for, done_at, by_user_id, text, violation, violation_text, measures, recorded_by, recorded_at) VALUES (?, 'visit', ?, ?, 1, 'Проверен по месту жительства', 0, '', '', 1, '2026-01-01T00:00:00Z')",
      );
      const cus = raw.prepare(
        "INSERT INTO custody_log (file_id, action, at, person_id, reason, recorded_by) VALUES (?, ?, ?, 1, 'проверка', 1)",
      );
      for (let f = 1; f <= files; f++) {
        for (let k = 0; k < 20; k++)
          sup.run(f, k === 19 ? '2026-12-01' : null, k === 19 ? null : `2026-0${1 + (k % 9)}-1${k % 10}T10:00`);
        for (let k = 0; k < 4; k++) cus.run(f, k % 2 ? 'in' : 'out', `2026-0${1 + k}-01T10:00:00Z`);
      }
    })();
    const time = async (n: number, fn: (i: number) => Promise<unknown>) => {
      const xs: number[] = [];
      for (let i = 0; i < n; i++) {
        const s = performance.now();
        await fn(i);
        xs.push(performance.now() - s);
      }
      return { p50: pct(xs, 50), p95: pct(xs, 95) };
    };
    const out = {
      create: createMs,
      listAll: await time(20, () => call('prevention.list', { status: null })),
      listFiltered: await time(20, (i) =>
        call('prevention.list', { category: '2', sectionId: 1 + (i % 2), text: 'фамилия1' }),
      ),
      open: await time(100, (i) =>
        call('prevention.open', { id: 1 + ((i * 37) % files), purpose: 'control', purposeText: '' }),
      ),
      today: await time(20, () => call('today.list', { date: '2026-11-28' })),
      rssMb: process.memoryUsage().rss / 2 ** 20,
      // a desk left open all evening refreshes Today again and again: the process must not grow
      todayGrowthMb: await (async () => {
        // garbage is not growth: collect before and after when the script runs with --expose-gc
        const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
        // the first hundreds size the V8 heap for this load; what counts is growth after that
        for (let i = 0; i < 300; i++) await call('today.list', { date: '2026-11-28' });
        gc();
        const before = process.memoryUsage().rss;
        for (let i = 0; i < 300; i++) await call('today.list', { date: '2026-11-28' });
        gc();
        return (process.memoryUsage().rss - before) / 2 ** 20;
      })(),
    };
    backend.lock();
    return out;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const results: ({ n: number } & Awaited<ReturnType<typeof run>>)[] = [];
for (const n of SIZES) results.push({ n, ...(await run(n)) });
const [a, b] = [results[0]!, results[results.length - 1]!];
const row = (label: string, get: (r: (typeof results)[number]) => number) =>
  console.log(
    `${label.padEnd(30)}${results.map((r) => get(r).toFixed(2).padStart(12)).join('')}${(get(b) / get(a)).toFixed(2).padStart(10)}×`,
  );
console.log(`person files (ms)${' '.repeat(13)}${results.map((r) => `${r.n} files`.padStart(12)).join('')}     ratio`);
row('create via API, mean', (r) => r.create);
row('list all, p50', (r) => r.listAll.p50);
row('list all, p95', (r) => r.listAll.p95);
row('list filtered, p95', (r) => r.listFiltered.p95);
row('open a file (+access log), p95', (r) => r.open.p95);
row('Today for the UPP lead, p95', (r) => r.today.p95);
row('process RSS, MB', (r) => r.rssMb);
row('RSS growth, 300 more Todays, MB', (r) => r.todayGrowthMb);
