//! `calendar.view`: the calendar as an admin checks it: hours, variants, closures, the
//! holidays of a year with where they came from, and the record of every change.

use loket_domain::calendar::{Closure, Holiday};
use serde::Serialize;

use crate::office::hours_words;
use crate::{ApiError, Loket};

#[cfg(feature = "ts")]
use ts_rs::TS;

pub const ID: &str = "calendar.view";

/// A date-ranged schedule.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct VariantView {
    pub id: i64,
    pub name: String,
    pub from: String,
    pub to: String,
    pub hours_words: Vec<String>,
}

/// One year's holiday set and its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct HolidayYearView {
    pub year: i32,
    /// "bawaan" (shipped with Loket) or "berkas" (loaded by an admin).
    pub source: String,
    pub days: usize,
    pub loaded_at: String,
}

/// One edit of the calendar, from the audit trail.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct CalendarChange {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The calendar with its history.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct CalendarView {
    pub time_zone: String,
    pub hours_words: Vec<String>,
    /// True when an admin set the weekly hours (else they are the profile's).
    pub hours_set_by_admin: bool,
    pub variants: Vec<VariantView>,
    pub closures: Vec<Closure>,
    /// Holidays of the requested year (every year when none was asked).
    pub holidays: Vec<Holiday>,
    pub holiday_years: Vec<HolidayYearView>,
    pub changes: Vec<CalendarChange>,
}

impl Loket {
    /// The calendar, with holidays of `year` (all when `None`) and every recorded change.
    pub fn calendar_view(&mut self, year: Option<i32>) -> Result<CalendarView, ApiError> {
        let cal = self.working_calendar()?;
        let years = self.db.holiday_years()?;
        let holidays: Vec<Holiday> = cal
            .holidays
            .iter()
            .filter(|h| year.is_none_or(|y| h.date.format("%Y").to_string() == y.to_string()))
            .cloned()
            .collect();
        let changes = self
            .db
            .audit_entries(None)?
            .into_iter()
            .filter(|r| r.entry.action.starts_with("calendar."))
            .map(|r| CalendarChange {
                at: r.entry.at,
                actor: r.entry.actor,
                action: r.entry.action,
                entity: r.entry.entity,
                before: r.entry.before,
                after: r.entry.after,
            })
            .collect();
        Ok(CalendarView {
            time_zone: cal.zone.label().to_string(),
            hours_words: hours_words(&cal.hours),
            hours_set_by_admin: self.db.weekly_hours()?.is_some(),
            variants: self
                .db
                .hours_variants()?
                .into_iter()
                .map(|(id, v)| VariantView {
                    id,
                    name: v.name,
                    from: v.from.to_string(),
                    to: v.to.to_string(),
                    hours_words: hours_words(&v.hours),
                })
                .collect(),
            closures: cal.closures.clone(),
            holiday_years: years
                .iter()
                .map(|y| HolidayYearView {
                    year: y.year,
                    source: y.source.clone(),
                    days: cal
                        .holidays
                        .iter()
                        .filter(|h| h.date.format("%Y").to_string() == y.year.to_string())
                        .count(),
                    loaded_at: y.loaded_at.clone(),
                })
                .collect(),
            holidays,
            changes,
        })
    }
}
