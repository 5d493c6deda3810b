import { test, expect, shot, field, apiCall, firstSignIn, STATION, newStation } from './fixtures';

test('an administrator gives an account access to person files only with the lead’s password; Today tells the lead', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await newStation(page, app.url);
  await apiCall(page, 'users.create', {
    surname: 'Әкімшіов',
    name: 'Тимур',
    patronymic: '',
    rank: '',
    position: 'инженер',
    role: 'admin',
    sectionIds: [],
    login: 'admin1',
    temporaryPassword: 'Temp-12345',
  });
  await apiCall(page, 'auth.lock', {});
  await firstSignIn(page, 'admin1');
  await page.goto(`${app.url}#/users`);
  await page.reload();

  await page.getByRole('button', { name: 'Новый пользователь' }).click();
  const dialog = page.getByRole('dialog');
  await field(dialog, 'Фамилия').fill('Жаңаев');
  await field(dialog, 'Имя').fill('Арман');
  await field(dialog, 'Логин').fill('zhanayev');
  await field(dialog, 'Временный пароль').fill('Temp-12345');
  // an inspector reads person files: the lead's confirmation is asked in the same dialog
  const confirm = dialog.getByText('Подтверждение ответственного за УПП или руководителя');
  await expect(confirm).toBeVisible();
  // a duty officer reads none: nothing to confirm
  await field(dialog, 'Роль').click();
  await page.getByRole('option', { name: 'Оперативный дежурный' }).click();
  await expect(confirm).toBeHidden();
  await field(dialog, 'Роль').click();
  await page.getByRole('option', { name: 'Участковый инспектор' }).click();
  await expect(confirm).toBeVisible();
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText('Обязательное поле').first()).toBeVisible();
  await field(dialog, 'Логин подтверждающего').fill(STATION.lead.login);
  await field(dialog, 'Его пароль').fill('wrong-one');
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog.getByText(/Неверный логин или пароль, или это не ответственный/)).toBeVisible();
  await shot(page, '24-user-confirm-access');
  await field(dialog, 'Его пароль').fill(STATION.lead.password);
  await dialog.getByRole('button', { name: 'Сохранить' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'zhanayev' })).toContainText('Участковый инспектор');

  // the lead signs in: Today says who did it and who confirmed it
  await page.getByRole('button', { name: 'Заблокировать' }).click();
  await field(page, 'Логин').fill(STATION.lead.login);
  await field(page, 'Пароль').fill(STATION.lead.password);
  await page.keyboard.press('Enter');
  const notice = page.getByTestId('due-item').filter({ hasText: 'создал учётную запись Жаңаев А.' });
  await expect(notice).toContainText(
    'Әкімшіов Т. создал учётную запись Жаңаев А. (Участковый инспектор) с доступом к учётным делам; подтвердил Әбдіқадыров Е.',
  );
  await expect(notice).toContainText('от ');
  await shot(page, '25-today-access-notice');
});
