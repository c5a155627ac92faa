//! Tables `holidays` and `holiday_years`: national holidays, cuti bersama and regional
//! holidays, replaced a whole year at a time (a year's set comes from one SKB or one file),
//! with where each year's set came from.

use loket_domain::calendar::{Holiday, HolidayKind};

use crate::params;
use crate::sql::Row;
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE holidays (
    date  TEXT NOT NULL,                 -- YYYY-MM-DD
    name  TEXT NOT NULL,
    kind  TEXT NOT NULL CHECK (kind IN ('libur_nasional', 'cuti_bersama', 'libur_daerah')),
    year  INTEGER NOT NULL,
    PRIMARY KEY (date, name)
) STRICT;
CREATE INDEX holidays_by_year ON holidays (year);
CREATE TABLE holiday_years (
    year      INTEGER PRIMARY KEY NOT NULL,
    source    TEXT NOT NULL CHECK (source IN ('bawaan', 'berkas')),  -- shipped data or an admin's file
    sha256    TEXT NOT NULL,                 -- hash of the text the set was read from
    loaded_at TEXT NOT NULL                  -- RFC 3339, office time
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE holidays (
    date  TEXT NOT NULL,                 -- YYYY-MM-DD
    name  TEXT NOT NULL,
    kind  TEXT NOT NULL CHECK (kind IN ('libur_nasional', 'cuti_bersama', 'libur_daerah')),
    year  BIGINT NOT NULL,
    PRIMARY KEY (date, name)
);
CREATE INDEX holidays_by_year ON holidays (year);
CREATE TABLE holiday_years (
    year      BIGINT PRIMARY KEY NOT NULL,   -- a calendar year, never generated
    source    TEXT NOT NULL CHECK (source IN ('bawaan', 'berkas')),  -- shipped data or an admin's file
    sha256    TEXT NOT NULL,                 -- hash of the text the set was read from
    loaded_at TEXT NOT NULL                  -- RFC 3339, office time
);
";

/// Where a year's holidays came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayYear {
    pub year: i32,
    /// `bawaan` (shipped with Loket) or `berkas` (a file an admin loaded).
    pub source: String,
    pub sha256: String,
    pub loaded_at: String,
}

fn kind_text(kind: HolidayKind) -> &'static str {
    match kind {
        HolidayKind::LiburNasional => "libur_nasional",
        HolidayKind::CutiBersama => "cuti_bersama",
        HolidayKind::LiburDaerah => "libur_daerah",
    }
}

fn kind_from(text: &str) -> HolidayKind {
    match text {
        "cuti_bersama" => HolidayKind::CutiBersama,
        "libur_daerah" => HolidayKind::LiburDaerah,
        _ => HolidayKind::LiburNasional,
    }
}

/// A stored `YYYY-MM-DD` back as a date; a damaged value is a `Json` error naming it.
pub(crate) fn stored_date(text: String) -> Result<chrono::NaiveDate, DbError> {
    Ok(serde_json::from_value(serde_json::Value::String(text))?)
}

fn holiday_row(r: &Row) -> Result<(String, String, String), DbError> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
}

fn to_holidays(rows: Vec<(String, String, String)>) -> Result<Vec<Holiday>, DbError> {
    rows.into_iter()
        .map(|(date, name, kind)| {
            Ok(Holiday {
                date: stored_date(date)?,
                name,
                kind: kind_from(&kind),
            })
        })
        .collect()
}

impl Db {
    /// Every stored holiday, by date.
    pub fn holidays(&self) -> Result<Vec<Holiday>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT date, name, kind FROM holidays ORDER BY date, name")?;
        let rows = stmt.query_map(params![], holiday_row)?;
        to_holidays(rows.collect::<Result<_, _>>()?)
    }

    /// The years that have a holiday set, with its source.
    pub fn holiday_years(&self) -> Result<Vec<HolidayYear>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT year, source, sha256, loaded_at FROM holiday_years ORDER BY year")?;
        let rows = stmt.query_map(params![], |r| {
            Ok(HolidayYear {
                year: r.get(0)?,
                source: r.get(1)?,
                sha256: r.get(2)?,
                loaded_at: r.get(3)?,
            })
        })?;
        rows.collect()
    }
}

impl Tx<'_> {
    /// Replaces the holidays of `year` with `days` (all of which must fall in `year`) and
    /// records the source. Returns the set it replaced.
    pub fn replace_holiday_year(
        &self,
        year: i32,
        days: &[Holiday],
        source: &str,
        sha256: &str,
        now: &str,
    ) -> Result<Vec<Holiday>, DbError> {
        let before = {
            let mut stmt = self.tx.prepare(
                "SELECT date, name, kind FROM holidays WHERE year = ?1 ORDER BY date, name",
            )?;
            let rows = stmt.query_map(params![year], holiday_row)?;
            to_holidays(rows.collect::<Result<_, _>>()?)?
        };
        self.tx
            .execute("DELETE FROM holidays WHERE year = ?1", params![year])?;
        let mut insert = self
            .tx
            .prepare("INSERT INTO holidays (date, name, kind, year) VALUES (?1, ?2, ?3, ?4)")?;
        for h in days {
            insert.execute(params![h.date.to_string(), h.name, kind_text(h.kind), year])?;
        }
        self.tx.execute(
            "INSERT INTO holiday_years (year, source, sha256, loaded_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (year) DO UPDATE SET source = ?2, sha256 = ?3, loaded_at = ?4",
            params![year, source, sha256, now],
        )?;
        Ok(before)
    }

    /// Adds one holiday (a revised SKB's extra cuti bersama day) to its year, keeping the
    /// year's source; a year without a set gets one marked `berkas`. Returns `false` when the
    /// same day with the same name is already there (nothing written).
    pub fn add_holiday(&self, h: &Holiday, now: &str) -> Result<bool, DbError> {
        use chrono::Datelike;
        let year = h.date.year();
        let added = self.tx.execute(
            "INSERT INTO holidays (date, name, kind, year) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT DO NOTHING",
            params![h.date.to_string(), h.name, kind_text(h.kind), year],
        )?;
        self.tx.execute(
            "INSERT INTO holiday_years (year, source, sha256, loaded_at)
             VALUES (?1, 'berkas', '', ?2) ON CONFLICT DO NOTHING",
            params![year, now],
        )?;
        Ok(added == 1)
    }

    /// Removes the holiday named `name` on `date`; returns it, or `None` when there was none.
    pub fn remove_holiday(&self, date: &str, name: &str) -> Result<Option<Holiday>, DbError> {
        let rows: Vec<(String, String, String)> = {
            let mut stmt = self
                .tx
                .prepare("SELECT date, name, kind FROM holidays WHERE date = ?1 AND name = ?2")?;
            let rows = stmt.query_map(params![date, name], holiday_row)?;
            rows.collect::<Result<_, _>>()?
        };
        self.tx.execute(
            "DELETE FROM holidays WHERE date = ?1 AND name = ?2",
            params![date, name],
        )?;
        Ok(to_holidays(rows)?.into_iter().next())
    }
}
