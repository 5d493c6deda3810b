import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { _electron as electron } from '@playwright/test';
import { test, expect, ROOT } from './fixtures';
import { electronBinary } from '../../scripts/electron-binary.mjs';

const bin = electronBinary();

// Runs only where the Electron binary exists; these machines cannot download it.
test('Electron smoke: hardened window, the bridge, the backend behind IPC', async () => {
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
  await app.close();
  fs.rmSync(userData, { recursive: true, force: true });
});
