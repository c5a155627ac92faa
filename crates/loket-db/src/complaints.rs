//! Table `complaints`: a complaint, suggestion or input (pengaduan, saran, masukan) about a
//! service, received through one of the complaint channels of its Standar Pelayanan, with the
//! answer time the office set when it was registered and, once answered, the answer.
//! Table `complaint_settings`: that answer time (hari kerja), one row.

use rusqlite::{params, OptionalExtension};

use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
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
CREATE INDEX complaints_received ON complaints (received_at);
CREATE TABLE complaint_settings (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    answer_days  INTEGER NOT NULL CHECK (answer_days BETWEEN 1 AND 60)
) STRICT;
";

/// Answer time when the office has set none (hari kerja).
pub const DEFAULT_ANSWER_DAYS: u32 = 5;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintRow {
    pub id: i64,
    pub kind: String,
    pub service_id: String,
    pub channel: String,
    pub received_at: String,
    pub from_name: String,
    pub contact: String,
    pub body: String,
    pub answer_days: u32,
    pub registered_by: String,
    pub answered_at: Option<String>,
    pub answer: Option<String>,
    pub answered_by: Option<String>,
}

const COLUMNS: &str = "id, kind, service_id, channel, received_at, from_name, contact, body, \
                       answer_days, registered_by, answered_at, answer, answered_by";

fn row(r: &rusqlite::Row) -> rusqlite::Result<ComplaintRow> {
    Ok(ComplaintRow {
        id: r.get(0)?,
        kind: r.get(1)?,
        service_id: r.get(2)?,
        channel: r.get(3)?,
        received_at: r.get(4)?,
        from_name: r.get(5)?,
        contact: r.get(6)?,
        body: r.get(7)?,
        answer_days: r.get(8)?,
        registered_by: r.get(9)?,
        answered_at: r.get(10)?,
        answer: r.get(11)?,
        answered_by: r.get(12)?,
    })
}

impl Db {
    /// Complaints received on days `from` to `to` (YYYY-MM-DD, inclusive), oldest first.
    pub fn complaints(&self, from: &str, to: &str) -> Result<Vec<ComplaintRow>, DbError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM complaints WHERE substr(received_at, 1, 10) BETWEEN ?1 AND ?2 \
             ORDER BY received_at, id"
        ))?;
        let rows = stmt.query_map([from, to], row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn complaint(&self, id: i64) -> Result<Option<ComplaintRow>, DbError> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM complaints WHERE id = ?1"),
                [id],
                row,
            )
            .optional()?)
    }

    /// The answer time the office set, or [`DEFAULT_ANSWER_DAYS`].
    pub fn complaint_answer_days(&self) -> Result<u32, DbError> {
        Ok(self
            .conn
            .query_row(
                "SELECT answer_days FROM complaint_settings WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(DEFAULT_ANSWER_DAYS))
    }
}

impl Tx<'_> {
    /// Stores a complaint (its `id` and answer fields are ignored); returns the new id.
    pub fn insert_complaint(&self, c: &ComplaintRow) -> Result<i64, DbError> {
        self.tx.execute(
            "INSERT INTO complaints (kind, service_id, channel, received_at, from_name, contact, \
             body, answer_days, registered_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                c.kind,
                c.service_id,
                c.channel,
                c.received_at,
                c.from_name,
                c.contact,
                c.body,
                c.answer_days,
                c.registered_by
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Records the answer of complaint `id` unless it has one; returns whether it was written.
    pub fn answer_complaint(
        &self,
        id: i64,
        at: &str,
        answer: &str,
        by: &str,
    ) -> Result<bool, DbError> {
        let n = self.tx.execute(
            "UPDATE complaints SET answered_at = ?2, answer = ?3, answered_by = ?4 \
             WHERE id = ?1 AND answered_at IS NULL",
            params![id, at, answer, by],
        )?;
        Ok(n == 1)
    }

    pub fn complaint_answer_days(&self) -> Result<u32, DbError> {
        Ok(self
            .tx
            .query_row(
                "SELECT answer_days FROM complaint_settings WHERE id = 1",
                [],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(DEFAULT_ANSWER_DAYS))
    }

    pub fn set_complaint_answer_days(&self, days: u32) -> Result<(), DbError> {
        self.tx.execute(
            "INSERT INTO complaint_settings (id, answer_days) VALUES (1, ?1) \
             ON CONFLICT (id) DO UPDATE SET answer_days = excluded.answer_days",
            [days],
        )?;
        Ok(())
    }
}
