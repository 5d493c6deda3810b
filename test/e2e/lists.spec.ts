import { makeIin } from '../../shared/iin';
import { test, expect, shot, field, apiCall, pdfTextOf, STATION } from './fixtures';

test('lists: a firearm owner with two weapons, the yearly check at home, Appendix 2 printed in Kazakh; a foreigner whose stay ends soon is on Today', async ({ page, app }) => {
  await page.goto(app.url);
  await page.evaluate(() => localStorage.setItem('uchaske.language', 'ru'));
  await apiCall(page, 'setup.create', STATION);
  await apiCall(page, 'users.create', { login: 'nurlanov', surname: 'Нұрланов', name: 'Асқар', patronymic: '', rank: '', position: 'УИП', role: 'inspector', sectionIds: [1], temporaryPassword: 'Temp-12345' });
  await apiCall(page, 'auth.unlock', { login: 'nurlanov', password: 'Temp-12345' });
  await apiCall(page, 'auth.changePassword', { currentPassword: 'Temp-12345', newPassword: 'Own-pass-2026' });
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
  await shot(page, '81-list-firearms');

  await page.getByRole('button', { name: 'Печать' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'PDF на казахском' }).click();
  const pdf = (await pdfTextOf(await download)).replace(/\s+/g, ' ');
  for (const text of ['ЖЕКЕ ҚОЛДАНЫСЫНДА АТЫС ҚАРУЫ БАР АДАМДАРДЫҢ ТІЗІМІ', 'Қару иесінің Т.А.Ж.', 'Жұмабаев Серік Ахметұлы', 'ИЖ-27', 'K998877']) expect(pdf).toContain(text);

  // a foreigner whose permitted stay ends within a month shows on Today
  await apiCall(page, 'lists.saveForeigner', { sectionId: 1, citizen: { id: null, iin: '', noIin: 'foreigner', surname: 'Каримов', name: 'Рустам' }, citizenship: 'Узбекистан', passportNo: 'FA1234567', stayUntil: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10), tempAddress: 'ул. Жансугурова, 7' });
  await page.getByRole('link', { name: 'Сегодня' }).click();
  await expect(page.getByTestId('due-item').filter({ hasText: 'Каримов Рустам: срок разрешённого проживания истекает' })).toBeVisible();
});
