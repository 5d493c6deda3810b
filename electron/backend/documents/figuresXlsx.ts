import ExcelJS from 'exceljs';
import type { Figures, Language } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate } from '../../../shared/format';
import { figureLines, lineLabel } from '../../../shared/figureLines';
import type { FiguresReferenceData } from './figuresReference';

interface SheetColumn {
  title: string;
  current: Figures;
  previous: Figures;
}

/**
 * The справка's figures as a spreadsheet: a line per figure, a column per inspector, the station's last; for the
 * chiefs a second sheet with a column per section.
 */
export async function figuresXlsx(d: FiguresReferenceData, lang: Language): Promise<Buffer> {
  const t = translator(lang);
  const r = d.report;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Uchaske';
  const sheet = (name: string, columns: SheetColumn[]) => {
    const ws = wb.addWorksheet(name, {
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    ws.addRow([t('figures.reference.title')]).font = { bold: true, size: 14 };
    ws.addRow([
      `${t('doc.stationLine', { number: d.station.uppNumber, name: d.station.uppName })} — ${formatDate(r.from)} – ${formatDate(r.to)}`,
    ]);
    ws.addRow([]);
    const all = [...columns, { title: t('figures.total'), ...r.total }];
    ws.addRow([t('figures.line'), ...all.flatMap((c) => [c.title, t('figures.before')])]).font = { bold: true };
    for (const l of figureLines(r))
      ws.addRow([
        `${l.sub ? '    ' : ''}${lineLabel(l, (k, o) => t(k, o), lang)}`,
        ...all.flatMap((c) => [l.value(c.current), l.value(c.previous)]),
      ]);
    ws.getColumn(1).width = 52;
    for (let c = 2; c <= 1 + all.length * 2; c++) ws.getColumn(c).width = 13;
  };
  sheet(
    t('figures.sheet'),
    r.rows.map((row) => ({ title: row.name, current: row.current, previous: row.previous })),
  );
  if (r.sections.length)
    sheet(
      t('figures.view.sections'),
      r.sections.map((x) => ({ title: t('figures.section', { number: x.number }), ...x })),
    );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
