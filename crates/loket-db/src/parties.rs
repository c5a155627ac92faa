//! Table `parties`: outside actors named by procedures (pemohon, OPD, BSrE, ...).

use loket_domain::catalog::Party;

use crate::params;
use crate::sql::Conn;
use crate::{Db, DbError};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE parties (
    id      TEXT PRIMARY KEY NOT NULL,
    name    TEXT NOT NULL,
    ord     INTEGER NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE parties (
    id      TEXT PRIMARY KEY NOT NULL,
    name    TEXT NOT NULL,
    ord     BIGINT NOT NULL,
    active  BIGINT NOT NULL DEFAULT 1
);
";

pub(crate) fn replace_all(tx: &Conn, parties: &[Party]) -> Result<(), DbError> {
    tx.execute("UPDATE parties SET active = 0", params![])?;
    let mut stmt = tx.prepare(
        "INSERT INTO parties (id, name, ord, active) VALUES (?1, ?2, ?3, 1)
         ON CONFLICT (id) DO UPDATE SET name = ?2, ord = ?3, active = 1",
    )?;
    for (i, p) in parties.iter().enumerate() {
        stmt.execute(params![p.id, p.name, i as i64])?;
    }
    Ok(())
}

impl Db {
    /// Active parties in profile order.
    pub fn parties(&self) -> Result<Vec<Party>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name FROM parties WHERE active = 1 ORDER BY ord")?;
        let rows = stmt.query_map(params![], |r| {
            Ok(Party {
                id: r.get(0)?,
                name: r.get(1)?,
            })
        })?;
        rows.collect()
    }
}
