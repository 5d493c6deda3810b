import dayjs from 'dayjs';
import { makeIin } from '../../shared/iin';
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

test('figures: the lead’s quarter shows the inspectors’ bars and prints the справка in both languages', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.evaluate(() => localStorage.setItem('uchaske.language', 'ru'));
  await apiCall(page, 'setup.create', STATION);
  const a = await apiCall<{ id: number }>(page, 'users.create', inspector('nurlanov', 'Нұрланов', [1]));
  const b = await apiCall<{ id: number }>(page, 'users.create', inspector('omarova', 'Омарова', [2]));
  // this quarter: three visits received by Нұрланов, one by Омарова, all a day ago
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

  await page.goto(`${app.url}#/figures`);
  await page.reload();
  await page.getByRole('combobox', { name: 'Период' }).click();
  await page.getByRole('option', { name: 'Квартал' }).click();
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
    await page.getByRole('button', { name: 'Справка' }).click();
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
