//! Table `number_patterns`: the office's letter-number patterns, each with its default
//! klasifikasi, unit code and the letter kinds that use it.

use crate::params;
use crate::sql::{OptionalExtension, Row};
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE number_patterns (
    id          TEXT PRIMARY KEY NOT NULL,
    pattern     TEXT NOT NULL,
    klasifikasi TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',
    kinds       TEXT NOT NULL DEFAULT '[]',
    updated_at  TEXT NOT NULL
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE number_patterns (
    id          TEXT PRIMARY KEY NOT NULL,
    pattern     TEXT NOT NULL,
    klasifikasi TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',
    kinds       TEXT NOT NULL DEFAULT '[]',
    updated_at  TEXT NOT NULL
);
";

/// One stored pattern. `pattern` was validated by the caller before it was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPattern {
    pub id: String,
    pub pattern: String,
    pub klasifikasi: String,
    pub unit: String,
    /// Letter kind ids (`surat_balasan`) numbered with this pattern.
    pub kinds: Vec<String>,
}

impl Db {
    /// Creates or replaces a pattern. A kind listed here is removed from every other pattern,
    /// so each kind has at most one pattern; the existing numbers keep their text.
    pub fn save_number_pattern(&mut self, p: &StoredPattern, now: &str) -> Result<(), DbError> {
        let tx = self.begin()?;
        tx.save_number_pattern(p, now)?;
        tx.commit()
    }

    /// The running number the next reservation of `pattern_id` in `year` would get.
    pub fn next_number_seq(&self, pattern_id: &str, year: i32) -> Result<i64, DbError> {
        crate::counters::peek(
            &self.conn,
            &crate::counters::letter(pattern_id),
            i64::from(year),
        )
    }

    /// All patterns, by id.
    pub fn number_patterns(&self) -> Result<Vec<StoredPattern>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, pattern, klasifikasi, unit, kinds FROM number_patterns ORDER BY id",
        )?;
        let rows = stmt.query_map(params![], row)?;
        rows.map(|r| decode(r?)).collect()
    }

    /// The pattern with this id.
    pub fn number_pattern(&self, id: &str) -> Result<Option<StoredPattern>, DbError> {
        let found = self
            .conn
            .query_row(
                "SELECT id, pattern, klasifikasi, unit, kinds FROM number_patterns WHERE id = ?1",
                params![id],
                row,
            )
            .optional()?;
        found.map(decode).transpose()
    }
}

type PatternRow = (String, String, String, String, String);

fn row(r: &Row) -> Result<PatternRow, DbError> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
}

fn decode((id, pattern, klasifikasi, unit, kinds): PatternRow) -> Result<StoredPattern, DbError> {
    Ok(StoredPattern {
        id,
        pattern,
        klasifikasi,
        unit,
        kinds: serde_json::from_str(&kinds)?,
    })
}

impl Tx<'_> {
    /// Creates or replaces a pattern inside this transaction; see [`Db::save_number_pattern`].
    pub fn save_number_pattern(&self, p: &StoredPattern, now: &str) -> Result<(), DbError> {
        let others: Vec<(String, String)> = {
            let mut stmt = self
                .tx
                .prepare("SELECT id, kinds FROM number_patterns WHERE id <> ?1")?;
            let rows = stmt.query_map(params![p.id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, DbError>>()?
        };
        for (id, kinds) in others {
            let mut list: Vec<String> = serde_json::from_str(&kinds)?;
            let before = list.len();
            list.retain(|k| !p.kinds.contains(k));
            if list.len() != before {
                self.tx.execute(
                    "UPDATE number_patterns SET kinds = ?2, updated_at = ?3 WHERE id = ?1",
                    params![id, serde_json::to_string(&list)?, now],
                )?;
            }
        }
        self.tx.execute(
            "INSERT INTO number_patterns (id, pattern, klasifikasi, unit, kinds, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (id) DO UPDATE SET pattern = ?2, klasifikasi = ?3, unit = ?4, kinds = ?5, updated_at = ?6",
            params![p.id, p.pattern, p.klasifikasi, p.unit, serde_json::to_string(&p.kinds)?, now],
        )?;
        Ok(())
    }

    /// Every pattern as seen inside this transaction, by id.
    pub fn number_patterns(&self) -> Result<Vec<StoredPattern>, DbError> {
        let mut stmt = self.tx.prepare(
            "SELECT id, pattern, klasifikasi, unit, kinds FROM number_patterns ORDER BY id",
        )?;
        let rows = stmt.query_map(params![], row)?;
        rows.map(|r| decode(r?)).collect()
    }
}
