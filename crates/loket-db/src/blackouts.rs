//! Table `blackouts`: maintenance and closures during which a resource (or everything) is
//! not bookable.

use loket_domain::booking::{Blackout, Span};
use rusqlite::params;

use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE blackouts (
    id           INTEGER PRIMARY KEY NOT NULL,
    resource_id  TEXT REFERENCES resources (id),   -- NULL: every resource
    start_at     INTEGER NOT NULL,                 -- Unix seconds
    end_at       INTEGER NOT NULL,
    reason       TEXT NOT NULL,
    CHECK (start_at < end_at)
) STRICT;
CREATE INDEX blackouts_by_end ON blackouts (end_at);
";

fn blackouts_in(conn: &rusqlite::Connection, window: Span) -> Result<Vec<Blackout>, DbError> {
    let mut stmt = conn.prepare("SELECT id, resource_id, start_at, end_at, reason FROM blackouts WHERE end_at > ?1 AND start_at < ?2 ORDER BY start_at")?;
    let rows = stmt.query_map(params![window.start, window.end], row)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn blackout(conn: &rusqlite::Connection, id: i64) -> Result<Option<Blackout>, DbError> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT id, resource_id, start_at, end_at, reason FROM blackouts WHERE id = ?1",
            params![id],
            row,
        )
        .optional()?)
}

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Blackout> {
    Ok(Blackout {
        id: r.get(0)?,
        resource_id: r.get(1)?,
        span: Span {
            start: r.get(2)?,
            end: r.get(3)?,
        },
        reason: r.get(4)?,
    })
}

impl Tx<'_> {
    /// Adds a blackout; returns its id.
    pub fn add_blackout(
        &self,
        resource_id: Option<&str>,
        span: Span,
        reason: &str,
    ) -> Result<i64, DbError> {
        self.tx.execute(
            "INSERT INTO blackouts (resource_id, start_at, end_at, reason) VALUES (?1, ?2, ?3, ?4)",
            params![resource_id, span.start, span.end, reason],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    /// One blackout, read inside the write transaction.
    pub fn blackout(&self, id: i64) -> Result<Option<Blackout>, DbError> {
        blackout(&self.tx, id)
    }

    /// Deletes a blackout; returns whether it existed.
    pub fn remove_blackout(&self, id: i64) -> Result<bool, DbError> {
        Ok(self
            .tx
            .execute("DELETE FROM blackouts WHERE id = ?1", params![id])?
            > 0)
    }

    /// Blackouts overlapping `window`, read inside the write transaction.
    pub fn blackouts_in(&self, window: Span) -> Result<Vec<Blackout>, DbError> {
        blackouts_in(&self.tx, window)
    }
}

impl Db {
    /// Blackouts overlapping `window`.
    pub fn blackouts_in(&self, window: Span) -> Result<Vec<Blackout>, DbError> {
        blackouts_in(&self.conn, window)
    }

    /// One blackout.
    pub fn blackout(&self, id: i64) -> Result<Option<Blackout>, DbError> {
        blackout(&self.conn, id)
    }
}
