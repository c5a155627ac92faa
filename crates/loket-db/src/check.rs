//! `loket check`: the full integrity check, foreign keys, counters, the audit chain and the
//! schema version. On a server, storage integrity and foreign keys are the server's own
//! (PostgreSQL checks every key as it is written and checksums its pages); the checks that
//! are Loket's run on both.

use crate::migrations::known_schema_version;
use crate::sql::Dialect;
use crate::{Db, DbError};

/// Result of a full check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckReport {
    pub schema_version: i64,
    pub known_schema_version: i64,
    /// Problems reported by `PRAGMA integrity_check`; empty when sound.
    pub integrity: Vec<String>,
    /// Rows whose foreign keys point nowhere, as "table rowid → parent".
    pub foreign_keys: Vec<String>,
    /// Broken links of the audit hash chain (an edited or deleted entry); empty when intact.
    pub audit: Vec<String>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.integrity.is_empty()
            && self.foreign_keys.is_empty()
            && self.audit.is_empty()
            && self.schema_version == self.known_schema_version
    }
}

impl Db {
    /// Runs the full integrity and foreign-key checks. Slower than the quick check on open.
    pub fn check(&self) -> Result<CheckReport, DbError> {
        let (integrity, foreign_keys) = match self.conn.dialect() {
            Dialect::Sqlite => self.file_checks()?,
            Dialect::Postgres => (Vec::new(), Vec::new()),
        };
        Ok(CheckReport {
            schema_version: self.schema_version()?,
            known_schema_version: known_schema_version(),
            integrity: integrity
                .into_iter()
                .filter(|p| p != "ok")
                .chain(self.lagging_counters()?)
                .collect(),
            foreign_keys,
            audit: self.verify_audit_chain()?,
        })
    }

    /// SQLite's page-level integrity check and its foreign-key check.
    fn file_checks(&self) -> Result<(Vec<String>, Vec<String>), DbError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let integrity: Vec<String> = stmt
            .query_map(crate::params![], |r| r.get::<_, String>(0))?
            .collect::<Result<_, _>>()?;
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let foreign_keys: Vec<String> = stmt
            .query_map(crate::params![], |r| {
                Ok(format!(
                    "{} baris {} → {}",
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<i64>>(1)?.unwrap_or(0),
                    r.get::<_, String>(2)?
                ))
            })?
            .collect::<Result<_, _>>()?;
        Ok((integrity, foreign_keys))
    }
}
