//! Table `skm_responses`: one questionnaire of the Survei Kepuasan Masyarakat — the
//! respondent's profile and the nine answers (U1 … U9, 1–4) — tied to a completed case (at most
//! one per case, the unique key refuses a second) or standing alone for a walk-in respondent.

use rusqlite::{params, OptionalExtension};

use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
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
CREATE INDEX skm_responses_day ON skm_responses (answered_on);
";

/// A stored response. `answers` holds the nine values as digits, U1 first ("433443344").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkmResponseRow {
    pub id: i64,
    pub case_id: Option<i64>,
    pub service_id: String,
    pub answered_on: String,
    pub age: u8,
    pub sex: String,
    pub education: String,
    pub occupation: String,
    pub answers: String,
    pub suggestion: String,
    pub source: String,
    pub entered_by: String,
    pub entered_at: String,
}

const COLUMNS: &str = "id, case_id, service_id, answered_on, age, sex, education, occupation, \
                       answers, suggestion, source, entered_by, entered_at";

fn row(r: &rusqlite::Row) -> rusqlite::Result<SkmResponseRow> {
    Ok(SkmResponseRow {
        id: r.get(0)?,
        case_id: r.get(1)?,
        service_id: r.get(2)?,
        answered_on: r.get(3)?,
        age: r.get(4)?,
        sex: r.get(5)?,
        education: r.get(6)?,
        occupation: r.get(7)?,
        answers: r.get(8)?,
        suggestion: r.get(9)?,
        source: r.get(10)?,
        entered_by: r.get(11)?,
        entered_at: r.get(12)?,
    })
}

impl Db {
    /// Responses answered from `from` to `to` (YYYY-MM-DD, inclusive), oldest first.
    pub fn skm_responses(&self, from: &str, to: &str) -> Result<Vec<SkmResponseRow>, DbError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM skm_responses WHERE answered_on BETWEEN ?1 AND ?2 ORDER BY answered_on, id"
        ))?;
        let rows = stmt.query_map([from, to], row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The response given for case `case_id`, if any.
    pub fn skm_response_of_case(&self, case_id: i64) -> Result<Option<SkmResponseRow>, DbError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM skm_responses WHERE case_id = ?1"),
                [case_id],
                row,
            )
            .optional()?)
    }
}

impl Tx<'_> {
    /// Stores a response (its `id` is ignored) and returns the new id. A second response for
    /// the same case fails on the unique key.
    pub fn insert_skm_response(&self, r: &SkmResponseRow) -> Result<i64, DbError> {
        self.tx.execute(
            "INSERT INTO skm_responses (case_id, service_id, answered_on, age, sex, education, \
             occupation, answers, suggestion, source, entered_by, entered_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            params![
                r.case_id,
                r.service_id,
                r.answered_on,
                r.age,
                r.sex,
                r.education,
                r.occupation,
                r.answers,
                r.suggestion,
                r.source,
                r.entered_by,
                r.entered_at
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Whether case `case_id` already has a response (read inside the write lock).
    pub fn skm_case_answered(&self, case_id: i64) -> Result<bool, DbError> {
        Ok(self
            .tx
            .query_row(
                "SELECT 1 FROM skm_responses WHERE case_id = ?1",
                [case_id],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }
}
