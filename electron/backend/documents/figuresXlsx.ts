import ExcelJS from 'exceljs';
import type { Language } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate } from '../../../shared/format';
import { figureLines, lineLabel } from '../../../shared/figureLines';
import type { FiguresReferenceData } from './figuresReference';

/** The справка's figures as a spreadsheet: a line per figure, a column per inspector, the station's last. */
export async function figuresXlsx(d: FiguresReferenceData, lang: Language): Promise<Buffer> {
  const t = translator(lang);
  const r = d.report;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Uchaske';
  const ws = wb.addWorksheet(t('figures.sheet'), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.addRow([t('figures.reference.title')]).font = { bold: true, size: 14 };
  ws.addRow([
    `${t('doc.stationLine', { number: d.station.uppNumber, name: d.station.uppName })} — ${formatDate(r.from)} – ${formatDate(r.to)}`,
  ]);
  ws.addRow([]);
  const header = ws.addRow([
    t('figures.line'),
    ...r.rows.flatMap((row) => [row.name, t('figures.before')]),
    t('figures.total'),
    t('figures.before'),
  ]);
  header.font = { bold: true };
  for (const l of figureLines(r))
    ws.addRow([
      `${l.sub ? '    ' : ''}${lineLabel(l, (k, o) => t(k, o), lang)}`,
      ...r.rows.flatMap((row) => [l.value(row.current), l.value(row.previous)]),
      l.value(r.total.current),
      l.value(r.total.previous),
    ]);
  ws.getColumn(1).width = 52;
  for (let c = 2; c <= 3 + r.rows.length * 2; c++) ws.getColumn(c).width = 13;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
