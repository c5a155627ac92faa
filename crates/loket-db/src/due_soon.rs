//! Table `due_soon`: the office's "due soon" thresholds when an administrator changed them
//! from the defaults (1 working day for day-based services and dispositions, 25 % of the time
//! for services counted in minutes or hours).

use crate::params;
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE due_soon (
    kind        TEXT PRIMARY KEY NOT NULL CHECK (kind IN ('hari_kerja', 'persen', 'disposisi')),
    value       INTEGER NOT NULL CHECK (value > 0),
    updated_at  TEXT NOT NULL,           -- RFC 3339, office time
    updated_by  TEXT NOT NULL            -- account id
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE due_soon (
    kind        TEXT PRIMARY KEY NOT NULL CHECK (kind IN ('hari_kerja', 'persen', 'disposisi')),
    value       BIGINT NOT NULL CHECK (value > 0),
    updated_at  TEXT NOT NULL,           -- RFC 3339, office time
    updated_by  TEXT NOT NULL            -- account id
);
";

impl Db {
    /// The stored thresholds as (kind, value).
    pub fn due_soon(&self) -> Result<Vec<(String, i64)>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT kind, value FROM due_soon ORDER BY kind")?;
        let rows = stmt.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect()
    }
}

impl Tx<'_> {
    /// Sets the threshold `kind` to `value`.
    pub fn set_due_soon(&self, kind: &str, value: i64, at: &str, by: &str) -> Result<(), DbError> {
        self.tx.execute(
            "INSERT INTO due_soon (kind, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (kind) DO UPDATE SET value = ?2, updated_at = ?3, updated_by = ?4",
            params![kind, value, at, by],
        )?;
        Ok(())
    }
}
