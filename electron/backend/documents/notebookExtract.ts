import type { Content, TableCell } from 'pdfmake/interfaces';
import type { Language, NotebookEntry, Station } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate, formatDateTime } from '../../../shared/format';
import { a4, pageFooter } from './render';

export interface NotebookExtractData {
  station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>;
  ownerName: string;
  ownerPosition: string;
  from: string | null;
  to: string | null;
  entries: NotebookEntry[];
  reviews: { reviewer: string; reviewedAt: string; upToNumber: number; remark: string }[];
  printedAt: string;
}

/**
 * Выписка из рабочей тетради / Жұмыс дәптерінен үзінді (p.20): numbered entries, corrections and review marks shown.
 */
export function notebookExtract(d: NotebookExtractData, lang: Language) {
  const t = translator(lang);
  const body: TableCell[][] = [
    [t('doc.notebook.number'), t('doc.notebook.when'), t('doc.notebook.kind'), t('doc.notebook.text')].map((text) => ({
      text,
      bold: true,
      fillColor: '#eeeeee',
      alignment: 'center',
    })),
  ];
  for (const e of [...d.entries].sort((a, b) => a.number - b.number)) {
    const notes = [
      [e.citizenName, e.address].filter(Boolean).join('; '),
      e.kind === 'instruction'
        ? `${t('notebook.givenBy', { who: e.givenBy })}; ${t('notebook.dueBy', { date: formatDate(e.dueDate) })}${e.doneAt ? `; ${t('notebook.doneOn', { date: formatDateTime(e.doneAt) })}: ${e.doneText}` : ''}`
        : '',
      e.kind === 'passOn'
        ? `${t('notebook.passToLine', { to: e.passTo })}${e.passedAt ? `; ${t('notebook.passedOn', { date: formatDateTime(e.passedAt), how: e.passedHow, number: e.outgoingNumber || '—' })}` : ''}`
        : '',
      e.correctsNumber ? t('notebook.corrects', { n: e.correctsNumber }) : '',
      e.correctedByNumber ? t('notebook.correctedBy', { n: e.correctedByNumber }) : '',
    ].filter(Boolean);
    body.push([
      { text: String(e.number), alignment: 'center' },
      formatDateTime(e.occurredAt),
      t(`notebook.kinds.${e.kind}`),
      {
        stack: [
          { text: e.text, decoration: e.correctedByNumber ? 'lineThrough' : undefined },
          ...notes.map((n) => ({ text: n, fontSize: 10, italics: true })),
        ],
      },
    ]);
  }
  const period =
    d.from || d.to
      ? t('doc.notebook.period', { period: `${formatDate(d.from) || '…'} – ${formatDate(d.to) || '…'}` })
      : t('doc.notebook.all');
  const content: Content = [
    { text: d.station.policeBody, alignment: 'center', fontSize: 12 },
    {
      text: t('doc.stationLine', { number: d.station.uppNumber, name: d.station.uppName }),
      alignment: 'center',
      bold: true,
      fontSize: 12,
    },
    { text: t('doc.notebook.title'), alignment: 'center', bold: true, fontSize: 16, margin: [0, 12, 0, 2] },
    { text: `${d.ownerName}${d.ownerPosition ? `, ${d.ownerPosition}` : ''}`, alignment: 'center' },
    { text: period, alignment: 'center', margin: [0, 0, 0, 10] },
    d.entries.length === 0
      ? { text: t('doc.journal.empty'), italics: true, alignment: 'center' }
      : {
          table: { headerRows: 1, widths: [28, 72, 80, '*'], body },
          fontSize: 11,
          layout: 'grid',
        },
    ...(d.reviews.length
      ? [
          { text: t('doc.notebook.reviews'), bold: true, margin: [0, 14, 0, 4] as [number, number, number, number] },
          ...d.reviews.map((r) => ({
            text: `${formatDateTime(r.reviewedAt)} — ${r.reviewer}, ${t('doc.notebook.upTo', { n: r.upToNumber })}${r.remark ? `: ${r.remark}` : ''}`,
            fontSize: 12,
          })),
        ]
      : []),
    { text: t('doc.journal.printed', { at: d.printedAt, by: d.ownerName }), fontSize: 11, margin: [0, 20, 0, 0] },
  ];
  return a4(content, { title: t('doc.notebook.title'), footer: pageFooter(t) });
}
