CREATE INDEX acting_by_account ON acting (account_id);

CREATE INDEX attachments_by_case ON attachments (case_id);

CREATE INDEX attachments_by_sha256 ON attachments (sha256);

CREATE INDEX blackouts_by_end ON blackouts (end_at);

CREATE INDEX booking_resources_by_resource ON booking_resources (resource_id);

CREATE INDEX bookings_by_case ON bookings (case_id);

CREATE INDEX bookings_by_length ON bookings ((end_at - start_at));

CREATE INDEX bookings_by_start ON bookings (start_at);

CREATE INDEX case_pauses_by_case ON case_pauses (case_id);

CREATE INDEX cases_by_received ON cases (received_at);

CREATE INDEX cases_by_service ON cases (service_id);

CREATE INDEX cases_by_status_received ON cases (status, received_at);

CREATE INDEX cases_open ON cases (id) WHERE status NOT IN ('selesai', 'ditolak');

CREATE INDEX complaints_received ON complaints (received_at);

CREATE INDEX dispositions_by_case ON dispositions (case_id);

CREATE INDEX dispositions_open ON dispositions (id)
    WHERE completed_at IS NULL AND withdrawn_at IS NULL;

CREATE INDEX dispositions_open_by_recipient ON dispositions (to_position, batas_waktu)
    WHERE completed_at IS NULL AND withdrawn_at IS NULL;

CREATE INDEX holidays_by_year ON holidays (year);

CREATE INDEX issued_letters_case ON issued_letters (case_id);

CREATE UNIQUE INDEX issued_letters_replaces ON issued_letters (replaces_id)
    WHERE replaces_id IS NOT NULL;

CREATE INDEX letter_corrections_replaces ON letter_corrections (replaces_id);

CREATE INDEX letter_draft_events_draft ON letter_draft_events (draft_id);

CREATE INDEX letter_drafts_status ON letter_drafts (status);

CREATE INDEX notification_events_by_at ON notification_events (at);

CREATE INDEX signer_certificates_by_account ON signer_certificates (account_id);

CREATE INDEX skm_responses_day ON skm_responses (answered_on);

CREATE TABLE accounts (
    id             TEXT PRIMARY KEY NOT NULL,   -- login name
    name           TEXT NOT NULL,
    nip            TEXT NOT NULL DEFAULT '',
    position_id    TEXT REFERENCES positions (id),
    roles          TEXT NOT NULL,               -- comma-separated role codes
    password_hash  TEXT NOT NULL,
    active         INTEGER NOT NULL DEFAULT 1,
    created_at     TEXT NOT NULL
) STRICT;

CREATE TABLE acting (
    id           INTEGER PRIMARY KEY NOT NULL,
    account_id   TEXT NOT NULL REFERENCES accounts (id),
    position_id  TEXT NOT NULL REFERENCES positions (id),
    kind         TEXT NOT NULL CHECK (kind IN ('plt', 'plh')),
    starts       TEXT NOT NULL,                 -- YYYY-MM-DD, inclusive
    ends         TEXT NOT NULL                  -- YYYY-MM-DD, inclusive
) STRICT;

CREATE TABLE attachment_files (
    sha256  TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
    size    INTEGER NOT NULL,
    bytes   BLOB NOT NULL
) STRICT;

CREATE TABLE attachments (
    id          INTEGER PRIMARY KEY NOT NULL,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    sha256      TEXT NOT NULL,
    name        TEXT NOT NULL,             -- original file name
    size        INTEGER NOT NULL,
    media_type  TEXT NOT NULL,
    added_at    TEXT NOT NULL,
    added_by    TEXT NOT NULL REFERENCES accounts (id)
) STRICT;

CREATE TABLE audit (
    seq        INTEGER PRIMARY KEY NOT NULL,
    at         TEXT NOT NULL,            -- RFC 3339, office time
    actor      TEXT NOT NULL,            -- account id, or 'sistem'
    action     TEXT NOT NULL,            -- use-case id, e.g. case.register
    entity     TEXT NOT NULL,            -- what changed: 'case:12', 'account:sri'
    before     TEXT,                     -- JSON, NULL when created
    after      TEXT,                     -- JSON, NULL when removed
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;

CREATE TABLE blackouts (
    id           INTEGER PRIMARY KEY NOT NULL,
    resource_id  TEXT REFERENCES resources (id),   -- NULL: every resource
    start_at     INTEGER NOT NULL,                 -- Unix seconds
    end_at       INTEGER NOT NULL,
    reason       TEXT NOT NULL,
    CHECK (start_at < end_at)
) STRICT;

CREATE TABLE booking_handovers (
    id          INTEGER PRIMARY KEY NOT NULL,
    booking_id  INTEGER NOT NULL REFERENCES bookings (id),
    kind        TEXT NOT NULL,                    -- keluar (check-out) | kembali (check-in)
    at          INTEGER NOT NULL,
    by_person   TEXT NOT NULL,
    condition   TEXT NOT NULL
) STRICT;

CREATE TABLE booking_operators (
    booking_id  INTEGER NOT NULL REFERENCES bookings (id),
    person_id   TEXT NOT NULL,                -- people.id or accounts.id (checked by the API)
    PRIMARY KEY (booking_id, person_id)
) STRICT;

CREATE TABLE booking_resources (
    booking_id   INTEGER NOT NULL REFERENCES bookings (id),
    resource_id  TEXT NOT NULL REFERENCES resources (id),
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (booking_id, resource_id)
) STRICT;

CREATE TABLE bookings (
    id              INTEGER PRIMARY KEY NOT NULL,
    title           TEXT NOT NULL,
    case_id         INTEGER REFERENCES cases (id),
    location        TEXT NOT NULL,
    outside_office  INTEGER NOT NULL DEFAULT 0,   -- at the requester's place (survey first)
    outside_hours   INTEGER NOT NULL DEFAULT 0,   -- allowed outside office hours
    start_at        INTEGER NOT NULL,             -- Unix seconds
    end_at          INTEGER NOT NULL,
    status          TEXT NOT NULL,                -- diminta | disetujui | berjalan | selesai | dibatalkan
    series_id       INTEGER,                      -- bookings made by one recurring rule
    rundown         TEXT NOT NULL DEFAULT '',
    requested_by    TEXT NOT NULL DEFAULT '',
    approved_by     TEXT,
    approved_at     INTEGER,
    cancel_reason   TEXT,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    CHECK (start_at < end_at)
) STRICT;

CREATE TABLE case_extensions (
    case_id     INTEGER PRIMARY KEY NOT NULL REFERENCES cases (id),   -- at most one per case
    amount      INTEGER NOT NULL CHECK (amount > 0),
    unit        TEXT NOT NULL,            -- loket_domain::catalog::TimeUnit serde name
    reason      TEXT NOT NULL,
    granted_by  TEXT NOT NULL,
    granted_at  TEXT NOT NULL             -- RFC 3339, office time
) STRICT;

CREATE TABLE case_pauses (
    id          INTEGER PRIMARY KEY NOT NULL,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    started_at  TEXT NOT NULL,            -- returned to the applicant
    ended_at    TEXT,                     -- requirements completed; NULL while paused
    missing     TEXT NOT NULL             -- JSON list of the missing requirements
) STRICT;

CREATE TABLE case_requirements (
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    ord         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    met         INTEGER NOT NULL DEFAULT 0,
    checked_at  TEXT,
    checked_by  TEXT REFERENCES accounts (id),
    PRIMARY KEY (case_id, ord)
) STRICT;

CREATE TABLE case_steps (
    case_id   INTEGER NOT NULL REFERENCES cases (id),
    number    INTEGER NOT NULL,
    text      TEXT NOT NULL,
    actor_id  TEXT,                       -- position or party id from the catalog
    done_at   TEXT,
    done_by   TEXT REFERENCES accounts (id),
    note      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (case_id, number)
) STRICT;

CREATE TABLE cases (
    id               INTEGER PRIMARY KEY NOT NULL,
    year             INTEGER NOT NULL,
    agenda_seq       INTEGER NOT NULL,
    service_id       TEXT NOT NULL REFERENCES services (id),
    standard_id      TEXT NOT NULL REFERENCES standards (id),  -- version in force on the receipt day
    addressed_to     TEXT NOT NULL REFERENCES positions (id),  -- first holder (Kepala Dinas, PPID)
    received_at      TEXT NOT NULL,          -- RFC 3339 with the office's offset
    channel          TEXT NOT NULL,          -- langsung | surat | email | srikandi | website
    sifat            TEXT NOT NULL,          -- biasa | segera | sangat_segera | rahasia
    status           TEXT NOT NULL,          -- loket_domain::case_status::CaseStatus code
    applicant_kind   TEXT NOT NULL,          -- opd | instansi | perorangan
    applicant_name   TEXT NOT NULL,
    applicant_phone  TEXT NOT NULL DEFAULT '',
    applicant_email  TEXT NOT NULL DEFAULT '',
    applicant_address TEXT NOT NULL DEFAULT '',
    letter_number    TEXT NOT NULL,
    letter_date      TEXT NOT NULL,          -- YYYY-MM-DD
    hal              TEXT NOT NULL,
    notes            TEXT NOT NULL DEFAULT '',
    due_at           TEXT,                   -- RFC 3339; computed by the deadlines rules, NULL until then
    registered_by    TEXT NOT NULL REFERENCES accounts (id),
    registered_at    TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (year, agenda_seq)
) STRICT;

CREATE VIRTUAL TABLE cases_fts USING fts5 (
    hal, applicant_name, notes, content = 'cases', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE 'cases_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'cases_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'cases_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'cases_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE closures (
    date      TEXT PRIMARY KEY NOT NULL,     -- YYYY-MM-DD
    reason    TEXT NOT NULL,
    added_at  TEXT NOT NULL                  -- RFC 3339, office time
) STRICT;

CREATE TABLE complaint_settings (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    answer_days  INTEGER NOT NULL CHECK (answer_days BETWEEN 1 AND 60)
) STRICT;

CREATE TABLE complaints (
    id            INTEGER PRIMARY KEY,
    kind          TEXT NOT NULL CHECK (kind IN ('pengaduan', 'saran', 'masukan')),
    service_id    TEXT NOT NULL,
    channel       TEXT NOT NULL,
    received_at   TEXT NOT NULL,              -- RFC 3339, office time
    from_name     TEXT NOT NULL,
    contact       TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL,
    answer_days   INTEGER NOT NULL CHECK (answer_days > 0),
    registered_by TEXT NOT NULL,
    answered_at   TEXT,
    answer        TEXT,
    answered_by   TEXT
) STRICT;

CREATE TABLE counters (
    name  TEXT NOT NULL,               -- 'agenda', or 'letter:<pattern id>'
    year  INTEGER NOT NULL,
    last  INTEGER NOT NULL CHECK (last >= 0),
    PRIMARY KEY (name, year)
) STRICT;

CREATE TABLE dispositions (
    id             INTEGER PRIMARY KEY NOT NULL,
    case_id        INTEGER NOT NULL REFERENCES cases (id),
    batch          INTEGER NOT NULL,        -- id of the first row sent together
    parent_id      INTEGER REFERENCES dispositions (id),
    kind           TEXT NOT NULL CHECK (kind IN ('penerusan', 'disposisi')),
    from_position  TEXT REFERENCES positions (id),
    from_account   TEXT NOT NULL REFERENCES accounts (id),
    to_position    TEXT NOT NULL REFERENCES positions (id),
    instructions   TEXT NOT NULL,           -- JSON list of instruction texts
    note           TEXT NOT NULL DEFAULT '',
    batas_waktu    TEXT,                    -- YYYY-MM-DD
    sifat          TEXT NOT NULL,
    sent_at        TEXT NOT NULL,
    read_at        TEXT,
    read_by        TEXT REFERENCES accounts (id),
    report         TEXT NOT NULL DEFAULT '',
    reported_at    TEXT,
    completed_at   TEXT,
    completed_by   TEXT REFERENCES accounts (id),
    withdrawn_at   TEXT
) STRICT;

CREATE TABLE due_soon (
    kind        TEXT PRIMARY KEY NOT NULL CHECK (kind IN ('hari_kerja', 'persen', 'disposisi')),
    value       INTEGER NOT NULL CHECK (value > 0),
    updated_at  TEXT NOT NULL,           -- RFC 3339, office time
    updated_by  TEXT NOT NULL            -- account id
) STRICT;

CREATE TABLE fired_thresholds (
    item       TEXT NOT NULL,            -- 'case:12', 'disposition:40', 'booking:3'
    threshold  TEXT NOT NULL,            -- deadline state key, 'disposisi_masuk', 'pengingat'
    due        TEXT NOT NULL,            -- RFC 3339 due moment it was about, '' when none
    fired_at   TEXT NOT NULL,            -- RFC 3339, office time
    PRIMARY KEY (item, threshold, due)
) STRICT;

CREATE TABLE holiday_years (
    year      INTEGER PRIMARY KEY NOT NULL,
    source    TEXT NOT NULL CHECK (source IN ('bawaan', 'berkas')),  -- shipped data or an admin's file
    sha256    TEXT NOT NULL,                 -- hash of the text the set was read from
    loaded_at TEXT NOT NULL                  -- RFC 3339, office time
) STRICT;

CREATE TABLE holidays (
    date  TEXT NOT NULL,                 -- YYYY-MM-DD
    name  TEXT NOT NULL,
    kind  TEXT NOT NULL CHECK (kind IN ('libur_nasional', 'cuti_bersama', 'libur_daerah')),
    year  INTEGER NOT NULL,
    PRIMARY KEY (date, name)
) STRICT;

CREATE TABLE hours_variants (
    id         INTEGER PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    from_date  TEXT NOT NULL,                -- YYYY-MM-DD, inclusive
    to_date    TEXT NOT NULL,                -- YYYY-MM-DD, inclusive
    hours      TEXT NOT NULL,                -- JSON of loket_domain::catalog::OfficeHours
    added_at   TEXT NOT NULL,
    CHECK (from_date <= to_date)
) STRICT;

CREATE TABLE instructions (
    id      INTEGER PRIMARY KEY NOT NULL,
    text    TEXT NOT NULL UNIQUE,
    active  INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE issued_letters (
    id              INTEGER PRIMARY KEY,
    number_id       INTEGER NOT NULL UNIQUE REFERENCES letter_numbers (id),
    nomor           TEXT NOT NULL,
    kind            TEXT NOT NULL,
    tanggal         TEXT NOT NULL,
    hal             TEXT NOT NULL,
    kepada          TEXT NOT NULL,
    signer          TEXT NOT NULL,
    case_id         TEXT,
    content_sha256  TEXT NOT NULL,
    pdf_sha256      TEXT NOT NULL UNIQUE REFERENCES letter_files (sha256),
    data            TEXT NOT NULL,
    issued_at       TEXT NOT NULL,
    issued_by       TEXT
, replaces_id INTEGER REFERENCES issued_letters (id), correction_reason TEXT) STRICT;

CREATE TABLE letter_corrections (
    draft_id     INTEGER PRIMARY KEY REFERENCES letter_drafts (id),
    replaces_id  INTEGER NOT NULL REFERENCES issued_letters (id),
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;

CREATE TABLE letter_draft_events (
    id           INTEGER PRIMARY KEY,
    draft_id     INTEGER NOT NULL REFERENCES letter_drafts (id),
    action       TEXT NOT NULL,
    account_id   TEXT NOT NULL,
    account_name TEXT NOT NULL,
    position_id  TEXT,
    note         TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL
) STRICT;

CREATE TABLE letter_drafts (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,
    case_id          INTEGER REFERENCES cases (id),
    content          TEXT NOT NULL,                 -- LetterContent as JSON
    number_id        INTEGER NOT NULL REFERENCES letter_numbers (id),
    status           TEXT NOT NULL CHECK (status IN
                       ('konsep', 'menunggu_paraf', 'menunggu_tanda_tangan', 'terbit', 'dikembalikan', 'batal')),
    chain            TEXT NOT NULL,                 -- verifier posts in order, JSON array
    parafs           INTEGER NOT NULL DEFAULT 0,    -- verifiers done in this round
    signer_position  TEXT NOT NULL REFERENCES positions (id),
    prepared_by      TEXT NOT NULL REFERENCES accounts (id),
    issued_letter_id INTEGER REFERENCES issued_letters (id),
    note             TEXT NOT NULL DEFAULT '',      -- the last return note
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

CREATE TABLE letter_files (
    sha256  TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
    bytes   INTEGER NOT NULL,
    pdf     BLOB NOT NULL
) STRICT;

CREATE TABLE letter_numbers (
    id           INTEGER PRIMARY KEY,
    pattern_id   TEXT NOT NULL REFERENCES number_patterns (id),
    year         INTEGER NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq >= 1),
    number       TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    hal          TEXT NOT NULL,
    case_id      TEXT,
    status       TEXT NOT NULL CHECK (status IN ('dipesan', 'tetap', 'batal')),
    reserved_at  TEXT NOT NULL,
    reserved_by  TEXT,
    fixed_at     TEXT,
    voided_at    TEXT,
    void_reason  TEXT,
    UNIQUE (pattern_id, year, seq)
) STRICT;

CREATE TABLE letter_templates (
    file        TEXT PRIMARY KEY NOT NULL,
    text        TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT
) STRICT;

CREATE TABLE notification_deliveries (
    event_id      INTEGER NOT NULL REFERENCES notification_events (id),
    account_id    TEXT NOT NULL,
    delivered_at  TEXT NOT NULL,         -- RFC 3339, office time: when a laptop claimed it
    PRIMARY KEY (event_id, account_id)
) STRICT;

CREATE TABLE notification_events (
    id         INTEGER PRIMARY KEY NOT NULL,
    at         TEXT NOT NULL,            -- RFC 3339, office time
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    items      TEXT NOT NULL,            -- JSON list of item keys ('case:12', ...)
    grouped    INTEGER NOT NULL,         -- 1 when it sums up several crossings (catch-up)
    delivered  INTEGER NOT NULL DEFAULT 0  -- 1 once the desktop accepted it
, recipients TEXT NOT NULL DEFAULT '[]', urgency TEXT NOT NULL DEFAULT 'normal') STRICT;

CREATE TABLE notification_reads (
    event_id    INTEGER NOT NULL REFERENCES notification_events (id),
    account_id  TEXT NOT NULL,
    read_at     TEXT NOT NULL,           -- RFC 3339, office time
    PRIMARY KEY (event_id, account_id)
) STRICT;

CREATE TABLE number_patterns (
    id          TEXT PRIMARY KEY NOT NULL,
    pattern     TEXT NOT NULL,
    klasifikasi TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',
    kinds       TEXT NOT NULL DEFAULT '[]',
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE office (
    id           TEXT PRIMARY KEY NOT NULL,
    identity     TEXT NOT NULL,          -- JSON of loket_domain::catalog::Office
    hours        TEXT NOT NULL,          -- JSON of OfficeHours
    source_sha256 TEXT NOT NULL,         -- hash of the imported profile text
    imported_at  TEXT NOT NULL           -- RFC 3339, office time
) STRICT;

CREATE TABLE office_settings (
    key         TEXT PRIMARY KEY NOT NULL CHECK (key IN ('kertas')),
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,           -- RFC 3339, office time
    updated_by  TEXT NOT NULL            -- account id
) STRICT;

CREATE TABLE officials (
    position_id  TEXT PRIMARY KEY NOT NULL REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    name         TEXT NOT NULL CHECK (name <> ''),
    nip          TEXT NOT NULL CHECK (length(nip) = 18),
    pangkat      TEXT NOT NULL,
    golongan     TEXT NOT NULL,
    acting       TEXT CHECK (acting IN ('plt', 'plh')),
    updated_at   TEXT NOT NULL,          -- RFC 3339, office time
    updated_by   TEXT NOT NULL           -- account id
) STRICT;

CREATE TABLE operator_skills (
    person_id  TEXT NOT NULL,                  -- people.id or accounts.id (checked by the API)
    skill      TEXT NOT NULL,
    PRIMARY KEY (person_id, skill)
) STRICT;

CREATE TABLE parties (
    id      TEXT PRIMARY KEY NOT NULL,
    name    TEXT NOT NULL,
    ord     INTEGER NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE people (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL,
    nip          TEXT NOT NULL,
    pangkat      TEXT,
    golongan     TEXT,
    position_id  TEXT REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    jabatan      TEXT,
    acting       TEXT,
    ord          INTEGER NOT NULL,
    active       INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE positions (
    id          TEXT PRIMARY KEY NOT NULL,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    unit_id     TEXT REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    reports_to  TEXT REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    ord         INTEGER NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE resources (
    id                TEXT PRIMARY KEY NOT NULL,
    name              TEXT NOT NULL,
    kind              TEXT NOT NULL,             -- ruang | peralatan
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    setup_minutes     INTEGER NOT NULL DEFAULT 0 CHECK (setup_minutes >= 0),
    teardown_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (teardown_minutes >= 0),
    unit_id           TEXT REFERENCES units (id),
    operators_needed  INTEGER NOT NULL DEFAULT 0 CHECK (operators_needed >= 0),
    skill             TEXT,
    active            INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE service_versions (
    service_id   TEXT NOT NULL REFERENCES services (id),
    standard_id  TEXT NOT NULL REFERENCES standards (id),
    effective    TEXT NOT NULL,          -- YYYY-MM-DD the standard took effect
    data         TEXT NOT NULL,          -- JSON of loket_domain::catalog::ServiceVersion
    active       INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (service_id, standard_id)
) STRICT;

CREATE TABLE services (
    id       TEXT PRIMARY KEY NOT NULL,
    name     TEXT NOT NULL,              -- name in the newest version
    unit_id  TEXT NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    ord      INTEGER NOT NULL,
    active   INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE signer_certificates (
    id             INTEGER PRIMARY KEY NOT NULL,
    account_id     TEXT NOT NULL REFERENCES accounts (id),
    fingerprint    TEXT NOT NULL UNIQUE,        -- SHA-256 of the DER certificate, hex
    subject        TEXT NOT NULL,
    issuer         TEXT NOT NULL,
    issuer_name    TEXT NOT NULL,               -- printed in the TTE footer
    serial_number  TEXT NOT NULL,               -- subject serialNumber (NIK), or ''
    not_before     TEXT NOT NULL,               -- RFC 3339 UTC
    not_after      TEXT NOT NULL,
    names_nip      INTEGER NOT NULL,            -- 1 when the certificate names the account's NIP/NIK
    der            BLOB NOT NULL,
    registered_by  TEXT NOT NULL REFERENCES accounts (id),
    registered_at  TEXT NOT NULL                -- RFC 3339, office time
) STRICT;

CREATE TABLE skm_responses (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER UNIQUE REFERENCES cases (id),        -- NULL: walk-in respondent
    service_id   TEXT NOT NULL,
    answered_on  TEXT NOT NULL,                               -- YYYY-MM-DD
    age          INTEGER NOT NULL CHECK (age BETWEEN 15 AND 100),
    sex          TEXT NOT NULL CHECK (sex IN ('L', 'P')),
    education    TEXT NOT NULL,
    occupation   TEXT NOT NULL,
    answers      TEXT NOT NULL CHECK (length(answers) = 9 AND answers NOT GLOB '*[^1-4]*'),
    suggestion   TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL CHECK (source IN ('kertas', 'layar')),
    entered_by   TEXT NOT NULL,
    entered_at   TEXT NOT NULL                                -- RFC 3339, office time
) STRICT;

CREATE TABLE sops (
    id      TEXT PRIMARY KEY NOT NULL,
    data    TEXT NOT NULL,               -- JSON of loket_domain::catalog::Sop
    ord     INTEGER NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE standards (
    id         TEXT PRIMARY KEY NOT NULL,
    effective  TEXT NOT NULL,              -- YYYY-MM-DD
    data       TEXT NOT NULL,              -- JSON of loket_domain::catalog::Standard
    active     INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE trusted_roots (
    fingerprint  TEXT PRIMARY KEY NOT NULL,
    subject      TEXT NOT NULL,
    not_after    TEXT NOT NULL,
    der          BLOB NOT NULL,
    imported_by  TEXT NOT NULL REFERENCES accounts (id),
    imported_at  TEXT NOT NULL
) STRICT;

CREATE TABLE units (
    id      TEXT PRIMARY KEY NOT NULL,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    parent  TEXT REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    ord     INTEGER NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE weekly_hours (
    id      INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),   -- one row
    hours   TEXT NOT NULL,                -- JSON of loket_domain::catalog::OfficeHours
    set_at  TEXT NOT NULL
) STRICT;

CREATE TRIGGER attachment_files_no_delete BEFORE DELETE ON attachment_files
BEGIN SELECT RAISE(ABORT, 'isi lampiran tidak dapat dihapus'); END;

CREATE TRIGGER attachment_files_no_update BEFORE UPDATE ON attachment_files
BEGIN SELECT RAISE(ABORT, 'isi lampiran tidak dapat diubah'); END;

CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, hal, applicant_name, notes) VALUES ('delete', old.id, old.hal, old.applicant_name, old.notes);
END;

CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
    INSERT INTO cases_fts (rowid, hal, applicant_name, notes) VALUES (new.id, new.hal, new.applicant_name, new.notes);
END;

CREATE TRIGGER cases_fts_update AFTER UPDATE OF hal, applicant_name, notes ON cases BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, hal, applicant_name, notes) VALUES ('delete', old.id, old.hal, old.applicant_name, old.notes);
    INSERT INTO cases_fts (rowid, hal, applicant_name, notes) VALUES (new.id, new.hal, new.applicant_name, new.notes);
END;

CREATE TRIGGER issued_letters_no_delete BEFORE DELETE ON issued_letters
BEGIN SELECT RAISE(ABORT, 'naskah terbit tidak dapat dihapus'); END;

CREATE TRIGGER issued_letters_no_update BEFORE UPDATE ON issued_letters
BEGIN SELECT RAISE(ABORT, 'naskah terbit tidak dapat diubah'); END;

CREATE TRIGGER letter_corrections_no_delete BEFORE DELETE ON letter_corrections
BEGIN SELECT RAISE(ABORT, 'ralat surat tidak dapat dihapus'); END;

CREATE TRIGGER letter_corrections_no_update BEFORE UPDATE ON letter_corrections
BEGIN SELECT RAISE(ABORT, 'ralat surat tidak dapat diubah'); END;

CREATE TRIGGER letter_files_no_delete BEFORE DELETE ON letter_files
BEGIN SELECT RAISE(ABORT, 'naskah terbit tidak dapat dihapus'); END;

CREATE TRIGGER letter_files_no_update BEFORE UPDATE ON letter_files
BEGIN SELECT RAISE(ABORT, 'naskah terbit tidak dapat diubah'); END;
