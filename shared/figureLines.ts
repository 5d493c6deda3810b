import type { Figures, FiguresReport } from './api/figures';

/** What the lines are read from: the screen's report, or the справка's (without the months' line). */
type PeriodFigures = Pick<FiguresReport, 'rows' | 'total' | 'categories'>;
import type { Language } from './api';

/** One line of the figures: what it is called and how it is read from a person's, a section's or the station's. */
export interface FigureLine {
  group: FigureGroup;
  id: string;
  /**
   * a catalog key, or the station's own name of a reception category in both languages; a breakdown's line says what
   * it breaks down by (`figures.sub.*`)
   */
  label: ({ key: string } | { kk: string; ru: string }) & { by?: By };
  /** a line that breaks down the one above it */
  sub: boolean;
  value: (f: Figures) => number;
}

type Static = [group: FigureGroup, key: string, value: (f: Figures) => number, sub?: boolean];

/** The lines every period has, in their order; the breakdowns are put after the line they break down. */
const LINES: readonly Static[] = [
  ['receptions', 'receptions', (f) => f.receptions.total],
  ['receptions', 'inPerson', (f) => f.receptions.byMode['inPerson'] ?? 0, true],
  ['receptions', 'online', (f) => f.receptions.byMode['online'] ?? 0, true],
  ['receptions', 'followUpsInTime', (f) => f.receptions.followUpsInTime],
  ['receptions', 'followUpsLate', (f) => f.receptions.followUpsLate],
  ['notebook', 'notebook', (f) => f.notebook.total],
  ['notebook', 'passedInTime', (f) => f.notebook.passedInTime],
  ['notebook', 'passedLate', (f) => f.notebook.passedLate],
  ['notebook', 'instructions', (f) => f.instructions.total],
  ['notebook', 'instructionsInTime', (f) => f.instructions.doneInTime],
  ['notebook', 'instructionsLate', (f) => f.instructions.doneLate + f.instructions.overdue],
  ['personFiles', 'filesActive', (f) => f.personFiles.active],
  ['personFiles', 'filesPlaced', (f) => f.personFiles.placed],
  ['personFiles', 'filesRemoved', (f) => f.personFiles.removed],
  ['personFiles', 'filesTransferred', (f) => f.personFiles.transferred],
  ['personFiles', 'checksPlanned', (f) => f.personFiles.checksPlanned],
  ['personFiles', 'checksDone', (f) => f.personFiles.checksDone],
  ['personFiles', 'violations', (f) => f.personFiles.violations],
  ['lists', 'firearmOwners', (f) => f.firearms.owners],
  ['lists', 'firearmChecks', (f) => f.firearms.checksDone],
  ['lists', 'firearmOverdue', (f) => f.firearms.checksOverdue],
  ['lists', 'staysUnchecked', (f) => f.foreigners.staysEndedUnchecked],
  ['meetings', 'meetingsHeld', (f) => f.meetings.held],
  ['meetings', 'noticeInTime', (f) => f.meetings.noticeInTime],
  ['meetings', 'itemsClosed', (f) => f.meetings.itemsClosed],
  ['meetings', 'itemsOpen', (f) => f.meetings.itemsOpen],
  ['plans', 'planDone', (f) => f.plans.done],
  ['plans', 'planNotDone', (f) => f.plans.notDone],
];

type By = 'category' | 'action' | 'kind' | 'file';
/** What a breakdown line counts (its id is `<breakdown>.<key>`): its group, and its value of one key. */
const BREAKDOWNS: Record<By, { group: FigureGroup; value: (k: string) => (f: Figures) => number }> = {
  category: { group: 'receptions', value: (k) => (f) => f.receptions.byCategory[k] ?? 0 },
  action: { group: 'receptions', value: (k) => (f) => f.receptions.byAction[k] ?? 0 },
  kind: { group: 'notebook', value: (k) => (f) => f.notebook.byKind[k] ?? 0 },
  file: { group: 'personFiles', value: (k) => (f) => f.personFiles.activeByCategory[k] ?? 0 },
};

/** The parts of the figures each group of lines reads. */
export const GROUP_PARTS = {
  receptions: ['receptions'],
  notebook: ['notebook', 'instructions'],
  personFiles: ['personFiles'],
  lists: ['firearms', 'foreigners'],
  meetings: ['meetings'],
  plans: ['plans'],
} as const satisfies Record<string, readonly (keyof Figures)[]>;
export type FigureGroup = keyof typeof GROUP_PARTS;

/** A line by its id, as the screen names it when it asks for the entries a figure counts; null for no such line. */
export function lineById(id: string): { group: FigureGroup; value: (f: Figures) => number } | null {
  const fixed = LINES.find((l) => l[1] === id);
  if (fixed) return { group: fixed[0] as FigureGroup, value: fixed[2] };
  const [prefix, key] = [id.slice(0, id.indexOf('.')), id.slice(id.indexOf('.') + 1)];
  const b = Object.hasOwn(BREAKDOWNS, prefix) ? BREAKDOWNS[prefix as By] : undefined;
  return b && key ? { group: b.group, value: b.value(key) } : null;
}

/** The keys any column has in a breakdown, in a stable order. */
function keysOf(r: PeriodFigures, pick: (f: Figures) => Record<string, number>): string[] {
  const all = [r.total, ...r.rows].flatMap((c) => [c.current, c.previous]);
  return [...new Set(all.flatMap((f) => Object.keys(pick(f))))].sort();
}

/**
 * The lines the figures are shown, printed and exported by (issue 17), in one order: the screen's table, the
 * справка of the summary meeting (p.10, p.24(6)) and its spreadsheet read the same list. The receptions are broken
 * down by category and by the measure taken, the notebook entries by kind, the files on record by category — for
 * the categories, measures and kinds the period or the one before has.
 */
export function figureLines(r: PeriodFigures): FigureLine[] {
  const out: FigureLine[] = [];
  const sub = (by: By, key: string, label: { key: string } | { kk: string; ru: string }) => {
    const b = BREAKDOWNS[by];
    out.push({ group: b.group, id: `${by}.${key}`, label: { ...label, by }, sub: true, value: b.value(key) });
  };
  for (const [group, key, value, isSub] of LINES) {
    out.push({ group, id: key, label: { key: `figures.lines.${key}` }, sub: isSub ?? false, value });
    if (key === 'online') {
      for (const code of keysOf(r, (f) => f.receptions.byCategory)) {
        const c = r.categories.find((x) => x.code === code);
        sub('category', code, c ? { kk: c.nameKk, ru: c.nameRu } : { kk: code, ru: code });
      }
      for (const a of keysOf(r, (f) => f.receptions.byAction)) sub('action', a, { key: `reception.actions.${a}` });
    }
    if (key === 'notebook')
      for (const k of keysOf(r, (f) => f.notebook.byKind)) sub('kind', k, { key: `notebook.kinds.${k}` });
    if (key === 'filesActive')
      for (const k of keysOf(r, (f) => f.personFiles.activeByCategory))
        sub('file', k, { key: `prevention.categoryShort.${k}` });
  }
  return out;
}

/** A line's name in a language, with the catalog's translator of that side. */
export function lineLabel(l: FigureLine, t: (key: string, params: Record<string, string>) => string, lang: Language) {
  const name = 'key' in l.label ? t(l.label.key, {}) : l.label[lang];
  return l.label.by ? t(`figures.sub.${l.label.by}`, { name }) : name;
}

/** The change against the previous period, as the справка writes it: "+3", "−2", "0". */
export const change = (now: number, before: number): string =>
  now > before ? `+${now - before}` : now < before ? `−${before - now}` : '0';
