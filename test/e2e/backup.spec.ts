import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeIin } from '../../shared/iin';
import { startBrowserHost } from '../../electron/host/browserHost';
import { test, expect, shot, field, apiCall, firstSignIn, pickOption, ROOT, STATION, newStation } from './fixtures';

const KASYMOV = makeIin('1985-06-12', 'male', 4411);
const yesterday = new Date(Date.now() + 5 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);

test('backup to a USB folder, the PC lost, the first-run screen restores the station with the recovery code', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.evaluate(() => localStorage.setItem('uchaske.language', 'ru'));
  const { recoveryCode } = await apiCall<{ recoveryCode: string }>(page, 'setup.create', STATION);
  // the inspector's evening: one visitor
  await apiCall(page, 'users.create', {
    surname: 'Серікбаев',
    name: 'Данияр',
    patronymic: '',
    rank: '',
    position: '',
    role: 'inspector',
    sectionIds: [1],
    login: 'serikbayev',
    temporaryPassword: 'Temp-12345',
  });
  await apiCall(page, 'auth.lock', {});
  await firstSignIn(page, 'serikbayev');
  await apiCall(page, 'reception.create', {
    mode: 'inPerson',
    categoryCode: 'consultation',
    subject: 'Кеңес: шекара туралы',
    action: 'explained',
    actionDetails: '',
    receiverId: 2,
    followUpDue: null,
    receivedAt: `${yesterday}T18:20`,
    citizen: {
      id: null,
      iin: KASYMOV,
      noIin: null,
      surname: 'Қасымов',
      name: 'Бауыржан',
      patronymic: 'Ерланұлы',
      address: 'Сейфуллин к-сі, 5',
      phone: '',
    },
  });
  await apiCall(page, 'auth.lock', {});
  await apiCall(page, 'auth.unlock', { login: STATION.lead.login, password: STATION.lead.password });

  // the administrator chooses the USB drive and backs up
  const usb = fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-usb-'));
  await page.goto(`${app.url}#/station`);
  await page.reload();
  const panel = page.locator('.mantine-Paper-root').filter({ hasText: 'Резервные копии' });
  await expect(panel.getByText('Копий вне этого ПК ещё нет')).toBeVisible();
  await panel.getByRole('button', { name: 'Добавить папку' }).click();
  await panel.getByRole('textbox', { name: 'Путь к папке' }).fill(path.join(usb, 'missing'));
  await panel.getByRole('button', { name: 'Сохранить папки' }).click();
  await expect(panel.getByText(/нельзя записать файл/)).toBeVisible();
  await panel.getByRole('textbox', { name: 'Путь к папке' }).fill(usb);
  await panel.getByRole('button', { name: 'Сохранить папки' }).click();
  await expect(page.getByText('Сохранено').first()).toBeVisible();
  await panel.getByRole('button', { name: 'Создать копию' }).click();
  await expect(page.getByText('Копия создана и проверена')).toBeVisible();
  const onUsb = panel.getByRole('row').filter({ hasText: usb });
  await expect(onUsb).toHaveCount(1);
  await expect(onUsb).toContainText('вручную');
  await expect(onUsb).toContainText('проверена');
  await expect(panel.getByText(/Последняя копия вне ПК/)).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await shot(page, '20-backup-panel');
  // a second click with nothing changed is refused, saying why
  await panel.getByRole('button', { name: 'Создать копию' }).click();
  await expect(page.getByText(/меньше минуты назад/)).toBeVisible();

  // the sheet with the code was seen by someone it should not have been: a new code changes the database key, and
  // the copies from before (which the old code still opens) are deleted
  const { recoveryCode: newCode } = await apiCall<{ recoveryCode: string }>(page, 'recovery.regenerate', {
    password: STATION.lead.password,
  });
  await page.reload();
  await expect(panel.getByText(/Ключ базы последний раз сменён/)).toBeVisible();
  await panel.getByRole('button', { name: 'Удалить копии до смены ключа…' }).click();
  const ask = page.getByRole('dialog', { name: 'Удалить старые копии?' });
  await expect(ask).toContainText('на этом ПК (');
  // the dialog fades in: the picture is of it whole
  await expect(ask).toHaveCSS('opacity', '1');
  await page.waitForTimeout(300);
  await shot(page, '20c-backup-delete-old');
  await ask.getByRole('button', { name: 'Удалить' }).click();
  await expect(page.getByText(/Удалено копий: [1-9]/)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Удалить копии до смены ключа…' })).toBeDisabled();
  await expect(panel.getByRole('row').filter({ hasText: usb })).toHaveCount(1);

  // the PC is lost: a new one, an empty data folder
  const newPc = fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-newpc-'));
  const host = await startBrowserHost({
    dataDir: newPc,
    resourcesDir: path.join(ROOT, 'resources'),
    rendererDir: path.join(ROOT, 'out', 'renderer'),
  });
  try {
    await page.goto(host.launchUrl());
    await page.evaluate(() => localStorage.setItem('uchaske.language', 'ru'));
    await page.reload();
    await page.getByRole('button', { name: 'Восстановить из копии…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(field(dialog, 'Копия')).toHaveAttribute('placeholder', /нет проверенных копий/);
    await field(dialog, 'Другая папка с копиями').fill(usb);
    await dialog.getByRole('button', { name: 'Показать копии' }).click();
    await pickOption(page, field(dialog, 'Копия'), 'вручную', /вручную/);
    // the old sheet's code opens nothing that is left
    await field(dialog, 'Код восстановления').fill(recoveryCode);
    await dialog.getByRole('button', { name: 'Проверить копию' }).click();
    await expect(dialog.getByText('Неверный код восстановления для этой копии')).toBeVisible();
    await field(dialog, 'Код восстановления').fill(newCode);
    await dialog.getByRole('button', { name: 'Проверить копию' }).click();
    await expect(dialog.getByText(/УПП 17 Шұғыла/)).toBeVisible();
    await expect(dialog.getByText(/Пользователей: 2, граждан: 1, записей приёма: 1/)).toBeVisible();
    await shot(page, '21-restore-preview');
    await dialog.getByRole('button', { name: 'Восстановить эти данные' }).click();
    await expect(page.getByText('Данные восстановлены из копии. Войдите снова.')).toBeVisible();

    // back locked on the restored data; the inspector's visitor is there
    await field(page, 'Логин').fill('serikbayev');
    await field(page, 'Пароль').fill('Own-pass-2026');
    await page.getByRole('button', { name: 'Войти' }).click();
    // whoever unlocks lands on Today first; only then go on, or that landing overrides the next page
    await expect(page.getByRole('heading', { name: /^Сегодня/ })).toBeVisible();
    await page.getByRole('link', { name: 'Приём граждан' }).click();
    await field(page, 'С').fill(yesterday.split('-').reverse().join('.'));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('row').filter({ hasText: 'Қасымов' })).toBeVisible();
  } finally {
    await host.close();
    fs.rmSync(newPc, { recursive: true, force: true });
    fs.rmSync(usb, { recursive: true, force: true });
  }
});

test('the keyring is lost beside the database: no setup over the data, the keyring comes back from a copy', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  const { recoveryCode } = await apiCall<{ recoveryCode: string }>(page, 'setup.create', STATION);
  await apiCall(page, 'auth.lock', {});
  // an antivirus takes the keyring away
  fs.renameSync(path.join(app.dataDir, 'uchaske.keyring'), path.join(app.dataDir, 'quarantined.bin'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Кілттер файлы табылмады' })).toBeVisible();
  await shot(page, '22-keyring-missing-kk');
  await page.evaluate(() => localStorage.setItem('uchaske.language', 'ru'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Файл ключей не найден' })).toBeVisible();
  // first-run setup is not offered, and refused if called
  await expect(page.getByText(/Мастер первого запуска|Подразделение/)).toHaveCount(0);
  await expect(apiCall(page, 'setup.create', STATION)).rejects.toThrow('errors.databaseExists');

  await page.getByRole('button', { name: 'Вернуть файл ключей из копии…' }).click();
  const dialog = page.getByRole('dialog');
  await pickOption(page, field(dialog, 'Копия'), 'ежедн', /ежедн/);
  await field(dialog, 'Код восстановления').fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF');
  await dialog.getByRole('button', { name: 'Вернуть файл ключей' }).click();
  await expect(dialog.getByText('Неверный код восстановления для этой копии')).toBeVisible();
  await shot(page, '23-keyring-put-back');
  await field(dialog, 'Код восстановления').fill(recoveryCode);
  await dialog.getByRole('button', { name: 'Вернуть файл ключей' }).click();
  await expect(page.getByText('Файл ключей возвращён. Войдите как обычно.')).toBeVisible();
  await field(page, 'Логин').fill(STATION.lead.login);
  await field(page, 'Пароль').fill(STATION.lead.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('heading', { name: /^Сегодня/ })).toBeVisible();
});

test('restore over the current data from the station screen, with the lead’s password: the current files are kept aside', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await newStation(page, app.url);
  await apiCall(page, 'calendar.setOverride', { date: '2026-12-16', kind: 'holiday', name: 'в копии' });
  await apiCall(page, 'backup.now', {});
  await apiCall(page, 'calendar.setOverride', { date: '2026-12-17', kind: 'holiday', name: 'после копии' });

  await page.goto(`${app.url}#/station`);
  await page.reload();
  const panel = page.locator('.mantine-Paper-root').filter({ hasText: 'Резервные копии' });
  await panel.getByRole('button', { name: 'Восстановить из копии…' }).click();
  const dialog = page.getByRole('dialog');
  await pickOption(page, field(dialog, 'Копия'), 'вручную', /вручную/);
  await dialog.getByText('Пароль начальника УПП или администратора').click();
  await field(dialog, 'Логин').fill(STATION.lead.login);
  await field(dialog, 'Пароль').fill('not-his-password');
  await dialog.getByRole('button', { name: 'Проверить копию' }).click();
  await expect(dialog.getByText(/Неверный логин или пароль/)).toBeVisible();
  await field(dialog, 'Пароль').fill(STATION.lead.password);
  await dialog.getByRole('button', { name: 'Проверить копию' }).click();
  await expect(dialog.getByText(/УПП 17 Шұғыла/)).toBeVisible();
  await shot(page, '21b-restore-station-screen');
  await dialog.getByRole('button', { name: 'Восстановить эти данные' }).click();
  await expect(page.getByText('Данные восстановлены из копии. Войдите снова.')).toBeVisible();

  // locked on the copy's data: the day added after the copy is gone, the one before it is there
  await field(page, 'Логин').fill(STATION.lead.login);
  await field(page, 'Пароль').fill(STATION.lead.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('heading', { name: /^Сегодня/ })).toBeVisible();
  const days = await apiCall<{ name: string }[]>(page, 'calendar.overrides', {});
  expect(days.map((d) => d.name)).toEqual(['в копии']);
  // nothing lost: what was current is in replaced-<date>/
  const aside = fs.readdirSync(app.dataDir).filter((f) => f.startsWith('replaced-'));
  expect(aside).toHaveLength(1);
  expect(fs.readdirSync(path.join(app.dataDir, aside[0]!))).toContain('uchaske.db');
});
