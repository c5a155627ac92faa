//! Table `case_extensions`: the one extension of a case's service time (UU 14/2008: PPID may
//! extend once by 7 hari kerja with a written reason), with who granted it.

use crate::params;
use crate::sql::{OptionalExtension, Row};
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE case_extensions (
    case_id     INTEGER PRIMARY KEY NOT NULL REFERENCES cases (id),   -- at most one per case
    amount      INTEGER NOT NULL CHECK (amount > 0),
    unit        TEXT NOT NULL,            -- loket_domain::catalog::TimeUnit serde name
    reason      TEXT NOT NULL,
    granted_by  TEXT NOT NULL,
    granted_at  TEXT NOT NULL             -- RFC 3339, office time
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL. The key is the case's id, never generated.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE case_extensions (
    case_id     BIGINT PRIMARY KEY NOT NULL REFERENCES cases (id),   -- at most one per case
    amount      BIGINT NOT NULL CHECK (amount > 0),
    unit        TEXT NOT NULL,            -- loket_domain::catalog::TimeUnit serde name
    reason      TEXT NOT NULL,
    granted_by  TEXT NOT NULL,
    granted_at  TEXT NOT NULL             -- RFC 3339, office time
);
";

/// A stored extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtensionRow {
    pub case_id: i64,
    pub amount: u32,
    pub unit: String,
    pub reason: String,
    pub granted_by: String,
    pub granted_at: String,
}

fn row(r: &Row) -> Result<ExtensionRow, DbError> {
    Ok(ExtensionRow {
        case_id: r.get(0)?,
        amount: r.get(1)?,
        unit: r.get(2)?,
        reason: r.get(3)?,
        granted_by: r.get(4)?,
        granted_at: r.get(5)?,
    })
}

const COLUMNS: &str = "case_id, amount, unit, reason, granted_by, granted_at";

impl Db {
    /// Every extension, by case.
    pub fn case_extensions(&self) -> Result<Vec<ExtensionRow>, DbError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM case_extensions ORDER BY case_id"
        ))?;
        let rows = stmt.query_map(params![], row)?;
        rows.collect()
    }

    /// The extension of case `id`, if granted.
    pub fn case_extension(&self, id: i64) -> Result<Option<ExtensionRow>, DbError> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM case_extensions WHERE case_id = ?1"),
                params![id],
                row,
            )
            .optional()
    }
}

impl Tx<'_> {
    /// Records the extension; the primary key refuses a second one for the same case.
    pub fn insert_case_extension(&self, e: &ExtensionRow) -> Result<(), DbError> {
        self.tx.execute(
            &format!("INSERT INTO case_extensions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
            params![
                e.case_id,
                e.amount,
                e.unit,
                e.reason,
                e.granted_by,
                e.granted_at
            ],
        )?;
        Ok(())
    }
}
