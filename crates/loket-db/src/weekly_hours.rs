//! Table `weekly_hours`: office hours an admin set, overriding the hours of the imported
//! profile (which stay in `office` as the document gave them).

use loket_domain::catalog::OfficeHours;

use crate::params;
use crate::sql::OptionalExtension;
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE weekly_hours (
    id      INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),   -- one row
    hours   TEXT NOT NULL,                -- JSON of loket_domain::catalog::OfficeHours
    set_at  TEXT NOT NULL
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE weekly_hours (
    id      BIGINT PRIMARY KEY NOT NULL CHECK (id = 1),    -- one row
    hours   TEXT NOT NULL,                -- JSON of loket_domain::catalog::OfficeHours
    set_at  TEXT NOT NULL
);
";

impl Db {
    /// The hours an admin set, if any.
    pub fn weekly_hours(&self) -> Result<Option<OfficeHours>, DbError> {
        let text: Option<String> = self
            .conn
            .query_row(
                "SELECT hours FROM weekly_hours WHERE id = 1",
                params![],
                |r| r.get(0),
            )
            .optional()?;
        Ok(text.map(|t| serde_json::from_str(&t)).transpose()?)
    }
}

impl Tx<'_> {
    /// Sets the weekly hours.
    pub fn set_weekly_hours(&self, hours: &OfficeHours, now: &str) -> Result<(), DbError> {
        self.tx.execute(
            "INSERT INTO weekly_hours (id, hours, set_at) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET hours = ?1, set_at = ?2",
            params![serde_json::to_string(hours)?, now],
        )?;
        Ok(())
    }
}
