import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PdfPool } from '../../electron/backend/documents/pdfPool';
import type { RenderProgress } from '../../electron/backend/documents/render';
import type { FormJob } from '../../electron/backend/documents/forms';
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

describe('PDF worker pool', () => {
  it('builds a form in a worker thread, with the footer on every page and the progress by pages', async () => {
    const seen: RenderProgress[] = [];
    const pdf = await pool().render(sheet(300, 'Бумага'), (p) => seen.push(p));
    const pages = Number(pdfInfo(pdf).Pages);
    expect(pages).toBeGreaterThan(2);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Бумага-300');
    expect(text).toContain(`${pages}`);
    expect(seen.at(-1)).toEqual({ done: pages, pages });
    expect(seen.every((p) => p.pages === pages)).toBe(true);
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
