import type { Page } from '@playwright/test';
import { makeIin } from '../../shared/iin';
import {
  test,
  expect,
  shot,
  field,
  apiCall,
  pickOption,
  STATION,
  preview,
  printFromPreview,
  saveFromPreview,
  newStation,
  inspectorSignedIn,
  atTheDesk,
} from './fixtures';

const KASYMOV = makeIin('1985-06-12', 'male', 4411);
const OMAROVA = makeIin('1992-02-29', 'female', 208);
const NEW_MAN = makeIin('1979-09-30', 'male', 1717);
// the desk works in Almaty time; the evening hours make a visit "in person" by default
const almatyDay = (offsetDays = 0) =>
  new Date(Date.now() + 5 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** Types into a field reached without the mouse (focus, then keys). */
async function type(page: Page, label: string, text: string) {
  await field(page.getByRole('dialog'), label).focus();
  await page.keyboard.press('ControlOrMeta+a');
  // in one piece: keyboard.type sends Cyrillic letters as IME text and each space as a key, two ways into Chromium,
  // and once in CI a space between two words of a correction was lost on the way (the saved text had none)
  await page.keyboard.insertText(text);
}
/** F2, and the search box has the focus: what the inspector types next lands there. */
async function newEntry(page: Page) {
  await page.keyboard.press('F2');
  await expect(field(page.getByRole('dialog'), 'Азаматты іздеу: ЖСН немесе тегі')).toBeFocused();
}
/** Types into the focused list box and takes the option offered, as soon as it is offered. */
async function pick(page: Page, text: string, option: RegExp | string) {
  // the box that has the focus now: once chosen, Enter moves the focus on
  const id = await page.evaluate(() => document.activeElement?.id ?? '');
  await pickOption(page, page.locator(`[id="${id}"]`), text, option);
}
async function choose(page: Page, label: string, text: string, option: RegExp | string) {
  await pickOption(page, field(page.getByRole('dialog'), label), text, option);
}

test('an evening at the desk: six visitors by keyboard, returning citizens found, a bad IIN corrected, a correction, the printed journal', async ({
  page,
  app,
}) => {
  await page.clock.setFixedTime(new Date(`${almatyDay()}T18:05:00+05:00`));
  await page.goto(app.url);
  await apiCall(page, 'setup.create', STATION);
  // two citizens who came before
  const yesterday = almatyDay(-1);
  const base = {
    mode: 'inPerson',
    categoryCode: 'consultation',
    subject: 'Кеңес',
    action: 'explained',
    actionDetails: '',
    receiverId: 1,
    followUpDue: null,
  };
  await apiCall(page, 'reception.create', {
    ...base,
    receivedAt: `${yesterday}T18:20`,
    citizen: {
      id: null,
      iin: KASYMOV,
      noIin: null,
      surname: 'Қасымов',
      name: 'Бауыржан',
      patronymic: 'Ерланұлы',
      address: 'Сейфуллин к-сі, 5, 12 п.',
      phone: '+7 701 555 1234',
    },
  });
  await apiCall(page, 'reception.create', {
    ...base,
    receivedAt: `${yesterday}T18:40`,
    citizen: {
      id: null,
      iin: OMAROVA,
      noIin: null,
      surname: 'Әбдіқадырова',
      name: 'Гүлнұр',
      patronymic: 'Серікқызы',
      address: 'Өтеген батыр к-сі, 7',
      phone: '',
    },
  });
  await page.reload();
  await page.keyboard.press('Alt+1'); // nothing bound: proves the page has focus without a click
  await page.goto(`${app.url}#/reception`);
  await expect(page.getByRole('heading', { name: 'Азаматтарды қабылдау' })).toBeVisible();
  const dialog = page.getByRole('dialog');

  // 1 — a returning citizen found by part of his IIN
  await newEntry(page);
  await page.keyboard.type(KASYMOV.slice(0, 6));
  await expect(page.getByRole('option', { name: /Қасымов Бауыржан/ })).toBeVisible();
  await shot(page, '20-reception-search');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('known-citizen')).toContainText('Қасымов Б. Е.');
  await expect(field(dialog, 'Мекенжайы')).toHaveValue('Сейфуллин к-сі, 5, 12 п.');
  await expect(field(dialog, 'Санаты')).toBeFocused();
  // a person from the register is linked, not edited: his new phone is a correction with its reason
  await expect(field(dialog, 'Телефоны')).toBeDisabled();
  await shot(page, '20a-reception-linked-citizen');
  await dialog.getByRole('button', { name: 'Деректерді түзету…' }).click();
  const correction = page.getByRole('dialog', { name: 'Адамның деректерін түзету' });
  await field(correction, 'Телефоны').fill('+7 777 100 2030');
  await correction.getByRole('button', { name: 'Сақтау' }).click();
  await expect(correction.getByText('Міндетті өріс')).toBeVisible();
  await field(correction, 'Түзету себебі').fill('Нөмірін ауыстырды');
  await shot(page, '20b-reception-citizen-correction');
  await correction.getByRole('button', { name: 'Сақтау' }).click();
  await expect(correction).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(field(dialog, 'Телефоны')).toHaveValue('+7 777 100 2030');
  await field(dialog, 'Санаты').focus();
  await pick(page, 'шағ', 'Шағым');
  // the choice moves on to what the citizen came with
  await expect(field(dialog, 'Өтініштің мәні')).toBeFocused();
  await page.keyboard.type('Көршісінің итін байлап ұстамайды');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: 'Көршісінің итін' })).toContainText('Қасымов Бауыржан Ерланұлы');

  // 2 — found by a lowercase Kazakh name
  await newEntry(page);
  await page.keyboard.type('әбдіқ');
  await expect(page.getByRole('option', { name: /Әбдіқадырова Гүлнұр/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('known-citizen')).toContainText('Әбдіқадырова Г. С.');
  await expect(field(dialog, 'Санаты')).toBeFocused();
  await pick(page, 'арыз', 'Арыз');
  // the choice moves on to what the citizen came with
  await expect(field(dialog, 'Өтініштің мәні')).toBeFocused();
  await page.keyboard.type('Пәтерден велосипед ұрланды');
  await choose(page, 'Қабылданған шаралар', 'арыз', 'арыз қабылданып, берілді');
  await type(page, 'Кімге берілді / қайда жіберілді', 'Түрксіб ауданының ПБ кезекші бөліміне');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();

  // 3 — a new citizen whose IIN is mistyped: refused with the reason, corrected
  await newEntry(page);
  const wrong = NEW_MAN.slice(0, 11) + ((Number(NEW_MAN[11]) + 1) % 10);
  await page.keyboard.type(wrong);
  await page.waitForTimeout(400); // the search answers: nobody
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('ЖСН-нің бақылау цифры сәйкес келмейді')).toBeVisible();
  await expect(field(dialog, 'Тегі')).toBeFocused();
  await page.keyboard.type('Серікбаев');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Нұрсұлтан');
  await choose(page, 'Санаты', 'кеңес', 'Кеңес алу');
  await type(page, 'Өтініштің мәні', 'Жұмысқа анықтама сұрады');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('ЖСН-нің бақылау цифры сәйкес келмейді')).toBeVisible();
  await shot(page, '21-reception-bad-iin');
  await type(page, 'ИИН / ЖСН', NEW_MAN);
  await expect(dialog.getByText('ЖСН дұрыс: 30.09.1979, ер')).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();

  // 4 — an online reception, a foreigner without IIN
  await newEntry(page);
  await field(dialog, 'ЖСН жоқ').focus();
  await page.keyboard.press('Space');
  await type(page, 'Тегі', 'Ли');
  await type(page, 'Аты', 'Вэй');
  await type(page, 'Туған күні', '03.03.1990');
  await page.keyboard.press('Escape');
  await dialog.getByRole('radio', { name: 'онлайн' }).focus();
  await page.keyboard.press('Space');
  await choose(page, 'Санаты', 'ақпарат', 'Ақпарат беру');
  await type(page, 'Өтініштің мәні', 'Көше шамдары жанбайды');
  await type(page, 'Бақылау мерзімі', almatyDay(2).split('-').reverse().join('.'));
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();

  // 5 — one more in person, typed as "surname name" into the search; Esc with typed text asks first
  await newEntry(page);
  await page.keyboard.type('жұмабекова айгүл');
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
  await expect(field(dialog, 'Тегі')).toHaveValue('Жұмабекова');
  await expect(field(dialog, 'ИИН / ЖСН')).toBeFocused();
  await page.keyboard.type(makeIin('2001-01-15', 'female', 55));
  await page.keyboard.press('Escape');
  await expect(page.getByText('Сақтамай жабу керек пе?')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText('Сақтамай жабу керек пе?')).toHaveCount(0);
  await expect(field(dialog, 'Тегі')).toHaveValue('Жұмабекова');
  await choose(page, 'Санаты', 'көмек', 'Көмек сұрау');
  await type(page, 'Өтініштің мәні', 'Жоғалған құжаттар бойынша көмек');
  await shot(page, '22-reception-form');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();

  // 6 — the sixth, made with a mistake and then corrected with a reason
  await newEntry(page);
  await page.keyboard.type('қасым');
  await expect(page.getByRole('option', { name: /Қасымов/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(field(dialog, 'Санаты')).toBeFocused();
  await pick(page, 'шағ', 'Шағым');
  await expect(field(dialog, 'Өтініштің мәні')).toBeFocused();
  await page.keyboard.type('Көлік ауланы бөгеп тұр');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();
  const sixth = page.getByRole('row').filter({ hasText: 'Көлік ауланы бөгеп тұр' });
  await sixth.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('dialog');
  await details.getByRole('button', { name: 'Түзету' }).focus();
  await page.keyboard.press('Enter');
  await type(page, 'Өтініштің мәні', 'Бөгде көлік ауланың кіреберісін бөгеп тұр');
  await type(page, 'Түзету себебі', 'мәні нақтыланды');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.getByText('Жазба тарихы')).toBeVisible();
  await expect(page.getByRole('dialog').getByText('мәні нақтыланды')).toBeVisible();
  await expect(page.getByRole('dialog').getByText('2-нұсқа', { exact: false })).toBeVisible();
  await shot(page, '23-reception-history');
  await page.keyboard.press('Escape');

  // the evening's list
  const rows = page.locator('table tbody tr');
  await expect(rows).toHaveCount(6);
  await expect(page.getByText('Жазбалар: 6')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Ли Вэй' })).toContainText('онлайн');
  await shot(page, '24-reception-list');

  // the printed journal: the preview opens in Russian, is switched to Kazakh there, printed and saved
  await page.getByRole('button', { name: 'Журналды басып шығару' }).click();
  await page.getByRole('menuitem', { name: 'PDF орыс тілінде' }).click();
  const sheet = await preview(page);
  await expect(sheet.getByTestId('preview-pages')).toHaveText('1-бет, барлығы 1');
  await sheet.getByText('Қазақша').click();
  await expect(sheet.getByTestId('preview-building')).toBeHidden();
  await shot(page, '25-reception-preview');
  const printed = await printFromPreview(page);
  // A4 landscape (841.9 × 595.3 pt) at 150 dpi: 1753 × 1240 pixels
  expect(printed).toEqual({ pages: 1, width: 1753, height: 1240, rule: 'size: A4 landscape' });
  const text = (await saveFromPreview(page)).replace(/\s+/g, ' ');
  expect(text).toContain('АЗАМАТТАРДЫ ҚАБЫЛДАУ ЖУРНАЛЫ');
  for (const s of [
    'Қасымов Бауыржан Ерланұлы',
    'Әбдіқадырова Гүлнұр Серікқызы',
    'Серікбаев Нұрсұлтан',
    'Ли Вэй',
    'Жұмабекова Айгүл',
    'Бөгде көлік ауланың кіреберісін бөгеп тұр',
    NEW_MAN,
    'шетелдік, ЖСН жоқ',
  ]) {
    expect(text, s).toContain(s);
  }
  expect(text).toContain('Барлығы қабылданды: 6 (УПП-да — 5, онлайн — 1)');
  expect(text).not.toContain('Көлік ауланы бөгеп тұр');
});

test('a long period pages in the backend: the count is of every entry, the next page shows the rest', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await newStation(page, app.url);
  const day = almatyDay(-3);
  const failed = await page.evaluate(async (d) => {
    let bad = 0;
    for (let i = 0; i < 130; i++) {
      const res = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'reception.create',
          input: {
            receivedAt: `${d}T${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
            mode: 'inPerson',
            categoryCode: 'consultation',
            subject: `Кеңес ${i + 1}`,
            action: 'explained',
            actionDetails: '',
            receiverId: 1,
            followUpDue: null,
            citizen: { id: null, iin: '', noIin: 'unknown', surname: `Келуші${i + 1}`, name: 'Адам', patronymic: '' },
          },
        }),
      });
      if (!(await res.json()).ok) bad++;
    }
    return bad;
  }, day);
  expect(failed).toBe(0);
  await page.goto(`${app.url}#/reception`);
  await page.reload();
  await field(page, 'С').fill(day.split('-').reverse().join('.'));
  await page.keyboard.press('Enter');
  await expect(page.getByText('1–100 из 130')).toBeVisible();
  await expect(page.getByText('Записей: 130')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: /Келуші\d+/ })).toHaveCount(100);
  // the date picker closes (it fades out) before the picture
  await page.getByRole('heading', { name: 'Приём граждан' }).click();
  await expect(page.locator('[class*="calendarHeader"]').first()).toBeHidden();
  await page.waitForTimeout(300);
  await shot(page, '26-reception-pages');
  await page.locator('.mantine-datatable-pagination').getByRole('button', { name: '2', exact: true }).click();
  await expect(page.getByText('101–130 из 130')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Келуші130' })).toBeVisible();
  // the citizen, as the desk search takes him (any case): the list and its count follow, from the first page
  await field(page, 'Гражданин').fill('келуші13');
  await expect(page.getByText('Записей: 2')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: /Келуші13\d? / })).toHaveCount(2);
  await shot(page, '27-reception-citizen-filter');
});

test('Enter means one thing: a new citizen with IIN, address and phone in 8 keys besides the letters, a returning one in 4; a refused save says why and goes to the field (issue 15)', async ({
  page,
  app,
}) => {
  await page.clock.setFixedTime(new Date(`${almatyDay()}T18:05:00+05:00`));
  await newStation(page, app.url);
  await page.goto(`${app.url}#/reception`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Приём граждан' })).toBeVisible();
  const dialog = page.getByRole('dialog');
  let keys = 0;
  const key = async (k: string) => {
    keys++;
    await page.keyboard.press(k);
  };

  // a new citizen: F2, the name, Enter to his IIN; each Enter goes to the next field still empty
  await key('F2');
  await expect(field(dialog, 'Найти гражданина: ИИН или фамилия')).toBeFocused();
  await page.keyboard.type('Серікбаев Нұрсұлтан');
  await page.waitForTimeout(400); // the search answers: nobody
  await key('Enter');
  await expect(field(dialog, 'ИИН / ЖСН')).toBeFocused();
  await page.keyboard.type(NEW_MAN);
  // as a person looks up when the IIN is read: its birth date and sex are filled in from it
  await expect(dialog.getByText('ИИН верный: 30.09.1979, мужской')).toBeVisible();
  await key('Enter');
  await expect(field(dialog, 'Отчество (при наличии)')).toBeFocused();
  await key('Enter');
  await expect(field(dialog, 'Адрес')).toBeFocused();
  await page.keyboard.type('ул. Абая, 40, кв. 2');
  await key('Enter');
  await expect(field(dialog, 'Телефон')).toBeFocused();
  await page.keyboard.type('+7 701 000 1122');
  await expect(field(dialog, 'Телефон')).toHaveValue('+7 701 000 1122');
  // the day and time are filled already: on to the category
  await key('Enter');
  await expect(field(dialog, 'Категория')).toBeFocused();
  await page.keyboard.type('консульт');
  // the list marks its first match a moment after the typing: then Enter takes it
  await expect(page.getByRole('option', { name: 'Консультация' })).toHaveAttribute('data-combobox-selected');
  await key('Enter');
  await expect(field(dialog, 'Суть обращения')).toBeFocused();
  await expect(field(dialog, 'Категория')).toHaveValue('Консультация');
  // Shift+Enter is a new line in a text; Enter would move on
  await page.keyboard.type('Справка с места жительства');
  await expect(field(dialog, 'Суть обращения')).toHaveValue('Справка с места жительства');
  await key('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name: /Серікбаев/ })).toContainText('Справка с места жительства', {
    timeout: 20_000,
  });
  expect(keys).toBeLessThanOrEqual(10);
  expect(keys).toBe(8);

  // the same citizen again: four keys
  keys = 0;
  await key('F2');
  await expect(field(dialog, 'Найти гражданина: ИИН или фамилия')).toBeFocused();
  await page.keyboard.type('серік');
  await expect(page.getByRole('option', { name: /Серікбаев Нұрсұлтан/ })).toBeVisible();
  await key('Enter');
  await expect(field(dialog, 'Категория')).toBeFocused();
  await page.keyboard.type('консульт');
  // the list marks its first match a moment after the typing: then Enter takes it
  await expect(page.getByRole('option', { name: 'Консультация' })).toHaveAttribute('data-combobox-selected');
  await key('Enter');
  await expect(field(dialog, 'Суть обращения')).toBeFocused();
  await page.keyboard.type('Повторно за справкой');
  await expect(field(dialog, 'Суть обращения')).toHaveValue('Повторно за справкой');
  await key('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();
  expect(keys).toBe(4);

  // a bad IIN: Ctrl+Enter is refused beside the button and the cursor goes to the IIN
  await page.keyboard.press('F2');
  await expect(field(dialog, 'Найти гражданина: ИИН или фамилия')).toBeFocused();
  await page.keyboard.type('Ли Вэй');
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
  await page.keyboard.type(NEW_MAN.slice(0, 11) + ((Number(NEW_MAN[11]) + 1) % 10));
  await field(dialog, 'Суть обращения').fill('Консультация по регистрации');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Не сохранено: исправьте отмеченные поля');
  await expect(field(dialog, 'ИИН / ЖСН')).toBeFocused();
  await shot(page, '21b-reception-refused');

  // no IIN after all: his sex by one key, and Enter goes on from it to the address. Playwright sends no key events for
  // a Cyrillic letter: "f" (female) and the key marked "М" on the English layout ("v") stand for them
  await dialog.getByRole('checkbox', { name: 'Нет ИИН' }).check();
  await field(dialog, 'Дата рождения').fill('02.03.1990');
  await dialog.getByRole('radio', { name: 'мужской' }).focus();
  await page.keyboard.press('f');
  await expect(dialog.getByRole('radio', { name: 'женский' })).toBeChecked();
  await page.keyboard.press('v');
  await expect(dialog.getByRole('radio', { name: 'мужской' })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(field(dialog, 'Адрес')).toBeFocused();
});

test('a foreigner at the desk and in App 4 are one person: citizenship and passport typed at the desk come to the list, and his card shows both (issue 15)', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await atTheDesk(page, app.url);

  // at the desk: no IIN, a foreigner; his citizenship and passport
  await page.keyboard.press('F2');
  const dialog = page.getByRole('dialog', { name: /Новая запись/ });
  await expect(field(dialog, 'Найти гражданина: ИИН или фамилия')).toBeFocused();
  await page.keyboard.type('Ли Вэй');
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
  await dialog.getByRole('checkbox', { name: 'Нет ИИН' }).check();
  const foreign = dialog.getByTestId('foreigner-fields');
  await field(foreign, 'Гражданство').fill('КНР');
  await field(foreign, '№ паспорта').fill('E 1234567');
  await field(foreign, 'Паспорт до').fill('01.01.2030');
  await pickOption(page, field(dialog, 'Категория'), 'консульт', 'Консультация');
  await field(dialog, 'Суть обращения').fill('Регистрация по месту пребывания');
  await shot(page, '22-reception-foreigner');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: /Ли Вэй/ });
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByRole('dialog')).toContainText('КНР, № паспорта E1234567');
  await page.keyboard.press('Escape');

  // App 4: found in the register, his citizenship and passport come with him
  await page.goto(`${app.url}#/lists/foreigners`);
  await page.reload();
  await page.getByRole('button', { name: 'Добавить' }).click();
  const entry = page.getByRole('dialog');
  await expect(entry.getByRole('textbox', { name: 'Найти гражданина' })).toBeFocused();
  await page.keyboard.type('ли вэй');
  await expect(page.getByRole('option', { name: /Ли Вэй/ })).toHaveAttribute('data-combobox-selected');
  await page.keyboard.press('Enter');
  await expect(field(entry, 'Гражданство')).toHaveValue('КНР');
  await expect(field(entry, '№ паспорта')).toHaveValue('E1234567');
  await expect(entry.getByTestId('foreigner-fields')).toHaveCount(0);
  await field(entry, 'Проживание разрешено до').fill('01.03.2027');
  await field(entry, 'Место временного проживания').fill('ул. Жансугурова, 7');
  await entry.getByRole('button', { name: 'Сохранить' }).click();
  await expect(entry).toBeHidden();
  await expect(page.getByRole('row', { name: /Ли Вэй/ })).toContainText('E1234567');

  // one person: his card holds the visit and the list entry
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('textbox', { name: 'Поиск', exact: true })).toBeFocused();
  await page.keyboard.type('ли вэй');
  await page.getByRole('group', { name: 'Граждане', exact: true }).getByTestId('search-hit').click();
  const card = page.getByTestId('citizen-card');
  await expect(card).toContainText('E1234567 · 01.01.2030');
  await expect(card.getByRole('tab', { name: /Обращения/ })).toContainText('1');
  await card.getByRole('tab', { name: /Списки/ }).click();
  await expect(card.getByRole('tabpanel')).toContainText('Иностранец (прил. 4)');
  await shot(page, '23-citizen-card-foreigner');
});

test('an online entry corrected at the desk: the notebook entry p.9 made from it follows as a correcting entry (issue 15)', async ({
  page,
  app,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const me = await inspectorSignedIn(page, app.url);
  const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
  await apiCall(page, 'reception.create', {
    receivedAt: `${today}T18:30`,
    mode: 'online',
    categoryCode: 'consultation',
    subject: 'Вопрос о регистраци',
    action: 'explained',
    actionDetails: '',
    receiverId: me.id,
    followUpDue: null,
    citizen: { id: null, iin: KASYMOV, noIin: null, surname: 'Қасымов', name: 'Бауыржан' },
  });
  await page.goto(`${app.url}#/reception`);
  await page.reload();
  await page.getByRole('row', { name: /Қасымов/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Исправить' }).click();
  const form = page.getByRole('dialog', { name: /Запись № 1$/ });
  await field(form, 'Суть обращения').fill('Вопрос о регистрации по месту жительства');
  await field(form, 'Причина исправления').fill('опечатка');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(form).toBeHidden();
  await page.keyboard.press('Escape');

  await page.goto(`${app.url}#/notebook`);
  await page.reload();
  const entries = page.getByTestId('notebook-entry');
  await expect(entries.filter({ hasText: 'Вопрос о регистрации по месту жительства' })).toContainText('исправляет № 1');
  await expect(entries.filter({ hasText: 'Вопрос о регистраци' }).first()).toBeVisible();
  await shot(page, '26-notebook-follows-correction');
});
