//! `booking.days`: the office hours and days off the schedule's calendars draw behind the
//! bookings (holidays, cuti bersama and closures from the working calendar).

use chrono::{Datelike, Duration, NaiveDate};
use loket_domain::calendar::DayOff;
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use super::time::HARI;
use crate::{ApiError, Loket};

pub const DAYS: &str = "booking.days";

/// Longest range of days one call returns (a month view with its leading and trailing weeks).
const MAX_DAYS: i64 = 62;

/// One day of the calendar: its office hours, or why the office is closed.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ScheduleDay {
    /// ISO date, office-local.
    pub date: String,
    /// "Senin".
    pub weekday: String,
    /// Minutes after midnight; none on a day off.
    pub open_minute: Option<u32>,
    pub close_minute: Option<u32>,
    /// "07.30–16.00"; empty on a day off.
    pub hours_words: String,
    /// "libur nasional: Hari Raya Nyepi", "Minggu (tidak ada jam kerja)"; none on a working day.
    pub day_off: Option<String>,
    /// A holiday, cuti bersama or closure (not merely a weekend).
    pub holiday: bool,
}

fn clock(minute: u32) -> String {
    format!("{:02}.{:02}", minute / 60, minute % 60)
}

impl Loket {
    /// The days `from`..=`to` with their office hours and days off, for the calendars.
    ///
    /// Errors: `BadInput` when `to` is before `from` or the range exceeds 62 days.
    pub fn booking_days(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<ScheduleDay>, ApiError> {
        if to < from || (to - from).num_days() >= MAX_DAYS {
            return Err(ApiError::bad_input(format!(
                "rentang tanggal {from} s.d. {to} tidak valid: tanggal akhir harus sesudah tanggal awal, paling banyak {MAX_DAYS} hari"
            )));
        }
        let cal = self.booking_calendar()?;
        let mut out = Vec::new();
        let mut day = from;
        while day <= to {
            let hours = cal
                .hours_on(day)
                .map(|h| (u32::from(h.open), u32::from(h.close)));
            let off = cal.day_off(day);
            out.push(ScheduleDay {
                date: day.to_string(),
                weekday: HARI[day.weekday().num_days_from_monday() as usize].to_string(),
                open_minute: hours.map(|h| h.0),
                close_minute: hours.map(|h| h.1),
                hours_words: hours
                    .map_or(String::new(), |(o, c)| format!("{}–{}", clock(o), clock(c))),
                holiday: matches!(off, Some(DayOff::Holiday { .. } | DayOff::Closure { .. })),
                day_off: off.map(|d| d.words()),
            });
            day += Duration::days(1);
        }
        Ok(out)
    }
}
