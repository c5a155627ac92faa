//! Table `fired_thresholds`: which notification thresholds have fired for which item, so a
//! restart of the watcher never repeats one. Keyed by the due moment too: an extension that
//! moves the due re-arms the thresholds.

use std::collections::HashSet;

use crate::deadline_items::OpenDisposition;
use crate::params;
use crate::sql::Param;
use crate::{Db, DbError, Tx};

/// The threshold of a disposition's arrival at its recipient's post.
pub const ARRIVAL: &str = "disposisi_masuk";

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

    /// Unread open dispositions to any of `positions` whose arrival has not been announced
    /// yet (no 'disposisi_masuk' fired for them), oldest first. Cheap enough to ask every few
    /// seconds: the partial index of open dispositions by recipient, then one primary-key
    /// look-up per unread row.
    pub fn unannounced_dispositions(
        &self,
        positions: &[String],
    ) -> Result<Vec<OpenDisposition>, DbError> {
        if positions.is_empty() {
            return Ok(Vec::new());
        }
        let placeholders: Vec<String> = (1..=positions.len()).map(|i| format!("?{i}")).collect();
        let sql = format!(
            "SELECT d.id, d.case_id, d.to_position, d.sent_at, d.batas_waktu, d.sifat, d.read_at
             FROM dispositions d
             WHERE d.to_position IN ({})
               AND d.completed_at IS NULL AND d.withdrawn_at IS NULL AND d.read_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM fired_thresholds f
                                WHERE f.item = 'disposition:' || d.id
                                  AND f.threshold = '{ARRIVAL}' AND f.due = '')
             ORDER BY d.id",
            placeholders.join(", ")
        );
        let params: Vec<&dyn Param> = positions.iter().map(|p| p as &dyn Param).collect();
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(&params, |r| {
            Ok(OpenDisposition {
                id: r.get(0)?,
                case_id: r.get(1)?,
                to_position: r.get(2)?,
                sent_at: r.get(3)?,
                batas_waktu: r.get(4)?,
                sifat: r.get(5)?,
                read_at: r.get(6)?,
            })
        })?;
        rows.collect()
    }
}

impl Tx<'_> {
    /// Remembers `keys` as fired at `now`; keys already remembered are left as they were.
    /// Returns the keys this call remembered: inside the write lock, so when two laptops
    /// find the same crossing at once only one of them gets it back and announces it.
    pub fn record_fired(&self, keys: &[FiredKey], now: &str) -> Result<Vec<FiredKey>, DbError> {
        let mut stmt = self.tx.prepare(
            "INSERT INTO fired_thresholds (item, threshold, due, fired_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO NOTHING",
        )?;
        let mut new = Vec::new();
        for k in keys {
            if stmt.execute(params![k.item, k.threshold, k.due, now])? == 1 {
                new.push(k.clone());
            }
        }
        Ok(new)
    }
}
