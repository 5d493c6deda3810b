import { test, expect, shot, apiCall, newStation } from './fixtures';

test('Today says what window it shows, and shows everything open when asked (issue 15)', async ({ page, app }) => {
  await newStation(page, app.url);
  const inspector = await apiCall<{ id: number }>(page, 'users.create', {
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
  const far = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  await apiCall(page, 'notebook.instruct', {
    ownerIds: [inspector.id],
    text: 'Подготовить справку к итоговому совещанию',
    dueDate: far,
    expectedResult: 'справка',
  });
  await page.goto(`${app.url}#/today`);
  await page.reload();
  await expect(page.getByTestId('today-window-text')).toContainText(
    'поручения, проверки дел и пункты плана — за 3 дн.',
  );
  const item = page.getByTestId('due-item').filter({ hasText: 'Подготовить справку' });
  await expect(item).toHaveCount(0);
  await page.getByTestId('today-window').getByText('Все открытые').click();
  await expect(item).toBeVisible();
  await expect(page.getByTestId('today-window-text')).toHaveText('Всё открытое, с любым сроком.');
  await shot(page, '05b-today-all');
  await page.getByText('Қазақша', { exact: true }).click();
  await page.getByTestId('today-window').getByText('Жақындағылар').click();
  await expect(page.getByTestId('today-window-text')).toContainText('3 күн бұрын');
  await expect(item).toHaveCount(0);
  await shot(page, '05c-today-soon-kk');
});
