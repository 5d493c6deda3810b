import { makeIin } from '../../shared/iin';
import {
  test,
  expect,
  shot,
  field,
  apiCall,
  firstSignIn,
  STATION,
  saveFromPreview,
  preview,
  paroleeFile,
} from './fixtures';

test('handover: the UPP lead hands section 17-1 to a new inspector with the chief present; the act lists the person files with their safe and the firearm owners; the new inspector owns the section', async ({
  page,
  app,
}) => {
  await page.goto(app.url);
  await page.evaluate(() => localStorage.setItem('uchaske.language', 'ru'));
  await apiCall(page, 'setup.create', STATION);
  const a = await apiCall<{ id: number }>(page, 'users.create', {
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
  const c = await apiCall<{ id: number }>(page, 'users.create', {
    login: 'zhanov',
    surname: 'Жанов',
    name: 'Ерболат',
    patronymic: '',
    rank: '',
    position: 'УИП',
    role: 'inspector',
    sectionIds: [],
    temporaryPassword: 'Temp-12345',
  });
  const [safe] = await apiCall<{ id: number }[]>(page, 'prevention.saveSafe', { name: 'Сейф 1', location: '' });
  await apiCall(page, 'prevention.create', paroleeFile(safe!.id, a.id));
  await apiCall(page, 'lists.saveFirearmOwner', {
    sectionId: 1,
    citizen: { id: null, iin: makeIin('1970-05-02', 'male', 12), noIin: null, surname: 'Жұмабаев', name: 'Серік' },
    address: 'ул. Сейфуллина, 12',
    weapons: [{ kind: 'ружьё', serial: 'A1' }],
    permitBy: 'УП',
    permitOn: '2024-03-15',
  });
  await page.goto(`${app.url}#/handover`);
  await page.reload();

  await page.getByRole('button', { name: 'Составить акт' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('combobox', { name: 'Сдаёт' })).toHaveValue('Нұрланов А.');
  await dialog.getByRole('combobox', { name: 'Принимает' }).click();
  await page.getByRole('option', { name: 'Жанов Е.' }).click();
  await field(dialog, 'В присутствии (заместитель начальника ОП или начальник МПС, п.4)').fill(
    'Ахметов Б. К., начальник МПС',
  );
  await field(dialog, 'Замечания').fill('Сейф исправен, опечатан');
  await expect(page.getByTestId('act-preview')).toContainText('Учётных дел: 1');
  // p.15: the draft names no one on preventive record: the file by its number and where the paper is
  await expect(page.getByTestId('act-preview')).toContainText('№ 1 — Сейф 1, полка 2');
  await expect(page.getByTestId('act-preview')).not.toContainText('Сейтқали');
  await shot(page, '90-handover-act-form');
  await dialog.getByRole('button', { name: 'Составить акт' }).click();
  await expect(dialog).toBeHidden();
  const act = page.getByTestId('act');
  await expect(act).toContainText('Нұрланов Асқар → Принимает: Жанов Ерболат');
  await shot(page, '91-handover-history');

  // p.15: the list counts the act's person files and names none; seeing them asks the purpose
  await expect(act).toContainText('Учётных дел: 1');
  await expect(act).not.toContainText('Сейтқали');
  await act.getByRole('button', { name: 'Учётные дела акта…' }).click();
  const why = page.getByRole('dialog', { name: 'Учётные дела акта…' });
  await expect(why).toContainText('Цель будет записана в деле');
  await why.getByRole('button', { name: 'Открыть' }).click();
  const files = page.getByRole('dialog', { name: /^Учётные дела в акте от/ });
  await expect(files).toContainText('Сейтқали Бауыржан Ерғалиұлы');
  await expect(files).toContainText('Сейф 1, полка 2');
  await page.waitForTimeout(400); // the modal's opening transition, for the picture only
  await shot(page, '91a-handover-act-files');
  await page.keyboard.press('Escape');
  await expect(files).toBeHidden();

  // the act opens in Russian (its purpose asked first), is switched to Kazakh in the preview, and saved from there
  await act.getByRole('button', { name: 'Печать' }).click();
  await page.getByRole('menuitem', { name: 'PDF на русском' }).click();
  await page.getByRole('dialog', { name: 'Печать' }).getByRole('button', { name: 'Печать' }).click();
  let sheet = await preview(page);
  await expect(sheet.getByTestId('preview-pages')).toHaveText('Страница 1 из 2');
  await sheet.getByText('Қазақша').click();
  sheet = await preview(page);
  await expect(sheet.getByTestId('preview-pages')).toHaveText(/из [12]$/);
  await shot(page, '91b-handover-preview');
  await page.keyboard.press('PageDown');
  await expect(sheet.getByTestId('preview-pages')).toHaveText(/^Страница 2/);
  await expect(sheet.locator('[data-page="2"][data-drawn="true"]')).toBeVisible();
  const pdf = (await saveFromPreview(page)).replace(/\s+/g, ' ');
  for (const text of [
    'ӘКІМШІЛІК УЧАСКЕНІ ҚАБЫЛДАУ-ТАПСЫРУ АКТІСІ',
    'Сейтқали Бауыржан Ерғалиұлы',
    'Сейф 1, полка 2',
    'Жұмабаев Серік',
    'Ахметов Б. К., начальник МПС',
    'Сейф исправен, опечатан',
  ])
    expect(pdf).toContain(text);

  // p.5: the door-to-door tour, address by address
  await act.getByRole('button', { name: 'Подворный обход выполнен' }).click();
  const tour = page.getByRole('dialog');
  await field(tour, 'Добавить адреса (по одному в строке)').fill('ул. Сейфуллина, 12\nул. Сейфуллина, 14');
  await tour.getByRole('button', { name: 'Добавить' }).click();
  await expect(tour.getByTestId('tour-address')).toHaveCount(2);
  await tour.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Сначала отметьте все адреса обхода: осталось 2')).toBeVisible();
  for (const n of [0, 1]) {
    await tour.getByTestId('tour-address').nth(n).getByRole('button', { name: 'Отметить' }).click();
    await tour.getByRole('textbox', { name: 'Что выявлено', exact: true }).fill(n ? 'новый магазин' : 'жалоб нет');
    await tour.getByRole('button', { name: 'Посещён' }).click();
  }
  await expect(tour.getByText(/посещён \d\d\.\d\d\.\d{4}: новый магазин/)).toBeVisible();
  await shot(page, '92-handover-tour');
  await tour.getByRole('button', { name: 'Сохранить' }).click();
  await expect(tour).toBeHidden();
  await expect(act).toContainText('Обход выполнен');

  // the new inspector now holds the section and its person file
  const users = await apiCall<{ id: number; sectionIds: number[] }[]>(page, 'users.list', { includeInactive: false });
  expect(users.find((u) => u.id === c.id)!.sectionIds).toEqual([1]);
  expect(users.find((u) => u.id === a.id)!.sectionIds).toEqual([]);
  const [file] = await apiCall<{ id: number; inspectorId: number }[]>(page, 'prevention.list', {});
  expect(file!.inspectorId).toBe(c.id);
  // the opening and the two prints (Russian, then Kazakh in the preview) are in the file's own log (p.15)
  const log = await apiCall<{ action: string }[]>(page, 'prevention.accessLog', { id: file!.id });
  expect(log.map((r) => r.action).slice(0, 3)).toEqual(['print', 'print', 'open']);

  // an inspector of another section sees no act of section 17-1, let alone its person files
  await apiCall(page, 'users.create', {
    login: 'korshi',
    surname: 'Көршіұлы',
    name: 'Марат',
    patronymic: '',
    rank: '',
    position: 'УИП',
    role: 'inspector',
    sectionIds: [2],
    temporaryPassword: 'Temp-12345',
  });
  await apiCall(page, 'auth.lock', {});
  await firstSignIn(page, 'korshi');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Приём-передача участка' })).toBeVisible();
  await expect(page.getByText('Записей нет')).toBeVisible();
  await expect(page.getByTestId('act')).toHaveCount(0);
  await shot(page, '93-handover-other-section');
});
