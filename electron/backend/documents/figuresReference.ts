import type { Content, TableCell } from 'pdfmake/interfaces';
import type { FiguresReport, Language, Station } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate } from '../../../shared/format';
import { change, figureLines, lineLabel } from '../../../shared/figureLines';
import { a4, stationHeader, pageFooter } from './render';

export interface FiguresReferenceData {
  station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>;
  /** the period's figures, without the screen's line over the months */
  report: Omit<FiguresReport, 'months'>;
  printedAt: string;
  printedBy: string;
}

/**
 * "Справка к итоговому совещанию" / "Қорытынды кеңеске анықтама" (p.10, p.24(6)): the station's figures for the
 * period against the one before, then a table per inspector — what the UPP lead sums up and proposes rewards by.
 */
export function figuresReference(d: FiguresReferenceData, lang: Language) {
  const t = translator(lang);
  const { report: r } = d;
  const lines = figureLines(r);
  const period = (p: { from: string; to: string }) => `${formatDate(p.from)} – ${formatDate(p.to)}`;
  const table = (current: FiguresReport['total']['current'], previous: FiguresReport['total']['previous']) => {
    const head = [t('figures.line'), period(r), period(r.previous), t('figures.change')];
    const body: TableCell[][] = [
      head.map((text) => ({ text, bold: true, fillColor: '#eeeeee', alignment: 'center', fontSize: 9 })),
    ];
    let group = '';
    for (const l of lines) {
      if (l.group !== group) {
        group = l.group;
        body.push([{ text: t(`figures.groups.${group}`), colSpan: 4, bold: true, fillColor: '#f6f6f6' }, '', '', '']);
      }
      const now = l.value(current);
      const before = l.value(previous);
      body.push([
        { text: lineLabel(l, (k, o) => t(k, o), lang), margin: [l.sub ? 20 : 8, 0, 0, 0], italics: l.sub },
        { text: String(now), alignment: 'right' },
        { text: String(before), alignment: 'right' },
        { text: change(now, before), alignment: 'right' },
      ]);
    }
    return {
      table: { headerRows: 1, dontBreakRows: true, widths: ['*', 70, 70, 50], body },
      fontSize: 9,
      layout: 'grid',
    };
  };
  const content: Content = [
    ...stationHeader(d.station, t),
    { text: t('figures.reference.title'), alignment: 'center', bold: true, fontSize: 15, margin: [0, 12, 0, 2] },
    {
      text: t('figures.reference.period', { period: period(r), previous: period(r.previous) }),
      alignment: 'center',
      margin: [0, 0, 0, 10],
    },
    { text: t('figures.reference.station'), bold: true, margin: [0, 4, 0, 4] },
    table(r.total.current, r.total.previous),
    ...r.rows.flatMap((row): Content[] => [
      {
        text: `${row.name} — ${t(`roles.${row.role}`)}${row.sectionNumbers.length ? `, ${t('figures.sections', { numbers: row.sectionNumbers.join(', ') })}` : ''}`,
        bold: true,
        margin: [0, 14, 0, 4],
        pageBreak: 'before',
      },
      table(row.current, row.previous),
    ]),
    { text: t('doc.card.printed', { at: d.printedAt, by: d.printedBy }), fontSize: 10, margin: [0, 16, 0, 0] },
  ];
  const dd = a4(content, { title: t('figures.reference.title'), footer: pageFooter(t) });
  dd.pageMargins = [50, 40, 35, 45];
  return dd;
}
