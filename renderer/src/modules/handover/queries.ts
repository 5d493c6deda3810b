import type { CallName } from '../../../../shared/api';

/** What a handover changes: the acts, the tour, who holds the section (users), the passport's §1, Today. */
export const HANDOVER_READS = [
  'handover.list',
  'handover.tourAddresses',
  'users.list',
  'passport.get',
  'today.list',
] as const satisfies readonly CallName[];
