import { describe, expect, it } from 'vitest';
import { ru } from '../../shared/i18n/ru';
import { kk } from '../../shared/i18n/kk';
import { catalogKeys, translator } from '../../shared/i18n';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './helpers';
import { api } from '../../shared/api';
import { builtInHolidays } from '../../shared/calendar/workingDays';

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  it('have the same keys in Kazakh and Russian, none empty', () => {
    const k = catalogKeys(kk).sort();
    const r = catalogKeys(ru).sort();
    expect(k.filter((x) => !r.includes(x))).toEqual([]);
    expect(r.filter((x) => !k.includes(x))).toEqual([]);
    for (const key of r) {
      const tk = translator('kk')(key);
      const tr = translator('ru')(key);
      expect(tk, key).not.toBe('');
      expect(tk, key).not.toBe(key);
      expect(placeholders(tk), key).toEqual(placeholders(tr));
    }
  });

  it('name every built-in holiday in both languages', () => {
    for (const year of [2024, 2025, 2026, 2027]) {
      for (const name of builtInHolidays(year).values()) {
        for (const lang of ['kk', 'ru'] as const)
          expect(translator(lang)(`calendar.holidays.${name}`), `${lang} ${name}`).not.toContain('calendar.');
      }
    }
  });

  it('translate every message key the backend and the contract can return', () => {
    const files = ['shared', 'electron/backend'].flatMap((d) =>
      fs
        .readdirSync(path.join(ROOT, d), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => path.join(ROOT, d, f)),
    );
    const keys = new Set<string>();
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      for (const m of text.matchAll(/'((?:errors|validation|staff|today\.rules)\.[A-Za-z]+)'/g))
        if (!Object.hasOwn(api, m[1]!)) keys.add(m[1]!);
      // every module's own messages, where they are raised or attached to a field
      for (const m of text.matchAll(
        /(?:AppError\('[A-Z_]+', |messageKey: |message: |titleKey: )'([a-z]+\.[A-Za-z.]+)'/g,
      ))
        keys.add(m[1]!);
    }
    expect(keys.size).toBeGreaterThan(30);
    for (const lang of ['kk', 'ru'] as const) {
      const t = translator(lang);
      for (const key of keys) expect(t(key), `${lang} ${key}`).not.toBe(key);
    }
  });
});
