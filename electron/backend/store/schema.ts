import type { Generated } from 'kysely';
import type { Role } from '../../../shared/api/roles';

/** Tables of the foundation; each module's tables are listed under its name. */

// station
export interface StationTable {
  id: number;
  upp_number: string;
  upp_name: string;
  police_body: string;
  address: string;
  upp_name_kk: string;
  police_body_kk: string;
  address_kk: string;
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
  /** written only through the contract's roleSchema */
  role: Role;
  active: number;
  must_change_password: number;
  created_at: string;
  /** p.2(3): an assistant works under the direct supervision of this inspector */
  supervising_inspector_id: number | null;
  /** p.5: the day of the appointment to the post, and the order (number and date as written) */
  appointed_on: string | null;
  appointment_order: Generated<string>;
  /** p.22(14): the phone the information sheet and the business card print (migration 19) */
  work_phone: Generated<string>;
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
  /** p.6: why the chief's order has a non-adjacent section's inspector cover */
  non_adjacent_reason: string;
}

/** p.6: which sections adjoin, each pair once (a < b) */
export interface SectionAdjacencyTable {
  a: number;
  b: number;
}

// p.18: the head of the MPS and those replacing him
export interface MpsHeadsTable {
  id: Generated<number>;
  user_id: number;
  kind: 'head' | 'acting';
  from_date: string;
  to_date: string | null;
  order_number: Generated<string>;
  order_date: string | null;
  created_at: string;
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

// citizens: the station's register of people
export interface CitizensTable {
  id: Generated<number>;
  iin: string | null;
  no_iin: 'foreigner' | 'unknown' | null;
  surname: string;
  name: string;
  patronymic: string;
  birth_date: string | null;
  sex: 'male' | 'female' | null;
  address: string;
  phone: string;
  /** a foreigner's, as App 4 cols. 2–3 keep them (migration 25); '' for a citizen of Kazakhstan */
  citizenship: string;
  passport_no: string;
  passport_valid_until: string | null;
  created_at: string;
  updated_at: string;
}
export interface CitizensFtsTable {
  rowid: number;
  names: string;
  iin: string;
  /** the folded address (migration 16), for the search box */
  address: string;
}

// reception (p.9)
export interface ReceptionCategoriesTable {
  code: string;
  name_kk: string;
  name_ru: string;
  builtin: number;
  active: number;
  sort: number;
}
export interface ReceptionsTable {
  id: Generated<number>;
  year: number;
  number: number;
  received_at: string;
  mode: 'inPerson' | 'online';
  citizen_id: number;
  category_code: string;
  subject: string;
  action: string;
  action_details: string;
  receiver_id: number;
  follow_up_due: string | null;
  follow_up_result: string;
  follow_up_done_at: string | null;
  /** the person file the entry concerns (migration 18) */
  person_file_id: Generated<number | null>;
  voided: number;
  void_reason: string;
  version: number;
  created_by: number;
  created_at: string;
  updated_at: string;
}
export interface ReceptionVersionsTable {
  id: Generated<number>;
  reception_id: number;
  version: number;
  data_json: string;
  changed_by: number;
  changed_at: string;
  reason: string;
}

// work notebooks (p.20)
export interface NotebookEntriesTable {
  id: Generated<number>;
  owner_id: number;
  number: number;
  kind: string;
  occurred_at: string;
  text: string;
  created_by: number;
  created_at: string;
  corrects_id: number | null;
  given_by: number | null;
  due_date: string | null;
  expected_result: Generated<string>;
  done_at: string | null;
  done_text: Generated<string>;
  pass_to: Generated<string>;
  passed_at: string | null;
  passed_how: Generated<string>;
  outgoing_number: Generated<string>;
  check_result: Generated<string>;
  check_result_at: string | null;
  reception_id: number | null;
  citizen_id: number | null;
  address: Generated<string>;
}
export interface NotebookReviewsTable {
  id: Generated<number>;
  owner_id: number;
  reviewer_id: number;
  reviewed_at: string;
  up_to_number: number;
  remark: string;
}

// preventive-record person files (p.11–16)
export interface SafesTable {
  id: Generated<number>;
  name: string;
  location: Generated<string>;
  active: Generated<number>;
}
export interface PersonFilesTable {
  id: Generated<number>;
  number: number;
  citizen_id: number;
  status: 'active' | 'moving' | 'transferred' | 'removed';
  /** JSON array of category codes */
  categories: string;
  grounds_body: string;
  grounds_number: string;
  grounds_date: string | null;
  restrictions: string;
  obligations: string;
  start_date: string;
  planned_end: string | null;
  section_id: number;
  inspector_id: number;
  actual_address: string;
  phones: string;
  relations_json: string;
  notes: string;
  custody_place: 'safe' | 'policeBody';
  safe_id: number | null;
  shelf: string;
  controlling_inspector: string;
  departed_at: Generated<string | null>;
  move_kind: Generated<'district' | 'region' | null>;
  new_address: Generated<string>;
  new_body: Generated<string>;
  request_sent_at: Generated<string | null>;
  request_number: Generated<string>;
  confirmed_on: Generated<string | null>;
  confirmation_ref: Generated<string>;
  materials_sent_at: Generated<string | null>;
  materials_list: Generated<string>;
  covering_number: Generated<string>;
  removed_on: Generated<string | null>;
  removal_grounds: Generated<string>;
  removal_reason: Generated<string>;
  imported_from: Generated<string>;
  /** optional photo as a data URL (JPEG or PNG) */
  photo: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}
export interface SupervisionRecordsTable {
  id: Generated<number>;
  file_id: number;
  kind: 'visit' | 'check' | 'conversation' | 'other';
  planned_for: string | null;
  done_at: string | null;
  by_user_id: number | null;
  /** who did it, for records imported from another station */
  by_name: Generated<string>;
  text: string;
  violation: number;
  violation_text: string;
  measures: string;
  recorded_by: number;
  recorded_at: string;
}
export interface CustodyLogTable {
  id: Generated<number>;
  file_id: number;
  action: 'out' | 'in' | 'sent';
  at: string;
  person_id: number;
  reason: string;
  recorded_by: number;
}
export interface PersonFileAccessTable {
  id: Generated<number>;
  file_id: number;
  user_id: number;
  at: string;
  action: 'open' | 'print' | 'export';
  purpose: 'supervision' | 'individualWork' | 'transfer' | 'control' | 'request' | 'other';
  purpose_text: string;
}

// reporting meetings (Chapter 3)
export interface MeetingsTable {
  id: Generated<number>;
  kind: 'gathering' | 'akimMeeting' | 'jointGathering';
  format: 'indoor' | 'outdoor' | 'online';
  date: string;
  time: string;
  place: string;
  expected: number | null;
  police_leaders: string;
  executive_reps: string;
  notice_channels: Generated<string>;
  notice_on: Generated<string | null>;
  notice_details: Generated<string>;
  report_text: Generated<string>;
  decisions: Generated<string>;
  video_ref: Generated<string>;
  awards: Generated<string>;
  status: Generated<'planned' | 'held' | 'cancelled'>;
  cancel_reason: Generated<string>;
  finalized_at: Generated<string | null>;
  finalized_by: Generated<number | null>;
  disposed_on: Generated<string | null>;
  disposal_act: Generated<string>;
  disposed_by: Generated<number | null>;
  created_by: number;
  created_at: string;
  updated_at: string;
}
export interface MeetingSectionsTable {
  meeting_id: number;
  section_id: number;
}
export interface MeetingInspectorsTable {
  meeting_id: number;
  user_id: number;
}
export interface MeetingInviteesTable {
  id: Generated<number>;
  meeting_id: number;
  kind: string;
  name: string;
  came: number;
}
export interface MeetingParticipantsTable {
  id: Generated<number>;
  meeting_id: number;
  full_name: string;
  address: string;
  organization: string;
  phone: string;
}
export interface MeetingItemsTable {
  id: Generated<number>;
  meeting_id: number;
  kind: 'complaint' | 'proposal' | 'remark';
  text: string;
  raised_by: string;
  answered_in_full: number;
  answer: string;
  outside_competence: number;
  check_due: string | null;
  check_result: Generated<string>;
  check_done_at: Generated<string | null>;
  forward_to: string;
  forwarded_on: Generated<string | null>;
  forward_number: Generated<string>;
  initiator_address: string;
  initiator_notified_on: Generated<string | null>;
}

// monthly UPP plan (p.18, p.24(1))
export interface PlansTable {
  id: Generated<number>;
  month: string;
  revision: number;
  status: 'draft' | 'submitted' | 'returned' | 'approved' | 'superseded';
  drafted_by: number;
  submitted_at: string | null;
  approved_by: number | null;
  approved_at: string | null;
  /** p.18: approved by the head of the MPS or by the person replacing him */
  approved_as: 'head' | 'acting' | null;
  return_remarks: Generated<string>;
  created_at: string;
  updated_at: string;
}
export interface PlanItemsTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  text: string;
  responsible_id: number | null;
  responsible_text: string;
  due_date: string;
  basis: string;
  result: 'done' | 'notDone' | null;
  result_note: Generated<string>;
  marked_by: number | null;
  marked_at: string | null;
}

// the section's lists (p.17, App 2–4)
export interface FirearmOwnersTable {
  id: Generated<number>;
  section_id: number;
  citizen_id: number;
  address: string;
  home_phone: string;
  permit_by: string;
  permit_on: string;
  permit_until: string | null;
  reregistered_on: string | null;
  withdrawn_on: string | null;
  surrendered_on: string | null;
  created_at: string;
  updated_at: string;
}
export interface FirearmsTable {
  id: Generated<number>;
  owner_id: number;
  kind: string;
  make: string;
  calibre: string;
  serial: string;
}
export interface FirearmChecksTable {
  id: Generated<number>;
  owner_id: number;
  checked_on: string;
  result: string;
  by_user_id: number;
  recorded_at: string;
}
/** p.22(10): one instruction of the weapons unit to check an applicant at his address, and its result */
export interface ApplicantChecksTable {
  id: Generated<number>;
  section_id: number;
  citizen_id: number;
  address: string;
  permit: 'acquisition' | 'storage' | 'storageCarrying';
  weapon: string;
  instructed_by: string;
  instruction_ref: string;
  received_on: string;
  due_on: string;
  checked_on: string | null;
  result: string;
  checked_by: number | null;
  created_at: string;
  updated_at: string;
}
export interface ProbationPersonsTable {
  id: Generated<number>;
  section_id: number;
  citizen_id: number;
  address: string;
  work: string;
  phones: string;
  included_on: string;
  removed_on: string | null;
  marks: string;
  measure: string;
  created_at: string;
  updated_at: string;
}
export interface ForeignersTable {
  id: Generated<number>;
  section_id: number;
  citizen_id: number;
  citizenship: string;
  passport_no: string;
  passport_valid_until: string | null;
  stay_until: string | null;
  temp_address: string;
  home_phone: string;
  work: string;
  work_phone: string;
  /** the last of foreigner_checks, kept here for the figures' query; written only with a check */
  checked_on: string | null;
  check_note: string;
  removed_on: string | null;
  removal_reason: 'left' | 'moved' | 'citizenship' | 'other' | null;
  removal_note: string;
  created_at: string;
  updated_at: string;
}
export interface ForeignerChecksTable {
  id: Generated<number>;
  foreigner_id: number;
  checked_on: string;
  note: string;
  /** null for a check carried over from before the history was kept (migration 20) */
  by_user_id: number | null;
  recorded_at: string;
}

// acceptance and handover of a section (p.4–6)
export interface HandoverActsTable {
  id: Generated<number>;
  section_id: number;
  kind: 'handover' | 'cover';
  date: string;
  from_user_id: number | null;
  to_user_id: number;
  superior: string;
  order_number: string;
  order_date: string | null;
  remarks: string;
  snapshot_json: string;
  tour_done_on: string | null;
  tour_note: Generated<string>;
  created_by: number;
  created_at: string;
}

// section passport (App 1)
export interface PassportValuesTable {
  section_id: number;
  year: number;
  code: string;
  value: number | null;
}
export interface PassportObjectsTable {
  id: Generated<number>;
  section_id: number;
  part: 'enterprises' | 'dormitories' | 'permitObjects';
  fields_json: string;
  removed: Generated<number>;
  removed_reason: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface TourAddressesTable {
  id: Generated<number>;
  act_id: number;
  address: string;
  visited_on: string | null;
  note: Generated<string>;
  visited_by: number | null;
}

/** an open form's text kept through a lock (issue 15) */
export interface DraftsTable {
  user_id: number;
  route: string;
  form: string;
  values_json: string;
  saved_at: string;
}
/** App 1's cover: "Начат / Окончен / Срок хранения" */
export interface PassportCoversTable {
  section_id: number;
  started_on: string | null;
  ended_on: string | null;
  retention: string;
  updated_at: string;
}
export interface PassportPlansTable {
  section_id: number;
  image: string | null;
  note: string;
  updated_at: string;
}

// the daily tour of the section (p.22(14), migration 19)
export interface OffencePlacesTable {
  id: Generated<number>;
  section_id: number;
  address: string;
  kind: string;
  reason: string;
  since: string;
  removed_on: string | null;
  removal_reason: Generated<string>;
  created_by: number;
  created_at: string;
  updated_at: string;
}
export interface DailyToursTable {
  id: Generated<number>;
  owner_id: number;
  section_id: number;
  date: string;
  addresses: string;
  survey: string;
  conversations: string;
  cards_given: number;
  sheets_posted: number;
  sheets_where: string;
  findings: string;
  notebook_entry_id: number;
  created_at: string;
}
export interface DailyTourPlacesTable {
  tour_id: number;
  place_id: number;
}

export interface DB {
  offence_places: OffencePlacesTable;
  daily_tours: DailyToursTable;
  daily_tour_places: DailyTourPlacesTable;
  passport_plans: PassportPlansTable;
  passport_covers: PassportCoversTable;
  drafts: DraftsTable;
  tour_addresses: TourAddressesTable;
  passport_values: PassportValuesTable;
  passport_objects: PassportObjectsTable;
  handover_acts: HandoverActsTable;
  firearm_owners: FirearmOwnersTable;
  firearms: FirearmsTable;
  firearm_checks: FirearmChecksTable;
  probation_persons: ProbationPersonsTable;
  foreigners: ForeignersTable;
  foreigner_checks: ForeignerChecksTable;
  applicant_checks: ApplicantChecksTable;
  plans: PlansTable;
  plan_items: PlanItemsTable;
  meetings: MeetingsTable;
  meeting_sections: MeetingSectionsTable;
  meeting_inspectors: MeetingInspectorsTable;
  meeting_invitees: MeetingInviteesTable;
  meeting_participants: MeetingParticipantsTable;
  meeting_items: MeetingItemsTable;
  safes: SafesTable;
  person_files: PersonFilesTable;
  supervision_records: SupervisionRecordsTable;
  custody_log: CustodyLogTable;
  person_file_access: PersonFileAccessTable;
  notebook_entries: NotebookEntriesTable;
  notebook_reviews: NotebookReviewsTable;
  citizens: CitizensTable;
  citizens_fts: CitizensFtsTable;
  reception_categories: ReceptionCategoriesTable;
  receptions: ReceptionsTable;
  reception_versions: ReceptionVersionsTable;
  station: StationTable;
  sections: SectionsTable;
  calendar_overrides: CalendarOverridesTable;
  users: UsersTable;
  user_sections: UserSectionsTable;
  absences: AbsencesTable;
  mps_heads: MpsHeadsTable;
  section_adjacency: SectionAdjacencyTable;
  audit_log: AuditLogTable;
}
