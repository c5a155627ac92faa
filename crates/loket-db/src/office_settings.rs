//! Table `office_settings`: choices an administrator makes for the whole office, one row per
//! setting (today the paper size letters start on).

use crate::params;
use crate::sql::OptionalExtension;
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE office_settings (
    key         TEXT PRIMARY KEY NOT NULL CHECK (key IN ('kertas')),
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,           -- RFC 3339, office time
    updated_by  TEXT NOT NULL            -- account id
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE office_settings (
    key         TEXT PRIMARY KEY NOT NULL CHECK (key IN ('kertas')),
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,           -- RFC 3339, office time
    updated_by  TEXT NOT NULL            -- account id
);
";

impl Db {
    /// The stored value of setting `key`, `None` while nobody chose one.
    pub fn office_setting(&self, key: &str) -> Result<Option<String>, DbError> {
        self.conn
            .query_row(
                "SELECT value FROM office_settings WHERE key = ?1",
                params![key],
                |r| r.get(0),
            )
            .optional()
    }
}

impl Tx<'_> {
    /// The stored value of `key` inside this transaction.
    pub fn office_setting(&self, key: &str) -> Result<Option<String>, DbError> {
        self.tx
            .query_row(
                "SELECT value FROM office_settings WHERE key = ?1",
                params![key],
                |r| r.get(0),
            )
            .optional()
    }

    /// Sets `key` to `value`.
    pub fn set_office_setting(
        &self,
        key: &str,
        value: &str,
        at: &str,
        by: &str,
    ) -> Result<(), DbError> {
        self.tx.execute(
            "INSERT INTO office_settings (key, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (key) DO UPDATE SET value = ?2, updated_at = ?3, updated_by = ?4",
            params![key, value, at, by],
        )?;
        Ok(())
    }
}
