import type { Page } from '@playwright/test';
import {
  test,
  expect,
  shot,
  field,
  apiCall,
  STATION,
  newStation,
  firstSignIn,
  saveFromPreview,
  preview,
} from './fixtures';

const almatyDay = () => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('.');

async function printed(
  page: Page,
  button: string,
  language: 'PDF на русском' | 'PDF на казахском',
  scope = page.locator('main'),
) {
  // a menu still closing from the last print would take the click
  await expect(page.getByRole('menu')).toHaveCount(0);
  await scope.getByRole('button', { name: button }).click();
  await page.getByRole('menuitem', { name: language }).click();
  return (await saveFromPreview(page)).replace(/\s+/g, ' ');
}

test('reporting meeting: two adjacent sections, the notice, five participants, a complaint answered and one forwarded, the protocol and letters; the lead sees the open item', async ({
  page,
  app,
}) => {
  await newStation(page, app.url);
  for (const [login, surname, sectionIds] of [
    ['nurlanov', 'Нұрланов', [1]],
    ['omarova', 'Омарова', [2]],
  ] as const) {
    await apiCall(page, 'users.create', {
      login,
      surname,
      name: 'Асқар',
      patronymic: '',
      rank: '',
      position: 'УИП',
      role: 'inspector',
      sectionIds,
      temporaryPassword: 'Temp-12345',
    });
  }
  await firstSignIn(page, 'nurlanov');
  await page.goto(`${app.url}#/meetings`);
  await page.reload();

  // --- Today: no meeting this quarter yet (p.26) ---
  await page.getByRole('link', { name: 'Сегодня' }).click();
  await expect(page.getByTestId('due-item').filter({ hasText: 'Нұрланов А.: в' })).toContainText(
    'квартале нет отчётной встречи',
  );
  await page.getByRole('link', { name: 'Отчётные встречи' }).click();

  // --- plan a joint meeting of sections 17-1 and 17-2, today ---
  await page.getByRole('button', { name: 'Запланировать встречу' }).click();
  const dialog = page.getByRole('dialog', { name: 'Запланировать встречу' });
  await dialog.getByRole('textbox', { name: 'Место (или ссылка)' }).fill('Школа № 45, актовый зал');
  await dialog.getByRole('combobox', { name: 'Форма проведения' }).click();
  await page.getByRole('option', { name: 'совместный сход нескольких участков' }).click();
  await field(dialog, 'Дата').fill(ddmmyyyy(almatyDay()));
  await page.keyboard.press('Tab');
  await dialog.getByRole('combobox', { name: 'Участки' }).click();
  await page.getByRole('option', { name: '17-2' }).click();
  await page.keyboard.press('Escape');
  await dialog.getByRole('combobox', { name: 'Отчитываются' }).click();
  await page.getByRole('option', { name: 'Омарова А.' }).click();
  await page.keyboard.press('Escape');
  await shot(page, '60-meeting-plan');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('meeting-status')).toHaveText('запланирована');

  // --- the notice: channels, and the poster in both languages ---
  await page.getByRole('tab', { name: /Оповещение/ }).click();
  await page.getByRole('button', { name: 'Записать оповещение' }).click();
  const notice = page.getByRole('dialog', { name: 'Записать оповещение' });
  await notice.getByRole('checkbox', { name: 'социальные сети' }).check();
  await notice.getByRole('checkbox', { name: 'администрации предприятий и организаций' }).check();
  await notice.getByRole('button', { name: 'Записать оповещение' }).click();
  await expect(notice).toBeHidden();
  await expect(page.getByTestId('notice-given')).toContainText('позже чем за 10 дней');
  await page.getByRole('button', { name: 'Объявление (каз./рус.)' }).click();
  const poster = (await saveFromPreview(page)).replace(/\s+/g, ' ');
  expect(poster).toContain('ХАБАРЛАНДЫРУ');
  expect(poster).toContain('ОБЪЯВЛЕНИЕ');
  expect(poster).toContain('Школа № 45, актовый зал');

  // --- five participants at the door: Enter registers, the name field is ready for the next ---
  await page.getByRole('tab', { name: /Участники/ }).click();
  for (const name of ['Жақсыбекова Гүлмира', 'Иванов Пётр', 'Серікбаев Нұрлан', 'Әлімова Дана', 'Ким Сергей']) {
    const who = page.getByRole('textbox', { name: 'Ф.И.О.' });
    await expect(who).toBeFocused();
    await who.fill(name);
    await page.getByRole('textbox', { name: 'Адрес' }).fill('ул. Сейфуллина');
    await page.getByRole('textbox', { name: 'Адрес' }).press('Enter');
    await expect(page.getByRole('cell', { name })).toBeVisible();
  }
  await expect(page.getByRole('tab', { name: 'Участники (5)' })).toBeVisible();
  await shot(page, '61-meeting-participants');

  // --- a complaint answered in full, a remark outside police competence ---
  await page.getByRole('tab', { name: /Жалобы/ }).click();
  await page.getByRole('button', { name: 'Записать' }).click();
  let item = page.getByRole('dialog');
  await field(item, 'Кто высказал').fill('Иванов П.');
  await field(item, 'Содержание').fill('Шум во дворе по ночам');
  await field(item, 'Ответ, данный на встрече').fill('Усилены вечерние обходы двора');
  await item.getByRole('button', { name: 'Сохранить' }).click();
  await expect(item).toBeHidden();
  await page.getByRole('button', { name: 'Записать' }).click();
  item = page.getByRole('dialog');
  await item.getByRole('combobox', { name: 'Вид' }).click();
  await page.getByRole('option', { name: 'замечание' }).click();
  await field(item, 'Кто высказал').fill('Серікбаев Н.');
  await field(item, 'Содержание').fill('Не горят фонари на ул. Жансугурова');
  await item.getByRole('checkbox', { name: 'Дан исчерпывающий ответ' }).uncheck();
  await item.getByRole('checkbox', { name: 'Вне компетенции полиции' }).check();
  await field(item, 'Куда направить (госорган)').fill('акимат Турксибского района');
  await field(item, 'Адрес инициатора для уведомления').fill('ул. Жансугурова, 3');
  await item.getByRole('button', { name: 'Сохранить' }).click();
  await expect(item).toBeHidden();
  await expect(page.getByTestId('meeting-item')).toHaveCount(2);
  await shot(page, '62-meeting-items');

  // --- the protocol, signed the same day ---
  await page.getByRole('tab', { name: 'Протокол' }).click();
  await field(page.locator('main'), 'Принятые решения').fill('Провести рейд по ул. Жансугурова совместно с акиматом');
  await field(page.locator('main'), 'Видеозапись (файл или номер хранения)').fill('DVR-01');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByRole('button', { name: 'Оформить и подписать протокол' }).click();
  await expect(page.getByTestId('finalized')).toContainText('Протокол оформлен');
  await expect(page.getByTestId('finalized')).not.toContainText('не в день встречи');
  const protocol = await printed(page, 'Протокол', 'PDF на русском', page.getByRole('tabpanel'));
  for (const text of [
    'ПРОТОКОЛ',
    'Школа № 45, актовый зал',
    'Количество участников: 5',
    'Шум во дворе по ночам',
    'Усилены вечерние обходы двора',
    'Провести рейд по ул. Жансугурова',
    'Нұрланов А.',
    'Омарова А.',
  ])
    expect(protocol).toContain(text);
  await shot(page, '63-meeting-protocol');
  // the same protocol switched to Kazakh in its preview
  await page.getByRole('tabpanel').getByRole('button', { name: 'Протокол' }).click();
  await page.getByRole('menuitem', { name: 'PDF на русском' }).click();
  const sheet = await preview(page);
  await expect(sheet.getByTestId('preview-pages')).toHaveText('Страница 1 из 1');
  await sheet.getByText('Қазақша').click();
  await preview(page);
  await shot(page, '64-meeting-protocol-preview');
  const protocolKk = (await saveFromPreview(page)).replace(/\s+/g, ' ');
  expect(protocolKk).toContain('ХАТТАМА');
  expect(protocolKk).toContain('Школа № 45, актовый зал');
  expect(protocolKk).not.toContain('ПРОТОКОЛ');

  // --- the letter to the akimat and the initiator's notification ---
  await page.getByRole('tab', { name: /Жалобы/ }).click();
  const forwarded = page.getByTestId('meeting-item').filter({ hasText: 'фонари' });
  const letter = await printed(page, 'Письмо в госорган', 'PDF на казахском', forwarded);
  expect(letter).toContain('акимат Турксибского района');
  expect(letter).toContain('Не горят фонари на ул. Жансугурова');
  const notification = await printed(page, 'Уведомление инициатору', 'PDF на русском', forwarded);
  expect(notification).toContain('УВЕДОМЛЕНИЕ');
  expect(notification).toContain('Серікбаев Н.');

  // --- p.33: the UPP lead sees the open item of the protocol ---
  await page.getByRole('button', { name: 'Заблокировать' }).click();
  await field(page, 'Логин').fill('abdikadyrov');
  await field(page, 'Пароль').fill(STATION.lead.password);
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Отчётные встречи' }).click();
  await expect(page.getByTestId('open-item')).toContainText('Не горят фонари на ул. Жансугурова');
  await expect(page.getByTestId('open-item')).toContainText('акимат Турксибского района');
  await shot(page, '64-meetings-lead');
  // the same in Kazakh
  await page.getByText('Қазақша').click();
  await expect(page.getByRole('heading', { name: 'Есеп беру кездесулері' })).toBeVisible();
  await page.getByTestId('open-item').click();
  await page.getByRole('tab', { name: /Шағымдар/ }).click();
  await expect(page.getByTestId('meeting-item')).toHaveCount(2);
  await shot(page, '65-meeting-items-kk');
});

test('monthly plan: the lead drafts and submits, the chief returns it, then approves; the printed plan carries the approval block', async ({
  page,
  app,
}) => {
  await newStation(page, app.url);
  await apiCall(page, 'users.create', {
    login: 'nurlanov',
    surname: 'Нұрланов',
    name: 'Асқар',
    patronymic: '',
    rank: '',
    position: 'УИП',
    role: 'inspector',
    sectionIds: [1],
    temporaryPassword: 'Temp-12345',
  });
  await apiCall(page, 'users.create', {
    login: 'chief',
    surname: 'Бастықов',
    name: 'Марат',
    patronymic: '',
    rank: 'подполковник полиции',
    position: 'начальник МПС',
    role: 'supervisor',
    sectionIds: [],
    temporaryPassword: 'Temp-12345',
  });
  // the senior inspector for management: a chief of the MPS too, but not its head (p.18)
  await apiCall(page, 'users.create', {
    login: 'senior',
    surname: 'Ағаев',
    name: 'Нұрбол',
    patronymic: '',
    rank: 'майор полиции',
    position: 'старший инспектор по управлению МПС',
    role: 'supervisor',
    sectionIds: [],
    temporaryPassword: 'Temp-12345',
  });
  await firstSignIn(page, 'chief');
  await apiCall(page, 'auth.lock', {});
  await firstSignIn(page, 'senior');
  await apiCall(page, 'auth.unlock', { login: 'abdikadyrov', password: STATION.lead.password });

  // the lead names the head of the MPS on the staff screen: he alone approves the plan
  await page.goto(`${app.url}#/staff`);
  await page.reload();
  const mps = page.getByTestId('mps-heads');
  await expect(mps).toContainText('Начальник МПС не указан');
  await mps.getByRole('combobox', { name: 'Начальник МПС' }).click();
  await page.getByRole('option', { name: 'Бастықов М.' }).click();
  await mps.getByRole('button', { name: 'Назначить' }).click();
  await expect(mps).toContainText('Сегодня план утверждает: Бастықов Марат');
  await mps.getByRole('button', { name: 'Добавить замещение' }).click();
  await expect(mps.getByRole('textbox', { name: '№ приказа' })).toBeVisible();
  await mps.scrollIntoViewIfNeeded();
  await shot(page, '69-mps-head');
  await page.goto(`${app.url}#/plans`);
  await page.reload();

  await page.getByRole('button', { name: 'Сохранить проект' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Мероприятие' }).fill('Отчётная встреча с населением участков 17-1, 17-2');
  await dialog.getByRole('combobox', { name: 'Ответственный' }).click();
  await page.getByRole('option', { name: 'Нұрланов А.' }).click();
  await dialog.getByRole('textbox', { name: 'Основание (пункт Правил, поручение)' }).fill('п.26');
  await dialog.getByRole('button', { name: 'Добавить пункт' }).click();
  await dialog
    .getByRole('textbox', { name: 'Мероприятие' })
    .nth(1)
    .fill('Проверка владельцев оружия по месту жительства');
  await dialog.getByRole('textbox', { name: 'или (например, «все УИП»)' }).nth(1).fill('все УИП');
  await shot(page, '70-plan-draft');
  await dialog.getByRole('button', { name: 'Сохранить проект' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('plan-item')).toHaveCount(2);
  await page.getByRole('button', { name: 'Направить на утверждение' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('на утверждении');

  // the chief returns it with a remark, the lead corrects and submits again, the chief approves
  const login = async (who: string, password: string) => {
    await page.getByRole('button', { name: 'Заблокировать' }).click();
    await field(page, 'Логин').fill(who);
    await field(page, 'Пароль').fill(password);
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'План УПП' }).click();
  };
  await login('chief', 'Own-pass-2026');
  await page.getByRole('button', { name: 'Вернуть с замечаниями' }).click();
  await field(page.getByRole('dialog'), 'Замечания').fill('Добавить рейд по ночным заведениям');
  await page.getByRole('dialog').getByRole('button', { name: 'Вернуть с замечаниями' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('возвращён с замечаниями');
  await login('abdikadyrov', STATION.lead.password);
  await expect(page.getByText('Добавить рейд по ночным заведениям')).toBeVisible();
  await page.getByRole('button', { name: 'Изменить' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Добавить пункт' }).click();
  await page.getByRole('dialog').getByRole('textbox', { name: 'Мероприятие' }).nth(2).fill('Рейд по ночным заведениям');
  await page
    .getByRole('dialog')
    .getByRole('textbox', { name: 'или (например, «все УИП»)' })
    .nth(2)
    .fill('УИП 17-1, 17-2');
  await page.getByRole('dialog').getByRole('button', { name: 'Сохранить проект' }).click();
  await page.getByRole('button', { name: 'Направить на утверждение' }).click();
  // the senior inspector sees who approves, and has no button to do it
  await login('senior', 'Own-pass-2026');
  await expect(page.getByTestId('plan-approver')).toHaveText('Сегодня план утверждает: Бастықов Марат');
  await expect(page.getByRole('button', { name: 'Утвердить' })).toHaveCount(0);
  await login('chief', 'Own-pass-2026');
  await page.getByRole('button', { name: 'Утвердить' }).click();
  await expect(page.getByTestId('plan-status')).toHaveText('утверждён');
  await shot(page, '71-plan-approved');
  const plan = await printed(page, 'Печать', 'PDF на казахском');
  expect(plan).toContain('БЕКІТЕМІН');
  expect(plan).toContain('начальник МПС');
  expect(plan).toContain('Бастықов М.');
  expect(plan).toContain('Рейд по ночным заведениям');
  expect(plan).toContain('ЖҰМЫС ЖОСПАРЫ');
});
