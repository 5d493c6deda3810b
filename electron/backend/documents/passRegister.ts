import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Language, NotebookEntry, Station } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate, formatDateTime } from '../../../shared/format';
import { a4, pageFooter } from './render';

export interface PassRegisterData {
  station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>;
  from: string;
  to: string;
  rows: (NotebookEntry & { ownerName: string })[];
  printedAt: string;
  printedBy: string;
}

/**
 * p.24(5): the register of information passed to other units and bodies, with the check results ("cumulative file").
 */
export function passRegisterDoc(d: PassRegisterData, lang: Language) {
  const t = translator(lang);
  const head = [
    '№',
    t('doc.register.owner'),
    t('doc.register.received'),
    t('doc.register.text'),
    t('doc.register.passTo'),
    t('doc.register.passed'),
    t('doc.register.check'),
  ];
  const body: TableCell[][] = [head.map((text) => ({ text, bold: true, fillColor: '#eeeeee', alignment: 'center' }))];
  d.rows.forEach((r, i) =>
    body.push([
      { text: String(i + 1), alignment: 'center' },
      `${r.ownerName}\n(${t('doc.register.entry', { n: r.number })})`,
      formatDateTime(r.occurredAt),
      r.text,
      r.passTo,
      r.passedAt
        ? `${formatDateTime(r.passedAt)}\n${r.passedHow}${r.outgoingNumber ? `, № ${r.outgoingNumber}` : ''}`
        : t('notebook.notPassed'),
      r.checkResult,
    ]),
  );
  const content: Content = [
    { text: d.station.policeBody, alignment: 'center', fontSize: 12 },
    {
      text: t('doc.stationLine', { number: d.station.uppNumber, name: d.station.uppName }),
      alignment: 'center',
      bold: true,
      fontSize: 12,
    },
    { text: t('doc.register.title'), alignment: 'center', bold: true, fontSize: 16, margin: [0, 10, 0, 2] },
    {
      text: t('doc.journal.period', { period: `${formatDate(d.from)} – ${formatDate(d.to)}` }),
      alignment: 'center',
      margin: [0, 0, 0, 10],
    },
    d.rows.length === 0
      ? { text: t('doc.journal.empty'), italics: true, alignment: 'center' }
      : {
          table: { headerRows: 1, dontBreakRows: true, widths: [22, 95, 62, '*', 110, 105, 130], body },
          fontSize: 10,
          layout: 'grid',
        },
    { text: t('doc.journal.printed', { at: d.printedAt, by: d.printedBy }), fontSize: 11, margin: [0, 20, 0, 0] },
  ];
  const dd = a4(content, {
    landscape: true,
    title: t('doc.register.title'),
    footer: pageFooter(t),
  });
  dd.pageMargins = [40, 36, 30, 40];
  return dd;
}
