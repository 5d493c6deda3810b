/**
 * The Kazakh individual identification number (ЖСН / ИИН): 12 digits — YYMMDD of birth,
 * the century-and-sex digit, four serial digits, a check digit.
 */
export type IinError = 'length' | 'digits' | 'century' | 'date' | 'checksum';
export type Sex = 'male' | 'female';

export type IinResult = { ok: true; birthDate: string; sex: Sex } | { ok: false; error: IinError };

const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** The check digit for the first eleven digits, or null where none exists (second sum mod 11 is 10). */
export function iinCheckDigit(first11: string): number | null {
  const d = [...first11].map(Number);
  const sum = (w: number[]) => d.reduce((s, x, i) => s + x * w[i]!, 0) % 11;
  const a = sum(W1);
  if (a !== 10) return a;
  const b = sum(W2);
  return b === 10 ? null : b;
}

export function parseIin(raw: string): IinResult {
  const iin = raw.replace(/\s/g, '');
  if (!/^\d*$/.test(iin)) return { ok: false, error: 'digits' };
  if (iin.length !== 12) return { ok: false, error: 'length' };
  const c = Number(iin[6]);
  if (c < 1 || c > 6) return { ok: false, error: 'century' };
  const century = [1800, 1900, 2000][Math.floor((c - 1) / 2)]!;
  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { ok: false, error: 'date' };
  if (iinCheckDigit(iin.slice(0, 11)) !== Number(iin[11])) return { ok: false, error: 'checksum' };
  const birthDate = `${year}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  return { ok: true, birthDate, sex: c % 2 === 1 ? 'male' : 'female' };
}

/** A valid IIN for a date, sex and serial: for tests and demo data only. */
export function makeIin(birthDate: string, sex: Sex, serial: number): string {
  const [y, m, d] = birthDate.split('-');
  const base = Number(y) < 1900 ? 1 : Number(y) < 2000 ? 3 : 5;
  for (let s = serial; ; s++) {
    const first = `${y!.slice(2)}${m}${d}${base + (sex === 'female' ? 1 : 0)}${String(s % 10000).padStart(4, '0')}`;
    const check = iinCheckDigit(first);
    if (check !== null) return first + check;
  }
}
