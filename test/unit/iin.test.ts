import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { iinCheckDigit, makeIin, parseIin } from '../../shared/iin';

describe('IIN', () => {
  it('accepts a valid number and reads birth date and sex from it', () => {
    // 900415 3 0123 ?  → born 15.04.1990, male
    const iin = makeIin('1990-04-15', 'male', 123);
    expect(iin.slice(0, 11)).toBe('90041530123');
    expect(parseIin(iin)).toEqual({ ok: true, birthDate: '1990-04-15', sex: 'male' });
    expect(parseIin(makeIin('2003-12-31', 'female', 7))).toEqual({ ok: true, birthDate: '2003-12-31', sex: 'female' });
    expect(parseIin(makeIin('1899-01-01', 'female', 7))).toMatchObject({ ok: true, birthDate: '1899-01-01' });
  });

  it('computes the check digit with both weight rows by hand', () => {
    // 1st row: 9·1+0·2+0·3+4·4+1·5+5·6+3·7+0·8+1·9+2·10+3·11 = 143; 143 mod 11 = 0
    expect(iinCheckDigit('90041530123')).toBe(0);
    // a first sum of 10 falls back to the second row of weights
    const tenFirst = Array.from({ length: 10000 }, (_, i) =>
      `880101300${String(i).padStart(2, '0')}`.slice(0, 11),
    ).find((s) => {
      const d = [...s].map(Number);
      return d.reduce((a, x, i) => a + x * (i + 1), 0) % 11 === 10;
    })!;
    const d = [...tenFirst].map(Number);
    const second = d.reduce((a, x, i) => a + x * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i]!, 0) % 11;
    expect(iinCheckDigit(tenFirst)).toBe(second === 10 ? null : second);
  });

  it('says what is wrong: length, letters, century digit, impossible date, checksum', () => {
    const good = makeIin('1990-04-15', 'male', 123);
    expect(parseIin('90041530123')).toEqual({ ok: false, error: 'length' });
    expect(parseIin(good + '1')).toEqual({ ok: false, error: 'length' });
    expect(parseIin('9004153012A4')).toEqual({ ok: false, error: 'digits' });
    expect(parseIin('900415701234')).toEqual({ ok: false, error: 'century' });
    expect(parseIin('900415001234')).toEqual({ ok: false, error: 'century' });
    expect(parseIin('901332301234')).toEqual({ ok: false, error: 'date' });
    expect(parseIin('910229301234')).toEqual({ ok: false, error: 'date' }); // 1991 is not a leap year
    const bad = good.slice(0, 11) + ((Number(good[11]) + 1) % 10);
    expect(parseIin(bad)).toEqual({ ok: false, error: 'checksum' });
    expect(parseIin(' ' + good.slice(0, 6) + ' ' + good.slice(6) + ' ')).toMatchObject({ ok: true });
  });

  it('refuses a number whose second weighted sum is also 10', () => {
    let found: string | null = null;
    for (let i = 0; i < 10000 && !found; i++) {
      const first = `850612${i % 2 ? 3 : 4}${String(i).padStart(4, '0')}`;
      if (iinCheckDigit(first) === null) found = first;
    }
    expect(found).not.toBeNull();
    for (let k = 0; k <= 9; k++) expect(parseIin(found! + k)).toEqual({ ok: false, error: 'checksum' });
  });

  it('a single mistyped serial or check digit is caught while the first weight row applies (property)', () => {
    // (the 11th digit has weight 11 ≡ 0 mod 11 in the first row: the algorithm cannot see it change)
    const firstRow = (s: string) => [...s.slice(0, 11)].map(Number).reduce((a, x, i) => a + x * (i + 1), 0) % 11 !== 10;
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2025-12-31'), noInvalidDate: true }),
        fc.boolean(),
        fc.integer({ min: 0, max: 9999 }),
        fc.constantFrom(7, 8, 9, 11),
        fc.integer({ min: 1, max: 9 }),
        (date, female, serial, pos, delta) => {
          const iin = makeIin(date.toISOString().slice(0, 10), female ? 'female' : 'male', serial);
          expect(parseIin(iin).ok).toBe(true);
          const changed = iin.slice(0, pos) + ((Number(iin[pos]) + delta) % 10) + iin.slice(pos + 1);
          fc.pre(pos === 11 || (firstRow(iin) && firstRow(changed)));
          expect(parseIin(changed).ok).toBe(false);
        },
      ),
    );
  });
});
