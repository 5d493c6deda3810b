import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { _electron as electron } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { test, expect, ROOT, STATION, preview, releaseFolder } from './fixtures';
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { generateReleaseKey } from '../../electron/backend/modules/updates/manifest';

const bin = electronBinary();

// Runs only where the Electron binary exists; these machines cannot download it.
test('Electron smoke: hardened window, the bridge, the backend in a utility process, preview, print and save', async () => {
  if (!bin)
    console.log(
      'SKIPPED Electron smoke test: no Electron binary on this machine (node_modules/electron/dist is empty).',
    );
  test.skip(!bin, 'no Electron binary on this machine');
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-electron-'));
  const app = await electron.launch({
    executablePath: bin!,
    args: [path.join(ROOT, 'out', 'main', 'index.js'), `--user-data-dir=${userData}`],
  });
  const win = await app.firstWindow();
  await expect(win).toHaveTitle('Учаске');
  expect(await win.evaluate(() => (window as unknown as { uchaske: { transport: string } }).uchaske.transport)).toBe(
    'electron',
  );
  expect(await win.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  const status = await win.evaluate(() =>
    (window as unknown as { uchaske: { call: (n: string, i: unknown) => Promise<unknown> } }).uchaske.call(
      'auth.status',
      {},
    ),
  );
  expect(status).toMatchObject({ ok: true, data: { state: 'setup' } });

  // a station, then the journal's preview: the pages drawn by pdf.js in our page
  const bridgeCall = (name: string, input: unknown) =>
    win.evaluate(
      ([n, i]) =>
        (window as unknown as { uchaske: { call: (n: string, i: unknown) => Promise<unknown> } }).uchaske.call(n, i),
      [name, input] as const,
    );
  await win.evaluate(() => localStorage.setItem('uchaske.language', 'ru'));
  expect(await bridgeCall('setup.create', STATION)).toMatchObject({ ok: true });
  await win.reload();
  await win.evaluate(() => (window.location.hash = '/reception'));
  await win.getByRole('button', { name: 'Печать журнала' }).click();
  await win.getByRole('menuitem', { name: 'PDF на русском' }).click();
  const sheet = await preview(win);
  await expect(sheet.getByTestId('preview-pages')).toHaveText('Страница 1 из 1');

  // Ctrl+P: the main process prints the page (its print container) on A4 in the page's orientation; the system
  // dialog itself is replaced here, since a test cannot press its buttons
  await app.evaluate(({ BrowserWindow }) => {
    const wc = BrowserWindow.getAllWindows()[0]!.webContents;
    const g = globalThis as unknown as { printed?: unknown };
    wc.print = ((opts: unknown, cb?: (ok: boolean, reason: string) => void) => {
      g.printed = opts;
      cb?.(true, '');
    }) as typeof wc.print;
  });
  await win.keyboard.press('Control+KeyP');
  await expect
    .poll(() => app.evaluate(() => (globalThis as unknown as { printed?: unknown }).printed))
    .toMatchObject({ silent: false, landscape: true, pageSize: 'A4' });

  // Save: the save dialog's choice, written by the main process
  const target = path.join(userData, 'journal.pdf');
  await app.evaluate(({ dialog }, file) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: file })) as typeof dialog.showSaveDialog;
  }, target);
  await sheet.getByRole('button', { name: 'Сохранить' }).click();
  await expect.poll(() => fs.existsSync(target)).toBe(true);
  expect(execFileSync('pdftotext', ['-enc', 'UTF-8', target, '-'], { encoding: 'utf8' })).toContain(
    'ЖУРНАЛ ПРИЁМА ГРАЖДАН',
  );
  expect(fs.readdirSync(userData).filter((f) => f.endsWith('.partial') || f === 'saves-in-progress.json')).toEqual([]);
  await win.keyboard.press('Escape');

  // the backend is a utility process: killed, it comes back locked and the window says so
  const utility = await app.evaluate(({ app: a }) => a.getAppMetrics().find((m) => m.type === 'Utility')?.pid);
  expect(utility).toBeTruthy();
  process.kill(utility!, 'SIGKILL');
  await expect
    .poll(async () => bridgeCall('auth.status', {}), { timeout: 20_000 })
    .toMatchObject({
      ok: true,
      data: { state: 'locked' },
    });

  await app.close();
  fs.rmSync(userData, { recursive: true, force: true });
});

// Runs only where the Electron binary exists: electron-updater in the utility process, a release on a USB folder.
test('Electron: an update checked and fetched from a local folder, refused once its manifest is edited', async () => {
  test.skip(!bin, 'no Electron binary on this machine');
  const key = generateReleaseKey();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-electron-update-'));
  const usb = releaseFolder(path.join(work, 'usb'), '9.9.0', key.privatePem);
  const app = await electron.launch({
    executablePath: bin!,
    args: [path.join(ROOT, 'out', 'main', 'index.js'), `--user-data-dir=${path.join(work, 'user')}`],
    env: { ...process.env, UCHASKE_TEST_UPDATE_KEYS: key.publicKey },
  });
  const win = await app.firstWindow();
  const bridgeCall = (name: string, input: unknown) =>
    win.evaluate(
      ([n, i]) =>
        (window as unknown as { uchaske: { call: (n: string, i: unknown) => Promise<unknown> } }).uchaske.call(n, i),
      [name, input] as const,
    );
  expect(await bridgeCall('setup.create', STATION)).toMatchObject({ ok: true });
  await bridgeCall('updates.setSource', { source: { kind: 'folder', folder: usb } });
  expect(await bridgeCall('updates.check', {})).toMatchObject({
    ok: true,
    data: { outcome: 'available', release: { version: '9.9.0' } },
  });
  expect(await bridgeCall('updates.download', {})).toMatchObject({ ok: true, data: { outcome: 'downloaded' } });
  fs.appendFileSync(path.join(usb, 'latest.yml'), '# edited\n');
  expect(await bridgeCall('updates.check', {})).toMatchObject({
    ok: true,
    data: { outcome: 'refused', messageKey: 'updates.refused.tampered' },
  });
  await app.close();
  fs.rmSync(work, { recursive: true, force: true });
});
