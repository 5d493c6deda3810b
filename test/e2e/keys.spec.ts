import { test, expect, newStation, DIALOGS, label } from './fixtures';

test('Enter means one thing in every dialog form: Enter in a date or text field moves on and never saves; Ctrl+Enter saves (issue 15)', async ({
  page,
  app,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await newStation(page, app.url);
  for (const [route, keys] of Object.entries(DIALOGS)) {
    await page.goto(`${app.url}#/${route}`);
    await page.reload();
    await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
    for (const key of keys) {
      await page
        .getByRole('main')
        .getByRole('button', { name: label('ru', key), exact: true })
        .click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      // the typed fields: not the choices, lists, files or read-only boxes
      const fields = dialog.locator(
        'form input:not([type="radio"]):not([type="checkbox"]):not([type="hidden"]):not([type="file"])' +
          ':not([disabled]):not([readonly]):not([aria-haspopup]):not([placeholder="ДД.ММ.ГГГГ"]), ' +
          'form textarea:not([disabled])',
      );
      const dates = dialog.locator('form input[placeholder="ДД.ММ.ГГГГ"]:not([disabled])');
      for (const box of [dates.first(), fields.first()]) {
        if ((await box.count()) === 0) continue;
        await box.focus();
        await page.keyboard.press('Enter');
        // still open, nothing refused or saved: the cursor went on
        await expect(dialog, `${route} ${key}`).toBeVisible();
        await expect(dialog.getByText('Не сохранено: исправьте отмеченные поля')).toHaveCount(0);
        await expect(box, `${route} ${key}: Enter left the field`).not.toBeFocused();
      }
      // Ctrl+Enter asks the form to save: an empty form is refused, said beside the button
      await ((await fields.count()) ? fields : dates).first().focus();
      await page.keyboard.press('ControlOrMeta+Enter');
      await expect(dialog.getByText('Не сохранено: исправьте отмеченные поля'), `${route} ${key}`).toBeVisible();
      await page.keyboard.press('Escape');
      await page.waitForTimeout(200);
      if (await dialog.isVisible()) await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
  }
});
