import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// the backend runs in this process: give it the station's zone, as on the station PC where the window and the backend
// share one clock
process.env.TZ = 'Asia/Almaty';

// Debian's Chromium: Playwright's own browser download cannot reach these machines
const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 1,
  reporter: [['list']],
  use: {
    viewport: { width: 1366, height: 768 },
    locale: 'ru-RU',
    timezoneId: 'Asia/Almaty',
    acceptDownloads: true,
    actionTimeout: 15_000,
    launchOptions: {
      executablePath: process.env.UCHASKE_CHROMIUM ?? chromium,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
