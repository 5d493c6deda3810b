import { fullName, shortName } from '../../../../shared/format';
import type { Role } from '../../../../shared/api';
import type { Db } from '../../context';

/** How a record names a member of the staff: "Сейітов А. Б." and, for a signature, the position and rank. */
export interface StaffNames {
  /** "Surname N. P."; '' for no one (an optional column that is empty) */
  short(id: number | null | undefined): string;
  full(id: number | null | undefined): string;
  /** "position, rank" as a signature block prints it */
  position(id: number | null | undefined): string;
  /** "rank Surname Name Patronymic", as a form's column "rank, full name" has it */
  rankAndName(id: number | null | undefined): string;
  role(id: number): Role;
  /** p.2(3): the short name of the inspector an assistant works under; '' for anyone else */
  supervisor(id: number | null | undefined): string;
}

/**
 * The names of the staff, read once per call. Records keep user ids; the names come from here rather than from a
 * join of `users` (with its three name columns and their `shortName`) written into every list that shows who did
 * what. A station has tens of users, so reading them all is one small query.
 */
export async function staffNames(db: Db): Promise<StaffNames> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'surname', 'name', 'patronymic', 'position', 'rank', 'role', 'supervising_inspector_id'])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const of = (id: number | null | undefined) => (id == null ? undefined : byId.get(id));
  return {
    short: (id) => {
      const u = of(id);
      return u ? shortName(u) : '';
    },
    full: (id) => {
      const u = of(id);
      return u ? fullName(u) : '';
    },
    rankAndName: (id) => {
      const u = of(id);
      return u ? [u.rank, fullName(u)].filter(Boolean).join(' ') : '';
    },
    position: (id) => {
      const u = of(id);
      return u ? [u.position, u.rank].filter(Boolean).join(', ') : '';
    },
    role: (id) => byId.get(id)!.role,
    supervisor: (id) => {
      const u = of(id);
      const s = u?.role === 'assistant' ? of(u.supervising_inspector_id) : undefined;
      return s ? shortName(s) : '';
    },
  };
}
