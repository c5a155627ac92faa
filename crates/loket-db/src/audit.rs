//! Table `audit`: who did what, when, with the before and after of what changed. Each entry
//! carries the hash of the one before it, so editing or deleting history breaks the chain,
//! which `loket check` reports.

use rusqlite::{params, OptionalExtension};
use sha2::{Digest, Sha256};

use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE audit (
    seq        INTEGER PRIMARY KEY NOT NULL,
    at         TEXT NOT NULL,            -- RFC 3339, office time
    actor      TEXT NOT NULL,            -- account id, or 'sistem'
    action     TEXT NOT NULL,            -- use-case id, e.g. case.register
    entity     TEXT NOT NULL,            -- what changed: 'case:12', 'account:sri'
    before     TEXT,                     -- JSON, NULL when created
    after      TEXT,                     -- JSON, NULL when removed
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL
) STRICT;
";

/// Hash of the (empty) chain before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One change to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A stored entry with its place in the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    pub seq: i64,
    pub entry: AuditEntry,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash of one entry, binding its sequence number, fields and predecessor.
fn entry_hash(seq: i64, prev: &str, e: &AuditEntry) -> String {
    let mut h = Sha256::new();
    for part in [
        seq.to_string().as_str(),
        prev,
        &e.at,
        &e.actor,
        &e.action,
        &e.entity,
        e.before.as_deref().unwrap_or("\u{0}"),
        e.after.as_deref().unwrap_or("\u{0}"),
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    hex::encode(h.finalize())
}

impl Tx<'_> {
    /// Appends `entry` to the chain inside this transaction.
    pub fn audit(&self, entry: &AuditEntry) -> Result<(), DbError> {
        let last: Option<(i64, String)> = self
            .tx
            .query_row(
                "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let (seq, prev) = match last {
            Some((s, h)) => (s + 1, h),
            None => (1, GENESIS.to_string()),
        };
        let hash = entry_hash(seq, &prev, entry);
        self.tx.execute(
            "INSERT INTO audit (seq, at, actor, action, entity, before, after, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                seq,
                entry.at,
                entry.actor,
                entry.action,
                entry.entity,
                entry.before,
                entry.after,
                prev,
                hash
            ],
        )?;
        Ok(())
    }
}

impl Db {
    /// Entries about `entity` (or all when `None`), oldest first.
    pub fn audit_entries(&self, entity: Option<&str>) -> Result<Vec<AuditRow>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT seq, at, actor, action, entity, before, after, prev_hash, hash FROM audit
             WHERE ?1 IS NULL OR entity = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([entity], |r| {
            Ok(AuditRow {
                seq: r.get(0)?,
                entry: AuditEntry {
                    at: r.get(1)?,
                    actor: r.get(2)?,
                    action: r.get(3)?,
                    entity: r.get(4)?,
                    before: r.get(5)?,
                    after: r.get(6)?,
                },
                prev_hash: r.get(7)?,
                hash: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The newest entry's sequence number and hash: the chain head a checkpoint records.
    /// `None` for an empty trail.
    pub fn audit_head(&self) -> Result<Option<(i64, String)>, DbError> {
        Ok(self
            .conn
            .query_row(
                "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// The stored hash of entry `seq`, if that entry exists.
    pub fn audit_hash_at(&self, seq: i64) -> Result<Option<String>, DbError> {
        Ok(self
            .conn
            .query_row("SELECT hash FROM audit WHERE seq = ?1", [seq], |r| r.get(0))
            .optional()?)
    }

    /// Walks the whole chain; returns one line per broken link (empty when intact).
    pub fn verify_audit_chain(&self) -> Result<Vec<String>, DbError> {
        let mut problems = Vec::new();
        let mut prev = GENESIS.to_string();
        let mut expected_seq = 1;
        for row in self.audit_entries(None)? {
            if row.seq != expected_seq {
                problems.push(format!(
                    "jejak audit: entri {} hilang (ditemukan {} berikutnya)",
                    expected_seq, row.seq
                ));
            }
            if row.prev_hash != prev {
                problems.push(format!(
                    "jejak audit: entri {} tidak bersambung dengan entri sebelumnya",
                    row.seq
                ));
            }
            if entry_hash(row.seq, &row.prev_hash, &row.entry) != row.hash {
                problems.push(format!(
                    "jejak audit: isi entri {} ({} oleh {} pada {}) telah diubah",
                    row.seq, row.entry.action, row.entry.actor, row.entry.at
                ));
            }
            prev = row.hash;
            expected_seq = row.seq + 1;
        }
        Ok(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: u32) -> AuditEntry {
        AuditEntry {
            at: format!("2026-03-02T09:0{n}:00+07:00"),
            actor: "admin".into(),
            action: "case.register".into(),
            entity: format!("case:{n}"),
            before: None,
            after: Some(format!("{{\"n\":{n}}}")),
        }
    }

    #[test]
    fn an_edited_entry_breaks_the_chain() {
        let mut db = Db::open_in_memory().unwrap();
        for n in 1..=3 {
            let tx = db.begin().unwrap();
            tx.audit(&entry(n)).unwrap();
            tx.commit().unwrap();
        }
        assert!(
            db.verify_audit_chain().unwrap().is_empty(),
            "an untouched chain verifies"
        );
        db.conn
            .execute("UPDATE audit SET after = '{\"n\":99}' WHERE seq = 2", [])
            .unwrap();
        let problems = db.verify_audit_chain().unwrap();
        assert!(
            problems.iter().any(|p| p.contains("entri 2")),
            "editing entry 2 is detected: {problems:?}"
        );
        db.conn
            .execute("DELETE FROM audit WHERE seq = 2", [])
            .unwrap();
        let problems = db.verify_audit_chain().unwrap();
        assert!(
            problems.iter().any(|p| p.contains("hilang")),
            "deleting an entry is detected: {problems:?}"
        );
    }

    #[test]
    fn an_uncommitted_change_leaves_no_entry() {
        let mut db = Db::open_in_memory().unwrap();
        {
            let tx = db.begin().unwrap();
            tx.audit(&entry(1)).unwrap();
        }
        assert!(
            db.audit_entries(None).unwrap().is_empty(),
            "a rolled-back transaction writes no audit entry"
        );
    }
}
