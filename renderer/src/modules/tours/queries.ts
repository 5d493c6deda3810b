import type { CallName } from '../../../../shared/api';

/** What a tour or a change to the register makes stale: the tours, the places, the notebook, Today's reminder. */
export const TOUR_READS = [
  'tours.list',
  'tours.places',
  'notebook.entries',
  'today.list',
] as const satisfies readonly CallName[];
