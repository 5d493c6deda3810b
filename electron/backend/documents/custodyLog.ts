import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Language, Station } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate, formatDateTime } from '../../../shared/format';
import { a4, stationHeader, pageFooter } from './render';

export interface CustodyLogData {
  station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>;
  place: string;
  from: string;
  to: string;
  rows: {
    at: string;
    action: 'out' | 'in' | 'sent';
    number: number;
    person: string;
    to: string;
    reason: string;
    recordedBy: string;
  }[];
  printedAt: string;
  printedBy: string;
}

/** p.13: every taking out and return of the files kept in one place, for a period. */
export function custodyLog(d: CustodyLogData, lang: Language) {
  const t = translator(lang);
  const head = [
    t('doc.custody.at'),
    t('prevention.number'),
    t('doc.custody.person'),
    t('doc.custody.action'),
    t('doc.custody.to'),
    t('doc.custody.reason'),
    t('doc.custody.recordedBy'),
  ];
  const body: TableCell[][] = [head.map((text) => ({ text, bold: true, fillColor: '#eeeeee', alignment: 'center' }))];
  for (const r of d.rows)
    body.push([
      formatDateTime(r.at),
      { text: String(r.number), alignment: 'center' },
      r.person,
      t(`doc.custody.actions.${r.action}`),
      r.to,
      r.reason,
      r.recordedBy,
    ]);
  const content: Content = [
    ...stationHeader(d.station, t),
    { text: t('doc.custody.title'), alignment: 'center', bold: true, fontSize: 15, margin: [0, 12, 0, 2] },
    { text: t('doc.inventory.place', { place: d.place }), alignment: 'center' },
    {
      text: t('doc.custody.period', { from: formatDate(d.from), to: formatDate(d.to) }),
      alignment: 'center',
      margin: [0, 0, 0, 10],
    },
    d.rows.length === 0
      ? { text: t('doc.journal.empty'), italics: true, alignment: 'center' }
      : {
          table: { headerRows: 1, dontBreakRows: true, widths: [62, 30, '*', 62, 66, '*', 66], body },
          fontSize: 10,
          layout: 'grid',
        },
    { text: t('doc.custody.total', { count: d.rows.length }), margin: [0, 10, 0, 0] },
    { text: t('doc.card.printed', { at: d.printedAt, by: d.printedBy }), fontSize: 10, margin: [0, 16, 0, 0] },
  ];
  const dd = a4(content, { title: t('doc.custody.title'), footer: pageFooter(t) });
  dd.pageMargins = [50, 40, 35, 45];
  return dd;
}
