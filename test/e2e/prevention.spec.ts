import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeIin } from '../../shared/iin';
import { startBrowserHost } from '../../electron/host/browserHost';
import {
  test,
  expect,
  shot,
  field,
  apiCall,
  STATION,
  ROOT,
  newStation,
  firstSignIn,
  saveFromPreview,
  NURLANOV,
  paroleeFile,
} from './fixtures';

/** A station with one inspector of section 17-1 and the UPP lead's safe; the inspector signed in. */
async function stationWithInspector(page: Page, url: string, station = STATION) {
  await newStation(page, url, station);
  await apiCall(page, 'prevention.saveSafe', { name: 'Сейф 1', location: 'кабинет УПП' });
  await apiCall(page, 'users.create', NURLANOV);
  await firstSignIn(page, 'nurlanov');
}

async function printFrom(page: Page, menu: string, language: 'PDF на русском' | 'PDF на казахском') {
  await page.getByRole('button', { name: menu }).click();
  await page.getByRole('menuitem', { name: language }).click();
  const dialog = page.getByRole('dialog', { name: 'Цель обращения к делу' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Печать' }).click();
  const text = (await saveFromPreview(page)).replace(/\s+/g, ' ');
  await expect(dialog).toBeHidden();
  return text;
}

test('person files: a parolee placed on record, the paper out of the safe and back, a home visit with a violation, the move away (p.14) to a second station by package', async ({
  page,
  app,
  browser,
}) => {
  await stationWithInspector(page, app.url);
  await page.goto(`${app.url}#/prevention`);
  await page.reload();

  // --- placing on record (p.11) ---
  await page.getByRole('button', { name: 'Поставить на учёт' }).click();
  const dialog = page.getByRole('dialog', { name: 'Поставить на учёт' });
  const search = dialog.getByRole('textbox', { name: 'Найти гражданина' });
  await expect(search).toBeFocused();
  await page.keyboard.type('Сейтқали Бауыржан Ерғалиұлы');
  await page.keyboard.press('Enter');
  await expect(field(dialog, 'Фамилия')).toHaveValue('Сейтқали');
  await field(dialog, 'ИИН / ЖСН').fill('850314300412');
  await field(dialog, 'Адрес').fill('г. Алматы, ул. Жансугурова, 14, кв. 7');
  await dialog.getByRole('checkbox', { name: '2 — УДО' }).check();
  await dialog.locator('input[type="file"]').setInputFiles(path.join(ROOT, 'test/e2e/assets/photo.png'));
  await expect(dialog.locator('img')).toBeVisible();
  await field(dialog, 'Суд или орган, вынесший решение').fill('Специализированный межрайонный суд г. Алматы');
  await field(dialog, '№ решения').fill('2-118/2026');
  await field(dialog, 'Дата решения').fill('01.10.2026');
  await page.keyboard.press('Tab');
  await field(dialog, 'Возложенные обязанности').fill('Являться на регистрацию 2 раза в месяц');
  await field(dialog, 'Установленные ограничения').fill('Не покидать г. Алматы без уведомления');
  await dialog.getByRole('button', { name: 'Добавить' }).click();
  await dialog.getByRole('textbox', { name: 'Ф.И.О.' }).fill('Сейтқали Гүлнар');
  await dialog.getByRole('textbox', { name: 'Кем приходится' }).fill('мать');
  await shot(page, '40-prevention-new-file');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Сейтқали Бауыржан Ерғалиұлы' })).toBeVisible();
  await expect(page.getByTestId('file-status')).toHaveText('на учёте');
  await shot(page, '41-prevention-file-card');

  // --- the paper out of safe 1 and back (p.13) ---
  await page.getByRole('tab', { name: 'Хранение' }).click();
  await page.getByRole('button', { name: 'Выдать из сейфа' }).click();
  const custody = page.getByRole('dialog', { name: 'Выдать из сейфа' });
  await custody.getByRole('button', { name: 'Выдать из сейфа' }).click();
  await expect(custody.getByText('Укажите, зачем выдаются материалы')).toBeVisible();
  await field(custody, 'Зачем').fill('Проверка по месту жительства');
  await custody.getByRole('button', { name: 'Выдать из сейфа' }).click();
  await expect(custody).toBeHidden();
  await expect(page.getByText(/выдано с \d\d\.\d\d\.\d{4}/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Вернуть в сейф' }).click();
  await page.getByRole('dialog', { name: 'Вернуть в сейф' }).getByRole('button', { name: 'Вернуть в сейф' }).click();
  await expect(page.getByRole('button', { name: 'Выдать из сейфа' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'возвращено' })).toBeVisible();
  await shot(page, '42-prevention-custody');

  // --- a home visit with a violation (p.12) ---
  await page.getByRole('tab', { name: /Профилактический контроль/ }).click();
  await page.getByRole('button', { name: 'Записать' }).click();
  const visit = page.getByRole('dialog', { name: 'Профилактический контроль' });
  await field(visit, 'Что установлено').fill('Проверен по месту жительства в 22:40, дома не находился');
  await visit.getByRole('checkbox', { name: 'Выявлено нарушение' }).check();
  await field(visit, 'Какое нарушение').fill('Отсутствовал по месту жительства после 22:00');
  await field(visit, 'Принятые меры').fill('Составлен рапорт, уведомлена служба пробации');
  await visit.getByRole('button', { name: 'Сохранить' }).click();
  await expect(visit).toBeHidden();
  await expect(page.getByText('нарушение: Отсутствовал по месту жительства после 22:00')).toBeVisible();
  await shot(page, '43-prevention-supervision');

  // --- the person moves away: request within 72 hours, confirmation, materials (p.14) ---
  await page.getByRole('tab', { name: 'Выбытие' }).click();
  await page.getByRole('button', { name: 'Выбытие' }).click();
  const departure = page.getByRole('dialog', { name: 'Выбытие' });
  await field(departure, 'Новый адрес').fill('г. Астана, ул. Кенесары, 40, кв. 12');
  await field(departure, 'Орган полиции по новому адресу').fill('УП района Сарыарка г. Астаны');
  await departure.getByRole('button', { name: 'Сохранить' }).click();
  await expect(departure).toBeHidden();
  await expect(page.getByTestId('request-due')).toContainText('Запрос направить до');
  await expect(page.getByTestId('file-status')).toHaveText('выбывает');
  // Today names the 72-hour deadline with its paragraph; its link opens the file again, for a stated purpose
  await page.getByRole('link', { name: 'Сегодня' }).click();
  const due = page.getByText(
    /Дело № 1 \(Сейтқали Б\. Е\.\): запрос в орган полиции по новому месту жительства — до \d\d\.\d\d\.\d{4} \d\d:\d\d/,
  );
  await expect(due).toBeVisible();
  await shot(page, '48-prevention-today');
  await due.click();
  await page.getByRole('dialog', { name: 'Цель обращения к делу' }).getByRole('button', { name: 'Открыть' }).click();
  await page.getByRole('tab', { name: 'Выбытие' }).click();
  const request = await printFrom(page, 'Печать запроса', 'PDF на русском');
  expect(request).toContain('Начальнику УП района Сарыарка г. Астаны');
  expect(request).toContain('пунктом 14');
  expect(request).toContain('Сейтқали Бауыржан Ерғалиұлы');
  expect(request).toContain('г. Астана, ул. Кенесары, 40, кв. 12');
  await page.getByRole('button', { name: 'Запрос направлен' }).click();
  const req = page.getByRole('dialog', { name: 'Запрос направлен' });
  await field(req, 'Исх. № запроса').fill('17/1102');
  await req.getByRole('button', { name: 'Сохранить' }).click();
  await expect(req).toBeHidden();
  await page.getByRole('button', { name: 'Подтверждение прибытия' }).click();
  const conf = page.getByRole('dialog', { name: 'Подтверждение прибытия' });
  await field(conf, 'Документ (№, от кого)').fill('письмо УП Сарыарка № 5/331');
  await conf.getByRole('button', { name: 'Сохранить' }).click();
  await expect(conf).toBeHidden();
  await page.getByRole('button', { name: 'Направить материалы' }).click();
  const mat = page.getByRole('dialog', { name: 'Направить материалы' });
  await field(mat, 'Перечень материалов (по строке на документ)').fill(
    'Копия приговора и постановления суда об УДО\nЛист профилактического контроля\nРапорт от 22.11.2026',
  );
  await field(mat, 'Исх. № сопроводительного письма').fill('17/1130');
  await mat.getByRole('button', { name: 'Направить материалы' }).click();
  await expect(mat).toBeHidden();
  await expect(page.getByTestId('file-status')).toHaveText('передано');
  await expect(page.getByText('Дело закрыто и доступно только для чтения.')).toBeVisible();
  await shot(page, '44-prevention-transferred');
  const covering = await printFrom(page, 'Печать сопроводительного письма', 'PDF на казахском');
  expect(covering).toContain('ІЛЕСПЕ ХАТ');
  expect(covering).toContain('Лист профилактического контроля');
  expect(covering).toContain('17/1130');

  // --- the encrypted package; the passphrase is told by phone, never printed ---
  await page.getByRole('button', { name: 'Экспорт пакета' }).click();
  const exp = page.getByRole('dialog', { name: 'Экспорт пакета' });
  await field(exp, 'Пароль пакета').fill('Астана-Алматы-2026');
  const pkgDownload = page.waitForEvent('download');
  await exp.getByRole('button', { name: 'Экспорт пакета' }).click();
  const pkgFile = path.join(os.tmpdir(), `uchaske-pkg-${Date.now()}.uchpkg`);
  await (await pkgDownload).saveAs(pkgFile);
  expect(covering).not.toContain('Астана-Алматы-2026');
  expect(fs.readFileSync(pkgFile, 'utf8')).not.toContain('Сейтқали');

  // the file shows who opened, printed and exported it, and why (p.15)
  await page.getByRole('tab', { name: 'Кто открывал' }).click();
  await expect(page.getByRole('cell', { name: 'экспорт пакета' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'выбытие и передача дела (п.14)' }).first()).toBeVisible();

  // --- a second station, with its own data folder, imports the package ---
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'uchaske-e2e-astana-'));
  const astana = await startBrowserHost({
    dataDir,
    resourcesDir: path.join(ROOT, 'resources'),
    rendererDir: path.join(ROOT, 'out', 'renderer'),
  });
  const other = await (
    await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ru-RU', timezoneId: 'Asia/Almaty' })
  ).newPage();
  try {
    await other.goto(astana.launchUrl());
    await stationWithInspector(other, astana.url, {
      ...STATION,
      station: {
        uppNumber: '4',
        uppName: 'Сарыарқа',
        policeBody: 'УП района Сарыарка г. Астаны',
        address: 'г. Астана',
      },
    });
    await other.goto(`${astana.url}#/prevention`);
    await other.reload();
    await other.getByRole('button', { name: 'Принять пакет' }).click();
    const imp = other.getByRole('dialog', { name: 'Принять пакет от другого УПП' });
    await imp.locator('input[type="file"]').setInputFiles(pkgFile);
    await field(imp, 'Пароль пакета').fill('Астана-Алматы-2025');
    await imp.getByRole('button', { name: 'Проверить пакет' }).first().click();
    await expect(other.getByText(/Пакет не открывается: неверный пароль/)).toBeVisible();
    await field(imp, 'Пароль пакета').fill('Астана-Алматы-2026');
    // Enter moves on, Ctrl+Enter does the form's work (issue 15)
    await other.keyboard.press('ControlOrMeta+Enter');
    const preview = imp.getByTestId('package-preview');
    await expect(preview).toContainText('Сейтқали Бауыржан Ерғалиұлы');
    await expect(preview).toContainText('Записей контроля: 1');
    await expect(preview).toContainText('УПП № 17 «Шұғыла»');
    await shot(other, '45-prevention-import-preview');
    await imp.getByRole('button', { name: 'Принять и поставить на учёт' }).click();
    await expect(imp).toBeHidden();
    await expect(other.getByRole('heading', { name: 'Сейтқали Бауыржан Ерғалиұлы' })).toBeVisible();
    await expect(other.getByTestId('file-status')).toHaveText('на учёте');
    await expect(other.locator('main img')).toBeVisible();
    await other.getByRole('tab', { name: /Профилактический контроль/ }).click();
    await expect(other.getByText('нарушение: Отсутствовал по месту жительства после 22:00')).toBeVisible();
    await shot(other, '46-prevention-imported');
  } finally {
    await other.context().close();
    await astana.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(pkgFile, { force: true });
  }

  // --- back at the first station: the list, and opening a closed file asks the purpose ---
  await page.getByRole('button', { name: 'Назад' }).click();
  // a filter of the list, not the desk's keyboard path: chosen with the mouse (the typed Enter once missed its
  // highlight under CI's load)
  await page.locator('main').getByRole('combobox', { name: 'Состояние' }).click();
  await page.getByRole('option', { name: 'передано', exact: true }).click();
  await expect(page.locator('main').getByRole('combobox', { name: 'Состояние' })).toHaveValue('передано');
  await page.getByRole('row', { name: /Сейтқали Бауыржан/ }).click();
  const purpose = page.getByRole('dialog', { name: 'Цель обращения к делу' });
  await purpose.getByRole('combobox', { name: 'Цель' }).click();
  await page.getByRole('option', { name: 'контроль профилактической работы (п.16)' }).click();
  await shot(page, '47-prevention-purpose');
  await purpose.getByRole('button', { name: 'Открыть' }).click();
  await expect(page.getByTestId('file-status')).toHaveText('передано');
  // the same file in Kazakh
  await page.getByText('Қазақша').click();
  await expect(page.getByTestId('file-status')).toHaveText('берілді');
  await page.getByRole('tab', { name: 'Кетуі' }).click();
  await shot(page, '49-prevention-file-kk');
  await page.getByRole('button', { name: 'Артқа' }).click();
  await expect(page.getByRole('row', { name: /Сейтқали Бауыржан/ })).toBeVisible();
  await shot(page, '50-prevention-list-kk');
});

test('p.2(3): an assistant, recorded under his inspector, places a person on record; the file shows both', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await newStation(page, app.url);
  await apiCall(page, 'prevention.saveSafe', { name: 'Сейф 1', location: 'кабинет УПП' });
  const insp = await apiCall<{ id: number }>(page, 'users.create', NURLANOV);
  // the lead records the assistant with the inspector he works under, on the users screen
  await page.goto(`${app.url}#/users`);
  await page.reload();
  await page.getByRole('button', { name: 'Новый пользователь' }).click();
  const form = page.getByRole('dialog');
  await field(form, 'Фамилия').fill('Бекова');
  await field(form, 'Имя').fill('Ляззат');
  await field(form, 'Роль').click();
  await page.getByRole('option', { name: 'Помощник УИП' }).click();
  await field(form, 'Участки').click();
  await page.getByRole('option', { name: '17-1' }).click();
  await page.keyboard.press('Escape');
  await field(form, 'Логин').fill('bekova');
  await field(form, 'Временный пароль').fill('Temp-12345');
  await form.getByRole('button', { name: 'Сохранить' }).click();
  await expect(form.getByText('Помощник работает под непосредственным руководством инспектора')).toBeVisible();
  await field(form, 'Работает под руководством инспектора').click();
  await page.getByRole('option', { name: 'Нұрланов Асқар Болатұлы' }).click();
  await shot(page, '47-assistant-user');
  await form.getByRole('button', { name: 'Сохранить' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText('Помощник УИП (под руководством Нұрланов А. Б.)')).toBeVisible();

  // the assistant places a person on record: his inspector is the file's responsible, and he its author
  await apiCall(page, 'auth.lock', {});
  await firstSignIn(page, 'bekova');
  await page.goto(`${app.url}#/prevention`);
  await page.reload();
  await page.getByRole('button', { name: 'Поставить на учёт' }).click();
  const dialog = page.getByRole('dialog', { name: 'Поставить на учёт' });
  await page.keyboard.type('Омаров Асқар');
  await page.keyboard.press('Enter');
  await field(dialog, 'ИИН / ЖСН').fill(makeIin('1990-07-01', 'male', 77));
  await field(dialog, 'Адрес').fill('г. Алматы, ул. Абая, 3');
  await dialog.getByRole('checkbox', { name: '2 — УДО' }).check();
  await field(dialog, 'Суд или орган, вынесший решение').fill('Суд г. Алматы');
  await field(dialog, '№ решения').fill('2-200/2026');
  await field(dialog, 'Дата решения').fill('01.11.2026');
  await page.keyboard.press('Tab');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Омаров Асқар' })).toBeVisible();
  await expect(page.getByTestId('file-placed-by')).toContainText('Поставил на учёт: Бекова Л., ');
  await expect(page.getByTestId('file-placed-by')).toContainText('(Помощник УИП, под руководством Нұрланов А. Б.)');
  await expect(page.getByText('Нұрланов А. Б.').first()).toBeVisible();
  await shot(page, '48-assistant-file');
  const [file] = await apiCall<{ inspectorId: number }[]>(page, 'prevention.list', {});
  expect(file!.inspectorId).toBe(insp.id);
});

test('a reception entry names the person file it concerns; the file lists the entry and opens it (issue 16)', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await stationWithInspector(page, app.url);
  const [safe] = await apiCall<{ id: number }[]>(page, 'prevention.safes', {});
  const me = (await apiCall<{ session: { id: number } }>(page, 'auth.status', {})).session;
  const file = await apiCall<{ id: number; number: number }>(page, 'prevention.create', paroleeFile(safe!.id, me.id));
  const visit = await apiCall<{ id: number; number: number }>(page, 'reception.create', {
    receivedAt: `${new Date().toISOString().slice(0, 10)}T18:20`,
    mode: 'inPerson',
    categoryCode: 'complaint',
    subject: 'Соседка жалуется: поднадзорный шумит ночью',
    action: 'explained',
    actionDetails: '',
    receiverId: me.id,
    followUpDue: null,
    citizen: { id: null, iin: makeIin('1990-06-01', 'female', 77), noIin: null, surname: 'Омарова', name: 'Айгүл' },
  });

  // the entry corrected at the desk: the measure "person file", the file chosen from the inspector's own
  await page.goto(`${app.url}#/reception/${visit.id}`);
  await page.reload();
  const card = page.getByRole('dialog');
  await card.getByRole('button', { name: 'Исправить' }).click();
  const form = page.getByRole('dialog');
  await form.getByRole('combobox', { name: 'Принятые меры' }).click();
  await page.getByRole('option', { name: 'взято в профилактическое дело' }).click();
  await form.getByRole('combobox', { name: 'Учётное дело' }).click();
  await page.getByRole('option', { name: `№ ${file.number} — Сейтқали Бауыржан Ерғалиұлы` }).click();
  await field(form, 'Причина исправления').fill('указано учётное дело');
  await shot(page, '51-reception-person-file');
  await form.getByRole('button', { name: 'Сохранить' }).click();

  // the card names the file by its number; the file opens through its purpose (p.15) and lists the entry
  const link = page.getByRole('dialog').getByRole('link', { name: `№ ${file.number}` });
  await expect(link).toBeVisible();
  await link.click();
  const purpose = page.getByRole('dialog', { name: 'Цель обращения к делу' });
  await purpose.getByRole('combobox', { name: 'Цель' }).click();
  await page.getByRole('option', { name: /индивидуальн/ }).click();
  await purpose.getByRole('button', { name: 'Открыть' }).click();
  await page.getByRole('tab', { name: 'Приём граждан' }).click();
  const rows = page.getByTestId('file-receptions');
  await expect(rows).toContainText('Соседка жалуется: поднадзорный шумит ночью');
  await shot(page, '52-prevention-file-receptions');
  await rows.getByRole('link', { name: `${visit.number}/` }).click();
  await expect(page).toHaveURL(new RegExp(`#/reception/${visit.id}$`));
  await expect(page.getByRole('dialog')).toContainText('Омарова Айгүл');
});
