import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { makeIin } from '../../shared/iin';
import { test, expect, shot, field, apiCall, newStation, inspectorSignedIn, saveFromPreview } from './fixtures';

test('lists: a firearm owner with two weapons, the yearly check at home, Appendix 2 printed in Kazakh; a foreigner whose stay ends soon is on Today', async ({
  page,
  app,
}) => {
  await inspectorSignedIn(page, app.url);
  await page.goto(`${app.url}#/lists/firearms`);
  await page.reload();

  await page.getByRole('button', { name: 'Добавить' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Найти гражданина' })).toBeFocused();
  await page.keyboard.type('Жұмабаев Серік Ахметұлы');
  await page.keyboard.press('Enter');
  await field(dialog, 'ИИН / ЖСН').fill(makeIin('1970-05-02', 'male', 12));
  await field(dialog, 'Адрес проживания').fill('ул. Сейфуллина, 12, кв. 4');
  await dialog.getByRole('textbox', { name: 'Вид' }).fill('гладкоствольное ружьё');
  await dialog.getByRole('textbox', { name: 'Марка' }).fill('ИЖ-27');
  await dialog.getByRole('textbox', { name: 'Калибр' }).fill('12');
  await dialog.getByRole('textbox', { name: '№' }).fill('A123456');
  await dialog.getByRole('button', { name: 'Добавить оружие' }).click();
  await dialog.getByRole('textbox', { name: 'Вид' }).nth(1).fill('карабин');
  await dialog.getByRole('textbox', { name: '№' }).nth(1).fill('K998877');
  await field(dialog, 'Разрешение выдал').fill('УП Турксибского района');
  await field(dialog, 'Дата разрешения').fill('15.03.2024');
  await page.keyboard.press('Tab');
  await shot(page, '80-list-firearm-owner');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /Жұмабаев Серік Ахметұлы/ });
  await expect(row).toContainText('карабин');
  await expect(row).toContainText('15.03.2025'); // the first check was due a year after the permit

  // the yearly check at home (p.22(10))
  await row.getByRole('button', { name: 'Проверка по месту жительства' }).click();
  const check = page.getByRole('dialog');
  await field(check, 'Результат').fill('Оружие хранится в сейфе, нарушений нет');
  await check.getByRole('button', { name: 'Сохранить' }).click();
  await expect(check).toBeHidden();
  await expect(row).not.toContainText('15.03.2025');
  // the search takes part of a name in any case
  await page.getByRole('textbox', { name: 'Ф.И.О. или ИИН' }).fill('жұмаб');
  await expect(row).toBeVisible();
  await page.getByRole('textbox', { name: 'Ф.И.О. или ИИН' }).fill('иванов');
  await expect(page.getByRole('row', { name: /Жұмабаев/ })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Ф.И.О. или ИИН' }).fill('');
  await shot(page, '81-list-firearms');

  await page.getByRole('button', { name: 'Печать' }).click();
  await page.getByRole('menuitem', { name: 'PDF на казахском' }).click();
  const pdf = (await saveFromPreview(page)).replace(/\s+/g, ' ');
  for (const text of [
    'ЖЕКЕ ҚОЛДАНЫСЫНДА АТЫС ҚАРУЫ БАР АДАМДАРДЫҢ ТІЗІМІ',
    'Қару иесінің Т.А.Ж.',
    'Жұмабаев Серік Ахметұлы',
    'ИЖ-27',
    'K998877',
  ])
    expect(pdf).toContain(text);

  // a foreigner whose permitted stay ends within a month shows on Today
  await apiCall(page, 'lists.saveForeigner', {
    sectionId: 1,
    citizen: { id: null, iin: '', noIin: 'foreigner', surname: 'Каримов', name: 'Рустам' },
    citizenship: 'Узбекистан',
    passportNo: 'FA1234567',
    stayUntil: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10),
    tempAddress: 'ул. Жансугурова, 7',
  });
  await page.getByRole('link', { name: 'Сегодня' }).click();
  await expect(
    page.getByTestId('due-item').filter({ hasText: 'Каримов Рустам: срок разрешённого проживания истекает' }),
  ).toBeVisible();
});

test('lists: a foreigner checked twice keeps both checks; one who left is taken off with the reason, shown on asking, and put back (Kazakh)', async ({
  page,
  app,
}) => {
  await inspectorSignedIn(page, app.url);
  await apiCall(page, 'lists.saveForeigner', {
    sectionId: 1,
    citizen: { id: null, iin: '', noIin: 'foreigner', surname: 'Каримов', name: 'Рустам' },
    citizenship: 'Өзбекстан Республикасы',
    passportNo: 'FA1234567',
    stayUntil: '2027-03-01',
    tempAddress: 'Жансүгіров к-сі, 7',
  });
  await page.goto(`${app.url}#/lists/foreigners`);
  await page.reload();
  const row = page.getByRole('row', { name: /Каримов Рустам/ });
  for (const [on, note] of [
    ['02.10.2026', 'проживает'],
    ['18.11.2026', 'проживает, работает на стройке'],
  ] as const) {
    await row.getByRole('button', { name: 'Проверка по месту пребывания' }).click();
    const check = page.getByRole('dialog');
    await field(check, 'Дата проверки').fill(on);
    await field(check, 'Отметка').fill(note);
    await check.getByRole('button', { name: 'Сохранить' }).click();
    await expect(check).toBeHidden();
  }
  await expect(row).toContainText('18.11.2026');

  // the form shows both checks; from it he is taken off the list
  await row.click();
  const form = page.getByRole('dialog');
  await expect(form.getByText('Проверки по месту пребывания')).toBeVisible();
  await expect(form.getByText('проживает, работает на стройке')).toBeVisible();
  await expect(form.getByText('02.10.2026')).toBeVisible();
  await shot(page, '84-list-foreigner-checks');
  await form.getByRole('button', { name: 'Снять с учёта…' }).click();
  const remove = page.getByRole('dialog', { name: 'Снять с учёта' });
  await remove.getByRole('button', { name: 'Снять с учёта' }).click();
  await expect(remove.getByText('Обязательное поле')).toBeVisible();
  await remove.getByRole('combobox', { name: 'Причина' }).click();
  await page.getByRole('option', { name: 'Выехал за пределы РК' }).click();
  await field(remove, 'Пояснение').fill('выехал в Ташкент');
  await remove.getByRole('button', { name: 'Снять с учёта' }).click();
  await expect(remove).toBeHidden();
  await expect(page.getByRole('row', { name: /Каримов Рустам/ })).toHaveCount(0);

  // kept: shown on asking, with why, and put back
  await page.getByRole('checkbox', { name: 'Показать снятых с учёта' }).check();
  await expect(row).toContainText('Выехал за пределы РК (выехал в Ташкент)');
  await shot(page, '85-list-foreigner-removed');
  await row.getByRole('button', { name: 'Вернуть в список' }).click();
  await expect(page.getByText('Возвращён в список')).toBeVisible();
  await expect(row).not.toContainText('Выехал за пределы РК');

  // the same in Kazakh
  await page.getByText('Қазақша', { exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'Есептен шығарылғандарды көрсету' })).toBeVisible();
  await row.click();
  await expect(page.getByRole('dialog').getByText('Болу орны бойынша тексерулер')).toBeVisible();
  await shot(page, '86-list-foreigner-checks-kk');
});

test('lists: firearm owners imported from an Excel file with one bad row — preview, the bad row refused with its reason, the rest loaded', async ({
  page,
  app,
}) => {
  await newStation(page, app.url);
  await page.goto(`${app.url}#/lists/firearms`);
  await page.reload();
  // the file as the weapons unit sends it: a title, the header, the numbering row, the people
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Лист1');
  ws.addRow(['Список владельцев оружия, участок 17-1']);
  ws.addRow([
    '№',
    'ФИО владельца',
    'ИИН',
    'Адрес',
    'Вид оружия',
    'Марка',
    'Калибр',
    'Номер оружия',
    'Кем выдано разрешение',
    'Дата разрешения',
  ]);
  ws.addRow(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  ws.addRow([
    '1',
    'Жұмабаев Серік Ахметұлы',
    makeIin('1970-05-02', 'male', 12),
    'ул. Сейфуллина, 12',
    'ружьё',
    'ИЖ-27',
    '12',
    'A123456',
    'УП Турксибского района',
    '15.03.2024',
  ]);
  ws.addRow([
    '2',
    'Қасымова Әйгерім',
    makeIin('1985-08-19', 'female', 7),
    'ул. Абая, 3',
    'карабин',
    'Сайга',
    '7,62',
    'K12',
    'УП Турксибского района',
    '01.02.2023',
  ]);
  ws.addRow(['3', 'Петров Иван', '700502300125', 'ул. Абая, 1', 'ружьё', 'МР-153', '12', 'M5', 'УП', '01.02.2023']);
  const file = path.join(os.tmpdir(), `uchaske-firearms-${Date.now()}.xlsx`);
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  try {
    await page.getByRole('button', { name: 'Импорт из Excel' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await expect(page.getByTestId('import-summary')).toHaveText('Добавить: 2, обновить: 0, отклонить: 1');
    await expect(page.getByTestId('import-row').filter({ hasText: 'Петров Иван' })).toContainText(
      'Контрольная цифра ИИН не сходится',
    );
    await shot(page, '82-list-import-preview');
    await dialog.getByRole('button', { name: 'Загрузить' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Загружено: добавлено 2, обновлено 0, отклонено 1')).toBeVisible();
    await expect(page.getByRole('row', { name: /Жұмабаев Серік Ахметұлы/ })).toContainText('ИЖ-27');
    await expect(page.getByRole('row', { name: /Қасымова Әйгерім/ })).toContainText('Сайга');
    await expect(page.getByRole('row', { name: /Петров/ })).toHaveCount(0);
  } finally {
    fs.rmSync(file, { force: true });
  }
});

test('lists: the weapons unit asks to check an applicant (p.22(10)) — the instruction written down, on Today with its day, the check recorded', async ({
  page,
  app,
}) => {
  await inspectorSignedIn(page, app.url);
  await page.goto(`${app.url}#/lists/applicants`);
  await page.reload();
  await page.getByRole('button', { name: 'Поручение на проверку' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: 'Найти гражданина' })).toBeFocused();
  await page.keyboard.type('Сейтқали Ерлан');
  await page.keyboard.press('Enter');
  await field(dialog, 'ИИН / ЖСН').fill(makeIin('1988-02-11', 'male', 21));
  await field(dialog, 'Адрес проживания').fill('ул. Абая, 40, кв. 2');
  await dialog.getByRole('combobox', { name: 'Разрешение' }).click();
  await page.getByRole('option', { name: 'на хранение и ношение' }).click();
  await field(dialog, 'Оружие (вид, марка)').fill('гладкоствольное ружьё МР-155');
  await field(dialog, 'Кто поручил (Ф.И.О., должность)').fill('ст. инспектор ПКОО Ахметов Б.');
  await field(dialog, '№ поручения').fill('17/512');
  // without its day the instruction is refused, and says where
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  // an empty required day says it is required (it said "Дата в формате ДД.ММ.ГГГГ")
  await expect(field(dialog, 'Срок по поручению')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('Обязательное поле')).toBeVisible();
  const due = new Date(Date.now() + 5 * 86_400_000);
  const dueText = due.toLocaleDateString('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric' });
  await field(dialog, 'Срок по поручению').fill(dueText);
  await page.keyboard.press('Tab');
  await shot(page, '87-list-applicant-instruction');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /Сейтқали Ерлан/ });
  await expect(row).toContainText('на хранение и ношение');
  await expect(row).toContainText(dueText);

  await page.getByRole('link', { name: 'Сегодня' }).click();
  const item = page.getByTestId('due-item').filter({ hasText: 'Сейтқали Ерлан (участок 17-1): проверка заявителя' });
  await expect(item).toBeVisible();
  await expect(item).toContainText('п. 22(10)');
  await item.click();
  await expect(page).toHaveURL(/#\/lists\/applicants\/\d+$/);

  await row.getByRole('button', { name: 'Проверка' }).click();
  const check = page.getByRole('dialog');
  await field(check, 'Результат проверки').fill('Сейф для хранения оружия установлен, родственники не возражают');
  await check.getByRole('button', { name: 'Сохранить' }).click();
  await expect(check).toBeHidden();
  await expect(row).toContainText('Нұрланов А.');
  await expect(row).toContainText('Сейф для хранения оружия установлен');
  await shot(page, '88-list-applicants');
  await page.getByText('Қазақша', { exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Қаруға үміткерлер (22(10)-т.)' })).toBeVisible();
  await expect(row).toContainText('сақтауға және алып жүруге');
  await shot(page, '89-list-applicants-kk');
  await page.getByRole('link', { name: 'Бүгін' }).click();
  await expect(page.getByTestId('due-item').filter({ hasText: 'Сейтқали' })).toHaveCount(0);
});
