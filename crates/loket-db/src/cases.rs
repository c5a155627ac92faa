//! Table `cases`: incoming requests (permohonan) with their agenda number, and
//! `case_requirements` / `case_steps` / `case_pauses`: the requirement checklist, the
//! procedure-step checklist and the periods the deadline stood still (returned requests).
//!
//! Agenda numbers: `(year, agenda_seq)` is unique and taken as MAX+1 inside an immediate
//! transaction, so two writers never share a number and a rolled-back registration leaves no gap.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
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
CREATE INDEX cases_by_received ON cases (received_at);
CREATE INDEX cases_by_status ON cases (status);
CREATE INDEX cases_by_service ON cases (service_id);
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
CREATE TABLE case_pauses (
    id          INTEGER PRIMARY KEY NOT NULL,
    case_id     INTEGER NOT NULL REFERENCES cases (id),
    started_at  TEXT NOT NULL,            -- returned to the applicant
    ended_at    TEXT,                     -- requirements completed; NULL while paused
    missing     TEXT NOT NULL             -- JSON list of the missing requirements
) STRICT;
CREATE INDEX case_pauses_by_case ON case_pauses (case_id);
";

/// A case as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseRow {
    pub id: i64,
    pub year: i64,
    pub agenda_seq: i64,
    pub service_id: String,
    pub standard_id: String,
    pub addressed_to: String,
    pub received_at: String,
    pub channel: String,
    pub sifat: String,
    pub status: String,
    pub applicant_kind: String,
    pub applicant_name: String,
    pub applicant_phone: String,
    pub applicant_email: String,
    pub applicant_address: String,
    pub letter_number: String,
    pub letter_date: String,
    pub hal: String,
    pub notes: String,
    pub due_at: Option<String>,
    pub registered_by: String,
    pub registered_at: String,
    pub updated_at: String,
}

/// One line of a checklist (requirement or procedure step).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistRow {
    /// Order for requirements, step number for steps.
    pub number: i64,
    pub text: String,
    /// Actor of a step; `None` for requirements.
    pub actor_id: Option<String>,
    /// Moment ticked (met or done); `None` while open.
    pub done_at: Option<String>,
    pub done_by: Option<String>,
}

/// A period the deadline stood still.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PauseRow {
    pub id: i64,
    pub case_id: i64,
    pub started_at: String,
    pub ended_at: Option<String>,
    pub missing: Vec<String>,
}

pub(crate) const CASE_COLUMNS: &str = "c.id, c.year, c.agenda_seq, c.service_id, c.standard_id, c.addressed_to, c.received_at,
    c.channel, c.sifat, c.status, c.applicant_kind, c.applicant_name, c.applicant_phone, c.applicant_email,
    c.applicant_address, c.letter_number, c.letter_date, c.hal, c.notes, c.due_at, c.registered_by,
    c.registered_at, c.updated_at";

pub(crate) fn case_row(r: &rusqlite::Row) -> rusqlite::Result<CaseRow> {
    Ok(CaseRow {
        id: r.get(0)?,
        year: r.get(1)?,
        agenda_seq: r.get(2)?,
        service_id: r.get(3)?,
        standard_id: r.get(4)?,
        addressed_to: r.get(5)?,
        received_at: r.get(6)?,
        channel: r.get(7)?,
        sifat: r.get(8)?,
        status: r.get(9)?,
        applicant_kind: r.get(10)?,
        applicant_name: r.get(11)?,
        applicant_phone: r.get(12)?,
        applicant_email: r.get(13)?,
        applicant_address: r.get(14)?,
        letter_number: r.get(15)?,
        letter_date: r.get(16)?,
        hal: r.get(17)?,
        notes: r.get(18)?,
        due_at: r.get(19)?,
        registered_by: r.get(20)?,
        registered_at: r.get(21)?,
        updated_at: r.get(22)?,
    })
}

fn checklist(
    conn: &rusqlite::Connection,
    sql: &str,
    case_id: i64,
) -> Result<Vec<ChecklistRow>, DbError> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([case_id], |r| {
        Ok(ChecklistRow {
            number: r.get(0)?,
            text: r.get(1)?,
            actor_id: r.get(2)?,
            done_at: r.get(3)?,
            done_by: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

const REQUIREMENTS_SQL: &str = "SELECT ord, text, NULL, CASE WHEN met = 1 THEN checked_at END, CASE WHEN met = 1 THEN checked_by END
     FROM case_requirements WHERE case_id = ?1 ORDER BY ord";
const STEPS_SQL: &str =
    "SELECT number, text, actor_id, done_at, done_by FROM case_steps WHERE case_id = ?1 ORDER BY number";

impl Tx<'_> {
    /// Inserts `case` with the next agenda number of its year (ignoring `id` and
    /// `agenda_seq`), its requirement and step checklists; returns the stored row.
    pub fn insert_case(
        &self,
        case: &CaseRow,
        requirements: &[String],
        steps: &[(u32, String, Option<String>)],
    ) -> Result<CaseRow, DbError> {
        let seq = crate::counters::take(&self.tx, crate::counters::AGENDA, case.year)?;
        let c = case;
        let id: i64 = self.tx.query_row(
            "INSERT INTO cases (year, agenda_seq, service_id, standard_id, addressed_to, received_at, channel, sifat,
                status, applicant_kind, applicant_name, applicant_phone, applicant_email, applicant_address,
                letter_number, letter_date, hal, notes, due_at, registered_by, registered_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
             RETURNING id",
            params![
                c.year, seq, c.service_id, c.standard_id, c.addressed_to, c.received_at, c.channel, c.sifat,
                c.status, c.applicant_kind, c.applicant_name, c.applicant_phone, c.applicant_email,
                c.applicant_address, c.letter_number, c.letter_date, c.hal, c.notes, c.due_at,
                c.registered_by, c.registered_at, c.updated_at
            ],
            |r| r.get(0),
        )?;
        let mut req = self
            .tx
            .prepare("INSERT INTO case_requirements (case_id, ord, text) VALUES (?1, ?2, ?3)")?;
        for (i, text) in requirements.iter().enumerate() {
            req.execute(params![id, i as i64 + 1, text])?;
        }
        let mut step = self.tx.prepare(
            "INSERT INTO case_steps (case_id, number, text, actor_id) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (number, text, actor) in steps {
            step.execute(params![id, number, text, actor])?;
        }
        self.case(id)?
            .ok_or(DbError::Sqlite(rusqlite::Error::QueryReturnedNoRows))
    }

    /// The case `id` as seen inside this transaction.
    pub fn case(&self, id: i64) -> Result<Option<CaseRow>, DbError> {
        Ok(self
            .tx
            .query_row(
                &format!("SELECT {CASE_COLUMNS} FROM cases c WHERE c.id = ?1"),
                [id],
                case_row,
            )
            .optional()?)
    }

    /// Sets the status (and `updated_at`) of case `id`.
    pub fn set_case_status(&self, id: i64, status: &str, now: &str) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE cases SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, status, now],
        )?;
        Ok(())
    }

    /// Stores the computed due moment of case `id` (RFC 3339), or clears it.
    pub fn set_case_due(&self, id: i64, due_at: Option<&str>) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE cases SET due_at = ?2 WHERE id = ?1",
            params![id, due_at],
        )?;
        Ok(())
    }

    /// Marks requirement `ord` of case `id` met or not met.
    pub fn set_requirement(
        &self,
        id: i64,
        ord: i64,
        met: bool,
        by: &str,
        now: &str,
    ) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE case_requirements SET met = ?3, checked_at = ?5, checked_by = ?4 WHERE case_id = ?1 AND ord = ?2",
            params![id, ord, met as i64, by, now],
        )?;
        Ok(())
    }

    /// The requirement checklist of case `id` inside this transaction.
    pub fn requirements(&self, id: i64) -> Result<Vec<ChecklistRow>, DbError> {
        checklist(&self.tx, REQUIREMENTS_SQL, id)
    }

    /// The step checklist of case `id` inside this transaction.
    pub fn steps(&self, id: i64) -> Result<Vec<ChecklistRow>, DbError> {
        checklist(&self.tx, STEPS_SQL, id)
    }

    /// Ticks step `number` of case `id` done.
    pub fn tick_step(
        &self,
        id: i64,
        number: i64,
        by: &str,
        note: &str,
        now: &str,
    ) -> Result<(), DbError> {
        self.tx.execute(
            "UPDATE case_steps SET done_at = ?4, done_by = ?3, note = ?5 WHERE case_id = ?1 AND number = ?2",
            params![id, number, by, now, note],
        )?;
        Ok(())
    }

    /// Opens a pause (the request went back to the applicant).
    pub fn open_pause(&self, id: i64, missing: &[String], now: &str) -> Result<(), DbError> {
        self.tx.execute(
            "INSERT INTO case_pauses (case_id, started_at, missing) VALUES (?1, ?2, ?3)",
            params![id, now, serde_json::to_string(missing)?],
        )?;
        Ok(())
    }

    /// Closes the open pause of case `id`; returns whether one was open.
    pub fn close_pause(&self, id: i64, now: &str) -> Result<bool, DbError> {
        Ok(self.tx.execute(
            "UPDATE case_pauses SET ended_at = ?2 WHERE case_id = ?1 AND ended_at IS NULL",
            params![id, now],
        )? > 0)
    }
}

/// An applicant as last registered: kind, name, phone, e-mail, address.
pub type ApplicantRow = (String, String, String, String, String);

impl Db {
    /// The `limit` most recently registered distinct applicants (by name), newest first, with
    /// the contact details of their latest request — suggestions for the register form.
    pub fn recent_applicants(&self, limit: i64) -> Result<Vec<ApplicantRow>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT c.applicant_kind, c.applicant_name, c.applicant_phone, c.applicant_email,
                    c.applicant_address
               FROM cases c
               JOIN (SELECT MAX(id) AS id FROM cases GROUP BY applicant_name
                      ORDER BY MAX(id) DESC LIMIT ?1) last ON last.id = c.id
              ORDER BY c.id DESC",
        )?;
        let rows = stmt.query_map([limit], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

impl Db {
    /// The case `id`.
    pub fn case(&self, id: i64) -> Result<Option<CaseRow>, DbError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {CASE_COLUMNS} FROM cases c WHERE c.id = ?1"),
                [id],
                case_row,
            )
            .optional()?)
    }

    /// The case with agenda number `seq` of `year`.
    pub fn case_by_agenda(&self, year: i64, seq: i64) -> Result<Option<CaseRow>, DbError> {
        Ok(self
            .conn
            .query_row(
                &format!(
                    "SELECT {CASE_COLUMNS} FROM cases c WHERE c.year = ?1 AND c.agenda_seq = ?2"
                ),
                [year, seq],
                case_row,
            )
            .optional()?)
    }

    /// The requirement checklist of case `id`.
    pub fn requirements(&self, id: i64) -> Result<Vec<ChecklistRow>, DbError> {
        checklist(&self.conn, REQUIREMENTS_SQL, id)
    }

    /// The procedure-step checklist of case `id`.
    pub fn steps(&self, id: i64) -> Result<Vec<ChecklistRow>, DbError> {
        checklist(&self.conn, STEPS_SQL, id)
    }

    /// Every pause of case `id`, oldest first.
    pub fn pauses(&self, id: i64) -> Result<Vec<PauseRow>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, case_id, started_at, ended_at, missing FROM case_pauses WHERE case_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get::<_, String>(4)?,
            ))
        })?;
        rows.map(|row| {
            let (id, case_id, started_at, ended_at, missing) = row?;
            Ok(PauseRow {
                id,
                case_id,
                started_at,
                ended_at,
                missing: serde_json::from_str(&missing)?,
            })
        })
        .collect()
    }

    /// Agenda numbers of `year`, ascending (for checking there are no gaps or duplicates).
    pub fn agenda_numbers(&self, year: i64) -> Result<Vec<i64>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT agenda_seq FROM cases WHERE year = ?1 ORDER BY agenda_seq")?;
        let rows = stmt.query_map([year], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// Full-text index over hal, applicant and notes (FTS5, kept in step by triggers).
pub(crate) const MIGRATION_2: &str = "
CREATE VIRTUAL TABLE cases_fts USING fts5 (
    hal, applicant_name, notes, content = 'cases', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
    INSERT INTO cases_fts (rowid, hal, applicant_name, notes) VALUES (new.id, new.hal, new.applicant_name, new.notes);
END;
CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, hal, applicant_name, notes) VALUES ('delete', old.id, old.hal, old.applicant_name, old.notes);
END;
CREATE TRIGGER cases_fts_update AFTER UPDATE OF hal, applicant_name, notes ON cases BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, hal, applicant_name, notes) VALUES ('delete', old.id, old.hal, old.applicant_name, old.notes);
    INSERT INTO cases_fts (rowid, hal, applicant_name, notes) VALUES (new.id, new.hal, new.applicant_name, new.notes);
END;
";

/// Filter of the agenda book. Every field is optional; all given ones must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseQuery {
    pub year: Option<i64>,
    /// Received on or after this day (YYYY-MM-DD).
    pub from: Option<String>,
    /// Received on or before this day (YYYY-MM-DD).
    pub to: Option<String>,
    pub service_id: Option<String>,
    /// Unit of the service.
    pub unit_id: Option<String>,
    pub status: Option<String>,
    pub sifat: Option<String>,
    /// FTS5 query over hal, applicant and notes (already quoted by the caller).
    pub text: Option<String>,
    pub limit: Option<i64>,
}

impl Db {
    /// Cases matching `q`, newest agenda number first.
    pub fn cases(&self, q: &CaseQuery) -> Result<Vec<CaseRow>, DbError> {
        let sql = format!(
            "SELECT {CASE_COLUMNS} FROM cases c
              WHERE (?1 IS NULL OR c.year = ?1)
                AND (?2 IS NULL OR substr(c.received_at, 1, 10) >= ?2)
                AND (?3 IS NULL OR substr(c.received_at, 1, 10) <= ?3)
                AND (?4 IS NULL OR c.service_id = ?4)
                AND (?5 IS NULL OR c.service_id IN (SELECT id FROM services WHERE unit_id = ?5))
                AND (?6 IS NULL OR c.status = ?6)
                AND (?7 IS NULL OR c.sifat = ?7)
                AND (?8 IS NULL OR c.id IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?8))
              ORDER BY c.year DESC, c.agenda_seq DESC
              LIMIT ?9"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(
            params![
                q.year,
                q.from,
                q.to,
                q.service_id,
                q.unit_id,
                q.status,
                q.sifat,
                q.text,
                q.limit.unwrap_or(-1)
            ],
            case_row,
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
