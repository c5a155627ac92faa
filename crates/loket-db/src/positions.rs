//! Table `positions`: posts (jabatan) of the office with their chain of command.

use loket_domain::catalog::Position;

use crate::params;
use crate::services::{enum_from, enum_text};
use crate::sql::Conn;
use crate::{Db, DbError};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE positions (
    id          TEXT PRIMARY KEY NOT NULL,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    unit_id     TEXT REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    reports_to  TEXT REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    ord         INTEGER NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE positions (
    id          TEXT PRIMARY KEY NOT NULL,
    title       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    unit_id     TEXT REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    reports_to  TEXT REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    ord         BIGINT NOT NULL,
    active      BIGINT NOT NULL DEFAULT 1
);
";

pub(crate) fn replace_all(tx: &Conn, positions: &[Position]) -> Result<(), DbError> {
    tx.execute("UPDATE positions SET active = 0", params![])?;
    let mut stmt = tx.prepare(
        "INSERT INTO positions (id, title, kind, unit_id, reports_to, ord, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1)
         ON CONFLICT (id) DO UPDATE SET title = ?2, kind = ?3, unit_id = ?4, reports_to = ?5, ord = ?6, active = 1",
    )?;
    for (i, p) in positions.iter().enumerate() {
        stmt.execute(params![
            p.id,
            p.title,
            enum_text(&p.kind)?,
            p.unit,
            p.reports_to,
            i as i64
        ])?;
    }
    Ok(())
}

impl Db {
    /// Active positions in profile order.
    pub fn positions(&self) -> Result<Vec<Position>, DbError> {
        let mut stmt = self.conn.prepare("SELECT id, title, kind, unit_id, reports_to FROM positions WHERE active = 1 ORDER BY ord")?;
        let rows = stmt.query_map(params![], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get(3)?,
                r.get(4)?,
            ))
        })?;
        rows.map(|row| {
            let (id, title, kind, unit, reports_to) = row?;
            Ok(Position {
                id,
                title,
                kind: enum_from(&kind)?,
                unit,
                reports_to,
            })
        })
        .collect()
    }
}
