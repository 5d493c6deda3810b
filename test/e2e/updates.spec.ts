import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateReleaseKey } from '../../electron/backend/modules/updates/manifest';
import { test, expect, shot, newStation, releaseFolder } from './fixtures';

// the release key of this test: the backend trusts it instead of the built-in ones (the host's updateKeys)
const key = generateReleaseKey();
test.use({ updateKeys: [key.publicKey] });

test('the administrator takes a new version from a USB folder: checked, fetched, refused once tampered with', async ({
  page,
  app,
}) => {
  const usb = releaseFolder(
    path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-usb-')), 'Uchaske'),
    '0.2.0',
    key.privatePem,
    'Журнал приёма печатается быстрее.\nИсправлены ошибки.',
  );
  await page.setViewportSize({ width: 1366, height: 768 });
  await newStation(page, app.url);
  await page.goto(`${app.url}#/station`);
  await page.reload();
  const panel = page.getByTestId('updates-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel.getByText('Установлена версия 0.1.0')).toBeVisible();
  // no source, no check
  await expect(panel.getByRole('button', { name: 'Проверить' })).toBeDisabled();

  await panel.getByText('Папка (USB-накопитель)').click();
  await panel.getByLabel('Папка с выпуском').fill(usb);
  await panel.getByRole('button', { name: 'Сохранить источник' }).click();
  await expect(page.getByText('Источник обновлений сохранён')).toBeVisible();

  await panel.getByRole('button', { name: 'Проверить' }).click();
  const offer = panel.getByTestId('update-available');
  await expect(offer).toContainText('Доступна версия 0.2.0');
  await expect(offer).toContainText('Журнал приёма печатается быстрее.');
  await panel.scrollIntoViewIfNeeded();
  await shot(page, '95-update-available');

  await offer.getByRole('button', { name: 'Загрузить' }).click();
  await expect(offer).toContainText('Версия 0.2.0 загружена; подпись и контрольная сумма проверены');
  // the browser host does not run the Windows installer: the buttons say so instead of failing
  await expect(offer.getByRole('button', { name: 'Установить сейчас' })).toBeDisabled();
  await expect(offer).toContainText('Установить обновление можно только в программе для Windows');
  await offer.scrollIntoViewIfNeeded();
  await shot(page, '96-update-downloaded');

  // somebody edits the release on the drive: the signature no longer holds, and nothing is offered
  const manifest = path.join(usb, 'latest.yml');
  fs.writeFileSync(manifest, fs.readFileSync(manifest, 'utf8').replace('0.2.0', '0.2.1'));
  await panel.getByRole('button', { name: 'Проверить' }).click();
  const refusal = panel.getByRole('alert').filter({ hasText: 'Обновление отклонено' });
  await expect(refusal).toContainText('Описание выпуска изменено после подписи.');
  await expect(refusal).toContainText('Отказ записан в журнал аудита');
  await expect(offer).toBeHidden();
  await shot(page, '97-update-refused');

  // the same panel in Kazakh
  await page.evaluate(() => localStorage.setItem('uchaske.language', 'kk'));
  await page.reload();
  await expect(panel.getByText('Бағдарламаны жаңарту')).toBeVisible();
  await expect(panel.getByText('Орнатылған нұсқа: 0.1.0')).toBeVisible();
  await panel.getByRole('button', { name: 'Тексеру' }).click();
  await expect(panel.getByRole('alert').filter({ hasText: 'Жаңарту қабылданбады' })).toContainText(
    'Шығарылымның сипаттамасы қол қойылғаннан кейін өзгертілген.',
  );
  await panel.scrollIntoViewIfNeeded();
  await shot(page, '98-update-refused-kk');
  fs.rmSync(path.dirname(usb), { recursive: true, force: true });
});
