import type { Generated } from 'kysely';

/** Tables of the foundation; each module's tables are listed under its name. */

// station
export interface StationTable {
  id: number;
  upp_number: string;
  upp_name: string;
  police_body: string;
  address: string;
  settings_json: string;
}
export interface SectionsTable {
  id: Generated<number>;
  number: string;
  kind: 'urban' | 'rural';
  boundary: string;
  order_ref: string;
  active: number;
}
export interface CalendarOverridesTable {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

// users (the station's staff: every person who works in the program)
export interface UsersTable {
  id: Generated<number>;
  login: string;
  surname: string;
  name: string;
  patronymic: string;
  rank: string;
  position: string;
  role: string;
  active: number;
  must_change_password: number;
  created_at: string;
}
export interface UserSectionsTable {
  user_id: number;
  section_id: number;
}

// staff: absences and cover (p.6)
export interface AbsencesTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  from_date: string;
  to_date: string;
  cover_user_id: number | null;
  order_number: string;
  order_date: string | null;
  cancelled: number;
  cancel_reason: string;
}

// audit
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface DB {
  station: StationTable;
  sections: SectionsTable;
  calendar_overrides: CalendarOverridesTable;
  users: UsersTable;
  user_sections: UserSectionsTable;
  absences: AbsencesTable;
  audit_log: AuditLogTable;
}
