import { formatDate } from '../../../../shared/format';
import ExcelJS from 'exceljs';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { AppError, type ImportPreview, type ListKind } from '../../../../shared/api';
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  firearmOwnerInputSchema,
  foreignerInputSchema,
  probationInputSchema,
} from '../../../../shared/api/lists';
import { parseIin } from '../../../../shared/iin';
import { foldName } from '../../../../shared/search/fold';
import type { Ctx } from '../../context';
import { change } from '../../change';
import {
  listFirearmOwners,
  listForeigners,
  listProbation,
  recordForeignerCheck,
  saveFirearmOwner,
  saveForeigner,
  saveProbation,
} from './service';
import { DATA_SHEET } from '../../documents/sectionLists';

dayjs.extend(customParseFormat);

/**
 * Lists arrive as Excel files today. A sheet is read, its columns mapped to the list's
 * fields (guessed from the header, corrected by the user), and every row is checked the
 * way the form checks it; nothing is saved until the user confirms, and then in one go.
 */
type Row = Record<string, string>;

/** Header words (Russian and Kazakh, folded) that suggest a field. */
const GUESS: Record<string, RegExp> = {
  fullName: /(фио|ф\.и\.о|т\.а\.[әаж]|фамилия|аты-жөні|владел|иесі)/,
  iin: /(иин|жсн)/,
  birthDate: /(рожд|туған)/,
  address: /(адрес|мекенжай)/,
  tempAddress: /(адрес|мекенжай|прожив|тұр)/,
  homePhone: /(дом.*тел|үй.*тел|телефон)/,
  weaponKind: /(вид|түрі)/,
  weaponMake: /(марк)/,
  weaponCalibre: /(калибр)/,
  // a bare "№" is the appendix's row number, not the weapon's
  weaponSerial: /(номер оруж|№ оруж|серийн|қару №|номер)/,
  permitBy: /(кем выдан|кім берген|кем выдано|выдал)/,
  permitOn: /(дата разреш|рұқсат.*күн|когда выдан|қашан)/,
  permitUntil: /(срок|до|мерзім)/,
  reregisteredOn: /(перерег|қайта тірк)/,
  withdrawnOn: /(изъят|алынған күн)/,
  surrenderedOn: /(сдач|сдан|тапсыр)/,
  checkedOn: /(дата провер|тексерілген күн|тексеру күн)/,
  checkNote: /(результат провер|тексеру нәтиж)/,
  work: /(работ|жұмыс)/,
  phones: /(телефон)/,
  workPhone: /(служ.*тел|қызмет.*тел)/,
  includedOn: /(включ|енгіз)/,
  removedOn: /(исключ|шығар)/,
  marks: /(особ|ерекше)/,
  citizenship: /(граждан|азамат)/,
  passportNo: /(паспорт)/,
  passportValidUntil: /(действ|жарамд)/,
  stayUntil: /(пребыв|прожив.*разреш|тұруға)/,
};

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return formatDate(v);
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
}

async function readSheet(
  base64: string,
): Promise<{ columns: string[]; rows: { row: number; cells: string[] }[]; byCode?: boolean }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Uint8Array.from(Buffer.from(base64, 'base64')).buffer);
  } catch {
    throw new AppError('VALIDATION', 'lists.importUnreadable');
  }
  // a file exported by Uchaske carries its entries one field per column, named by code
  const data = wb.getWorksheet(DATA_SHEET);
  if (data) {
    const codes = Array.from({ length: data.columnCount }, (_x, i) => cellText(data.getRow(1).getCell(i + 1).value));
    const rows: { row: number; cells: string[] }[] = [];
    for (let r = 3; r <= data.rowCount; r++) {
      const cells = codes.map((_c, i) => cellText(data.getRow(r).getCell(i + 1).value));
      if (cells.some((c) => c !== '')) rows.push({ row: r, cells });
    }
    return { columns: codes, rows, byCode: true };
  }
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount < 2) throw new AppError('VALIDATION', 'lists.importEmpty');
  // the header is the first row with at least three filled cells (titles often sit above it)
  let headerRow = 1;
  for (let r = 1; r <= Math.min(ws.rowCount, 10); r++) {
    const filled = (ws.getRow(r).values as ExcelJS.CellValue[]).filter((v) => cellText(v) !== '').length;
    if (filled >= 3) {
      headerRow = r;
      break;
    }
  }
  const width = ws.columnCount;
  const cellsOf = (r: number) => Array.from({ length: width }, (_x, i) => cellText(ws.getRow(r).getCell(i + 1).value));
  const columns = cellsOf(headerRow);
  const rows: { row: number; cells: string[] }[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const cells = cellsOf(r);
    // the appendix's own "1 2 3 …" numbering row and empty rows are not people
    if (cells.every((c) => c === '') || cells.every((c, i) => c === '' || c === String(i + 1))) continue;
    rows.push({ row: r, cells });
  }
  return { columns, rows };
}

export function guessMapping(list: ListKind, columns: string[], byCode = false): Record<string, number> {
  const out: Record<string, number> = {};
  if (byCode) {
    for (const field of IMPORT_FIELDS[list]) if (columns.includes(field)) out[field] = columns.indexOf(field);
    return out;
  }
  const used = new Set<number>();
  for (const field of IMPORT_FIELDS[list]) {
    const re = GUESS[field];
    if (!re) continue;
    const i = columns.findIndex((c, n) => !used.has(n) && re.test(foldName(c)));
    if (i >= 0) {
      out[field] = i;
      used.add(i);
    }
  }
  return out;
}

const DATE_FIELDS = new Set([
  'birthDate',
  'permitOn',
  'permitUntil',
  'reregisteredOn',
  'includedOn',
  'removedOn',
  'passportValidUntil',
  'stayUntil',
  'withdrawnOn',
  'surrenderedOn',
  'checkedOn',
]);

function parseDate(s: string): string | null | 'bad' {
  if (!s) return null;
  const d = dayjs(s, ['DD.MM.YYYY', 'D.M.YYYY', 'DD.MM.YY', 'YYYY-MM-DD'], true);
  return d.isValid() ? d.format('YYYY-MM-DD') : 'bad';
}

interface Checked {
  row: number;
  person: string;
  reasons: string[];
  input: unknown;
  iin: string | null;
  /** a foreigner's last check at the place of stay (App 4 col. 7), recorded after the entry is saved */
  check: { on: string; note: string } | null;
}

/** Each row as the list's own form input, or the reasons it cannot be one. */
function checkRows(
  list: ListKind,
  sectionId: number,
  mapping: Record<string, number>,
  rows: { row: number; cells: string[] }[],
  today: string,
): Checked[] {
  return rows.map(({ row, cells }) => {
    const get = (f: string) => (mapping[f] === undefined ? '' : (cells[mapping[f]!] ?? ''));
    const reasons: string[] = [];
    const v: Row = {};
    for (const f of IMPORT_FIELDS[list]) v[f] = get(f);
    const dates: Record<string, string | null> = {};
    for (const f of IMPORT_FIELDS[list].filter((x) => DATE_FIELDS.has(x))) {
      const d = parseDate(v[f] ?? '');
      if (d === 'bad') reasons.push(`lists.import.badDate:${f}`);
      dates[f] = d === 'bad' ? null : d;
    }
    for (const f of REQUIRED_IMPORT_FIELDS[list]) if (!v[f]) reasons.push(`lists.import.missing:${f}`);
    if (dates.checkedOn && dates.checkedOn > today) reasons.push('lists.checkInFuture');
    const check = dates.checkedOn ? { on: dates.checkedOn, note: v.checkNote ?? '' } : null;
    const [surname = '', name = '', ...rest] = (v.fullName ?? '').split(/\s+/).filter(Boolean);
    if (v.fullName && !name) reasons.push('lists.import.nameIncomplete');
    const iin = (v.iin ?? '').replace(/\s/g, '');
    if (iin) {
      const p = parseIin(iin);
      if (!p.ok) reasons.push(`iin.${p.error}`);
    }
    const citizen = {
      id: null,
      iin,
      noIin: iin ? null : list === 'foreigners' ? ('foreigner' as const) : ('unknown' as const),
      surname,
      name,
      patronymic: rest.join(' '),
      birthDate: dates.birthDate ?? null,
    };
    const input =
      list === 'firearms'
        ? {
            id: null,
            sectionId,
            citizen,
            address: v.address,
            homePhone: v.homePhone,
            weapons: [{ kind: v.weaponKind, make: v.weaponMake, calibre: v.weaponCalibre, serial: v.weaponSerial }],
            permitBy: v.permitBy,
            permitOn: dates.permitOn,
            permitUntil: dates.permitUntil,
            reregisteredOn: dates.reregisteredOn,
            withdrawnOn: dates.withdrawnOn,
            surrenderedOn: dates.surrenderedOn,
          }
        : list === 'probation'
          ? {
              id: null,
              sectionId,
              citizen,
              address: v.address,
              work: v.work,
              phones: v.phones,
              includedOn: dates.includedOn,
              removedOn: dates.removedOn,
              marks: v.marks,
            }
          : {
              id: null,
              sectionId,
              citizen,
              citizenship: v.citizenship,
              passportNo: v.passportNo,
              passportValidUntil: dates.passportValidUntil,
              stayUntil: dates.stayUntil,
              tempAddress: v.tempAddress,
              homePhone: v.homePhone,
              work: v.work,
              workPhone: v.workPhone,
            };
    if (reasons.length === 0) {
      const schema =
        list === 'firearms'
          ? firearmOwnerInputSchema
          : list === 'probation'
            ? probationInputSchema
            : foreignerInputSchema;
      const parsed = schema.safeParse(input);
      if (!parsed.success)
        for (const i of parsed.error.issues)
          reasons.push(/^[a-z]+\.[A-Za-z.]+$/.test(i.message) ? i.message : 'validation.invalid');
      return {
        row,
        person: [surname, name, ...rest].join(' '),
        reasons: [...new Set(reasons)],
        input: parsed.success ? parsed.data : input,
        iin: iin || null,
        check,
      };
    }
    return { row, person: [surname, name, ...rest].join(' '), reasons, input, iin: iin || null, check };
  });
}

/** Several rows of one owner (one per weapon) become one entry with all his weapons. */
function joinWeapons(list: ListKind, rows: Checked[]): Checked[] {
  if (list !== 'firearms') return rows;
  const out: Checked[] = [];
  for (const r of rows) {
    const same =
      r.reasons.length === 0
        ? out.find(
            (o) => o.reasons.length === 0 && (r.iin ? o.iin === r.iin : foldName(o.person) === foldName(r.person)),
          )
        : undefined;
    if (same) (same.input as { weapons: unknown[] }).weapons.push(...(r.input as { weapons: unknown[] }).weapons);
    else out.push(r);
  }
  return out;
}

/** Which of the list's entries a row would update: the same person (IIN, else the same name) in the same section. */
async function existing(ctx: Ctx, list: ListKind, sectionId: number) {
  const rows =
    list === 'firearms'
      ? await listFirearmOwners(ctx, { sectionId, text: '' })
      : list === 'probation'
        ? await listProbation(ctx, { sectionId, text: '' })
        : await listForeigners(ctx, { sectionId, text: '' });
  return (c: Checked) => rows.find((r) => (c.iin ? r.iin === c.iin : foldName(r.person) === foldName(c.person)));
}

export async function previewImport(
  ctx: Ctx,
  list: ListKind,
  base64: string,
  sectionId: number,
  mapping: Record<string, number> | null,
): Promise<ImportPreview> {
  const sheet = await readSheet(base64);
  const map = mapping ?? guessMapping(list, sheet.columns, sheet.byCode);
  const checked = joinWeapons(list, checkRows(list, sectionId, map, sheet.rows, dayjs(ctx.now).format('YYYY-MM-DD')));
  const find = await existing(ctx, list, sectionId);
  return {
    columns: sheet.columns,
    mapping: map,
    rows: checked.map((c) => ({
      row: c.row,
      person: c.person,
      reasons: c.reasons,
      action: c.reasons.length ? 'reject' : find(c) ? 'update' : 'add',
    })),
  };
}

/** All valid rows in one transaction (the savers nest in it); any failure leaves the list as it was. */
export async function applyImport(
  ctx: Ctx,
  list: ListKind,
  base64: string,
  sectionId: number,
  mapping: Record<string, number> | null,
) {
  const sheet = await readSheet(base64);
  const checked = joinWeapons(
    list,
    checkRows(
      list,
      sectionId,
      mapping ?? guessMapping(list, sheet.columns, sheet.byCode),
      sheet.rows,
      dayjs(ctx.now).format('YYYY-MM-DD'),
    ),
  );
  const find = await existing(ctx, list, sectionId);
  let added = 0;
  let updated = 0;
  const valid = checked.filter((x) => x.reasons.length === 0);
  // each saved row writes its own audit row; a file with no valid row changes nothing
  if (valid.length > 0)
    await change(ctx, async (tx) => {
      for (const c of valid) {
        const prior = find(c);
        if (list === 'firearms') {
          const input = c.input as Parameters<typeof saveFirearmOwner>[1];
          const old = prior as Awaited<ReturnType<typeof listFirearmOwners>>[number] | undefined;
          const weapons = old
            ? [...old.weapons.filter((w) => !input.weapons.some((n) => n.serial === w.serial)), ...input.weapons]
            : input.weapons;
          await saveFirearmOwner(tx, {
            ...input,
            id: old?.id ?? null,
            weapons,
            citizen: { ...input.citizen, id: old?.citizenId ?? null },
          });
        } else if (list === 'probation') {
          const input = c.input as Parameters<typeof saveProbation>[1];
          await saveProbation(tx, {
            ...input,
            id: prior?.id ?? null,
            citizen: { ...input.citizen, id: prior?.citizenId ?? null },
          });
        } else {
          const input = c.input as Parameters<typeof saveForeigner>[1];
          const saved = await saveForeigner(tx, {
            ...input,
            id: prior?.id ?? null,
            citizen: { ...input.citizen, id: prior?.citizenId ?? null },
          });
          // a check newer than the one the list holds is recorded as any check is
          if (c.check && (saved.checkedOn === null || saved.checkedOn < c.check.on))
            await recordForeignerCheck(tx, saved.id, c.check.on, c.check.note);
        }
        if (prior) updated++;
        else added++;
      }
    });
  return { added, updated, rejected: checked.filter((x) => x.reasons.length > 0).length };
}
