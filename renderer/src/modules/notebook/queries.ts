import type { CallName } from '../../../../shared/api';

/** What a notebook entry's change makes stale: the notebooks, the register of p.24(5), Today's deadlines. */
export const NOTEBOOK_READS = [
  'notebook.entries',
  'notebook.passRegister',
  'today.list',
] as const satisfies readonly CallName[];
