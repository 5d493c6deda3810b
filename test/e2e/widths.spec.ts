import type { Page } from '@playwright/test';
import { test, expect, apiCall, newStation, firstSignIn, shot, DIALOGS, label, NURLANOV } from './fixtures';

const ROUTES = [
  'today',
  'reception',
  'notebook',
  'prevention',
  'meetings',
  'plans',
  'lists/firearms',
  'lists/probation',
  'lists/foreigners',
  'lists/applicants',
  'passport',
  'handover',
  'tours',
  'figures',
  'staff',
  'users',
  'station',
];
/** Latin a kk/ru screen may show: keys, file kinds and programs by their names, the logins */
const LATIN_OK = new Set([
  'Ctrl',
  'Enter',
  'Esc',
  'Shift',
  'Tab',
  'Excel',
  'USB',
  'Windows',
  'PDF',
  'abdikadyrov',
  'nurlanov',
]);

/** What a person sees cut off or in English: text wider than its cell, badge, button, tab or label; a placeholder
 * wider than its field; Latin words outside the allowed ones. */
async function defects(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const out: string[] = [];
    const boxes =
      'th, th .mantine-datatable-ellipsis, td, .mantine-Badge-label, button, .mantine-Tabs-tab, label, ' +
      '.mantine-SegmentedControl-label, .mantine-NavLink-label';
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(boxes))) {
      if (el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
        out.push(`cut: ${el.innerText.slice(0, 60)}`);
    }
    const ctx = document.createElement('canvas').getContext('2d')!;
    for (const el of Array.from(
      document.querySelectorAll<HTMLInputElement>(
        'input[placeholder], textarea[placeholder], input[readonly], input[aria-haspopup]',
      ),
    )) {
      if (el.offsetParent === null) continue;
      const cs = getComputedStyle(el);
      ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
      const room = el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
      // an empty box's hint, or the choice a list shows in its box (what the program put there, not a typed text)
      const list = el.readOnly || el.hasAttribute('aria-haspopup');
      const shown = list ? el.value || el.placeholder : el.value ? '' : el.placeholder;
      if (shown && ctx.measureText(shown).width > room + 1)
        out.push(`${el.value ? 'value' : 'placeholder'} cut: ${shown}`);
    }
    return { out, latin: document.body.innerText.match(/[A-Za-z]{2,}/g) ?? [] };
  });
  return [...found.out, ...found.latin.filter((w) => !LATIN_OK.has(w)).map((w) => `latin: ${w}`)];
}

async function scan(page: Page, url: string, routes: string[], open?: (route: string) => Promise<void>) {
  const all: string[] = [];
  for (const lang of ['kk', 'ru']) {
    await page.evaluate((l) => localStorage.setItem('uchaske.language', l), lang);
    for (const r of routes) {
      await page.goto(`${url}#/${r}`);
      await page.reload();
      await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      all.push(...(await defects(page)).map((d) => `${lang} ${r}: ${d}`));
      if (r === 'reception' && !open) await shot(page, `27b-reception-widths-${lang}`);
      if (open) {
        await open(r);
        all.push(...(await defects(page)).map((d) => `${lang} ${r} (form): ${d}`));
      }
      for (const key of open ? [] : (DIALOGS[r] ?? [])) {
        await page
          .getByRole('main')
          .getByRole('button', { name: label(lang, key), exact: true })
          .click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        await page.waitForTimeout(300);
        all.push(...(await defects(page)).map((d) => `${lang} ${r} (${key}): ${d}`));
        // Esc: a list opened by the first field's focus closes first, then the dialog
        await page.keyboard.press('Escape');
        await page.waitForTimeout(200);
        if (await dialog.isVisible()) await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
    }
  }
  return all;
}

test('nothing is cut off at 1366×768 and nothing is in English, on every screen and the desk forms, in Kazakh and Russian (issue 15)', async ({
  page,
  app,
}) => {
  test.setTimeout(240_000);
  await newStation(page, app.url);
  const day = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
  // a visit with a follow-up: the longest badge and names of the journal
  const visit = await apiCall<{ citizen: { id: number } }>(page, 'reception.create', {
    receivedAt: `${day}T18:20`,
    mode: 'inPerson',
    categoryCode: 'complaint',
    subject: 'Шум после 23:00',
    action: 'explained',
    actionDetails: '',
    receiverId: 1,
    followUpDue: day,
    citizen: { id: null, iin: '', noIin: 'unknown', surname: 'Қасымов', name: 'Бауыржан', patronymic: 'Ерланұлы' },
  });
  expect(await scan(page, app.url, [...ROUTES, `citizens/${visit.citizen.id}`])).toEqual([]);

  // the desk's forms, as the inspector opens them with F2
  await apiCall(page, 'users.create', NURLANOV);
  await firstSignIn(page, NURLANOV.login);
  expect(
    await scan(page, app.url, ['reception', 'notebook'], async () => {
      await page.keyboard.press('F2');
      await expect(page.getByRole('dialog')).toBeVisible();
    }),
  ).toEqual([]);
});
