//! Table `standards`: the decisions and booklets that set service standards, by effective date.

use loket_domain::catalog::Standard;

use crate::params;
use crate::sql::Conn;
use crate::{Db, DbError};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE standards (
    id         TEXT PRIMARY KEY NOT NULL,
    effective  TEXT NOT NULL,              -- YYYY-MM-DD
    data       TEXT NOT NULL,              -- JSON of loket_domain::catalog::Standard
    active     INTEGER NOT NULL DEFAULT 1
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE standards (
    id         TEXT PRIMARY KEY NOT NULL,
    effective  TEXT NOT NULL,              -- YYYY-MM-DD
    data       TEXT NOT NULL,              -- JSON of loket_domain::catalog::Standard
    active     BIGINT NOT NULL DEFAULT 1
);
";

pub(crate) fn replace_all(tx: &Conn, standards: &[Standard]) -> Result<(), DbError> {
    tx.execute("UPDATE standards SET active = 0", params![])?;
    let mut stmt = tx.prepare(
        "INSERT INTO standards (id, effective, data, active) VALUES (?1, ?2, ?3, 1)
         ON CONFLICT (id) DO UPDATE SET effective = ?2, data = ?3, active = 1",
    )?;
    for s in standards {
        stmt.execute(params![
            s.id,
            s.effective.to_string(),
            serde_json::to_string(s)?
        ])?;
    }
    Ok(())
}

impl Db {
    /// Active standards, oldest first.
    pub fn standards(&self) -> Result<Vec<Standard>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT data FROM standards WHERE active = 1 ORDER BY effective, id")?;
        let rows = stmt.query_map(params![], |r| r.get::<_, String>(0))?;
        rows.map(|d| Ok(serde_json::from_str(&d?)?)).collect()
    }
}
