//! Table `office`: the one office this database belongs to, its kop identity and hours.

use loket_domain::catalog::{Office, OfficeHours};

use crate::params;
use crate::sql::{Conn, OptionalExtension};
use crate::{Db, DbError};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE office (
    id           TEXT PRIMARY KEY NOT NULL,
    identity     TEXT NOT NULL,          -- JSON of loket_domain::catalog::Office
    hours        TEXT NOT NULL,          -- JSON of OfficeHours
    source_sha256 TEXT NOT NULL,         -- hash of the imported profile text
    imported_at  TEXT NOT NULL           -- RFC 3339, office time
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE office (
    id           TEXT PRIMARY KEY NOT NULL,
    identity     TEXT NOT NULL,          -- JSON of loket_domain::catalog::Office
    hours        TEXT NOT NULL,          -- JSON of OfficeHours
    source_sha256 TEXT NOT NULL,         -- hash of the imported profile text
    imported_at  TEXT NOT NULL           -- RFC 3339, office time
);
";

/// The stored office row.
pub struct OfficeRow {
    pub office: Office,
    pub hours: OfficeHours,
    pub source_sha256: String,
    pub imported_at: String,
}

/// Id of the office already in the database, if any.
pub(crate) fn existing_id(tx: &Conn) -> Result<Option<String>, DbError> {
    tx.query_row("SELECT id FROM office", params![], |r| r.get(0))
        .optional()
}

pub(crate) fn upsert(
    tx: &Conn,
    office: &Office,
    hours: &OfficeHours,
    sha: &str,
    now: &str,
) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO office (id, identity, hours, source_sha256, imported_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET identity = ?2, hours = ?3, source_sha256 = ?4, imported_at = ?5",
        params![office.id, serde_json::to_string(office)?, serde_json::to_string(hours)?, sha, now],
    )?;
    Ok(())
}

impl Db {
    /// The office of this database; `NotInitialised` before `loket init`.
    pub fn office(&self) -> Result<OfficeRow, DbError> {
        let row = self
            .conn
            .query_row(
                "SELECT identity, hours, source_sha256, imported_at FROM office",
                params![],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get(2)?,
                        r.get(3)?,
                    ))
                },
            )
            .optional()?;
        let (identity, hours, source_sha256, imported_at) = row.ok_or(DbError::NotInitialised)?;
        Ok(OfficeRow {
            office: serde_json::from_str(&identity)?,
            hours: serde_json::from_str(&hours)?,
            source_sha256,
            imported_at,
        })
    }
}
