import i18next, { type TFunction } from 'i18next';
import { ru } from './ru';
import { kk } from './kk';
import type { Language } from '../api/contract';

export const resources = { ru: { translation: ru }, kk: { translation: kk } } as const;
export const LANGUAGES: readonly Language[] = ['kk', 'ru'];

const cache = new Map<Language, TFunction>();

/** A translator for one language, for documents and messages made outside React. */
export function translator(lang: Language): TFunction {
  let t = cache.get(lang);
  if (!t) {
    const inst = i18next.createInstance();
    void inst.init({
      resources,
      lng: lang,
      fallbackLng: false,
      initAsync: false,
      interpolation: { escapeValue: false },
    });
    t = inst.t.bind(inst) as TFunction;
    cache.set(lang, t);
  }
  return t;
}

/** Every leaf key of a catalog, dotted; used to prove both languages have the same keys. */
export function catalogKeys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? catalogKeys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
