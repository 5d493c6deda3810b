import type { Figures } from './api/figures';

/**
 * The lines the figures are shown, printed and exported by (issue 17), in one order: the screen's table, the
 * справка of the summary meeting (p.10, p.24(6)) and its spreadsheet read the same list. `key` is the catalog key
 * under `figures.lines`; `group` under `figures.groups`.
 */
export const FIGURE_LINES: readonly { group: string; key: string; value: (f: Figures) => number }[] = [
  { group: 'receptions', key: 'receptions', value: (f) => f.receptions.total },
  { group: 'receptions', key: 'inPerson', value: (f) => f.receptions.byMode['inPerson'] ?? 0 },
  { group: 'receptions', key: 'online', value: (f) => f.receptions.byMode['online'] ?? 0 },
  { group: 'receptions', key: 'followUpsInTime', value: (f) => f.receptions.followUpsInTime },
  { group: 'receptions', key: 'followUpsLate', value: (f) => f.receptions.followUpsLate },
  { group: 'notebook', key: 'notebook', value: (f) => f.notebook.total },
  { group: 'notebook', key: 'passedInTime', value: (f) => f.notebook.passedInTime },
  { group: 'notebook', key: 'passedLate', value: (f) => f.notebook.passedLate },
  { group: 'notebook', key: 'instructions', value: (f) => f.instructions.total },
  { group: 'notebook', key: 'instructionsInTime', value: (f) => f.instructions.doneInTime },
  { group: 'notebook', key: 'instructionsLate', value: (f) => f.instructions.doneLate + f.instructions.overdue },
  { group: 'personFiles', key: 'filesActive', value: (f) => f.personFiles.active },
  { group: 'personFiles', key: 'filesPlaced', value: (f) => f.personFiles.placed },
  { group: 'personFiles', key: 'filesRemoved', value: (f) => f.personFiles.removed },
  { group: 'personFiles', key: 'filesTransferred', value: (f) => f.personFiles.transferred },
  { group: 'personFiles', key: 'checksPlanned', value: (f) => f.personFiles.checksPlanned },
  { group: 'personFiles', key: 'checksDone', value: (f) => f.personFiles.checksDone },
  { group: 'personFiles', key: 'violations', value: (f) => f.personFiles.violations },
  { group: 'lists', key: 'firearmOwners', value: (f) => f.firearms.owners },
  { group: 'lists', key: 'firearmChecks', value: (f) => f.firearms.checksDone },
  { group: 'lists', key: 'firearmOverdue', value: (f) => f.firearms.checksOverdue },
  { group: 'lists', key: 'staysUnchecked', value: (f) => f.foreigners.staysEndedUnchecked },
  { group: 'meetings', key: 'meetingsHeld', value: (f) => f.meetings.held },
  { group: 'meetings', key: 'noticeInTime', value: (f) => f.meetings.noticeInTime },
  { group: 'meetings', key: 'itemsClosed', value: (f) => f.meetings.itemsClosed },
  { group: 'meetings', key: 'itemsOpen', value: (f) => f.meetings.itemsOpen },
  { group: 'plans', key: 'planDone', value: (f) => f.plans.done },
  { group: 'plans', key: 'planNotDone', value: (f) => f.plans.notDone },
];

/** The change against the previous period, as the справка writes it: "+3", "−2", "0". */
export const change = (now: number, before: number): string =>
  now > before ? `+${now - before}` : now < before ? `−${before - now}` : '0';
