import ExcelJS from 'exceljs';
import type { Language } from '../../../shared/api';
import { translator } from '../../../shared/i18n';
import { formatDate } from '../../../shared/format';
import { journalRow, type JournalData } from './receptionJournal';

/** The same journal as a spreadsheet, with the same columns as the printed one. */
export async function receptionXlsx(d: JournalData, lang: Language): Promise<Buffer> {
  const t = translator(lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Uchaske';
  const ws = wb.addWorksheet(t('doc.journal.sheet'), {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.addRow([t('doc.journal.title')]).font = { bold: true, size: 14 };
  ws.addRow([
    `${t('doc.stationLine', { number: d.station.uppNumber, name: d.station.uppName })} — ${formatDate(d.from)} – ${formatDate(d.to)}`,
  ]);
  ws.addRow([]);
  const header = ws.addRow([
    '№',
    t('doc.journal.when'),
    t('doc.journal.mode'),
    t('doc.journal.citizen'),
    t('doc.journal.contacts'),
    t('doc.journal.subject'),
    t('doc.journal.action'),
    t('doc.journal.receiver'),
    t('doc.journal.followUp'),
  ]);
  header.font = { bold: true };
  header.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } }));
  for (const e of d.entries) {
    const r = journalRow(e, d.categories, lang);
    const row = ws.addRow([
      e.number,
      r.when,
      r.mode,
      r.citizen,
      r.contacts,
      r.subject,
      r.action,
      r.receiver,
      r.followUp,
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (e.status === 'voided') row.font = { strike: true, color: { argb: 'FF666666' } };
  }
  [6, 16, 12, 34, 28, 44, 30, 18, 24].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
