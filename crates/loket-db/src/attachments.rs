//! Table `attachments`: scans and copies attached to a case. The bytes live in a
//! content-addressed store beside the database (named by SHA-256); the row keeps the
//! original name, size, type and hash.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
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
CREATE INDEX attachments_by_case ON attachments (case_id);
";

/// An attachment row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentRow {
    pub id: i64,
    pub case_id: i64,
    pub sha256: String,
    pub name: String,
    pub size: i64,
    pub media_type: String,
    pub added_at: String,
    pub added_by: String,
}

impl Tx<'_> {
    /// Records an attachment (ignoring `id`); returns its id.
    pub fn insert_attachment(&self, a: &AttachmentRow) -> Result<i64, DbError> {
        self.tx.execute(
            "INSERT INTO attachments (case_id, sha256, name, size, media_type, added_at, added_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                a.case_id,
                a.sha256,
                a.name,
                a.size,
                a.media_type,
                a.added_at,
                a.added_by
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }
}

impl Db {
    /// Attachments of case `case_id`, in the order added.
    pub fn attachments(&self, case_id: i64) -> Result<Vec<AttachmentRow>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, case_id, sha256, name, size, media_type, added_at, added_by FROM attachments
             WHERE case_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([case_id], |r| {
            Ok(AttachmentRow {
                id: r.get(0)?,
                case_id: r.get(1)?,
                sha256: r.get(2)?,
                name: r.get(3)?,
                size: r.get(4)?,
                media_type: r.get(5)?,
                added_at: r.get(6)?,
                added_by: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}
