import { test, expect, shot, field, atTheDesk, pickOption } from './fixtures';
import type { Page } from '@playwright/test';
import { makeIin } from '../../shared/iin';

/** F2, a new citizen and what he came with, half-typed. */
async function halfTyped(page: Page) {
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog');
  await expect(field(dialog, 'Найти гражданина: ИИН или фамилия')).toBeFocused();
  await page.keyboard.type('Сейтқали Ерлан');
  await page.keyboard.press('Enter');
  await expect(field(dialog, 'Фамилия')).toHaveValue('Сейтқали');
  await field(dialog, 'ИИН / ЖСН').fill(makeIin('1988-02-11', 'male', 21));
  await field(dialog, 'Суть обращения').fill('Шум соседей по ночам, просит провести беседу');
  await field(dialog, 'Суть обращения').focus();
}

async function unlock(page: Page) {
  await expect(page.getByRole('heading', { name: 'Вход', exact: true })).toBeVisible();
  await field(page, 'Логин').fill('nurlanov');
  await field(page, 'Пароль').fill('Own-pass-2026');
  await page.keyboard.press('Enter');
}

test('nothing typed is lost to a lock: Ctrl+L from a field of the open form keeps it, the unlock opens it again, and it saves', async ({
  page,
  app,
}) => {
  await atTheDesk(page, app.url);
  await halfTyped(page);
  // Ctrl+L works from inside the form's field
  await page.keyboard.press('ControlOrMeta+l');
  await unlock(page);
  // back at the desk, the form open as it was
  const dialog = page.getByRole('dialog');
  await expect(page.getByText('Черновик восстановлен')).toBeVisible();
  await expect(field(dialog, 'Фамилия')).toHaveValue('Сейтқали');
  await expect(field(dialog, 'Имя')).toHaveValue('Ерлан');
  await expect(field(dialog, 'ИИН / ЖСН')).toHaveValue(makeIin('1988-02-11', 'male', 21));
  await expect(field(dialog, 'Суть обращения')).toHaveValue('Шум соседей по ночам, просит провести беседу');
  await shot(page, '12-draft-restored');
  await pickOption(page, field(dialog, 'Категория'), 'Консульт', /Консультация/);
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Сейтқали/ })).toBeVisible();
  // the draft was given back once: the next lock and unlock open Today, with nothing to restore
  await page.keyboard.press('ControlOrMeta+l');
  await unlock(page);
  await expect(page.getByRole('heading', { name: /Сегодня/ })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the idle lock warns a minute before, moving cancels it, and when it comes the open form is kept', async ({
  page,
  app,
}) => {
  await page.clock.install();
  await atTheDesk(page, app.url);
  await halfTyped(page);
  // ten idle minutes by default: the warning at nine
  await page.clock.runFor('09:05');
  const countdown = page.getByTestId('lock-countdown');
  await expect(countdown).toContainText('Блокировка через');
  await shot(page, '12a-lock-countdown');
  // a move of the mouse: the warning goes, the work goes on
  await page.mouse.move(300, 300);
  await page.mouse.move(320, 310);
  await expect(countdown).toBeHidden();
  await expect(page.getByRole('dialog')).toBeVisible();
  // untouched for the whole ten minutes: the warning, then the lock, the form kept
  await page.clock.runFor('09:05');
  await expect(countdown).toBeVisible();
  await page.clock.runFor('01:05');
  await unlock(page);
  await expect(field(page.getByRole('dialog'), 'Суть обращения')).toHaveValue(
    'Шум соседей по ночам, просит провести беседу',
  );
});

test('a person file half placed on record is kept through a lock too', async ({ page, app }) => {
  await atTheDesk(page, app.url);
  await page.goto(`${app.url}#/prevention`);
  await page.reload();
  await page.getByRole('button', { name: 'Поставить на учёт' }).click();
  const dialog = page.getByRole('dialog', { name: 'Поставить на учёт' });
  await expect(dialog.getByRole('textbox', { name: 'Найти гражданина' })).toBeFocused();
  await page.keyboard.type('Сейтқали Бауыржан');
  await page.keyboard.press('Enter');
  await expect(field(dialog, 'Фамилия')).toHaveValue('Сейтқали');
  await field(dialog, 'Адрес').fill('г. Алматы, ул. Жансугурова, 14, кв. 7');
  // the lock button sits behind the open dialog: Ctrl+L, from the field
  await page.keyboard.press('ControlOrMeta+l');
  await unlock(page);
  const back = page.getByRole('dialog', { name: 'Поставить на учёт' });
  await expect(field(back, 'Фамилия')).toHaveValue('Сейтқали');
  await expect(field(back, 'Адрес')).toHaveValue('г. Алматы, ул. Жансугурова, 14, кв. 7');
});

test('a meeting being planned, an applicant check being written and a tour are kept through a lock too', async ({
  page,
  app,
}) => {
  await atTheDesk(page, app.url);
  const lockAndBack = async (dialogName: string) => {
    await page.keyboard.press('ControlOrMeta+l');
    await unlock(page);
    await expect(page.getByText('Черновик восстановлен')).toBeVisible();
    return page.getByRole('dialog', { name: dialogName });
  };

  await page.goto(`${app.url}#/meetings`);
  await page.reload();
  await page.getByRole('button', { name: 'Запланировать встречу' }).click();
  const meeting = page.getByRole('dialog', { name: 'Запланировать встречу' });
  await field(meeting, 'Место (или ссылка)').fill('Школа-гимназия № 12, актовый зал');
  await field(meeting, 'Место (или ссылка)').focus();
  const meetingBack = await lockAndBack('Запланировать встречу');
  await expect(field(meetingBack, 'Место (или ссылка)')).toHaveValue('Школа-гимназия № 12, актовый зал');
  // the restored text is typed text: dropping it is asked
  await meetingBack.getByRole('button', { name: 'Отмена' }).click();
  await page
    .getByRole('dialog', { name: 'Закрыть без сохранения?' })
    .getByRole('button', { name: 'Не сохранять' })
    .click();
  await expect(meetingBack).toBeHidden();

  await page.goto(`${app.url}#/lists/applicants`);
  await page.reload();
  await page.getByRole('button', { name: 'Поручение на проверку' }).click();
  const check = page.getByRole('dialog');
  await expect(check.getByRole('textbox', { name: 'Найти гражданина' })).toBeFocused();
  await page.keyboard.type('Омаров Ержан');
  await page.keyboard.press('Enter');
  await field(check, 'Кто поручил (Ф.И.О., должность)').fill('ЛРР, майор Исаев');
  await field(check, 'Кто поручил (Ф.И.О., должность)').focus();
  const checkBack = await lockAndBack('Заявители на оружие (п.22(10))');
  await expect(field(checkBack, 'Фамилия')).toHaveValue('Омаров');
  await expect(field(checkBack, 'Кто поручил (Ф.И.О., должность)')).toHaveValue('ЛРР, майор Исаев');

  await page.goto(`${app.url}#/tours`);
  await page.reload();
  await page.getByRole('button', { name: 'Записать обход' }).click();
  const tour = page.getByRole('dialog', { name: 'Записать обход' });
  await field(tour, 'Полученная информация, выявленное').fill('Во дворе дома 7 собирается молодёжь');
  await field(tour, 'Полученная информация, выявленное').focus();
  const tourBack = await lockAndBack('Записать обход');
  await expect(field(tourBack, 'Полученная информация, выявленное')).toHaveValue('Во дворе дома 7 собирается молодёжь');
});

test('a correction of a journal entry half typed is kept through a lock: the entry is read again and its correction opens with the text', async ({
  page,
  app,
}) => {
  await atTheDesk(page, app.url);
  await halfTyped(page);
  await pickOption(page, field(page.getByRole('dialog'), 'Категория'), 'Консульт', /Консультация/);
  await page.keyboard.press('ControlOrMeta+Enter');
  const row = page.getByRole('row', { name: /Сейтқали/ });
  await expect(row).toBeVisible();
  await row.click();
  await page.getByRole('dialog').getByRole('button', { name: 'Исправить' }).click();
  const form = page.getByRole('dialog', { name: /Запись № 1$/ });
  await field(form, 'Суть обращения').fill('Шум соседей по ночам, просит беседу с соседями из кв. 12');
  await field(form, 'Причина исправления').fill('уточнил номер квартиры');
  await field(form, 'Причина исправления').focus();
  await page.keyboard.press('ControlOrMeta+l');
  await unlock(page);
  const back = page.getByRole('dialog', { name: /Запись № 1$/ });
  await expect(field(back, 'Суть обращения')).toHaveValue('Шум соседей по ночам, просит беседу с соседями из кв. 12');
  await expect(field(back, 'Причина исправления')).toHaveValue('уточнил номер квартиры');
  // the cursor is back in the form, at its first empty field: the keys work at once
  await expect(field(back, 'Контроль до')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(back).toBeHidden();
  await expect(page.getByRole('dialog')).toContainText('Шум соседей по ночам, просит беседу с соседями из кв. 12');
});
