//! Table `counters`: the running numbers (agenda numbers per year, letter numbers per pattern
//! and year) as rows taken under the write lock, instead of `MAX(seq) + 1` over the numbered
//! table. One statement both increments and returns the number, the same on SQLite and on
//! PostgreSQL, and a rolled-back act takes its number back with it (no gaps).

use crate::params;
use crate::sql::{Conn, OptionalExtension};
use crate::{Db, DbError};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE counters (
    name  TEXT NOT NULL,               -- 'agenda', or 'letter:<pattern id>'
    year  INTEGER NOT NULL,
    last  INTEGER NOT NULL CHECK (last >= 0),
    PRIMARY KEY (name, year)
) STRICT;
INSERT INTO counters (name, year, last)
    SELECT 'agenda', year, MAX(agenda_seq) FROM cases GROUP BY year;
INSERT INTO counters (name, year, last)
    SELECT 'letter:' || pattern_id, year, MAX(seq) FROM letter_numbers GROUP BY pattern_id, year;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE counters (
    name  TEXT NOT NULL,               -- 'agenda', or 'letter:<pattern id>'
    year  BIGINT NOT NULL,
    last  BIGINT NOT NULL CHECK (last >= 0),
    PRIMARY KEY (name, year)
);
INSERT INTO counters (name, year, last)
    SELECT 'agenda', year, MAX(agenda_seq) FROM cases GROUP BY year;
INSERT INTO counters (name, year, last)
    SELECT 'letter:' || pattern_id, year, MAX(seq) FROM letter_numbers GROUP BY pattern_id, year;
";

/// The counter of agenda numbers.
pub(crate) const AGENDA: &str = "agenda";

/// The counter of a numbering pattern's letter numbers.
pub(crate) fn letter(pattern_id: &str) -> String {
    format!("letter:{pattern_id}")
}

/// Takes the next number of `name` in `year` inside the caller's write transaction.
pub(crate) fn take(conn: &Conn, name: &str, year: i64) -> Result<i64, DbError> {
    conn.query_row(
        "INSERT INTO counters (name, year, last) VALUES (?1, ?2, 1)
         ON CONFLICT (name, year) DO UPDATE SET last = counters.last + 1
         RETURNING last",
        params![name, year],
        |r| r.get(0),
    )
}

/// The number the next [`take`] would give, without taking it.
pub(crate) fn peek(conn: &Conn, name: &str, year: i64) -> Result<i64, DbError> {
    let last: Option<i64> = conn
        .query_row(
            "SELECT last FROM counters WHERE name = ?1 AND year = ?2",
            params![name, year],
            |r| r.get(0),
        )
        .optional()?;
    Ok(last.unwrap_or(0) + 1)
}

impl Db {
    /// Counters behind the numbers already given (a file edited outside Loket): each would
    /// hand out a number that exists. One line per counter; empty when sound.
    pub fn lagging_counters(&self) -> Result<Vec<String>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT n.name, n.year, n.top, COALESCE(c.last, 0) FROM (
                 SELECT 'agenda' AS name, year, MAX(agenda_seq) AS top FROM cases GROUP BY year
                 UNION ALL
                 SELECT 'letter:' || pattern_id, year, MAX(seq) FROM letter_numbers
                  GROUP BY pattern_id, year
             ) n LEFT JOIN counters c ON c.name = n.name AND c.year = n.year
             WHERE COALESCE(c.last, 0) < n.top ORDER BY n.name, n.year",
        )?;
        let rows = stmt.query_map(params![], |r| {
            Ok(format!(
                "penghitung {} tahun {} berada di {} padahal nomor {} sudah terpakai",
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(3)?,
                r.get::<_, i64>(2)?
            ))
        })?;
        rows.collect()
    }
}
