//! Table `units`: bidang, seksi, tim ... Units dropped from a re-imported profile stay,
//! marked inactive, so history that names them still resolves.

use loket_domain::catalog::Unit;

use crate::params;
use crate::sql::Conn;
use crate::{Db, DbError};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE units (
    id      TEXT PRIMARY KEY NOT NULL,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    parent  TEXT REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    ord     INTEGER NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE units (
    id      TEXT PRIMARY KEY NOT NULL,
    name    TEXT NOT NULL,
    kind    TEXT NOT NULL,
    parent  TEXT REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    ord     BIGINT NOT NULL,
    active  BIGINT NOT NULL DEFAULT 1
);
";

pub(crate) fn replace_all(tx: &Conn, units: &[Unit]) -> Result<(), DbError> {
    tx.execute("UPDATE units SET active = 0", params![])?;
    let mut stmt = tx.prepare(
        "INSERT INTO units (id, name, kind, parent, ord, active) VALUES (?1, ?2, ?3, ?4, ?5, 1)
         ON CONFLICT (id) DO UPDATE SET name = ?2, kind = ?3, parent = ?4, ord = ?5, active = 1",
    )?;
    for (i, u) in units.iter().enumerate() {
        stmt.execute(params![
            u.id,
            u.name,
            crate::services::enum_text(&u.kind)?,
            u.parent,
            i as i64
        ])?;
    }
    Ok(())
}

impl Db {
    /// Active units in profile order.
    pub fn units(&self) -> Result<Vec<Unit>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name, kind, parent FROM units WHERE active = 1 ORDER BY ord")?;
        let rows = stmt.query_map(params![], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get(3)?,
            ))
        })?;
        rows.map(|row| {
            let (id, name, kind, parent) = row?;
            Ok(Unit {
                id,
                name,
                kind: crate::services::enum_from(&kind)?,
                parent,
            })
        })
        .collect()
    }
}
