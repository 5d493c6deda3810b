import dayjs from 'dayjs';
import { makeIin } from '../../shared/iin';
import type { Page } from '@playwright/test';
import { test, expect, shot, apiCall, STATION, saveFromPreview } from './fixtures';

const inspector = (login: string, surname: string, sectionIds: number[]) => ({
  login,
  surname,
  name: 'Асқар',
  patronymic: '',
  rank: '',
  position: '',
  role: 'inspector',
  sectionIds,
  temporaryPassword: 'Temp-12345',
});

/** This quarter: three visits received by Нұрланов (17-1), one by Омарова (17-2), all a day ago. */
async function quarterStation(page: Page, url: string) {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(url);
  await page.evaluate(() => localStorage.setItem('uchaske.language', 'ru'));
  await apiCall(page, 'setup.create', STATION);
  const a = await apiCall<{ id: number }>(page, 'users.create', inspector('nurlanov', 'Нұрланов', [1]));
  const b = await apiCall<{ id: number }>(page, 'users.create', inspector('omarova', 'Омарова', [2]));
  const day = dayjs().subtract(1, 'day').format('YYYY-MM-DD');
  const visits: [number, number][] = [
    [a.id, 1],
    [a.id, 2],
    [a.id, 3],
    [b.id, 4],
  ];
  for (const [receiverId, n] of visits)
    await apiCall(page, 'reception.create', {
      receivedAt: `${day}T18:${String(10 + n)}`,
      mode: 'inPerson',
      categoryCode: 'complaint',
      subject: 'Шум во дворе',
      action: 'explained',
      actionDetails: '',
      receiverId,
      followUpDue: null,
      citizen: {
        id: null,
        iin: makeIin('1980-01-01', 'male', 10 + n),
        noIin: null,
        surname: `Тестов${n}`,
        name: 'Ерлан',
      },
    });
  return { a, b };
}

/** The figures screen of this quarter, as the lead opens it. */
async function openQuarter(page: Page, url: string) {
  await page.goto(`${url}#/figures`);
  await page.reload();
  await page.getByRole('combobox', { name: 'Период' }).click();
  await page.getByRole('option', { name: 'Квартал' }).click();
}

test('figures: the lead’s quarter shows the inspectors’ bars and prints the справка in both languages', async ({
  page,
  app,
}) => {
  const { a } = await quarterStation(page, app.url);

  await openQuarter(page, app.url);
  const table = page.getByTestId('figures-table');
  const row = table.getByRole('row', { name: /^Принято граждан/ });
  await expect(row).toContainText('3 (+3)');
  await expect(row).toContainText('1 (+1)');
  await expect(row).toContainText('4 (+4)');
  // the bars: one group per inspector (the lead counts too, p.26)
  const bars = page.getByTestId('figures-bars');
  await expect(bars.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(bars).toContainText('Нұрланов А.');
  await expect(bars).toContainText('Омарова А.');
  await shot(page, '102-figures-quarter');

  for (const [item, title, line] of [
    ['Справка на русском', 'Справка к итоговому совещанию', 'Принято граждан'],
    ['Справка на казахском', 'Қорытынды кеңеске анықтама', 'Қабылданған азаматтар'],
  ] as const) {
    await page.getByRole('button', { name: 'Справка к совещанию' }).click();
    await page.getByRole('menuitem', { name: item }).click();
    const text = (await saveFromPreview(page)).replace(/\s+/g, ' ');
    expect(text).toContain(title);
    expect(text).toContain(line);
    expect(text).toContain('Нұрланов А.');
    expect(text).toContain('Омарова А.');
  }

  // a figure opens the entries it counts: Нұрланов's three visits of the quarter in the journal
  await row.getByRole('button', { name: '3', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#/reception/period/\\d{4}-\\d{2}-01/\\d{4}-\\d{2}-\\d{2}/${a.id}/all$`));
  await expect(page.getByRole('row', { name: /Тестов\d/ })).toHaveCount(3);
});

test('figures by section: a section’s column, and a figure that lists its entries and opens one where it lives', async ({
  page,
  app,
}) => {
  await quarterStation(page, app.url);
  const owner = await apiCall<{ id: number }>(page, 'lists.saveFirearmOwner', {
    sectionId: 1,
    citizen: { id: null, iin: makeIin('1970-05-02', 'male', 12), noIin: null, surname: 'Жұмабаев', name: 'Серік' },
    address: 'ул. Сейфуллина, 12',
    weapons: [{ kind: 'ружьё', serial: 'A1' }],
    permitBy: 'УП',
    permitOn: '2024-03-15',
  });
  await openQuarter(page, app.url);
  await page.getByTestId('figures-view').getByText('По участкам').click();
  const table = page.getByTestId('figures-table');
  await expect(table.getByRole('columnheader', { name: /Участок 17-1\s*Нұрланов А\./ })).toBeVisible();
  const row = table.getByRole('row', { name: /^Принято граждан/ });
  await expect(row).toContainText('3 (+3)');
  await expect(row).toContainText('1 (+1)');
  await expect(page.getByTestId('figures-bars')).toContainText('Участок 17-2');
  await shot(page, '103-figures-sections');

  // a section's visits have several receivers: the figure lists them beside the table, newest first
  await page.getByTestId('figure-receptions-s1').click();
  const list = page.getByTestId('figure-entries');
  await expect(list.getByTestId('figure-entry')).toHaveCount(3);
  await expect(list.getByTestId('figure-entry').first()).toContainText('Тестов3');
  await expect(list).toContainText('Записей: 3');
  await shot(page, '104-figures-entries');
  await list.getByTestId('figure-entry').first().click();
  await expect(page).toHaveURL(/#\/reception\/\d+$/);
  await expect(page.getByRole('dialog')).toContainText('Тестов3');

  // the section's firearm owner opens in its list
  await openQuarter(page, app.url);
  await page.getByTestId('figures-view').getByText('По участкам').click();
  await page.getByTestId('figure-firearmOwners-s1').click();
  await expect(page.getByTestId('figure-entries')).toContainText('Жұмабаев Серік');
  await page.getByTestId('figure-entry').first().press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/lists/firearms/${owner.id}$`));

  // the same in Kazakh: the section's column and the list beside the table
  await openQuarter(page, app.url);
  await page.getByText('Қазақша').click();
  await page.getByTestId('figures-view').getByText('Учаскелер бойынша').click();
  await expect(page.getByTestId('figures-table').getByRole('columnheader', { name: /17-1 учаскесі/ })).toBeVisible();
  await page.getByTestId('figure-firearmOwners-s1').click();
  await expect(page.getByTestId('figure-entries')).toContainText('Жазбалар саны: 1');
  await shot(page, '105-figures-entries-kk');
});
