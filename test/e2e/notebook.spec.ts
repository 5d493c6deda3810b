import type { Page } from '@playwright/test';
import { test, expect, shot, field, apiCall, pickOption, STATION, saveFromPreview } from './fixtures';

async function login(page: Page, login: string, password: string) {
  const lock = page.getByRole('button', { name: /Заблокировать|Бұғаттау/ });
  if (await lock.isVisible()) await lock.click();
  await field(page, 'Логин').fill(login);
  await field(page, 'Пароль').fill(password);
  await page.keyboard.press('Enter');
}

/** The kind of entry, chosen by typing part of its name. */
async function kind(page: Page, typed: string, option: string) {
  await pickOption(page, field(page.getByRole('dialog'), 'Вид записи'), typed, option);
}

test('notebooks: an instruction to two inspectors, a tour and information passed on, the register, a review with a remark, the printed extract', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.evaluate(() => localStorage.setItem('uchaske.language', 'ru'));
  await apiCall(page, 'setup.create', STATION);
  const people = [
    { login: 'nurlanov', surname: 'Нұрланов', name: 'Асқар', role: 'inspector', sectionIds: [1] },
    { login: 'omarova', surname: 'Омарова', name: 'Әсел', role: 'inspector', sectionIds: [2] },
    { login: 'duty', surname: 'Кезекшіұлы', name: 'Бақыт', role: 'dutyOfficer', sectionIds: [] },
  ];
  for (const p of people) {
    const u = await apiCall<{ id: number }>(page, 'users.create', {
      ...p,
      patronymic: '',
      rank: '',
      position: 'УИП',
      temporaryPassword: 'Temp-12345',
    });
    await apiCall(page, 'users.resetPassword', { id: u.id, temporaryPassword: 'Temp-12345' });
  }
  // each sets his own password once
  for (const p of people) {
    await apiCall(page, 'auth.unlock', { login: p.login, password: 'Temp-12345' });
    await apiCall(page, 'auth.changePassword', { currentPassword: 'Temp-12345', newPassword: 'Own-pass-2026' });
  }
  await apiCall(page, 'auth.unlock', { login: 'abdikadyrov', password: STATION.lead.password });
  await page.goto(`${app.url}#/notebook`);
  await page.reload();

  // --- the UPP lead gives one instruction to two inspectors ---
  await page.getByRole('button', { name: 'Дать поручение' }).click();
  const dialog = page.getByRole('dialog');
  await field(dialog, 'Кому').focus();
  for (const who of ['Нұрланов', 'Омарова']) {
    await page.keyboard.type(who);
    await expect(page.getByRole('option', { name: new RegExp(who) })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
  }
  await field(dialog, 'Текст записи').fill('Проверить освещение подъездов по ул. Сейфуллина');
  await field(dialog, 'Ожидаемый результат').fill('рапорт');
  await shot(page, '30-notebook-instruct');
  await dialog.getByRole('button', { name: 'Дать поручение' }).click();
  await expect(dialog).toBeHidden();

  // --- the inspector: the instruction in his notebook, a tour, information to pass on ---
  await login(page, 'nurlanov', 'Own-pass-2026');
  await page.getByRole('link', { name: 'Рабочая тетрадь' }).click();
  const entries = page.getByTestId('notebook-entry');
  await expect(entries.first()).toContainText('Проверить освещение подъездов');
  await expect(entries.first()).toContainText('поручил Әбдіқадыров Е. С.');
  await page.keyboard.press('F2');
  await kind(page, 'обход', 'обход участка');
  await field(dialog, 'Текст записи').fill('Обход: Сейфуллина 1–15, в подъезде д. 7 не горит свет');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await page.keyboard.press('F2');
  await kind(page, 'для пер', 'информация для передачи');
  await field(dialog, 'Текст записи').fill('Во дворе д. 7 продают алкоголь подросткам');
  await field(dialog, 'Адрес').fill('Сейфуллина, 7');
  await shot(page, '35-notebook-entry-form');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Укажите, в какое подразделение или орган передать')).toBeVisible();
  await field(dialog, 'Кому передать (подразделение, орган)').fill('ОДН УП Турксибского района');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  // the text search narrows the notebook (any case)
  await field(page, 'Поиск по тексту').fill('АЛКОГОЛЬ');
  await expect(entries).toHaveCount(1);
  await field(page, 'Поиск по тексту').fill('');
  await expect(entries).toHaveCount(3);
  await page.getByRole('link', { name: 'Сегодня' }).click();
  await expect(page.getByTestId('due-item').filter({ hasText: 'ОДН УП Турксибского района' })).toContainText('п. 22');
  await page.getByRole('link', { name: 'Рабочая тетрадь' }).click();
  await page.getByRole('button', { name: 'Передано' }).click();
  await field(dialog, 'Как передано').fill('телефонограмма');
  await field(dialog, 'Исходящий №').fill('17/345');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(entries.first()).toContainText('исх. № 17/345');
  await expect(entries.first()).toContainText('Сейфуллина, 7');
  await shot(page, '31-notebook-inspector');

  // --- the lead sees it in the register and files the check result ---
  await login(page, 'abdikadyrov', STATION.lead.password);
  await page.getByRole('link', { name: 'Рабочая тетрадь' }).click();
  await page.getByRole('tab', { name: 'Журнал переданной информации' }).click();
  const row = page.getByRole('row').filter({ hasText: 'ОДН УП Турксибского района' });
  await expect(row).toContainText('Нұрланов А.');
  await row.getByRole('button', { name: 'Внести результат' }).click();
  await field(dialog, 'Результат проверки').fill('Проверено ОДН, составлен протокол');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(row).toContainText('Проверено ОДН, составлен протокол');
  await shot(page, '32-notebook-register');

  // --- the duty officer reviews the inspector's notebook with a remark ---
  await login(page, 'duty', 'Own-pass-2026');
  await page.getByRole('link', { name: 'Рабочая тетрадь' }).click();
  await page.getByRole('combobox', { name: 'Чья тетрадь' }).click();
  await page.getByRole('option', { name: /Нұрланов/ }).click();
  await page.getByRole('button', { name: 'Проверить тетрадь' }).click();
  await field(dialog, 'Замечание').fill('Указывать номера квартир полностью');
  await dialog.getByRole('button', { name: 'Проверить тетрадь' }).click();
  await expect(page.getByTestId('reviews')).toContainText('Указывать номера квартир полностью');
  // the next reviewer reads from the last review on: nothing new yet
  const since = page.getByRole('switch', { name: 'Только после последней проверки (после записи № 3)' });
  await since.focus();
  await page.keyboard.press('Space');
  await expect(since).toBeChecked();
  await expect(page.getByTestId('notebook-entry')).toHaveCount(0);

  // --- the inspector sees the remark and prints an extract ---
  await login(page, 'nurlanov', 'Own-pass-2026');
  await page.getByRole('link', { name: 'Рабочая тетрадь' }).click();
  await expect(page.getByTestId('reviews')).toContainText(
    'Кезекшіұлы Б. (Оперативный дежурный), до записи № 3 включительно — Указывать номера квартир полностью',
  );
  await shot(page, '33-notebook-reviewed');
  await page.getByRole('button', { name: 'Печать выписки' }).click();
  await page.getByRole('menuitem', { name: 'PDF на русском' }).click();
  const text = (await saveFromPreview(page)).replace(/\s+/g, ' ');
  expect(text).toContain('ВЫПИСКА ИЗ РАБОЧЕЙ ТЕТРАДИ');
  expect(text).toContain('Нұрланов Асқар');
  expect(text).toContain('Проверить освещение подъездов по ул. Сейфуллина');
  expect(text).toContain('передано');
  expect(text).toContain('17/345');
  expect(text).toContain('Указывать номера квартир полностью');

  // the same notebook in Kazakh
  await page.getByText('Қазақша').click();
  await expect(page.getByRole('heading', { name: 'Жұмыс дәптері' })).toBeVisible();
  await expect(page.getByTestId('notebook-entry').first()).toContainText('берілетін ақпарат');
  await shot(page, '34-notebook-kk');
});
