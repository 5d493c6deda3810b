import ExcelJS from 'exceljs';
import type { Content, TableCell } from 'pdfmake/interfaces';
import type { FirearmOwner, Foreigner, Language, ListKind, ProbationPerson, Station } from '../../../shared/api';
import { IMPORT_FIELDS } from '../../../shared/api/lists';
import { resources, translator } from '../../../shared/i18n';
import { formatDate } from '../../../shared/format';
import { a4, stationHeader, pageFooter } from './render';

export type ListRows =
  | { list: 'firearms'; rows: FirearmOwner[] }
  | { list: 'probation'; rows: ProbationPerson[] }
  | { list: 'foreigners'; rows: Foreigner[] };

/**
 * The rows of an appendix, column by column as the Order's form has them (Appendices 2–4); our own extra fields stay
 * out.
 */
function cells(d: ListRows, t: ReturnType<typeof translator>): string[][] {
  const phone = (p: string) => (p ? ` (${p})` : '');
  switch (d.list) {
    case 'firearms':
      return d.rows.map((o) => [
        o.person,
        `${o.address}${phone(o.homePhone)}`,
        o.weapons.map((w) => [w.kind, w.make, w.calibre, `№ ${w.serial}`].filter(Boolean).join(', ')).join('\n'),
        `${formatDate(o.permitOn)}, ${o.permitBy}${o.permitUntil ? `, ${t('doc.lists.until', { date: formatDate(o.permitUntil) })}` : ''}`,
        formatDate(o.reregisteredOn),
        [
          o.withdrawnOn ? `${t('doc.lists.withdrawn')} ${formatDate(o.withdrawnOn)}` : '',
          o.surrenderedOn ? `${t('doc.lists.surrendered')} ${formatDate(o.surrenderedOn)}` : '',
        ]
          .filter(Boolean)
          .join('\n'),
      ]);
    case 'probation':
      return d.rows.map((p) => [
        p.person,
        formatDate(p.birthDate),
        p.address,
        [p.work, p.phones].filter(Boolean).join(', '),
        formatDate(p.includedOn),
        formatDate(p.removedOn),
        p.marks,
      ]);
    case 'foreigners':
      return d.rows.map((f) => [
        `${f.person}, ${f.citizenship}`,
        `${f.passportNo}${f.passportValidUntil ? `, ${t('doc.lists.until', { date: formatDate(f.passportValidUntil) })}` : ''}`,
        f.stayUntil ? t('doc.lists.until', { date: formatDate(f.stayUntil) }) : '',
        `${f.tempAddress}${phone(f.homePhone)}`,
        [f.work, f.workPhone].filter(Boolean).join(', '),
        f.checkedOn ? `${formatDate(f.checkedOn)}${f.checkNote ? `: ${f.checkNote}` : ''}` : '',
      ]);
  }
}

const WIDTHS: Record<ListKind, (number | string)[]> = {
  firearms: [22, 120, 130, '*', 110, 88, 105],
  probation: [22, 120, 62, 130, '*', 70, 70, 100],
  foreigners: [22, 140, 110, 90, 140, '*', 110],
};

/** The appendix's column heads, in its own order, from the catalog. */
const columnHeads = (lang: Language, list: ListKind): readonly string[] =>
  resources[lang].translation.doc.lists[list].cols;

export function sectionListPdf(
  d: ListRows & { station: Pick<Station, 'uppNumber' | 'uppName' | 'policeBody'>; sections: string; asOf: string },
  lang: Language,
) {
  const t = translator(lang);
  const head = ['№', ...columnHeads(lang, d.list)];
  const body: TableCell[][] = [head.map((text) => ({ text, bold: true, fillColor: '#eeeeee', alignment: 'center' }))];
  body.push(head.map((_h, i) => ({ text: String(i + 1), alignment: 'center', fontSize: 9 })));
  cells(d, t).forEach((r, n) => body.push([{ text: String(n + 1), alignment: 'center' }, ...r]));
  const content: Content = [
    ...stationHeader(d.station, t),
    { text: t(`doc.lists.${d.list}.appendix`), alignment: 'right', fontSize: 10, margin: [0, 6, 0, 0] },
    {
      text: t(`doc.lists.${d.list}.title`, { date: formatDate(d.asOf) }),
      alignment: 'center',
      bold: true,
      fontSize: 14,
      margin: [0, 4, 0, 2],
    },
    {
      text: t('doc.lists.sections', { sections: d.sections }),
      alignment: 'center',
      fontSize: 12,
      margin: [0, 0, 0, 8],
    },
    d.rows.length
      ? {
          table: { headerRows: 2, dontBreakRows: true, widths: WIDTHS[d.list], body },
          fontSize: 10,
          layout: 'grid',
        }
      : { text: t('doc.journal.empty'), italics: true, alignment: 'center' },
    { text: t('doc.lists.signature'), margin: [0, 20, 0, 0] },
  ];
  const dd = a4(content, {
    landscape: true,
    title: t(`doc.lists.${d.list}.title`, { date: formatDate(d.asOf) }),
    footer: pageFooter(t),
  });
  dd.pageMargins = [40, 36, 30, 40];
  return dd;
}

/** The same columns as a spreadsheet, for the lists that travel as Excel files today. */
export async function sectionListXlsx(d: ListRows & { asOf: string }, lang: Language): Promise<Buffer> {
  const t = translator(lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Uchaske';
  const ws = wb.addWorksheet(t(`doc.lists.${d.list}.sheet`));
  const head = ['№', ...columnHeads(lang, d.list)];
  ws.addRow([t(`doc.lists.${d.list}.title`, { date: formatDate(d.asOf) })]).font = { bold: true };
  const h = ws.addRow(head);
  h.font = { bold: true };
  h.alignment = { wrapText: true, vertical: 'middle' };
  cells(d, t).forEach((r, n) => (ws.addRow([n + 1, ...r]).alignment = { wrapText: true, vertical: 'top' }));
  ws.columns.forEach((c, i) => (c.width = i === 0 ? 5 : 28));
  // the same entries one field per column, for another Uchaske (or this one) to import back
  const data = wb.addWorksheet(DATA_SHEET);
  const fields = IMPORT_FIELDS[d.list] as readonly string[];
  data.addRow([...fields]);
  data.addRow(fields.map((f) => t(`lists.fields.${f}`))).font = { italic: true };
  for (const r of dataRows(d)) data.addRow(fields.map((f) => r[f] ?? ''));
  data.columns.forEach((c) => (c.width = 22));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The name of the sheet with one field per column; the import reads it by the field codes in its first row. */
export const DATA_SHEET = 'uchaske';

function dataRows(d: ListRows): Record<string, string>[] {
  const date = (s: string | null) => formatDate(s);
  switch (d.list) {
    case 'firearms':
      // one row per weapon; the import joins them back under their owner
      return d.rows.flatMap((o) =>
        o.weapons.map((w) => ({
          fullName: o.person,
          iin: o.iin ?? '',
          address: o.address,
          homePhone: o.homePhone,
          weaponKind: w.kind,
          weaponMake: w.make,
          weaponCalibre: w.calibre,
          weaponSerial: w.serial,
          permitBy: o.permitBy,
          permitOn: date(o.permitOn),
          permitUntil: date(o.permitUntil),
          reregisteredOn: date(o.reregisteredOn),
          withdrawnOn: date(o.withdrawnOn),
          surrenderedOn: date(o.surrenderedOn),
        })),
      );
    case 'probation':
      return d.rows.map((p) => ({
        fullName: p.person,
        iin: p.iin ?? '',
        birthDate: date(p.birthDate),
        address: p.address,
        work: p.work,
        phones: p.phones,
        includedOn: date(p.includedOn),
        removedOn: date(p.removedOn),
        marks: p.marks,
      }));
    case 'foreigners':
      return d.rows.map((f) => ({
        fullName: f.person,
        citizenship: f.citizenship,
        iin: f.iin ?? '',
        birthDate: date(f.birthDate),
        passportNo: f.passportNo,
        passportValidUntil: date(f.passportValidUntil),
        stayUntil: date(f.stayUntil),
        tempAddress: f.tempAddress,
        homePhone: f.homePhone,
        work: f.work,
        workPhone: f.workPhone,
        checkedOn: date(f.checkedOn),
        checkNote: f.checkNote,
      }));
  }
}
