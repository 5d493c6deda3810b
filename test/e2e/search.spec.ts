import type { Page } from '@playwright/test';
import { makeIin } from '../../shared/iin';
import { test, expect, shot, apiCall, firstSignIn, STATION, paroleeFile } from './fixtures';

const user = (login: string, surname: string, role: string, sectionIds: number[]) => ({
  login,
  surname,
  name: 'Асқар',
  patronymic: '',
  rank: '',
  position: '',
  role,
  sectionIds,
  temporaryPassword: 'Temp-12345',
});

/** The box, opened with Ctrl+K from wherever the page is, and what was typed into it. */
async function search(page: Page, typed: string) {
  await expect(page.getByTestId('search-open')).toBeVisible();
  await page.keyboard.press('Control+k');
  const box = page.getByRole('textbox', { name: 'Поиск', exact: true });
  // Playwright types a Cyrillic letter as text, without the key events a keyboard sends: into the box once it has
  // the focus (the type-ahead of letters with key events is checked on its own below)
  await expect(box).toBeFocused();
  await page.keyboard.type(typed);
  await expect(box).toHaveValue(typed);
  return box;
}

/** A kind's group of hits, by its heading. */
const group = (page: Page, label: string) => page.getByRole('group', { name: label, exact: true });

test('search: Ctrl+K from the notebook finds a citizen typed on a Russian keyboard by his Kazakh name and opens his entry; a duty officer finds no person file; another section sees only that a file exists', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.evaluate(() => localStorage.setItem('uchaske.language', 'ru'));
  await apiCall(page, 'setup.create', STATION);
  const a = await apiCall<{ id: number }>(page, 'users.create', user('nurlanov', 'Нұрланов', 'inspector', [1]));
  await apiCall(page, 'users.create', user('omarova', 'Омарова', 'inspector', [2]));
  await apiCall(page, 'users.create', user('duty', 'Кезекшіұлы', 'dutyOfficer', []));
  const [safe] = await apiCall<{ id: number }[]>(page, 'prevention.saveSafe', { name: 'Сейф 1', location: '' });
  const citizen = {
    id: null,
    iin: makeIin('1988-04-21', 'male', 55),
    noIin: null,
    surname: 'Әбдіқалықов',
    name: 'Ерғали',
    patronymic: 'Серікұлы',
    address: 'Алматы қ., Жетісу к-сі, 7',
  };
  const entry = await apiCall<{ id: number; number: number; citizen: { id: number } }>(page, 'reception.create', {
    receivedAt: '2026-12-01T18:20',
    mode: 'inPerson',
    categoryCode: 'complaint',
    subject: 'Шум во дворе',
    action: 'explained',
    actionDetails: '',
    receiverId: 1,
    followUpDue: null,
    citizen,
  });
  await apiCall(page, 'prevention.create', paroleeFile(safe!.id, a.id, { ...citizen, id: entry.citizen.id }));
  // the inspector's notebook: an entry about the same street
  await apiCall(page, 'auth.lock', {});
  await firstSignIn(page, 'nurlanov');
  await apiCall(page, 'notebook.write', {
    kind: 'information',
    occurredAt: '2026-12-01T20:10',
    text: 'Жалоба жителей Жетісу к-сі, 7 на шум',
    passTo: '',
  });
  await apiCall(page, 'auth.lock', {});
  await apiCall(page, 'auth.unlock', { login: STATION.lead.login, password: STATION.lead.password });

  // the lead, at the notebook screen: Ctrl+K, the Kazakh name as a Russian keyboard types it
  await page.goto(`${app.url}#/notebook`);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Поиск по тексту' })).toBeVisible();
  await search(page, 'абдикалыков ерг');
  await expect(group(page, 'Граждане')).toContainText('Әбдіқалықов Ерғали Серікұлы');
  await expect(group(page, 'Учётные дела')).toContainText('Әбдіқалықов');
  const visits = group(page, 'Журнал приёма граждан');
  await expect(visits).toContainText(`${entry.number}/2026`);
  await expect(visits).toContainText('Әбдіқалықов Ерғали Серікұлы');
  await shot(page, '100-search-lead');
  // arrows to the visit, Enter opens it where it lives
  const hits = page.getByTestId('search-hit');
  const at = await hits.evaluateAll((els) => els.findIndex((e) => /\d+\/2026/.test(e.textContent ?? '')));
  for (let i = 0; i <= at; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/reception/${entry.id}$`));
  await expect(page.getByRole('textbox', { name: 'Поиск', exact: true })).toBeHidden();
  await expect(page.getByRole('dialog', { name: `Запись № ${entry.number}/2026` })).toContainText('Шум во дворе');
  await page.keyboard.press('Escape');

  // the citizen himself opens his card (issue 15): every visit, his file, his details and their versions
  await search(page, 'абдикалыков');
  await group(page, 'Граждане').getByTestId('search-hit').click();
  await expect(page).toHaveURL(new RegExp(`#/citizens/${entry.citizen.id}$`));
  const card = page.getByTestId('citizen-card');
  await expect(card.getByRole('heading', { name: 'Әбдіқалықов Ерғали Серікұлы' })).toBeVisible();
  await expect(card).toContainText('Алматы қ., Жетісу к-сі, 7');
  await expect(card.getByRole('row', { name: `№ ${entry.number}/2026` })).toContainText('Шум во дворе');
  await card.getByRole('tab', { name: /Учётные дела/ }).click();
  await expect(card.getByRole('tabpanel')).toContainText('17-1');
  await expect(card.getByRole('tabpanel')).toContainText('2 — УДО');
  // his address corrected from the card: the old one stays as a version, with who and why
  await card.getByRole('button', { name: 'Исправить данные…' }).click();
  const fix = page.getByRole('dialog', { name: 'Исправление данных человека' });
  await fix.getByRole('textbox', { name: 'Адрес', exact: true }).fill('Алматы қ., Жетісу к-сі, 9');
  await fix.getByRole('textbox', { name: /Причина исправления/ }).fill('переехал в соседний дом');
  await page.keyboard.press('Control+Enter');
  await expect(fix).toBeHidden();
  await expect(card).toContainText('Алматы қ., Жетісу к-сі, 9');
  await card.getByRole('tab', { name: /Версии данных/ }).click();
  const versions = card.getByRole('tabpanel').getByRole('row');
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(1)).toContainText('исправлен');
  await expect(versions.nth(1)).toContainText('переехал в соседний дом');
  await expect(versions.nth(2)).toContainText('Алматы қ., Жетісу к-сі, 7');
  await page.waitForTimeout(500);
  await shot(page, '104-citizen-card-versions');
  await card.getByRole('tab', { name: /Обращения/ }).click();
  await page.waitForTimeout(500);
  await shot(page, '105-citizen-card');
  // a visit opens where it lives; its citizen's name leads back to the card
  await card.getByRole('row', { name: `№ ${entry.number}/2026` }).click();
  await expect(page).toHaveURL(new RegExp(`#/reception/${entry.id}$`));
  await page.getByRole('dialog').getByRole('button', { name: 'Әбдіқалықов Ерғали Серікұлы' }).click();
  await expect(page).toHaveURL(new RegExp(`#/citizens/${entry.citizen.id}$`));
  // all his visits in the journal, not only today's
  await page.getByRole('button', { name: 'Все обращения в журнале' }).click();
  await expect(page).toHaveURL(new RegExp(`#/reception/citizen/${entry.citizen.id}$`));
  await expect(page.getByTestId('citizen-filter')).toHaveText('Обращения гражданина: Әбдіқалықов Ерғали Серікұлы');
  await expect(page.getByRole('row', { name: `№ ${entry.number} Әбдіқалықов Ерғали Серікұлы` })).toBeVisible();
  await page.waitForTimeout(1000);
  await shot(page, '103-citizen-visits');
  await page.getByRole('button', { name: 'Карточка гражданина' }).click();
  await expect(page).toHaveURL(new RegExp(`#/citizens/${entry.citizen.id}$`));
  // in Kazakh, the same card
  await page.getByText('Қазақша', { exact: true }).click();
  await expect(page.getByRole('tab', { name: /Деректер нұсқалары/ })).toBeVisible();
  await page.waitForTimeout(500);
  await shot(page, '106-citizen-card-kk');
  await page.getByText('Русский', { exact: true }).click();

  // an address fragment finds the notebook entry; Enter opens the notebook at it
  await search(page, 'жетису 7');
  await expect(group(page, 'Рабочие тетради')).toContainText('Текст: Жалоба жителей Жетісу к-сі, 7 на шум');
  await group(page, 'Рабочие тетради').getByTestId('search-hit').click();
  await expect(page).toHaveURL(new RegExp(`#/notebook/${a.id}/\\d+$`));
  await expect(page.getByTestId('notebook-entry').first()).toContainText('Жалоба жителей');

  // on the English layout by mistake, typed at once after Ctrl+K (real key events): the box takes every letter, and
  // "f,lbrfksrjd" is what "абдикалыков" comes out as
  await page.keyboard.press('Control+k');
  await page.keyboard.type('f,lbrfksrjd');
  await expect(page.getByRole('textbox', { name: 'Поиск', exact: true })).toHaveValue('f,lbrfksrjd');
  await expect(group(page, 'Граждане')).toContainText('Әбдіқалықов Ерғали Серікұлы');
  await page.keyboard.press('Escape');

  // a person file from the search asks the purpose first (p.15)
  await search(page, 'абдикалыков');
  await group(page, 'Учётные дела').getByTestId('search-hit').click();
  await expect(page.getByRole('dialog', { name: 'Цель обращения к делу' })).toBeVisible();
  await page.keyboard.press('Escape');

  // the duty officer reads notebooks, not person files
  await apiCall(page, 'auth.lock', {});
  await firstSignIn(page, 'duty');
  await page.goto(`${app.url}#/notebook`);
  await page.reload();
  await search(page, 'абдикалыков');
  await expect(page.getByText('Ничего не найдено')).toBeVisible();
  await expect(group(page, 'Учётные дела')).toHaveCount(0);
  await page.keyboard.press('Escape');

  // the inspector of section 17-2: the file exists at 17-1, with its inspector, and nothing of its contents
  await apiCall(page, 'auth.lock', {});
  await firstSignIn(page, 'omarova');
  await page.goto(`${app.url}#/today`);
  await page.reload();
  // the header's button opens the same box
  await page.getByTestId('search-open').click();
  await expect(page.getByRole('textbox', { name: 'Поиск', exact: true })).toBeFocused();
  await page.keyboard.type('абдикалыков');
  const files = group(page, 'Учётные дела');
  await expect(files).toContainText('Учётное дело ведётся на участке 17-1, инспектор Нұрланов А.');
  await expect(files).not.toContainText('полка');
  await shot(page, '101-search-restricted');
  await files.getByTestId('search-hit').click();
  await expect(page.getByText(/Это дело другого участка/)).toBeVisible();
});
