//! Table `closures`: days an admin closed the office (not a national holiday).

use loket_domain::calendar::Closure;

use crate::holidays::stored_date;
use crate::params;
use crate::sql::OptionalExtension;
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE closures (
    date      TEXT PRIMARY KEY NOT NULL,     -- YYYY-MM-DD
    reason    TEXT NOT NULL,
    added_at  TEXT NOT NULL                  -- RFC 3339, office time
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE closures (
    date      TEXT PRIMARY KEY NOT NULL,     -- YYYY-MM-DD
    reason    TEXT NOT NULL,
    added_at  TEXT NOT NULL                  -- RFC 3339, office time
);
";

fn closure(date: String, reason: String) -> Result<Closure, DbError> {
    Ok(Closure {
        date: stored_date(date)?,
        reason,
    })
}

impl Db {
    /// Every closure, by date.
    pub fn closures(&self) -> Result<Vec<Closure>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT date, reason FROM closures ORDER BY date")?;
        let rows = stmt.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<Vec<(String, String)>, _>>()?
            .into_iter()
            .map(|(d, r)| closure(d, r))
            .collect()
    }
}

impl Tx<'_> {
    /// Adds or re-words the closure on `c.date`; returns the closure it replaced.
    pub fn put_closure(&self, c: &Closure, now: &str) -> Result<Option<Closure>, DbError> {
        let before = self.closure_on(&c.date.to_string())?;
        self.tx.execute(
            "INSERT INTO closures (date, reason, added_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (date) DO UPDATE SET reason = ?2, added_at = ?3",
            params![c.date.to_string(), c.reason, now],
        )?;
        Ok(before)
    }

    /// Removes the closure on `date`; returns it, or `None` when there was none.
    pub fn remove_closure(&self, date: &str) -> Result<Option<Closure>, DbError> {
        let before = self.closure_on(date)?;
        self.tx
            .execute("DELETE FROM closures WHERE date = ?1", params![date])?;
        Ok(before)
    }

    fn closure_on(&self, date: &str) -> Result<Option<Closure>, DbError> {
        let row: Option<(String, String)> = self
            .tx
            .query_row(
                "SELECT date, reason FROM closures WHERE date = ?1",
                params![date],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(d, r)| closure(d, r)).transpose()
    }
}
