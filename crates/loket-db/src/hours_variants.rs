//! Table `hours_variants`: date-ranged schedules (Ramadan hours) that replace the weekly
//! hours inside their range; a later row wins where ranges overlap.

use loket_domain::calendar::HoursVariant;
use rusqlite::{params, OptionalExtension};

use crate::holidays::stored_date;
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE hours_variants (
    id         INTEGER PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL,
    from_date  TEXT NOT NULL,                -- YYYY-MM-DD, inclusive
    to_date    TEXT NOT NULL,                -- YYYY-MM-DD, inclusive
    hours      TEXT NOT NULL,                -- JSON of loket_domain::catalog::OfficeHours
    added_at   TEXT NOT NULL,
    CHECK (from_date <= to_date)
) STRICT;
";

fn variant(name: String, from: String, to: String, hours: String) -> Result<HoursVariant, DbError> {
    let date = stored_date;
    Ok(HoursVariant {
        name,
        from: date(from)?,
        to: date(to)?,
        hours: serde_json::from_str(&hours)?,
    })
}

type Raw = (i64, String, String, String, String);

fn raw(r: &rusqlite::Row) -> rusqlite::Result<Raw> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

impl Db {
    /// Every variant with its id, oldest first (the order in which they take precedence).
    pub fn hours_variants(&self) -> Result<Vec<(i64, HoursVariant)>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, from_date, to_date, hours FROM hours_variants ORDER BY id",
        )?;
        let rows = stmt.query_map([], raw)?;
        rows.collect::<Result<Vec<Raw>, _>>()?
            .into_iter()
            .map(|(id, n, f, t, h)| Ok((id, variant(n, f, t, h)?)))
            .collect()
    }
}

impl Tx<'_> {
    /// Adds a variant; returns its id.
    pub fn add_hours_variant(&self, v: &HoursVariant, now: &str) -> Result<i64, DbError> {
        self.tx.execute(
            "INSERT INTO hours_variants (name, from_date, to_date, hours, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                v.name,
                v.from.to_string(),
                v.to.to_string(),
                serde_json::to_string(&v.hours)?,
                now
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Removes variant `id`; returns it, or `None` when there was none.
    pub fn remove_hours_variant(&self, id: i64) -> Result<Option<HoursVariant>, DbError> {
        let row: Option<Raw> = self
            .tx
            .query_row(
                "SELECT id, name, from_date, to_date, hours FROM hours_variants WHERE id = ?1",
                [id],
                raw,
            )
            .optional()?;
        self.tx
            .execute("DELETE FROM hours_variants WHERE id = ?1", [id])?;
        row.map(|(_, n, f, t, h)| variant(n, f, t, h)).transpose()
    }
}
