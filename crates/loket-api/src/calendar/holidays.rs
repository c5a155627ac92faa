//! `calendar.holidays.replace`: replaces one year's holidays from a file in the shipped format
//! (a revised SKB, a regional holiday). The audit entry keeps the old and the new set; the
//! result lists what was added and removed.

use std::path::Path;

use chrono::{DateTime, Datelike, FixedOffset};
use loket_domain::calendar::{parse_holiday_file, Holiday};
use serde::Serialize;

use super::shipped::{seed_missing_years, sha256};
use crate::account::Actor;
use crate::audit::record;
use crate::{ApiError, Loket};

#[cfg(feature = "ts")]
use ts_rs::TS;

pub const REPLACE_HOLIDAYS: &str = "calendar.holidays.replace";

/// What replacing a year's holidays changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct HolidayReplacement {
    pub year: i32,
    pub added: Vec<Holiday>,
    pub removed: Vec<Holiday>,
    pub total: usize,
}

/// Reads and validates a holiday file. Errors: `BadInput` naming the file (and the entry).
pub fn read_holiday_file(path: &Path) -> Result<Vec<Holiday>, ApiError> {
    Ok(read_with_text(path)?.0)
}

fn read_with_text(path: &Path) -> Result<(Vec<Holiday>, String), ApiError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        ApiError::bad_input(format!(
            "berkas hari libur {} tidak dapat dibaca: {e}; periksa nama dan izin berkasnya",
            path.display()
        ))
    })?;
    let days = parse_holiday_file(&path.display().to_string(), &text)
        .map_err(|e| ApiError::bad_input(e.to_string()))?;
    Ok((days, text))
}

impl Loket {
    /// Replaces the holidays of `year` with those in `path`, every one of which must fall in
    /// `year`. One transaction with its audit entry.
    ///
    /// Errors: `Forbidden` without the administer role; `BadInput` for an unreadable or
    /// malformed file or a date outside `year` (nothing is written).
    pub fn calendar_replace_holidays(
        &mut self,
        actor: &Actor,
        year: i32,
        path: &Path,
        now: DateTime<FixedOffset>,
    ) -> Result<HolidayReplacement, ApiError> {
        let me = self.calendar_admin(actor)?;
        let actor = me.id();
        let (days, text) = read_with_text(path)?;
        if let Some(h) = days.iter().find(|h| h.date.year() != year) {
            let quoted = format!("\"{}\"", h.date);
            let line = text
                .lines()
                .position(|l| l.contains(&quoted))
                .map(|n| format!(" pada baris {}", n + 1))
                .unwrap_or_default();
            return Err(ApiError::bad_input(format!(
                "berkas {} memuat {} ({}){line}, bukan tahun {year}; satu berkas hanya untuk satu tahun, pindahkan tanggal itu ke berkas tahun {}",
                path.display(),
                h.date,
                h.name,
                h.date.year()
            )));
        }
        for h in &days {
            crate::text::check(
                &format!("nama hari libur {}", h.date),
                &h.name,
                crate::text::NAME_MAX,
            )?;
        }
        seed_missing_years(&mut self.db)?;
        let tx = self.db.begin()?;
        let before =
            tx.replace_holiday_year(year, &days, "berkas", &sha256(&text), &now.to_rfc3339())?;
        let entity = format!("kalender:libur:{year}");
        record(
            &tx,
            now,
            actor,
            REPLACE_HOLIDAYS,
            &entity,
            Some(&before),
            Some(&days),
        )?;
        tx.commit()?;
        Ok(HolidayReplacement {
            year,
            added: days
                .iter()
                .filter(|d| !before.contains(d))
                .cloned()
                .collect(),
            removed: before
                .iter()
                .filter(|d| !days.contains(d))
                .cloned()
                .collect(),
            total: days.len(),
        })
    }
}
