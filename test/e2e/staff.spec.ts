import { test, expect, shot, field, apiCall, STATION, newStation } from './fixtures';

test('staff: a long absence without cover shows on Today with p.6, the cover order fixes it; calendar; no typed text lost', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await apiCall(page, 'setup.create', STATION);
  const omarova = await apiCall<{ id: number }>(page, 'users.create', {
    surname: 'Омарова',
    name: 'Әсел',
    patronymic: '',
    rank: 'капитан полиции',
    position: 'УИП',
    role: 'inspector',
    sectionIds: [2, 3],
    login: 'omarova',
    temporaryPassword: 'Temp-12345',
  });
  await apiCall(page, 'users.create', {
    surname: 'Серікбаев',
    name: 'Данияр',
    patronymic: '',
    rank: 'аға лейтенант',
    position: 'УИП',
    role: 'inspector',
    sectionIds: [1],
    login: 'serikbayev',
    temporaryPassword: 'Temp-12345',
  });
  await page.reload();

  // --- the absence form tells the p.6 rule while typing ---
  await page.getByRole('link', { name: 'Жеке құрам' }).click();
  await page.getByRole('button', { name: 'Болмау', exact: true }).click();
  const dialog = page.getByRole('dialog');
  await field(dialog, 'Қызметкер').click();
  await page.getByRole('option', { name: /Омарова/ }).click();
  await field(dialog, 'Түрі').click();
  await page.getByRole('option', { name: 'демалыс' }).click();
  await field(dialog, 'Бастап').fill('02.11.2026');
  await field(dialog, 'Дейін').fill('06.11.2026');
  await field(dialog, 'Бастап').click();
  await expect(dialog.getByTestId('cover-rule')).toContainText('Жұмыс күндері: 5');
  await expect(dialog.getByTestId('cover-rule')).toContainText('алмастыру талап етілмейді');
  await field(dialog, 'Дейін').fill('31.12.2026');
  await field(dialog, 'Бастап').click();
  await expect(dialog.getByTestId('cover-rule')).toContainText('6-т.');
  await shot(page, '11-absence-form');

  // the first Esc closes the open calendar only; the next, with typed text, asks first; "back" keeps everything
  await page.keyboard.press('Escape');
  await expect(page.getByText('Сақтамай жабу керек пе?')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByText('Сақтамай жабу керек пе?')).toBeVisible();
  await page.getByRole('button', { name: 'Артқа' }).click();
  await expect(field(dialog, 'Бастап')).toHaveValue('02.11.2026');
  await dialog.getByRole('button', { name: 'Сақтау' }).click();
  await expect(dialog).toBeHidden();

  const absenceRow = page.getByRole('row').filter({ hasText: 'Омарова' }).filter({ hasText: 'демалыс' });
  await expect(absenceRow).toContainText('02.11.2026 – 31.12.2026');
  await expect(absenceRow).toContainText('тағайындалмаған');

  // --- Today: the missing cover, citing p.6 ---
  await page.getByRole('link', { name: 'Бүгін' }).click();
  // the cover item; other rules (meetings of the quarter) may stand beside it
  const due = page.getByTestId('due-item').filter({ hasText: 'бес жұмыс күнінен асады' });
  await expect(due).toHaveCount(1);
  await expect(due).toContainText('Омарова Ә.: 02.11.2026 бастап 31.12.2026 дейінгі болмауы бес жұмыс күнінен асады');
  await expect(due).toContainText('6-т.');
  await shot(page, '12-today-cover-missing');

  // --- the chief's order names the covering inspector; cover follows everywhere ---
  const absences = await apiCall<{ id: number; userId: number }[]>(page, 'staff.absences', {});
  await apiCall(page, 'staff.cancelAbsence', {
    id: absences.find((a) => a.userId === omarova.id)!.id,
    reason: 'бұйрық шықты',
  });
  await page.getByRole('link', { name: 'Жеке құрам' }).click();
  await page.getByRole('button', { name: 'Болмау', exact: true }).click();
  await field(dialog, 'Қызметкер').click();
  await page.getByRole('option', { name: /Омарова/ }).click();
  await field(dialog, 'Бастап').fill('02.11.2026');
  await field(dialog, 'Дейін').fill('31.12.2026');
  await field(dialog, 'Алмастыратын инспектор').click();
  await page.getByRole('option', { name: /Серікбаев/ }).click();
  await dialog.getByRole('button', { name: 'Сақтау' }).click();
  await expect(dialog.getByText('Алмастыру туралы бұйрықтың нөмірі мен күнін көрсетіңіз')).toBeVisible();
  await field(dialog, 'Бұйрық №').fill('245');
  await field(dialog, 'Бұйрық күні').fill('30.10.2026');
  await dialog.getByRole('button', { name: 'Сақтау' }).click();
  await expect(dialog).toBeHidden();
  const serikbayev = page.getByRole('row').filter({ hasText: 'Серікбаев Данияр' });
  await expect(serikbayev).toContainText('алмастырады: 17-2, 17-3');
  await expect(page.getByRole('row').filter({ hasText: 'Омарова Әсел' }).first()).toContainText('жоқ');
  await shot(page, '13-staff-kk');
  await page.getByRole('link', { name: 'Бүгін' }).click();
  await expect(page.getByTestId('due-item').first()).toBeVisible();
  await expect(page.getByTestId('due-item').filter({ hasText: 'бес жұмыс күнінен асады' })).toHaveCount(0);

  // --- station screen and the calendar, in Russian ---
  await page.getByText('Русский').click();
  await page.getByRole('link', { name: 'УПП и настройки' }).click();
  await expect(page.getByRole('row').filter({ hasText: '16.12.2026' })).toContainText('День Независимости');
  await field(page, 'Дата').fill('28.11.2026');
  // Tab on to the next field and choose by keyboard: the list opens on its current value
  await page.keyboard.press('Tab');
  const change = page.getByRole('combobox', { name: 'Изменение' });
  await expect(change).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option', { name: 'рабочий день' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(change).toHaveValue('рабочий день');
  await field(page, 'Название').fill('перенос с 07.12');
  await page.getByRole('button', { name: 'Сохранить' }).last().click();
  await expect(page.getByRole('row').filter({ hasText: '28.11.2026' })).toContainText('рабочий (перенос)');
  await field(page, 'Название на казахском').fill('Жол қозғалысы');
  await field(page, 'Название на русском').fill('Дорожное движение');
  await page.getByRole('button', { name: 'Новая категория' }).click();
  await expect(page.getByText('Жол қозғалысы / Дорожное движение')).toBeVisible();
  await page.getByRole('button', { name: 'Проверить журнал изменений' }).click();
  await expect(page.getByRole('status')).toContainText('Журнал изменений цел');
  await shot(page, '14-station-ru');
  await page.getByRole('link', { name: 'Личный состав' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Серікбаев Данияр' })).toContainText('замещает: 17-2, 17-3');
  await shot(page, '15-staff-ru');
});

test('the screen locks itself after the idle time and forgets what it showed', async ({ page, app }) => {
  await page.clock.install();
  await page.goto(app.url);
  await apiCall(page, 'setup.create', STATION);
  await apiCall(page, 'station.updateSettings', {
    idleMinutes: 2,
    receptionFrom: '18:00',
    receptionTo: '21:00',
    backupKeep: 14,
  });
  await page.reload();
  await page.getByRole('link', { name: 'Пайдаланушылар' }).click();
  await expect(page.getByText('Әбдіқадыров Ерлан Серікұлы')).toBeVisible();
  await page.clock.fastForward('01:00');
  await expect(page.getByText('Әбдіқадыров Ерлан Серікұлы')).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { name: 'Кіру', exact: true })).toBeVisible();
  await expect(page.getByText('Әбдіқадыров')).toHaveCount(0);
  expect((await apiCall<{ state: string }>(page, 'auth.status', {})).state).toBe('locked');
});

test("p.6: the station records adjacent sections; a cover by another section's inspector needs the reason of the chief's order", async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await newStation(page, app.url);
  for (const [login, sec] of [
    ['first', 1],
    ['third', 3],
  ] as const)
    await apiCall(page, 'users.create', {
      surname: login === 'first' ? 'Бірінші' : 'Үшінші',
      name: 'Тест',
      patronymic: '',
      rank: '',
      position: '',
      role: 'inspector',
      sectionIds: [sec],
      login,
      temporaryPassword: 'Temp-12345',
    });
  await page.goto(`${app.url}#/station`);
  await page.reload();
  await page.getByRole('row').filter({ hasText: '17-1' }).getByRole('button', { name: 'Изменить' }).click();
  const d = page.getByRole('dialog');
  await d.getByText('Смежные участки', { exact: true }).click();
  await page.getByRole('option', { name: '17-2' }).click();
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  await shot(page, '13a-section-adjacent');
  await d.getByRole('button', { name: 'Сохранить' }).click();
  await expect(d).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '17-2' }).first()).toContainText('17-1');
  await page.goto(`${app.url}#/staff`);
  await page.reload();
  await page.getByRole('button', { name: 'Отсутствие', exact: true }).click();
  const f = page.getByRole('dialog');
  await field(f, 'Сотрудник').click();
  await page.getByRole('option', { name: /Бірінші/ }).click();
  await field(f, 'Замещающий инспектор').click();
  await page.getByRole('option', { name: /Үшінші/ }).click();
  const reason = field(f, 'Несмежный участок: основание по приказу начальника');
  await expect(reason).toBeVisible();
  await field(f, 'Приказ №').fill('145');
  await field(f, 'Дата приказа').fill('04.12.2026');
  await field(f, 'Приказ №').click();
  await f.getByRole('button', { name: 'Сохранить' }).click();
  await expect(f.getByText('Замещает инспектор смежного участка (п.6)')).toBeVisible();
  await reason.fill('инспектор участка 17-2 в командировке');
  await shot(page, '13b-absence-non-adjacent');
  await f.getByRole('button', { name: 'Сохранить' }).click();
  await expect(f).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'Бірінші' }).last()).toContainText(
    'инспектор участка 17-2 в командировке',
  );
});
