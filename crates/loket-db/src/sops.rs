//! Table `sops`: standard operating procedures with their step tables.

use loket_domain::catalog::Sop;

use crate::params;
use crate::sql::Conn;
use crate::{Db, DbError};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE sops (
    id      TEXT PRIMARY KEY NOT NULL,
    data    TEXT NOT NULL,               -- JSON of loket_domain::catalog::Sop
    ord     INTEGER NOT NULL,
    active  INTEGER NOT NULL DEFAULT 1
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE sops (
    id      TEXT PRIMARY KEY NOT NULL,
    data    TEXT NOT NULL,               -- JSON of loket_domain::catalog::Sop
    ord     BIGINT NOT NULL,
    active  BIGINT NOT NULL DEFAULT 1
);
";

pub(crate) fn replace_all(tx: &Conn, sops: &[Sop]) -> Result<(), DbError> {
    tx.execute("UPDATE sops SET active = 0", params![])?;
    let mut stmt = tx.prepare(
        "INSERT INTO sops (id, data, ord, active) VALUES (?1, ?2, ?3, 1)
         ON CONFLICT (id) DO UPDATE SET data = ?2, ord = ?3, active = 1",
    )?;
    for (i, s) in sops.iter().enumerate() {
        stmt.execute(params![s.id, serde_json::to_string(s)?, i as i64])?;
    }
    Ok(())
}

impl Db {
    /// Active SOPs in profile order.
    pub fn sops(&self) -> Result<Vec<Sop>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT data FROM sops WHERE active = 1 ORDER BY ord")?;
        let rows = stmt.query_map(params![], |r| r.get::<_, String>(0))?;
        rows.map(|d| Ok(serde_json::from_str(&d?)?)).collect()
    }
}
