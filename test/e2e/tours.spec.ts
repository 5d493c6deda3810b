import { test, expect, shot, field, inspectorSignedIn, saveFromPreview, preview } from './fixtures';

test('the daily tour (p.22(14)): two places on the register, a tour through both written in the notebook, the information sheet in Kazakh and Russian', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await inspectorSignedIn(page, app.url);
  await page.goto(`${app.url}#/tours`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Обход участка' })).toBeVisible();

  // the register: two places where offences concentrate
  const places: [string, string][] = [
    ['двор дома 7 по ул. Жетісу', 'распитие спиртного по вечерам'],
    ['магазин «Береке», ул. Абая, 10', 'кражи из магазина'],
  ];
  for (const [address, reason] of places) {
    await page.getByRole('button', { name: 'Добавить место' }).click();
    const dialog = page.getByRole('dialog', { name: 'Добавить место' });
    await field(dialog, 'Адрес, ориентир').fill(address);
    await field(dialog, 'Почему место криминогенное').fill(reason);
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await expect(dialog).toBeHidden();
  }
  await page.getByRole('tab', { name: 'Места концентрации правонарушений' }).click();
  await expect(page.getByTestId('place-list').getByRole('row')).toHaveCount(3);
  await expect(page.getByTestId('place-list')).toContainText('не посещалось');

  // the day's tour through both, with the survey and what was handed out
  await page.getByRole('button', { name: 'Записать обход' }).click();
  const form = page.getByRole('dialog', { name: 'Записать обход' });
  await form.getByRole('combobox', { name: 'Посещённые места из реестра' }).click();
  await page.getByRole('option', { name: 'двор дома 7 по ул. Жетісу' }).click();
  await page.getByRole('option', { name: 'магазин «Береке», ул. Абая, 10' }).click();
  await page.keyboard.press('Escape');
  await field(form, 'Устный опрос жителей: кто, на что жалуются').fill('Опрошены 6 жителей: шум во дворе дома 7');
  await field(form, 'Вручено визиток').fill('5');
  await field(form, 'Размещено информационных листов').fill('2');
  await field(form, 'Где размещены листы').fill('подъезды домов 3 и 5');
  await field(form, 'Полученная информация, выявленное').fill('Во дворе дома 7 собирается молодёжь после 23:00');
  await shot(page, '106-tour-form');
  await form.getByRole('button', { name: 'Записать обход' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText(/Обход записан в рабочую тетрадь, запись № \d+/)).toBeVisible();
  await page.getByRole('tab', { name: 'Обход за день' }).click();
  const list = page.getByTestId('tour-list');
  await expect(list).toContainText('двор дома 7 по ул. Жетісу; магазин «Береке», ул. Абая, 10');
  await expect(list).toContainText('визиток: 5, листов: 2');
  await shot(page, '107-tour-list');

  // the tour is a notebook entry (p.20)
  await list.getByRole('link', { name: /Запись тетради № \d+/ }).click();
  await expect(page).toHaveURL(/#\/notebook\/\d+\/\d+$/);
  await expect(page.getByText('Обход участка 17-1 (п. 22(14)).').first()).toBeVisible();

  // the information sheet: the phone first, then the sheet in both languages at once
  await page.goto(`${app.url}#/tours`);
  await page.getByRole('tab', { name: 'Информационный лист и визитки' }).click();
  await page.getByRole('button', { name: 'Информационный лист A4' }).click();
  await expect(page.getByText('Укажите рабочий телефон: он печатается на листе и визитке')).toBeVisible();
  await page.keyboard.press('Escape');
  await field(page.locator('main'), 'Рабочий телефон').fill('+7 727 255 17 01');
  await page.getByRole('button', { name: 'Сохранить телефон' }).click();
  await expect(page.getByRole('button', { name: 'Сохранить телефон' })).toBeDisabled();
  await page.getByRole('button', { name: 'Информационный лист A4' }).click();
  await preview(page);
  await shot(page, '108-info-sheet-preview');
  const text = (await saveFromPreview(page)).replace(/\s+/g, ' ');
  expect(text).toContain('Сіздің учаскелік полиция инспекторыңыз');
  expect(text).toContain('Ваш участковый инспектор полиции');
  expect(text).toContain('Нұрланов Асқар Болатұлы');
  expect(text).toContain('Телефон: +7 727 255 17 01');
  expect(text).toContain('№ 17-1 учаске');
  expect(text).toContain('Участок № 17-1');
});
