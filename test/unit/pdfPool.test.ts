import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PdfPool } from '../../electron/backend/documents/pdfPool';
import type { RenderProgress } from '../../electron/backend/documents/render';
import type { FormData, FormJob, FormName } from '../../electron/backend/documents/forms';
import { ROOT } from './helpers';
import { pdfInfo, pdfText } from './pdf';

const pools: PdfPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
const pool = (size?: number) => {
  const p = new PdfPool(path.join(ROOT, 'resources'), size);
  pools.push(p);
  return p;
};
const STATION = { uppNumber: '17', uppName: 'Шұғыла', policeBody: 'УП', address: 'Алматы' };
/** A real form of the program: the recovery sheet, made longer by the folders it lists (40 a page or so). */
const sheet = (folders: number, word: string): FormJob<'recoverySheet'> => ({
  form: 'recoverySheet',
  language: 'kk',
  data: {
    station: STATION,
    code: 'ABCD-EFGH',
    issuedAt: '03.12.2026 18:00',
    issuedBy: word,
    backupFolders: Array.from({ length: folders }, (_, i) => `E:\\${word}-${i + 1}`),
  },
});

/** A journal entry as the journal's form reads it. */
const journalEntry = (n: number): FormJob<'receptionJournal'>['data']['entries'][number] => ({
  id: n,
  year: 2026,
  number: n,
  receivedAt: '2026-11-02T18:10',
  mode: 'inPerson',
  citizen: {
    id: n,
    iin: null,
    noIin: 'unknown',
    surname: `Қасымов${n}`,
    name: 'Бауыржан',
    patronymic: '',
    birthDate: null,
    sex: null,
    address: `Сейфуллин к-сі, ${n}`,
    phone: '',
    citizenship: '',
    passportNo: '',
    passportValidUntil: null,
  },
  categoryCode: 'complaint',
  subject: `Обращение ${n}: шум во дворе после 23:00`,
  action: 'explained',
  actionDetails: '',
  receiverId: 1,
  receiverName: 'Нұрланов А.',
  receiverRole: 'inspector',
  receiverSupervisor: '',
  followUpDue: null,
  followUpResult: '',
  followUpDoneAt: null,
  personFile: null,
  voidReason: '',
  status: 'open',
  version: 1,
});

/** A notebook entry as the extract and the pass register read it. */
const notebookEntry = (n: number): FormJob<'notebookExtract'>['data']['entries'][number] => ({
  id: n,
  ownerId: 1,
  number: n,
  kind: 'other',
  occurredAt: '2026-11-02T10:00',
  text: `Запись ${n}`,
  writtenBy: 'Нұрланов А.',
  writtenByRole: 'inspector',
  createdAt: '2026-11-02T10:05:00.000Z',
  correctsNumber: null,
  correctedByNumber: null,
  givenBy: '',
  dueDate: null,
  expectedResult: '',
  doneAt: null,
  doneText: '',
  passTo: '',
  passedAt: null,
  passedHow: '',
  outgoingNumber: '',
  checkResult: '',
  receptionId: null,
  citizenId: null,
  citizenName: '',
  address: '',
});

/** A probation list's row (App 3). */
const probationPerson = (n: number) => ({
  id: n,
  sectionId: 1,
  sectionNumber: '1',
  citizenId: n,
  citizen: journalEntry(n).citizen,
  person: `Қасымов${n} Бауыржан`,
  iin: null,
  birthDate: null,
  address: `Сейфуллин к-сі, ${n}`,
  work: '',
  phones: '',
  includedOn: '2026-01-10',
  removedOn: null,
  marks: '',
  measure: '',
});

describe('PDF worker pool', () => {
  it('builds a form in a worker thread, with the footer on every page and the progress by pages', async () => {
    const seen: RenderProgress[] = [];
    const pdf = await pool().render(sheet(300, 'Бумага'), { onProgress: (p) => seen.push(p) });
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThan(2);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Бумага-300');
    expect(text).toContain(`${pages}`);
    expect(seen.at(-1)).toEqual({ done: pages, pages });
    expect(seen.every((p) => p.pages === pages)).toBe(true);
  });

  it("gives a long journal's first page before the whole, the same page but for the count not yet known (issue 14)", async () => {
    const entries = Array.from({ length: 200 }, (_, i) => journalEntry(i + 1));
    const job: FormJob<'receptionJournal'> = {
      form: 'receptionJournal',
      language: 'ru',
      data: {
        station: STATION,
        from: '2026-11-02',
        to: '2026-11-06',
        entries,
        categories: [],
        printedAt: '',
        printedBy: '',
      },
    };
    const order: string[] = [];
    const whole = await pool().render(job, {
      onFirstPage: () => order.push('first'),
      onProgress: () => order.at(-1) !== 'progress' && order.push('progress'),
    });
    expect(order[0]).toBe('first');
    expect(Number(pdfInfo(whole).Pages)).toBeGreaterThan(10);
    // a short journal comes whole, with no first page apart
    let short = false;
    await pool().render(
      { ...job, data: { ...job.data, entries: entries.slice(0, 20) } },
      { onFirstPage: () => (short = true) },
    );
    expect(short).toBe(false);
  });

  it('gives the first page of every long register as the whole has it, but for the page count (issue 14)', async () => {
    const ru = <K extends FormName>(form: K, data: FormData<K>): FormJob => ({ form, language: 'ru', data });
    const longs: FormJob[] = [
      ru('receptionJournal', {
        station: STATION,
        from: '2026-11-02',
        to: '2026-11-06',
        entries: Array.from({ length: 200 }, (_, i) => journalEntry(i + 1)),
        categories: [],
        printedAt: '',
        printedBy: '',
      }),
      ru('notebookExtract', {
        station: STATION,
        ownerName: 'Нұрланов А.',
        ownerPosition: 'УИП',
        from: null,
        to: null,
        entries: Array.from({ length: 120 }, (_, i) => notebookEntry(i + 1)),
        reviews: [{ reviewer: 'Ахметов Б.', reviewedAt: '2026-11-30T10:00', upToNumber: 110, remark: 'Замечаний нет' }],
        printedAt: '',
      }),
      ru('passRegister', {
        station: STATION,
        from: '2026-11-01',
        to: '2026-11-30',
        rows: Array.from({ length: 120 }, (_, i) => ({
          ...notebookEntry(i + 1),
          kind: 'passOn',
          ownerName: 'Нұрланов А.',
        })),
        printedAt: '',
        printedBy: '',
      }),
      ru('safeInventory', {
        station: STATION,
        place: 'Сейф 1',
        rows: Array.from({ length: 120 }, (_, i) => ({
          number: i + 1,
          person: `Қасымов${i + 1} Б. Е.`,
          birthDate: null,
          categories: ['3a' as const],
          shelf: '',
          startDate: '2026-01-10',
          section: '1',
          inspector: 'Нұрланов А.',
          controllingInspector: '',
          outSince: null,
        })),
        printedAt: '',
        printedBy: '',
      }),
      ru('custodyLog', {
        station: STATION,
        place: 'Сейф 1',
        from: '2026-11-01',
        to: '2026-11-30',
        rows: Array.from({ length: 160 }, (_, i) => ({
          at: '2026-11-02T10:00',
          action: 'out' as const,
          number: i + 1,
          person: `Қасымов${i + 1}`,
          to: 'УИП',
          reason: '',
          recordedBy: 'Н',
        })),
        printedAt: '',
        printedBy: '',
      }),
      ru('sectionList', {
        list: 'probation',
        station: STATION,
        sections: '1',
        asOf: '2026-12-01',
        rows: Array.from({ length: 120 }, (_, i) => probationPerson(i + 1)),
      }),
    ];
    const footer = /Страница 1 из (…|\d+)/;
    for (const job of longs) {
      let first: Buffer | null = null;
      const whole = await pool().render(job, { onFirstPage: (pdf) => (first = pdf) });
      expect(first, job.form).not.toBeNull();
      const pages = Number(pdfInfo(whole).Pages);
      expect(pages, job.form).toBeGreaterThan(2);
      const firstPage = pdfText(first!).split('\f')[0]!.replace(/\s+/g, ' ');
      const wholePage = pdfText(whole).split('\f')[0]!.replace(/\s+/g, ' ');
      expect(firstPage.match(footer)?.[1], job.form).toBe('…');
      expect(wholePage.match(footer)?.[1], job.form).toBe(String(pages));
      // the same rows, the same head; nothing the form draws after them (totals, signatures) came up onto page 1
      expect(firstPage.replace(footer, ''), job.form).toBe(wholePage.replace(footer, ''));
    }
  }, 60_000);

  it('starts a worker ahead when asked, once, and the next document is built in it', async () => {
    const p = pool(1);
    p.warm();
    const [ahead] = p.workers;
    expect(ahead).toBeDefined();
    p.warm();
    expect(p.workers).toEqual([ahead]);
    const pdf = await p.render(sheet(3, 'Бумага'));
    expect(pdfText(pdf)).toContain('Бумага-3');
    expect(p.workers).toEqual([ahead]);
  });

  it('refuses a document that is not plain data, and goes on with the next', async () => {
    const p = pool(1);
    const bad = sheet(1, 'x');
    (bad.data as unknown as { issuedBy: unknown }).issuedBy = () => 'a function';
    await expect(p.render(bad)).rejects.toThrow();
    expect(pdfText(await p.render(sheet(1, 'Кейінгі')))).toContain('Кейінгі-1');
  });

  it('a worker that dies fails only its document; the pool starts another for the next', async () => {
    const p = pool(1);
    await p.render(sheet(1, 'жылыту'));
    const long = p.render(sheet(3000, 'ұзын'));
    const [worker] = p.workers;
    await worker!.terminate();
    await expect(long).rejects.toThrow('PdfWorkerStopped');
    expect(pdfText(await p.render(sheet(2, 'Тағы')))).toContain('Тағы-2');
    expect(p.workers[0]).not.toBe(worker);
  });

  it('two documents at once come back each to its own caller', async () => {
    const p = pool(2);
    const [a, b] = await Promise.all([p.render(sheet(3, 'Бірінші')), p.render(sheet(2, 'Екінші'))]);
    expect(pdfText(a)).toContain('Бірінші-3');
    expect(pdfText(b)).toContain('Екінші-2');
    expect(pdfText(b)).not.toContain('Бірінші');
  });
});
