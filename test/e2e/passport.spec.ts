import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, shot, field, ROOT, inspectorSignedIn, saveFromPreview } from './fixtures';

async function chooseYear(page: Page, year: number) {
  await page.getByRole('combobox', { name: 'По состоянию на 1 января' }).click();
  await page.getByRole('option', { name: `01.01.${year}` }).click();
}

test('passport: §3 filled for two years, §4 with two enterprises (a third removed with its reason), the cover filled, a place of offences on the register, printed in Kazakh without the pencil columns', async ({
  page,
  app,
}) => {
  await inspectorSignedIn(page, app.url);
  await page.goto(`${app.url}#/passport`);
  await page.reload();
  const year = new Date().getFullYear();

  for (const [y, population, dwellings] of [
    [year - 1, '5400', '120'],
    [year, '5520', '124'],
  ] as const) {
    await chooseYear(page, y);
    await page.getByRole('textbox', { name: `Всего проживает населения, 01.01.${y}` }).fill(population);
    await page.getByRole('textbox', { name: `Жилые дома (всего), 01.01.${y}` }).fill(dwellings);
    await page.getByRole('textbox', { name: `Территория (кв. км), 01.01.${y}` }).fill('2,4');
    await page.getByRole('button', { name: 'Сохранить столбец' }).click();
    await expect(page.getByText('Сохранено').first()).toBeVisible();
  }
  await chooseYear(page, year);
  await expect(page.getByRole('cell', { name: '5 400' })).toBeVisible();
  await shot(page, '95-passport-s3');

  // §2: the plan as an image with its note
  await page.getByRole('tab', { name: '§2 План' }).click();
  await page.locator('input[type="file"]').setInputFiles(path.join(ROOT, 'test/e2e/assets/photo.png'));
  await expect(page.getByTestId('plan-image')).toBeVisible();
  await field(page.locator('main'), 'Пояснение к плану').fill('Маршрут ПП-3: ул. Сейфуллина — ул. Абая');
  await page.getByRole('button', { name: 'Сохранить план' }).click();
  await expect(page.getByText('Сохранено').first()).toBeVisible();

  await page.getByRole('tab', { name: /§4 Предприятия/ }).click();
  for (const [name, managers] of [
    ['ТОО «Береке»', 'Ахметов Б., +7 701 111 22 33'],
    ['Рынок «Шұғыла»', 'Ким С., +7 702 000 00 00'],
    ['Кафе «Закрытое»', 'Нет'],
  ]) {
    await page.getByRole('button', { name: 'Добавить' }).click();
    const dialog = page.getByRole('dialog');
    await field(dialog, 'Наименование').fill(name!);
    await field(dialog, 'Адрес').fill('ул. Сейфуллина, 20');
    await dialog.getByRole('textbox', { name: /руководителя, начальника охраны/ }).fill(managers!);
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('passport-object')).toHaveCount(3);
  // a closed cafe leaves the passport with a reason; the reason is required
  await page
    .getByTestId('passport-object')
    .filter({ hasText: 'Кафе «Закрытое»' })
    .getByRole('button', { name: 'Убрать' })
    .click();
  const removal = page.getByRole('dialog');
  await removal.getByRole('button', { name: 'Убрать' }).click();
  await expect(removal.getByText('Обязательное поле')).toBeVisible();
  await field(removal, 'Почему убрать (закрыто, переехало…)').fill('закрыто в октябре');
  await removal.getByRole('button', { name: 'Убрать' }).click();
  await expect(removal).toBeHidden();
  await expect(page.getByTestId('passport-object')).toHaveCount(2);
  await shot(page, '96-passport-s4');

  // the cover as the paper's is filled in (App 1)
  await page.getByRole('tab', { name: '§1 Приём-передача' }).click();
  await field(page.locator('main'), 'Начат').fill('02.03.2026');
  await field(page.locator('main'), 'Срок хранения').fill('5 лет');
  await page.getByRole('button', { name: 'Сохранить обложку' }).click();
  await expect(page.getByText('Сохранено').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Сохранить обложку' })).toBeDisabled();
  await shot(page, '98-passport-cover');

  // the register of places where offences concentrate, kept with the passport (p.22(14))
  await page.getByRole('tab', { name: 'Места концентрации правонарушений' }).click();
  await page.getByRole('button', { name: 'Добавить место' }).click();
  const place = page.getByRole('dialog');
  await field(place, 'Адрес, ориентир').fill('двор дома 7 по ул. Абая');
  await place.getByRole('combobox', { name: 'Вид места' }).click();
  await page.getByRole('option', { name: 'двор, подъезд' }).click();
  await field(place, 'Почему место криминогенное').fill('распитие спиртного по вечерам');
  await place.getByRole('button', { name: 'Сохранить' }).click();
  await expect(place).toBeHidden();
  await expect(page.getByTestId('place-list')).toContainText('двор дома 7 по ул. Абая');
  await shot(page, '97-passport-places');

  // the pencil columns print unless unticked
  await expect(page.getByRole('checkbox', { name: 'Печатать столбцы, заполняемые карандашом' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Печатать столбцы, заполняемые карандашом' }).uncheck();
  await page.getByRole('button', { name: 'Печать' }).click();
  await page.getByRole('menuitem', { name: 'PDF на казахском' }).click();
  const pdf = (await saveFromPreview(page)).replace(/\s+/g, ' ');
  for (const text of [
    'Маршрут ПП-3',
    '№ 17-1 ӘКІМШІЛІК УЧАСКЕНІҢ ПАСПОРТЫ',
    `01.01.${year - 1} ж.`,
    `01.01.${year} ж.`,
    '5 520',
    'ТОО «Береке»',
    'Рынок «Шұғыла»',
    'Басталды "02" наурыз 2026 жылы',
    'Сақтау мерзімі: 5 лет',
    'Мазмұны',
    'двор дома 7 по ул. Абая',
  ])
    expect(pdf).toContain(text);
  expect(pdf).not.toContain('+7 701 111 22 33');
  expect(pdf).not.toContain('Кафе «Закрытое»');
});
