import type { RawDb } from './database';

/**
 * Forward-only, numbered. Each runs in a transaction at unlock; PRAGMA user_version
 * holds the last applied number. Never edit a released step: add the next one.
 */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'foundation',
    sql: `
      CREATE TABLE station (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        upp_number TEXT NOT NULL, upp_name TEXT NOT NULL, police_body TEXT NOT NULL,
        address TEXT NOT NULL, settings_json TEXT NOT NULL
      );
      CREATE TABLE sections (
        id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, kind TEXT NOT NULL CHECK (kind IN ('urban','rural')),
        boundary TEXT NOT NULL DEFAULT '', order_ref TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 1
      );
      CREATE TABLE calendar_overrides (
        date TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('holiday','workday')), name TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE users (
        id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, surname TEXT NOT NULL, name TEXT NOT NULL,
        patronymic TEXT NOT NULL DEFAULT '', rank TEXT NOT NULL DEFAULT '', position TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1, must_change_password INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE user_sections (
        user_id INTEGER NOT NULL REFERENCES users(id), section_id INTEGER NOT NULL REFERENCES sections(id),
        PRIMARY KEY (user_id, section_id)
      );
      CREATE TABLE absences (
        id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id), kind TEXT NOT NULL,
        from_date TEXT NOT NULL, to_date TEXT NOT NULL, cover_user_id INTEGER REFERENCES users(id),
        order_number TEXT NOT NULL DEFAULT '', order_date TEXT, cancelled INTEGER NOT NULL DEFAULT 0,
        cancel_reason TEXT NOT NULL DEFAULT ''
      );
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, user_id INTEGER, action TEXT NOT NULL, entity TEXT NOT NULL,
        entity_id TEXT NOT NULL, before_json TEXT, after_json TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'citizens and reception log (p.9)',
    sql: `
      CREATE TABLE citizens (
        id INTEGER PRIMARY KEY, iin TEXT UNIQUE, no_iin TEXT CHECK (no_iin IN ('foreigner','unknown')),
        surname TEXT NOT NULL, name TEXT NOT NULL, patronymic TEXT NOT NULL DEFAULT '',
        birth_date TEXT, sex TEXT CHECK (sex IN ('male','female')), address TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        CHECK (iin IS NOT NULL OR no_iin IS NOT NULL)
      );
      CREATE VIRTUAL TABLE citizens_fts USING fts5(names, iin, tokenize = 'unicode61 remove_diacritics 2');
      CREATE TABLE reception_categories (
        code TEXT PRIMARY KEY, name_kk TEXT NOT NULL, name_ru TEXT NOT NULL,
        builtin INTEGER NOT NULL DEFAULT 0, active INTEGER NOT NULL DEFAULT 1, sort INTEGER NOT NULL
      );
      INSERT INTO reception_categories (code, name_kk, name_ru, builtin, sort) VALUES
        ('complaint', 'Шағым', 'Жалоба', 1, 1),
        ('statement', 'Арыз', 'Заявление', 1, 2),
        ('help', 'Көмек сұрау', 'Просьба о помощи', 1, 3),
        ('consultation', 'Кеңес алу', 'Консультация', 1, 4),
        ('information', 'Ақпарат беру', 'Сообщение информации', 1, 5),
        ('other', 'Басқа', 'Другое', 1, 99);
      CREATE TABLE receptions (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL, number INTEGER NOT NULL,
        received_at TEXT NOT NULL, mode TEXT NOT NULL CHECK (mode IN ('inPerson','online')),
        citizen_id INTEGER NOT NULL REFERENCES citizens(id), category_code TEXT NOT NULL REFERENCES reception_categories(code),
        subject TEXT NOT NULL, action TEXT NOT NULL, action_details TEXT NOT NULL DEFAULT '',
        receiver_id INTEGER NOT NULL REFERENCES users(id), follow_up_due TEXT, follow_up_result TEXT NOT NULL DEFAULT '',
        follow_up_done_at TEXT, voided INTEGER NOT NULL DEFAULT 0, void_reason TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1, created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        UNIQUE (year, number)
      );
      CREATE INDEX receptions_received ON receptions(received_at);
      CREATE INDEX receptions_citizen ON receptions(citizen_id, received_at);
      CREATE INDEX receptions_follow_up ON receptions(follow_up_due) WHERE follow_up_due IS NOT NULL AND follow_up_done_at IS NULL AND voided = 0;
      CREATE TABLE reception_versions (
        id INTEGER PRIMARY KEY, reception_id INTEGER NOT NULL REFERENCES receptions(id), version INTEGER NOT NULL,
        data_json TEXT NOT NULL, changed_by INTEGER NOT NULL REFERENCES users(id), changed_at TEXT NOT NULL, reason TEXT NOT NULL,
        UNIQUE (reception_id, version)
      );
    `,
  },
  {
    version: 3,
    name: 'work notebooks (p.20, p.22, p.23(3), p.24(5))',
    sql: `
      CREATE TABLE notebook_entries (
        id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL REFERENCES users(id), number INTEGER NOT NULL,
        kind TEXT NOT NULL, occurred_at TEXT NOT NULL, text TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES users(id), created_at TEXT NOT NULL,
        corrects_id INTEGER REFERENCES notebook_entries(id),
        given_by INTEGER REFERENCES users(id), due_date TEXT, expected_result TEXT NOT NULL DEFAULT '',
        done_at TEXT, done_text TEXT NOT NULL DEFAULT '',
        pass_to TEXT NOT NULL DEFAULT '', passed_at TEXT, passed_how TEXT NOT NULL DEFAULT '',
        outgoing_number TEXT NOT NULL DEFAULT '', check_result TEXT NOT NULL DEFAULT '', check_result_at TEXT,
        reception_id INTEGER REFERENCES receptions(id),
        citizen_id INTEGER REFERENCES citizens(id), address TEXT NOT NULL DEFAULT '',
        UNIQUE (owner_id, number)
      );
      CREATE INDEX notebook_owner_time ON notebook_entries(owner_id, occurred_at);
      CREATE INDEX notebook_open_pass ON notebook_entries(kind, passed_at) WHERE kind = 'passOn';
      CREATE TABLE notebook_reviews (
        id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL REFERENCES users(id), reviewer_id INTEGER NOT NULL REFERENCES users(id),
        reviewed_at TEXT NOT NULL, up_to_number INTEGER NOT NULL, remark TEXT NOT NULL DEFAULT ''
      );
    `,
  },
  {
    version: 4,
    name: 'preventive-record person files (p.11–16)',
    sql: `
      CREATE TABLE safes (
        id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, location TEXT NOT NULL DEFAULT '', active INTEGER NOT NULL DEFAULT 1
      );
      CREATE TABLE person_files (
        id INTEGER PRIMARY KEY, number INTEGER NOT NULL UNIQUE, citizen_id INTEGER NOT NULL REFERENCES citizens(id),
        status TEXT NOT NULL CHECK (status IN ('active','moving','transferred','removed')),
        categories TEXT NOT NULL, grounds_body TEXT NOT NULL, grounds_number TEXT NOT NULL, grounds_date TEXT,
        restrictions TEXT NOT NULL DEFAULT '', obligations TEXT NOT NULL DEFAULT '',
        start_date TEXT NOT NULL, planned_end TEXT,
        section_id INTEGER NOT NULL REFERENCES sections(id), inspector_id INTEGER NOT NULL REFERENCES users(id),
        actual_address TEXT NOT NULL DEFAULT '', phones TEXT NOT NULL DEFAULT '', relations_json TEXT NOT NULL DEFAULT '[]', notes TEXT NOT NULL DEFAULT '',
        custody_place TEXT NOT NULL CHECK (custody_place IN ('safe','policeBody')), safe_id INTEGER REFERENCES safes(id),
        shelf TEXT NOT NULL DEFAULT '', controlling_inspector TEXT NOT NULL DEFAULT '',
        departed_at TEXT, move_kind TEXT, new_address TEXT NOT NULL DEFAULT '', new_body TEXT NOT NULL DEFAULT '',
        request_sent_at TEXT, request_number TEXT NOT NULL DEFAULT '',
        confirmed_on TEXT, confirmation_ref TEXT NOT NULL DEFAULT '',
        materials_sent_at TEXT, materials_list TEXT NOT NULL DEFAULT '', covering_number TEXT NOT NULL DEFAULT '',
        removed_on TEXT, removal_grounds TEXT NOT NULL DEFAULT '', removal_reason TEXT NOT NULL DEFAULT '',
        imported_from TEXT NOT NULL DEFAULT '', photo TEXT,
        created_by INTEGER NOT NULL REFERENCES users(id), created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX person_files_citizen ON person_files(citizen_id);
      CREATE TABLE supervision_records (
        id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL REFERENCES person_files(id),
        kind TEXT NOT NULL, planned_for TEXT, done_at TEXT, by_user_id INTEGER REFERENCES users(id), by_name TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '', violation INTEGER NOT NULL DEFAULT 0, violation_text TEXT NOT NULL DEFAULT '', measures TEXT NOT NULL DEFAULT '',
        recorded_by INTEGER NOT NULL REFERENCES users(id), recorded_at TEXT NOT NULL
      );
      CREATE INDEX supervision_file ON supervision_records(file_id);
      CREATE INDEX supervision_planned ON supervision_records(file_id, planned_for) WHERE done_at IS NULL;
      CREATE TABLE custody_log (
        id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL REFERENCES person_files(id),
        action TEXT NOT NULL CHECK (action IN ('out','in','sent')), at TEXT NOT NULL,
        person_id INTEGER NOT NULL REFERENCES users(id), reason TEXT NOT NULL DEFAULT '', recorded_by INTEGER NOT NULL REFERENCES users(id)
      );
      CREATE INDEX custody_file ON custody_log(file_id, id);
      CREATE TABLE person_file_access (
        id INTEGER PRIMARY KEY, file_id INTEGER NOT NULL REFERENCES person_files(id), user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL, action TEXT NOT NULL, purpose TEXT NOT NULL, purpose_text TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX person_file_access_file ON person_file_access(file_id, id);
    `,
  },
  {
    version: 5,
    name: 'reporting meetings (Chapter 3, p.25–34)',
    sql: `
      CREATE TABLE meetings (
        id INTEGER PRIMARY KEY, kind TEXT NOT NULL, format TEXT NOT NULL, date TEXT NOT NULL, time TEXT NOT NULL, place TEXT NOT NULL,
        expected INTEGER, police_leaders TEXT NOT NULL DEFAULT '', executive_reps TEXT NOT NULL DEFAULT '',
        notice_channels TEXT NOT NULL DEFAULT '[]', notice_on TEXT, notice_details TEXT NOT NULL DEFAULT '',
        report_text TEXT NOT NULL DEFAULT '', decisions TEXT NOT NULL DEFAULT '', video_ref TEXT NOT NULL DEFAULT '', awards TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','held','cancelled')), cancel_reason TEXT NOT NULL DEFAULT '',
        finalized_at TEXT, finalized_by INTEGER REFERENCES users(id),
        disposed_on TEXT, disposal_act TEXT NOT NULL DEFAULT '', disposed_by INTEGER REFERENCES users(id),
        created_by INTEGER NOT NULL REFERENCES users(id), created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX meetings_date ON meetings(date);
      CREATE TABLE meeting_sections (meeting_id INTEGER NOT NULL REFERENCES meetings(id), section_id INTEGER NOT NULL REFERENCES sections(id), PRIMARY KEY (meeting_id, section_id));
      CREATE TABLE meeting_inspectors (meeting_id INTEGER NOT NULL REFERENCES meetings(id), user_id INTEGER NOT NULL REFERENCES users(id), PRIMARY KEY (meeting_id, user_id));
      CREATE TABLE meeting_invitees (id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL REFERENCES meetings(id), kind TEXT NOT NULL, name TEXT NOT NULL, came INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE meeting_participants (
        id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL REFERENCES meetings(id), full_name TEXT NOT NULL,
        address TEXT NOT NULL DEFAULT '', organization TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX meeting_participants_meeting ON meeting_participants(meeting_id);
      CREATE TABLE meeting_items (
        id INTEGER PRIMARY KEY, meeting_id INTEGER NOT NULL REFERENCES meetings(id), kind TEXT NOT NULL, text TEXT NOT NULL, raised_by TEXT NOT NULL,
        answered_in_full INTEGER NOT NULL, answer TEXT NOT NULL DEFAULT '', outside_competence INTEGER NOT NULL DEFAULT 0,
        check_due TEXT, check_result TEXT NOT NULL DEFAULT '', check_done_at TEXT,
        forward_to TEXT NOT NULL DEFAULT '', forwarded_on TEXT, forward_number TEXT NOT NULL DEFAULT '',
        initiator_address TEXT NOT NULL DEFAULT '', initiator_notified_on TEXT
      );
      CREATE INDEX meeting_items_meeting ON meeting_items(meeting_id);
    `,
  },
  {
    version: 6,
    name: 'monthly UPP plan (p.18, p.24(1))',
    sql: `
      CREATE TABLE plans (
        id INTEGER PRIMARY KEY, month TEXT NOT NULL, revision INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft','submitted','returned','approved','superseded')),
        drafted_by INTEGER NOT NULL REFERENCES users(id), submitted_at TEXT, approved_by INTEGER REFERENCES users(id), approved_at TEXT,
        return_remarks TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
        UNIQUE (month, revision)
      );
      CREATE TABLE plan_items (
        id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL REFERENCES plans(id), position INTEGER NOT NULL, text TEXT NOT NULL,
        responsible_id INTEGER REFERENCES users(id), responsible_text TEXT NOT NULL DEFAULT '', due_date TEXT NOT NULL, basis TEXT NOT NULL DEFAULT '',
        result TEXT CHECK (result IN ('done','notDone')), result_note TEXT NOT NULL DEFAULT '', marked_by INTEGER REFERENCES users(id), marked_at TEXT
      );
      CREATE INDEX plan_items_plan ON plan_items(plan_id, position);
    `,
  },
  {
    version: 7,
    name: 'section lists (p.17, Appendices 2–4)',
    sql: `
      CREATE TABLE firearm_owners (
        id INTEGER PRIMARY KEY, section_id INTEGER NOT NULL REFERENCES sections(id), citizen_id INTEGER NOT NULL REFERENCES citizens(id),
        address TEXT NOT NULL, home_phone TEXT NOT NULL DEFAULT '', permit_by TEXT NOT NULL, permit_on TEXT NOT NULL, permit_until TEXT,
        reregistered_on TEXT, withdrawn_on TEXT, surrendered_on TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE TABLE firearms (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL REFERENCES firearm_owners(id), kind TEXT NOT NULL, make TEXT NOT NULL DEFAULT '', calibre TEXT NOT NULL DEFAULT '', serial TEXT NOT NULL);
      CREATE INDEX firearms_owner ON firearms(owner_id);
      CREATE TABLE firearm_checks (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL REFERENCES firearm_owners(id), checked_on TEXT NOT NULL, result TEXT NOT NULL, by_user_id INTEGER NOT NULL REFERENCES users(id), recorded_at TEXT NOT NULL);
      CREATE INDEX firearm_checks_owner ON firearm_checks(owner_id, checked_on);
      CREATE TABLE probation_persons (
        id INTEGER PRIMARY KEY, section_id INTEGER NOT NULL REFERENCES sections(id), citizen_id INTEGER NOT NULL REFERENCES citizens(id),
        address TEXT NOT NULL, work TEXT NOT NULL DEFAULT '', phones TEXT NOT NULL DEFAULT '', included_on TEXT NOT NULL, removed_on TEXT,
        marks TEXT NOT NULL DEFAULT '', measure TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE TABLE foreigners (
        id INTEGER PRIMARY KEY, section_id INTEGER NOT NULL REFERENCES sections(id), citizen_id INTEGER NOT NULL REFERENCES citizens(id),
        citizenship TEXT NOT NULL, passport_no TEXT NOT NULL, passport_valid_until TEXT, stay_until TEXT, temp_address TEXT NOT NULL,
        home_phone TEXT NOT NULL DEFAULT '', work TEXT NOT NULL DEFAULT '', work_phone TEXT NOT NULL DEFAULT '',
        checked_on TEXT, check_note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 8,
    name: 'section acceptance and handover acts (p.4–6)',
    sql: `
      CREATE TABLE handover_acts (
        id INTEGER PRIMARY KEY, section_id INTEGER NOT NULL REFERENCES sections(id), kind TEXT NOT NULL CHECK (kind IN ('handover','cover')),
        date TEXT NOT NULL, from_user_id INTEGER REFERENCES users(id), to_user_id INTEGER NOT NULL REFERENCES users(id),
        superior TEXT NOT NULL, order_number TEXT NOT NULL DEFAULT '', order_date TEXT, remarks TEXT NOT NULL DEFAULT '',
        snapshot_json TEXT NOT NULL, tour_done_on TEXT, tour_note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id), created_at TEXT NOT NULL
      );
      CREATE INDEX handover_acts_section ON handover_acts(section_id, date);
    `,
  },
  {
    version: 9,
    name: 'section passport (App 1 §3–§6)',
    sql: `
      CREATE TABLE passport_values (
        section_id INTEGER NOT NULL REFERENCES sections(id), year INTEGER NOT NULL, code TEXT NOT NULL, value REAL,
        PRIMARY KEY (section_id, year, code)
      );
      CREATE TABLE passport_objects (
        id INTEGER PRIMARY KEY, section_id INTEGER NOT NULL REFERENCES sections(id), part TEXT NOT NULL, fields_json TEXT NOT NULL,
        removed INTEGER NOT NULL DEFAULT 0, removed_reason TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX passport_objects_section ON passport_objects(section_id, part);
    `,
  },
  {
    version: 10,
    name: 'door-to-door tour addresses (p.5)',
    sql: `
      CREATE TABLE tour_addresses (
        id INTEGER PRIMARY KEY, act_id INTEGER NOT NULL REFERENCES handover_acts(id), address TEXT NOT NULL,
        visited_on TEXT, note TEXT NOT NULL DEFAULT '', visited_by INTEGER REFERENCES users(id)
      );
      CREATE INDEX tour_addresses_act ON tour_addresses(act_id);
    `,
  },
  {
    version: 11,
    name: 'section plan (App 1 §2)',
    sql: `
      CREATE TABLE passport_plans (section_id INTEGER PRIMARY KEY REFERENCES sections(id), image TEXT, note TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL);
    `,
  },
  {
    version: 12,
    name: 'the head of the MPS and his replacements, who approve the plan (p.18)',
    sql: `
      CREATE TABLE mps_heads (
        id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id),
        kind TEXT NOT NULL CHECK (kind IN ('head','acting')), from_date TEXT NOT NULL, to_date TEXT,
        order_number TEXT NOT NULL DEFAULT '', order_date TEXT, created_at TEXT NOT NULL
      );
      ALTER TABLE plans ADD COLUMN approved_as TEXT CHECK (approved_as IN ('head','acting'));
    `,
  },
  {
    version: 13,
    name: 'the inspector an assistant works under (p.2(3))',
    sql: `
      ALTER TABLE users ADD COLUMN supervising_inspector_id INTEGER REFERENCES users(id);
    `,
  },
  {
    version: 14,
    name: 'adjacent sections, and a cover by a non-adjacent one with its reason (p.6)',
    sql: `
      CREATE TABLE section_adjacency (
        a INTEGER NOT NULL REFERENCES sections(id), b INTEGER NOT NULL REFERENCES sections(id),
        PRIMARY KEY (a, b), CHECK (a < b)
      );
      ALTER TABLE absences ADD COLUMN non_adjacent_reason TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 15,
    name: 'the appointment to the post, from which the door-to-door tour counts (p.5)',
    sql: `
      ALTER TABLE users ADD COLUMN appointed_on TEXT;
      ALTER TABLE users ADD COLUMN appointment_order TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 16,
    name: "search over everything (issue 17): prefix indexes, the citizens' addresses, indexes of texts",
    // (ours) a search as typed starts with one letter: prefix indexes of 1–3 letters keep it from reading every name.
    // The large kinds have tables of their own (citizens, the notebooks): a word's prefix is merged over one table
    sql: `
      DROP TABLE citizens_fts;
      CREATE VIRTUAL TABLE citizens_fts USING fts5(
        names, iin, address, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
      );
      INSERT INTO citizens_fts (rowid, names, iin, address)
        SELECT id, uchaske_fold_name(surname, name, patronymic), coalesce(iin, ''), uchaske_fold(address) FROM citizens;
      CREATE VIRTUAL TABLE notebook_fts USING fts5(
        words, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
      );
      INSERT INTO notebook_fts (rowid, words) SELECT id, uchaske_fold(text, address) FROM notebook_entries;
      CREATE TRIGGER notebook_fts_notebook_entries_ins AFTER INSERT ON notebook_entries BEGIN INSERT INTO notebook_fts (rowid, words) VALUES (new.id, uchaske_fold(new.text, new.address)); END;
      CREATE TRIGGER notebook_fts_notebook_entries_upd AFTER UPDATE OF text, address ON notebook_entries BEGIN
        DELETE FROM notebook_fts WHERE rowid = old.id; INSERT INTO notebook_fts (rowid, words) VALUES (new.id, uchaske_fold(new.text, new.address));
      END;
      CREATE TRIGGER notebook_fts_notebook_entries_del AFTER DELETE ON notebook_entries BEGIN DELETE FROM notebook_fts WHERE rowid = old.id; END;
      CREATE VIRTUAL TABLE search_fts USING fts5(
        words, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
      );
      INSERT INTO search_fts (rowid, words) SELECT (3 << 40) | id, uchaske_fold(actual_address) FROM person_files;
      INSERT INTO search_fts (rowid, words) SELECT (4 << 40) | id, uchaske_fold(address) FROM firearm_owners;
      INSERT INTO search_fts (rowid, words) SELECT (5 << 40) | id, uchaske_fold(address, work) FROM probation_persons;
      INSERT INTO search_fts (rowid, words) SELECT (6 << 40) | id, uchaske_fold(temp_address, work, passport_no) FROM foreigners;
      INSERT INTO search_fts (rowid, words) SELECT (7 << 40) | id, uchaske_fold(place) FROM meetings;
      INSERT INTO search_fts (rowid, words) SELECT (8 << 40) | id, uchaske_fold(full_name, address, organization) FROM meeting_participants;
      INSERT INTO search_fts (rowid, words) SELECT (9 << 40) | id, uchaske_fold(text, raised_by, initiator_address) FROM meeting_items;
      INSERT INTO search_fts (rowid, words) SELECT (10 << 40) | id, uchaske_fold(order_number, superior, remarks) FROM handover_acts;
      CREATE TRIGGER search_fts_person_files_ins AFTER INSERT ON person_files BEGIN INSERT INTO search_fts (rowid, words) VALUES ((3 << 40) | new.id, uchaske_fold(new.actual_address)); END;
      CREATE TRIGGER search_fts_person_files_upd AFTER UPDATE OF actual_address ON person_files BEGIN
        DELETE FROM search_fts WHERE rowid = (3 << 40) | old.id; INSERT INTO search_fts (rowid, words) VALUES ((3 << 40) | new.id, uchaske_fold(new.actual_address));
      END;
      CREATE TRIGGER search_fts_person_files_del AFTER DELETE ON person_files BEGIN DELETE FROM search_fts WHERE rowid = (3 << 40) | old.id; END;
      CREATE TRIGGER search_fts_firearm_owners_ins AFTER INSERT ON firearm_owners BEGIN INSERT INTO search_fts (rowid, words) VALUES ((4 << 40) | new.id, uchaske_fold(new.address)); END;
      CREATE TRIGGER search_fts_firearm_owners_upd AFTER UPDATE OF address ON firearm_owners BEGIN
        DELETE FROM search_fts WHERE rowid = (4 << 40) | old.id; INSERT INTO search_fts (rowid, words) VALUES ((4 << 40) | new.id, uchaske_fold(new.address));
      END;
      CREATE TRIGGER search_fts_firearm_owners_del AFTER DELETE ON firearm_owners BEGIN DELETE FROM search_fts WHERE rowid = (4 << 40) | old.id; END;
      CREATE TRIGGER search_fts_probation_persons_ins AFTER INSERT ON probation_persons BEGIN INSERT INTO search_fts (rowid, words) VALUES ((5 << 40) | new.id, uchaske_fold(new.address, new.work)); END;
      CREATE TRIGGER search_fts_probation_persons_upd AFTER UPDATE OF address, work ON probation_persons BEGIN
        DELETE FROM search_fts WHERE rowid = (5 << 40) | old.id; INSERT INTO search_fts (rowid, words) VALUES ((5 << 40) | new.id, uchaske_fold(new.address, new.work));
      END;
      CREATE TRIGGER search_fts_probation_persons_del AFTER DELETE ON probation_persons BEGIN DELETE FROM search_fts WHERE rowid = (5 << 40) | old.id; END;
      CREATE TRIGGER search_fts_foreigners_ins AFTER INSERT ON foreigners BEGIN INSERT INTO search_fts (rowid, words) VALUES ((6 << 40) | new.id, uchaske_fold(new.temp_address, new.work, new.passport_no)); END;
      CREATE TRIGGER search_fts_foreigners_upd AFTER UPDATE OF temp_address, work, passport_no ON foreigners BEGIN
        DELETE FROM search_fts WHERE rowid = (6 << 40) | old.id; INSERT INTO search_fts (rowid, words) VALUES ((6 << 40) | new.id, uchaske_fold(new.temp_address, new.work, new.passport_no));
      END;
      CREATE TRIGGER search_fts_foreigners_del AFTER DELETE ON foreigners BEGIN DELETE FROM search_fts WHERE rowid = (6 << 40) | old.id; END;
      CREATE TRIGGER search_fts_meetings_ins AFTER INSERT ON meetings BEGIN INSERT INTO search_fts (rowid, words) VALUES ((7 << 40) | new.id, uchaske_fold(new.place)); END;
      CREATE TRIGGER search_fts_meetings_upd AFTER UPDATE OF place ON meetings BEGIN
        DELETE FROM search_fts WHERE rowid = (7 << 40) | old.id; INSERT INTO search_fts (rowid, words) VALUES ((7 << 40) | new.id, uchaske_fold(new.place));
      END;
      CREATE TRIGGER search_fts_meetings_del AFTER DELETE ON meetings BEGIN DELETE FROM search_fts WHERE rowid = (7 << 40) | old.id; END;
      CREATE TRIGGER search_fts_meeting_participants_ins AFTER INSERT ON meeting_participants BEGIN INSERT INTO search_fts (rowid, words) VALUES ((8 << 40) | new.id, uchaske_fold(new.full_name, new.address, new.organization)); END;
      CREATE TRIGGER search_fts_meeting_participants_upd AFTER UPDATE OF full_name, address, organization ON meeting_participants BEGIN
        DELETE FROM search_fts WHERE rowid = (8 << 40) | old.id; INSERT INTO search_fts (rowid, words) VALUES ((8 << 40) | new.id, uchaske_fold(new.full_name, new.address, new.organization));
      END;
      CREATE TRIGGER search_fts_meeting_participants_del AFTER DELETE ON meeting_participants BEGIN DELETE FROM search_fts WHERE rowid = (8 << 40) | old.id; END;
      CREATE TRIGGER search_fts_meeting_items_ins AFTER INSERT ON meeting_items BEGIN INSERT INTO search_fts (rowid, words) VALUES ((9 << 40) | new.id, uchaske_fold(new.text, new.raised_by, new.initiator_address)); END;
      CREATE TRIGGER search_fts_meeting_items_upd AFTER UPDATE OF text, raised_by, initiator_address ON meeting_items BEGIN
        DELETE FROM search_fts WHERE rowid = (9 << 40) | old.id; INSERT INTO search_fts (rowid, words) VALUES ((9 << 40) | new.id, uchaske_fold(new.text, new.raised_by, new.initiator_address));
      END;
      CREATE TRIGGER search_fts_meeting_items_del AFTER DELETE ON meeting_items BEGIN DELETE FROM search_fts WHERE rowid = (9 << 40) | old.id; END;
      CREATE TRIGGER search_fts_handover_acts_ins AFTER INSERT ON handover_acts BEGIN INSERT INTO search_fts (rowid, words) VALUES ((10 << 40) | new.id, uchaske_fold(new.order_number, new.superior, new.remarks)); END;
      CREATE TRIGGER search_fts_handover_acts_upd AFTER UPDATE OF order_number, superior, remarks ON handover_acts BEGIN
        DELETE FROM search_fts WHERE rowid = (10 << 40) | old.id; INSERT INTO search_fts (rowid, words) VALUES ((10 << 40) | new.id, uchaske_fold(new.order_number, new.superior, new.remarks));
      END;
      CREATE TRIGGER search_fts_handover_acts_del AFTER DELETE ON handover_acts BEGIN DELETE FROM search_fts WHERE rowid = (10 << 40) | old.id; END;
      CREATE INDEX notebook_citizen ON notebook_entries(citizen_id) WHERE citizen_id IS NOT NULL;
      CREATE INDEX firearm_owners_citizen ON firearm_owners(citizen_id);
      CREATE INDEX probation_citizen ON probation_persons(citizen_id);
      CREATE INDEX foreigners_citizen ON foreigners(citizen_id);
    `,
  },
  {
    version: 17,
    name: 'the figures of a period (issue 17): notebook entries by time, and the corrections by what they correct',
    sql: `
      CREATE INDEX notebook_time ON notebook_entries(occurred_at);
      CREATE INDEX notebook_corrects ON notebook_entries(corrects_id) WHERE corrects_id IS NOT NULL;
      CREATE INDEX person_files_inspector ON person_files(inspector_id);
      CREATE INDEX supervision_done ON supervision_records(done_at) WHERE done_at IS NOT NULL;
    `,
  },
  {
    version: 18,
    name: 'a reception entry names the person file it concerns (issue 16), and the file lists its entries',
    sql: `
      ALTER TABLE receptions ADD COLUMN person_file_id INTEGER REFERENCES person_files(id);
      CREATE INDEX receptions_person_file ON receptions(person_file_id) WHERE person_file_id IS NOT NULL;
    `,
  },
  {
    version: 19,
    name: 'p.22(14): the daily tour, the register of places where offences concentrate, the work phone for the sheet',
    sql: `
      CREATE TABLE offence_places (
        id INTEGER PRIMARY KEY, section_id INTEGER NOT NULL REFERENCES sections(id), address TEXT NOT NULL,
        kind TEXT NOT NULL, reason TEXT NOT NULL, since TEXT NOT NULL, removed_on TEXT, removal_reason TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id), created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX offence_places_section ON offence_places(section_id);
      CREATE TABLE daily_tours (
        id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL REFERENCES users(id), section_id INTEGER NOT NULL REFERENCES sections(id),
        date TEXT NOT NULL, addresses TEXT NOT NULL, survey TEXT NOT NULL, conversations TEXT NOT NULL,
        cards_given INTEGER NOT NULL, sheets_posted INTEGER NOT NULL, sheets_where TEXT NOT NULL, findings TEXT NOT NULL,
        notebook_entry_id INTEGER NOT NULL REFERENCES notebook_entries(id), created_at TEXT NOT NULL
      );
      CREATE INDEX daily_tours_owner_date ON daily_tours(owner_id, date);
      CREATE TABLE daily_tour_places (
        tour_id INTEGER NOT NULL REFERENCES daily_tours(id), place_id INTEGER NOT NULL REFERENCES offence_places(id),
        PRIMARY KEY (tour_id, place_id)
      );
      ALTER TABLE users ADD COLUMN work_phone TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 20,
    name: "p.17(3): a foreigner's residence checks keep their history; a foreigner who left is removed with a reason, kept",
    sql: `
      CREATE TABLE foreigner_checks (
        id INTEGER PRIMARY KEY, foreigner_id INTEGER NOT NULL REFERENCES foreigners(id), checked_on TEXT NOT NULL,
        note TEXT NOT NULL, by_user_id INTEGER REFERENCES users(id), recorded_at TEXT NOT NULL
      );
      CREATE INDEX foreigner_checks_foreigner ON foreigner_checks(foreigner_id, checked_on);
      INSERT INTO foreigner_checks (foreigner_id, checked_on, note, by_user_id, recorded_at)
        SELECT id, checked_on, check_note, NULL, updated_at FROM foreigners WHERE checked_on IS NOT NULL;
      ALTER TABLE foreigners ADD COLUMN removed_on TEXT;
      ALTER TABLE foreigners ADD COLUMN removal_reason TEXT;
      ALTER TABLE foreigners ADD COLUMN removal_note TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 21,
    name: "p.22(10): the check at the address of an applicant for a weapons permit, on the weapons unit's instruction",
    sql: `
      CREATE TABLE applicant_checks (
        id INTEGER PRIMARY KEY, section_id INTEGER NOT NULL REFERENCES sections(id),
        citizen_id INTEGER NOT NULL REFERENCES citizens(id), address TEXT NOT NULL, permit TEXT NOT NULL,
        weapon TEXT NOT NULL, instructed_by TEXT NOT NULL, instruction_ref TEXT NOT NULL, received_on TEXT NOT NULL,
        due_on TEXT NOT NULL, checked_on TEXT, result TEXT NOT NULL DEFAULT '', checked_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE INDEX applicant_checks_section ON applicant_checks(section_id);
      CREATE INDEX applicant_checks_citizen ON applicant_checks(citizen_id);
    `,
  },
  {
    version: 22,
    name: 'App 1: the passport cover (started, finished, kept for)',
    sql: `
      CREATE TABLE passport_covers (
        section_id INTEGER PRIMARY KEY REFERENCES sections(id), started_on TEXT, ended_on TEXT,
        retention TEXT NOT NULL, updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 23,
    name: "issue 15: the open form's draft kept through a lock, one per person",
    sql: `
      CREATE TABLE drafts (
        user_id INTEGER PRIMARY KEY REFERENCES users(id), route TEXT NOT NULL, form TEXT NOT NULL,
        values_json TEXT NOT NULL, saved_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 24,
    name: "issue 15: the station's name, police body and address in Kazakh too",
    sql: `
      ALTER TABLE station ADD COLUMN upp_name_kk TEXT NOT NULL DEFAULT '';
      ALTER TABLE station ADD COLUMN police_body_kk TEXT NOT NULL DEFAULT '';
      ALTER TABLE station ADD COLUMN address_kk TEXT NOT NULL DEFAULT '';
    `,
  },
  {
    version: 25,
    name: 'issue 15: a foreigner is one person at the desk and in App 4: his citizenship and passport in the register',
    sql: `
      ALTER TABLE citizens ADD COLUMN citizenship TEXT NOT NULL DEFAULT '';
      ALTER TABLE citizens ADD COLUMN passport_no TEXT NOT NULL DEFAULT '';
      ALTER TABLE citizens ADD COLUMN passport_valid_until TEXT;
      UPDATE citizens SET
        citizenship = (SELECT f.citizenship FROM foreigners f WHERE f.citizen_id = citizens.id ORDER BY f.id DESC LIMIT 1),
        passport_no = (SELECT f.passport_no FROM foreigners f WHERE f.citizen_id = citizens.id ORDER BY f.id DESC LIMIT 1),
        passport_valid_until =
          (SELECT f.passport_valid_until FROM foreigners f WHERE f.citizen_id = citizens.id ORDER BY f.id DESC LIMIT 1)
        WHERE id IN (SELECT citizen_id FROM foreigners);
      CREATE INDEX citizens_passport ON citizens(passport_no) WHERE passport_no != '';
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: RawDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies what is missing; returns the versions applied. */
export function migrate(db: RawDb, migrations = MIGRATIONS): number[] {
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
