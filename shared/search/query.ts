import { foldName } from './fold';

/**
 * What was typed into the search box (Ctrl+K), read once for every kind of record (ours): the folded words, the
 * digits of an IIN, an entry number "12/2026", and the same words as they would have come out on the Russian layout
 * when the person typed them with the English one on ("fqlfh" for "айдар").
 */
export interface SearchQuery {
  /** folded words, letters and digits, in the order typed */
  words: string[];
  /** the words again, when the text was typed on the English layout by mistake */
  layoutWords: string[] | null;
  /** the query is only digits: a part of an IIN, or a number */
  digits: string | null;
  /** "12/2026": a reception entry's number in its year */
  entry: { number: number; year: number } | null;
}

/** The letters of the Russian ЙЦУКЕН layout under the keys of the English QWERTY one. */
const QWERTY = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const JCUKEN = 'йцукенгшщзхъфывапролджэячсмитьбюё';

export function fromEnglishLayout(typed: string): string {
  return [...typed.toLowerCase()].map((c) => JCUKEN[QWERTY.indexOf(c)] ?? c).join('');
}

export const foldedWords = (typed: string): string[] =>
  foldName(typed)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

export function parseSearch(typed: string): SearchQuery | null {
  const text = typed.trim().replace(/^№\s*/, '');
  const words = foldedWords(text);
  if (words.length === 0) return null;
  const entryMatch = /^(\d{1,7})\s*\/\s*(\d{4})$/.exec(text);
  // only Latin letters (and what the layout puts on Cyrillic letters' keys) may be a mistyped Russian word
  const latin = /[a-z]/i.test(text) && !/\p{Script=Cyrillic}/u.test(text);
  return {
    words,
    layoutWords: latin ? foldedWords(fromEnglishLayout(text)) : null,
    digits: /^\d+$/.test(text.replace(/\s+/g, '')) ? text.replace(/\s+/g, '') : null,
    entry: entryMatch ? { number: Number(entryMatch[1]), year: Number(entryMatch[2]) } : null,
  };
}

/** An FTS5 query: every word a prefix of a word of `column` (or of any column when null). */
export function prefixQuery(words: string[], column: string | null): string {
  return words.map((w) => `${column ? `${column}:` : ''}"${w}"*`).join(' ');
}

/**
 * How well a person's name answers the words (the ranking of issue 17): 2 when every word typed is a whole word of
 * the name (a full name, or a surname typed out), 1 when they are beginnings of its words.
 */
export function nameRank(words: string[], name: string): 1 | 2 {
  const own = new Set(foldedWords(name));
  return words.every((w) => own.has(w)) ? 2 : 1;
}

/**
 * The part of a long text around the first word that begins with one of the words typed, for the line that says why
 * a record was found. Folding keeps the length here (ъ and ь stay), so a place in the folded text is a place in the
 * text.
 */
export function snippet(text: string, words: string[], width = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= width) return flat;
  const folded = [...flat].map((c) => (/[ъь]/i.test(c) ? c : foldName(c) || c)).join('');
  let at = -1;
  for (const w of folded.length === flat.length ? words : []) {
    const m = new RegExp(`(^|[^\\p{L}\\p{N}])${w.replace(/[^\p{L}\p{N}]/gu, '')}`, 'u').exec(folded);
    if (m && (at < 0 || m.index < at)) at = m.index + m[1]!.length;
  }
  const start = Math.max(0, Math.min(at < 0 ? 0 : at - 25, flat.length - width));
  return `${start > 0 ? '…' : ''}${flat.slice(start, start + width).trim()}${start + width < flat.length ? '…' : ''}`;
}
