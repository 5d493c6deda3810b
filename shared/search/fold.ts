/**
 * Folding for name search (ours). FTS5's unicode61 folds case, but not ё/е, й/и, nor the
 * Kazakh letters an inspector may type with a Russian keyboard: Әбдіқадыров must be found
 * as "абдикадыров" as well as "әбдіқадыров". Index and query are folded the same way.
 */
const MAP: Record<string, string> = {
  ё: 'е',
  й: 'и',
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ъ: '',
  ь: '',
};

export function foldName(s: string): string {
  return s
    .normalize('NFC')
    .toLocaleLowerCase('ru')
    .replace(/[ёйәғқңөұүһіъь]/g, (c) => MAP[c] ?? c);
}

/**
 * An FTS5 query from what was typed: every word a prefix, digits search the IIN column.
 * Returns null when nothing searchable was typed.
 */
export function citizenQuery(typed: string): string | null {
  const tokens = foldName(typed)
    .split(/[^\p{L}\p{N}-]+/u)
    .map((t) => t.replace(/-/g, ' ').trim())
    .filter(Boolean);
  if (tokens.length === 0) return null;
  return tokens.map((t) => (/^\d+$/.test(t) ? `iin:"${t}"*` : `names:"${t}"*`)).join(' ');
}
