/**
 * npm run bench (part 5) — a copy and the desk. A station of BENCH_COPY_ENTRIES reception entries (100,000 by
 * default, about 40 MB), a manual copy made twice on the same database, side by side:
 *  - before: the copy on the backend's own thread (VACUUM INTO and its check, as until this last step);
 *  - now: `backup.now`, the copy written and checked in a worker thread.
 * Figures: how long the copy takes, the backend's event-loop lag p99 meanwhile, and the evening's journal asked
 * every 25 ms at the desk meanwhile (p95, each timed from when it was asked).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Backend } from '../../electron/backend/backend';
import { createRouter } from '../../electron/backend/rpc';
import { Keyring } from '../../electron/backend/store/keyring';
import { BENCH_LOGIN, BENCH_PASSWORD, BENCH_STATION } from './station';
import { lagWhile, pct } from './measure';

const ENTRIES = Number(process.env.BENCH_COPY_ENTRIES ?? 100_000);
/** what the desk asks most: the evening's journal */
const DESK = { from: '2026-11-20', to: '2026-11-20' };
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');

console.log('bench: a copy and the desk');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-bench-copy-'));
const backend = new Backend({
  dataDir,
  resourcesDir: path.resolve(import.meta.dirname, '../../resources'),
  scrypt: { N: 1024, r: 8, p: 1 },
});
const router = createRouter(backend, () => undefined);
const call = async (name: string, input: unknown) => {
  const r = await router.call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.messageKey}`);
  return r.data;
};
try {
  await call('setup.create', BENCH_STATION);
  const first = (await call('reception.create', {
    receivedAt: '2026-11-20T18:15',
    mode: 'inPerson',
    categoryCode: 'complaint',
    subject: 'Шум',
    action: 'explained',
    actionDetails: '',
    receiverId: 1,
    followUpDue: null,
    citizen: { id: null, iin: '', noIin: 'unknown', surname: 'Қасымов', name: 'Бауыржан', patronymic: '' },
  })) as { citizen: { id: number } };
  backend.raw
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < ${ENTRIES})
       INSERT INTO receptions (year, number, received_at, mode, citizen_id, category_code, subject, action,
         receiver_id, created_by, created_at, updated_at)
       SELECT 2025, i, '2025-06-01T19:00', 'inPerson', ?, 'complaint', printf('%.300c', 'ж') || i, 'explained',
         1, 1, '2025-06-01T14:00:00.000Z', '2025-06-01T14:00:00.000Z' FROM n`,
    )
    .run(first.citizen.id);
  const megabytes = fs.statSync(path.join(dataDir, 'uchaske.db')).size / 1e6;
  const key = Keyring.load(path.join(dataDir, 'uchaske.keyring')).unlock(BENCH_LOGIN, BENCH_PASSWORD)!.key;

  /** the evening's journal asked every 25 ms while `copy` runs, each timed from when it was asked */
  const measure = async (copy: () => Promise<unknown>) => {
    const times: number[] = [];
    let done = false;
    const start = performance.now();
    const running = copy().finally(() => (done = true));
    const typing = (async () => {
      for (let k = 0; !done; k++) {
        const planned = start + k * 25;
        await new Promise((r) => setTimeout(r, Math.max(0, planned - performance.now())));
        // one asked while the thread was blocked is answered late, and counts so
        await call('reception.list', DESK);
        times.push(performance.now() - planned);
      }
    })();
    const lag = await lagWhile(() => running);
    await typing;
    return { ...lag, deskP95: pct(times, 95), asked: times.length };
  };
  const idle: number[] = [];
  for (let k = 0; k < 50; k++) {
    const t = performance.now();
    await call('reception.list', DESK);
    idle.push(performance.now() - t);
  }
  // before: on the backend's thread (a timer turn first, so the desk's asking starts)
  const before = await measure(
    () =>
      new Promise<void>((r) =>
        setTimeout(() => {
          backend.copies.make(backend.raw, key, new Date(), 'manual');
          r();
        }, 30),
      ),
  );
  await call('calendar.setOverride', { date: '2026-12-16', kind: 'holiday', name: 'change' });
  const now = await measure(() => new Promise((r) => setTimeout(r, 30)).then(() => call('backup.now', {})));
  const row = (label: string, x: string, y: string) =>
    console.log(`${label.padEnd(44)} ${x.padStart(12)} ${y.padStart(12)}`);
  console.log(
    `\n${ENTRIES} entries, database ${megabytes.toFixed(1)} MB; the evening's journal p95 idle ${ms(pct(idle, 95))}\n`,
  );
  row('', 'before', 'now');
  row('manual copy written and checked', ms(before.ms), ms(now.ms));
  row('  backend event-loop lag p99 meanwhile', ms(before.p99), ms(now.p99));
  row('  the evening’s journal p95 meanwhile', ms(before.deskP95), ms(now.deskP95));
  row('  journals answered meanwhile', String(before.asked), String(now.asked));
} finally {
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
