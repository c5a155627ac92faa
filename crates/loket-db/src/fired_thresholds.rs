//! Table `fired_thresholds`: which notification thresholds have fired for which item, so a
//! restart of the watcher never repeats one. Keyed by the due moment too: an extension that
//! moves the due re-arms the thresholds.

use std::collections::HashSet;

use crate::params;
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE fired_thresholds (
    item       TEXT NOT NULL,            -- 'case:12', 'disposition:40', 'booking:3'
    threshold  TEXT NOT NULL,            -- deadline state key, 'disposisi_masuk', 'pengingat'
    due        TEXT NOT NULL,            -- RFC 3339 due moment it was about, '' when none
    fired_at   TEXT NOT NULL,            -- RFC 3339, office time
    PRIMARY KEY (item, threshold, due)
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE fired_thresholds (
    item       TEXT NOT NULL,            -- 'case:12', 'disposition:40', 'booking:3'
    threshold  TEXT NOT NULL,            -- deadline state key, 'disposisi_masuk', 'pengingat'
    due        TEXT NOT NULL,            -- RFC 3339 due moment it was about, '' when none
    fired_at   TEXT NOT NULL,            -- RFC 3339, office time
    PRIMARY KEY (item, threshold, due)
);
";

/// One fired threshold.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FiredKey {
    pub item: String,
    pub threshold: String,
    pub due: String,
}

impl Db {
    /// Every threshold that has fired.
    pub fn fired_thresholds(&self) -> Result<HashSet<FiredKey>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT item, threshold, due FROM fired_thresholds")?;
        let rows = stmt.query_map(params![], |r| {
            Ok(FiredKey {
                item: r.get(0)?,
                threshold: r.get(1)?,
                due: r.get(2)?,
            })
        })?;
        rows.collect()
    }
}

impl Tx<'_> {
    /// Remembers `keys` as fired at `now`; keys already remembered are left as they were.
    pub fn record_fired(&self, keys: &[FiredKey], now: &str) -> Result<(), DbError> {
        let mut stmt = self.tx.prepare(
            "INSERT INTO fired_thresholds (item, threshold, due, fired_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO NOTHING",
        )?;
        for k in keys {
            stmt.execute(params![k.item, k.threshold, k.due, now])?;
        }
        Ok(())
    }
}
