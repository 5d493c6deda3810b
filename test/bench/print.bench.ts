/**
 * npm run bench (part 4) — printing and the window's thread. A journal of 2,000 entries and Today of the UPP lead
 * over 5,000 person files, measured twice on the same database, side by side:
 *  - before: the backend in the process that owns the windows, the PDF built on that thread (as until issue 14);
 *  - now: the browser host with the backend in its own process and the PDF in the worker pool — the host process
 *    standing for Electron's main process, which carries the same relay.
 * Figures: the event-loop lag (p99) of the windows' process while the journal renders and while Today is built
 * (goal < 16 ms), citizen search p95 while the journal renders against p95 with nothing rendering (goal within
 * 1.2×), and in Chromium the time to the first page shown in the preview and to the whole document ready for the
 * printer. BENCH_ENTRIES / BENCH_FILES change the sizes.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { Backend } from '../../electron/backend/backend';
import { createRouter } from '../../electron/backend/rpc';
import { startBrowserHost } from '../../electron/host/browserHost';
import { renderPdf } from '../../electron/backend/documents/render';
import { receptionJournal } from '../../electron/backend/documents/receptionJournal';
import type { FormJob } from '../../electron/backend/documents/forms';
import { listCategories, listReceptions } from '../../electron/backend/modules/reception/service';
import { getStation } from '../../electron/backend/modules/station/service';
import { makeIin } from '../../shared/iin';
import { receptionFilterSchema } from '../../shared/api/reception';
import { BENCH_LOGIN, BENCH_PASSWORD, BENCH_STATION, benchPersonFile } from './station';
import { lagWhile, pct } from './measure';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 2000);
const FILES = Number(process.env.BENCH_FILES_TODAY ?? 5000);
const ROOT = path.resolve(import.meta.dirname, '../..');
const RESOURCES = path.join(ROOT, 'resources');
const PERIOD = { from: '2026-11-02', to: '2026-11-06' };
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : '—');
const s = (n: number) => `${(n / 1000).toFixed(1)} s`;

type Call = (name: string, input: unknown) => Promise<unknown>;
const caller =
  (router: { call(n: string, i: unknown): Promise<{ ok: boolean; data?: unknown; error?: { messageKey: string } }> }) =>
  async (name: string, input: unknown) => {
    const r = await router.call(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error!.messageKey}`);
    return r.data;
  };

const QUERIES = ['қасым', 'фами', 'иван', '8506', 'серік', 'ли', 'жұма', 'әбді'];
const KEYSTROKE_MS = 25;
/**
 * Citizen searches as the desk types them, one planned every 25 ms, until `until` settles (or `count` of them when it
 * is null). Each is timed from when it was typed, so a search that waited for a blocked thread counts its wait.
 */
async function searches(call: Call, until: Promise<unknown> | null, count = 200): Promise<number[]> {
  const out: number[] = [];
  let done = until === null;
  void until?.finally(() => (done = true));
  const start = performance.now();
  for (let i = 0; until ? !done : i < count; i++) {
    const typed = start + i * KEYSTROKE_MS;
    const wait = typed - performance.now();
    await new Promise((r) => (wait > 0 ? setTimeout(r, wait) : setImmediate(r)));
    await call('citizens.search', { query: QUERIES[i % QUERIES.length], limit: 8 });
    out.push(performance.now() - typed);
  }
  return out;
}

async function arrange(call: Call) {
  await call('setup.create', BENCH_STATION);
  for (let i = 0; i < ENTRIES; i++) {
    const day = 2 + (i % 5);
    await call('reception.create', {
      receivedAt: `2026-11-0${day}T${String(18 + (i % 3)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      mode: 'inPerson',
      categoryCode: 'complaint',
      subject: `Обращение ${i}: шум во дворе после 23:00, просит принять меры`,
      action: 'explained',
      actionDetails: '',
      receiverId: 1,
      followUpDue: null,
      citizen: {
        id: null,
        iin: makeIin(`19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`, i % 2 ? 'male' : 'female', i),
        noIin: null,
        surname: `Қасымов${i}`,
        name: 'Бауыржан',
        patronymic: 'Ерланұлы',
        birthDate: null,
        sex: null,
        address: `Сейфуллин к-сі, ${i}`,
        phone: '',
      },
    });
  }
  const safe = (await call('prevention.saveSafe', { name: 'Сейф 1', location: '' })) as { id: number }[];
  for (let i = 0; i < FILES; i++) {
    await call('prevention.create', benchPersonFile(i, safe[0]!.id, 10_000 + i));
  }
}

interface Figures {
  journalMs: number;
  journalLag: number;
  todayMs: number;
  todayLag: number;
  searchIdle: number;
  searchRendering: number;
}

/** Before: the backend on this thread, the journal's PDF built here too. */
async function before(dataDir: string): Promise<Figures & { pages: number; job: FormJob }> {
  const backend = new Backend({ dataDir, resourcesDir: RESOURCES, scrypt: { N: 1024, r: 8, p: 1 } });
  const call = caller(createRouter(backend, () => undefined));
  const t0 = performance.now();
  await arrange(call);
  console.log(`arranged ${ENTRIES} journal entries and ${FILES} person files in ${s(performance.now() - t0)}`);
  await call('auth.unlock', { login: BENCH_LOGIN, password: BENCH_PASSWORD });
  const ctx = backend.context();
  let job: FormJob | null = null;
  const inline = async () => {
    const station = await getStation(ctx.db);
    const data = {
      ...PERIOD,
      entries: await listReceptions(ctx.db, receptionFilterSchema.parse(PERIOD)),
      categories: await listCategories(ctx.db),
      printedAt: '06.11.2026 21:00',
      printedBy: 'Бенчов Б',
    };
    let pages = 0;
    job = { form: 'receptionJournal', language: 'ru', data: { ...data, station } };
    await renderPdf(RESOURCES, receptionJournal({ ...data, station }, 'ru'), (p) => (pages = p.pages));
    return pages;
  };
  await inline(); // fonts loaded once, as in a running program
  const journal = await lagWhile(inline);
  console.log(`before: journal ${s(journal.ms)}, ${journal.result} pages`);
  const today = await lagWhile(() => call('today.list', { date: '2026-11-06' }));
  const idle = await searches(call, null);
  const rendering: number[] = [];
  // a blocked thread answers a search or two per render: three renders, whatever they give
  for (let k = 0; k < 3 && rendering.length < 50; k++) rendering.push(...(await searches(call, inline())));
  await backend.close();
  return {
    job: job!,
    pages: journal.result,
    journalMs: journal.ms,
    journalLag: journal.p99,
    todayMs: today.ms,
    todayLag: today.p99,
    searchIdle: pct(idle, 95),
    searchRendering: pct(rendering, 95),
  };
}

/**
 * Searches while another process at the lowest priority keeps a core busy for 6 s: with a plain loop (job null), or
 * rendering the journal over and over. Controls for the figure above: a busy core, and the rendering in a process of
 * its own instead of the backend's worker thread.
 */
async function withNeighbour(call: Call, job: FormJob | null): Promise<number[]> {
  const child = fork(path.join(import.meta.dirname, 'busyNeighbour.ts'), [], { execArgv: process.execArgv });
  try {
    await new Promise((ready) => {
      child.once('message', ready);
      child.send({ job, resourcesDir: RESOURCES });
    });
    return await searches(call, new Promise((r) => setTimeout(r, 6000)));
  } finally {
    child.kill();
  }
}

/** The browser host on the bench's database, the bench's user signed in: this process stands for the windows'. */
async function signedInHost(dataDir: string) {
  const host = await startBrowserHost({
    dataDir,
    resourcesDir: RESOURCES,
    rendererDir: path.join(ROOT, 'out', 'renderer'),
  });
  const call = caller(host.backend);
  await call('auth.unlock', { login: BENCH_LOGIN, password: BENCH_PASSWORD }).catch(async (e: unknown) => {
    await host.close();
    throw e;
  });
  return { host, call };
}

/**
 * The first journal print of a session, `after` ms after sign-in: at once, it waits for a PDF worker to start and load
 * its fonts; five seconds on, the backend has started one (`warmDocumentsAfterMs`).
 */
async function firstPrint(dataDir: string, after: number): Promise<number> {
  const { host, call } = await signedInHost(dataDir);
  try {
    await new Promise((r) => setTimeout(r, after));
    const t0 = performance.now();
    await call('reception.print', { filter: PERIOD, language: 'ru' });
    return performance.now() - t0;
  } finally {
    await host.close();
  }
}

interface Controls {
  searchBusyCore: number;
  searchRenderElsewhere: number;
}

/** Now: this process is the host; the backend is its child, the PDF in the child's worker pool. */
async function now(
  dataDir: string,
  job: FormJob,
): Promise<Figures & Controls & { firstPageMs: number; allShownMs: number; wholeMs: number; previewPages: number }> {
  const { host, call } = await signedInHost(dataDir);
  try {
    const print = () => call('reception.print', { filter: PERIOD, language: 'ru' });
    await print();
    const journal = await lagWhile(print);
    console.log(`now: journal ${s(journal.ms)}`);
    const today = await lagWhile(() => call('today.list', { date: '2026-11-06' }));
    const idle = await searches(call, null);
    const rendering: number[] = [];
    for (let k = 0; k < 3 && rendering.length < 50; k++) rendering.push(...(await searches(call, print())));
    const busyCore = await withNeighbour(call, null);
    const renderElsewhere = await withNeighbour(call, job);

    // the preview in Chromium: from the click to the first page drawn, then every page ready for the printer
    const chromiumPath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
    const browser = await chromium.launch({
      executablePath: process.env.UCHASKE_CHROMIUM ?? chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU' });
      // the host's backend has one session, opened above: the page comes in signed in
      await page.goto(host.launchUrl());
      await page.goto(`${host.url}#/reception`);
      await page.getByText('Русский', { exact: true }).click();
      const from = page.getByRole('textbox', { name: 'С', exact: true });
      await from.fill('02.11.2026');
      await from.press('Enter');
      const to = page.getByRole('textbox', { name: 'По', exact: true });
      await to.fill('06.11.2026');
      await to.press('Enter');
      await page.getByText(`Записей: ${ENTRIES}`).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Печать журнала' }).click();
      const t0 = performance.now();
      await page.getByRole('menuitem', { name: 'PDF на русском' }).click();
      // the progress a person watches while a long document is built, kept for looking at
      await page
        .getByText(/Готово страниц/)
        .waitFor({ timeout: 300_000 })
        .then(() => page.screenshot({ path: path.join(ROOT, 'test-results', 'screens', 'bench-preview-building.png') }))
        .catch(() => undefined);
      // the first page a person sees: the register's own first page, shown while the whole is laid out
      await page.locator('[data-page="1"][data-drawn="true"]').first().waitFor({ timeout: 300_000 });
      const firstPageMs = performance.now() - t0;
      await page
        .getByTestId('preview-pages')
        .filter({ hasText: /из \d+/ })
        .waitFor({ timeout: 300_000 });
      await page
        .locator('[data-testid="preview-sheets"] [data-page="1"][data-drawn="true"]')
        .waitFor({ timeout: 300_000 });
      const allShownMs = performance.now() - t0;
      const previewPages = Number(/из (\d+)/.exec((await page.getByTestId('preview-pages').textContent()) ?? '')?.[1]);
      await page.evaluate(() => {
        window.print = () => void ((window as unknown as { __printed: boolean }).__printed = true);
      });
      const t1 = performance.now();
      await page.keyboard.press('Control+KeyP');
      await page.waitForFunction(() => (window as unknown as { __printed?: boolean }).__printed, null, {
        timeout: 600_000,
        polling: 200,
      });
      const wholeMs = allShownMs + (performance.now() - t1);
      return {
        journalMs: journal.ms,
        journalLag: journal.p99,
        todayMs: today.ms,
        todayLag: today.p99,
        searchIdle: pct(idle, 95),
        searchRendering: pct(rendering, 95),
        searchBusyCore: pct(busyCore, 95),
        searchRenderElsewhere: pct(renderElsewhere, 95),
        firstPageMs,
        allShownMs,
        wholeMs,
        previewPages,
      };
    } finally {
      await browser.close();
    }
  } finally {
    await host.close();
  }
}

console.log('bench: print');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-bench-print-'));
try {
  const a = await before(dataDir);
  const b = await now(dataDir, a.job);
  const cold = await firstPrint(dataDir, 0);
  const warmed = await firstPrint(dataDir, 6000);
  const row = (label: string, x: string, y: string, goal: string) =>
    console.log(`${label.padEnd(52)} ${x.padStart(12)} ${y.padStart(12)}   ${goal}`);
  console.log(`\njournal of ${ENTRIES} entries: ${a.pages} pages; Today of the UPP lead over ${FILES} person files\n`);
  row('', 'before', 'now', 'goal');
  row('journal PDF built (the whole document)', s(a.journalMs), s(b.journalMs), '');
  row('  the first of a session, at sign-in', '', s(cold), '');
  row('  the first of a session, 6 s after sign-in', '', s(warmed), '');
  row('  event-loop lag of the windows’ process, p99', ms(a.journalLag), ms(b.journalLag), '< 16 ms');
  row('Today of the UPP lead built', ms(a.todayMs), ms(b.todayMs), '');
  row('  event-loop lag of the windows’ process, p99', ms(a.todayLag), ms(b.todayLag), '< 16 ms');
  row('citizen search p95, nothing rendering', ms(a.searchIdle), ms(b.searchIdle), '');
  row('citizen search p95, while the journal renders', ms(a.searchRendering), ms(b.searchRendering), '');
  row(
    '  ratio',
    `${(a.searchRendering / a.searchIdle).toFixed(2)}×`,
    `${(b.searchRendering / b.searchIdle).toFixed(2)}×`,
    '≤ 1.2×',
  );
  const ratio = (x: number) => `${(x / b.searchIdle).toFixed(2)}×`;
  console.log('controls (now): another process at the lowest priority keeps a core busy');
  row('  search p95 beside a plain loop', '', ms(b.searchBusyCore), '');
  row('    ratio', '', ratio(b.searchBusyCore), '');
  row('  search p95 beside the journal rendered there', '', ms(b.searchRenderElsewhere), '');
  row('    ratio', '', ratio(b.searchRenderElsewhere), '');
  console.log(`\npreview in Chromium (now): ${b.previewPages} pages`);
  row('  click → first page shown', '', s(b.firstPageMs), '');
  row('  click → the whole document shown', '', s(b.allShownMs), '');
  row('  click → every page ready for the printer (150 dpi)', '', s(b.wholeMs), '');
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
