import { test, expect, shot, atTheDesk } from './fixtures';

test('help: F1 and the "?" open the help of the screen that is open, from a form too, in Kazakh and Russian (issue 15)', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await atTheDesk(page, app.url);

  // F1 at the desk: what the journal is for, its paragraph, F2 among its keys
  await page.keyboard.press('F1');
  const help = page.getByTestId('help');
  await expect(help).toContainText('Журнал приёма в УПП с 18:00 до 21:00');
  await expect(help).toContainText('п. 9');
  await expect(help.getByRole('row', { name: /новый посетитель/ })).toContainText('F2');
  await expect(help.getByRole('row', { name: /поиск по всему/ })).toContainText('Ctrl');
  await page.waitForTimeout(400);
  await shot(page, '110-help-reception');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // from inside the new visitor's form: the help opens over it, and the typed text stays
  await page.keyboard.press('F2');
  const form = page.getByRole('dialog', { name: /Новая запись/ });
  await expect(form).toBeVisible();
  const find = form.getByRole('textbox', { name: /Найти гражданина/ });
  await expect(find).toBeFocused();
  await page.keyboard.type('Қасым');
  await page.keyboard.press('F1');
  await expect(help).toContainText('п. 9');
  await page.keyboard.press('F1');
  await expect(help).toBeHidden();
  await expect(find).toHaveValue('Қасым');

  // the "?" in the header, on the lists, in Kazakh
  await page.goto(`${app.url}#/lists/firearms`);
  await page.reload();
  await page.getByText('Қазақша', { exact: true }).click();
  await page.getByTestId('help-open').click();
  await expect(help).toContainText('Электрондық тізімдер');
  await expect(help).toContainText('17, 22(10)-т., 2–4-қосымшалар');
  await expect(help).not.toContainText('жаңа келуші');
  await page.waitForTimeout(400);
  await shot(page, '111-help-lists-kk');
  await page.keyboard.press('Escape');

  // Today, in Kazakh too
  await page.goto(`${app.url}#/today`);
  await page.reload();
  await expect(page.getByRole('heading', { name: /Бүгін/ })).toBeVisible();
  await page.keyboard.press('F1');
  await expect(help).toContainText('Сізді күтіп тұрғанның бәрі');
  await expect(page.getByRole('dialog')).toContainText('Анықтама');
});
