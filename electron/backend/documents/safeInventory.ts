import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Category, Language, Station } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate, formatDateTime } from '../../../shared/format';
import { a4, stationHeader, pageFooter } from './render';

export interface InventoryData {
  station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>;
  place: string;
  rows: {
    number: number;
    person: string;
    birthDate: string | null;
    categories: Category[];
    shelf: string;
    startDate: string;
    section: string;
    inspector: string;
    controllingInspector: string;
    outSince: string | null;
  }[];
  printedAt: string;
  printedBy: string;
}

/**
 * p.13: the inventory of the files kept in one safe (or in the police body's premises), for a check of what is there.
 */
export function safeInventory(d: InventoryData, lang: Language) {
  const t = translator(lang);
  const head = [
    t('prevention.number'),
    t('doc.inventory.person'),
    t('doc.inventory.categories'),
    t('doc.inventory.since'),
    t('doc.inventory.section'),
    t('doc.inventory.shelf'),
    t('doc.inventory.state'),
  ];
  const body: TableCell[][] = [head.map((text) => ({ text, bold: true, fillColor: '#eeeeee', alignment: 'center' }))];
  for (const r of d.rows) {
    body.push([
      { text: String(r.number), alignment: 'center' },
      `${r.person}${r.birthDate ? `\n${formatDate(r.birthDate)}` : ''}`,
      r.categories.map((k) => k.replace('a', 'а').replace('b', 'б')).join(', '),
      formatDate(r.startDate),
      `${r.section}\n${r.inspector}`,
      r.shelf || r.controllingInspector,
      r.outSince ? t('doc.inventory.out', { since: formatDateTime(r.outSince) }) : '',
    ]);
  }
  const content: Content = [
    ...stationHeader(d.station, t),
    { text: t('doc.inventory.title'), alignment: 'center', bold: true, fontSize: 15, margin: [0, 12, 0, 2] },
    { text: t('doc.inventory.place', { place: d.place }), alignment: 'center', margin: [0, 0, 0, 10] },
    d.rows.length === 0
      ? { text: t('doc.journal.empty'), italics: true, alignment: 'center' }
      : {
          table: { headerRows: 1, dontBreakRows: true, widths: [30, '*', 40, 62, 90, 50, 62], body },
          fontSize: 10,
          layout: 'grid',
        },
    { text: t('doc.inventory.total', { count: d.rows.length }), margin: [0, 10, 0, 0] },
    { text: t('doc.inventory.checked'), margin: [0, 16, 0, 0] },
    { text: t('doc.card.printed', { at: d.printedAt, by: d.printedBy }), fontSize: 10, margin: [0, 16, 0, 0] },
  ];
  const dd = a4(content, { title: t('doc.inventory.title'), footer: pageFooter(t) });
  dd.pageMargins = [50, 40, 35, 45];
  return dd;
}
