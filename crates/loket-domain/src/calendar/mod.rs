//! The working calendar of one office: its hours per weekday (with breaks), date-ranged
//! schedules such as Ramadan hours, national holidays and cuti bersama, and closures an admin
//! adds. Service times in working days or office hours are counted on it
//! ([`crate::deadline`]).
//!
//! Invariants the caller keeps (the loaders check them): within a [`DayHours`],
//! `open < close` and every break lies inside `open..close`, breaks sorted and disjoint;
//! a [`HoursVariant`] has `from <= to`. Times are local to the office's [`TimeZone`]
//! (Indonesia has no daylight saving, so local time maps one-to-one to UTC).
//!
//! Precedence on a day: a closure or a holiday makes it a day off; otherwise the newest
//! variant (last in `variants`) covering the day decides its hours; otherwise the weekly
//! hours. A weekday the governing schedule does not list is a day off.

mod days_off;
mod holiday_file;

pub(crate) use days_off::DaysOff;
pub use days_off::IndexedCalendar;
pub use holiday_file::{parse_holiday_file, HolidayFileError};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeZone as _};
use serde::{Deserialize, Serialize};

use crate::catalog::{DayHours, OfficeHours, Weekday};
use crate::time_zone::TimeZone;

#[cfg(feature = "ts")]
use ts_rs::TS;

/// What a holiday is, as the SKB and local decisions name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    LiburNasional,
    CutiBersama,
    LiburDaerah,
}

impl HolidayKind {
    /// The kind as staff say it.
    pub fn label(self) -> &'static str {
        match self {
            HolidayKind::LiburNasional => "libur nasional",
            HolidayKind::CutiBersama => "cuti bersama",
            HolidayKind::LiburDaerah => "libur daerah",
        }
    }
}

/// A holiday: the whole day is off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Holiday {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: NaiveDate,
    pub name: String,
    pub kind: HolidayKind,
}

/// A day the office is closed by its own decision (office move, local event, ...).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Closure {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: NaiveDate,
    pub reason: String,
}

/// A schedule that replaces the weekly hours from `from` to `to` inclusive (Ramadan hours).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct HoursVariant {
    pub name: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub from: NaiveDate,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub to: NaiveDate,
    pub hours: OfficeHours,
}

/// Why a day is not a working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DayOff {
    /// The governing schedule has no hours on this weekday (Sabtu, Minggu).
    NoHours {
        weekday: Weekday,
    },
    Holiday {
        name: String,
        holiday: HolidayKind,
    },
    Closure {
        reason: String,
    },
}

impl DayOff {
    /// "Sabtu", "libur nasional: Hari Raya Idul Fitri", "kantor tutup: pindah gedung".
    pub fn words(&self) -> String {
        match self {
            DayOff::NoHours { weekday } => format!("{} (tidak ada jam kerja)", weekday.label()),
            DayOff::Holiday { name, holiday } => format!("{}: {name}", holiday.label()),
            DayOff::Closure { reason } => format!("kantor tutup: {reason}"),
        }
    }
}

/// An office's working calendar. See the module doc for precedence and invariants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkingCalendar {
    pub zone: TimeZone,
    pub hours: OfficeHours,
    pub variants: Vec<HoursVariant>,
    pub holidays: Vec<Holiday>,
    pub closures: Vec<Closure>,
}

/// The running intervals of `date` with `hours` (none on a day off).
fn spans_of(date: NaiveDate, hours: Option<&DayHours>) -> impl Iterator<Item = Span> + '_ {
    let breaks = hours.map_or(&[][..], |h| h.breaks.as_slice());
    let mut cursor = hours.map_or(0, |h| h.open);
    let close = hours.map_or(0, |h| h.close);
    let mut next_break = 0;
    std::iter::from_fn(move || {
        while let Some(b) = breaks.get(next_break) {
            next_break += 1;
            let from = cursor;
            cursor = cursor.max(b.end);
            if b.start > from {
                return Some((minute(date, from), minute(date, b.start)));
            }
        }
        if close > cursor {
            let from = cursor;
            cursor = close;
            return Some((minute(date, from), minute(date, close)));
        }
        None
    })
}

/// One running interval of office time, local, `start` inclusive, `end` exclusive.
pub type Span = (NaiveDateTime, NaiveDateTime);

/// How far the day-by-day searches look before concluding there is no working time at all.
pub(crate) const SEARCH_DAYS: u32 = 3 * 366;

fn minute(day: NaiveDate, m: u16) -> NaiveDateTime {
    day.and_time(NaiveTime::MIN) + chrono::Duration::minutes(i64::from(m))
}

impl WorkingCalendar {
    /// A calendar with weekly hours only: no variants, holidays or closures.
    pub fn new(zone: TimeZone, hours: OfficeHours) -> Self {
        WorkingCalendar {
            zone,
            hours,
            variants: Vec::new(),
            holidays: Vec::new(),
            closures: Vec::new(),
        }
    }

    /// The weekly schedule governing `date`: the newest variant covering it, else the weekly hours.
    pub fn schedule_on(&self, date: NaiveDate) -> &OfficeHours {
        self.variants
            .iter()
            .rev()
            .find(|v| v.from <= date && date <= v.to)
            .map(|v| &v.hours)
            .unwrap_or(&self.hours)
    }

    /// Why `date` is a day off, or `None` when it is a working day.
    pub fn day_off(&self, date: NaiveDate) -> Option<DayOff> {
        if let Some(c) = self.closures.iter().find(|c| c.date == date) {
            return Some(DayOff::Closure {
                reason: c.reason.clone(),
            });
        }
        if let Some(h) = self.holidays.iter().find(|h| h.date == date) {
            return Some(DayOff::Holiday {
                name: h.name.clone(),
                holiday: h.kind,
            });
        }
        let weekday = Weekday::from_chrono(date.weekday());
        if self.day_hours(date).is_none() {
            return Some(DayOff::NoHours { weekday });
        }
        None
    }

    fn day_hours(&self, date: NaiveDate) -> Option<&DayHours> {
        let weekday = Weekday::from_chrono(date.weekday());
        self.schedule_on(date)
            .days
            .iter()
            .find(|d| d.day == weekday)
    }

    /// The hours of `date`, or `None` on a day off.
    pub fn hours_on(&self, date: NaiveDate) -> Option<&DayHours> {
        // The weekday first: a weekend needs no search through the holidays.
        let hours = self.day_hours(date)?;
        if self.closures.iter().any(|c| c.date == date)
            || self.holidays.iter().any(|h| h.date == date)
        {
            return None;
        }
        Some(hours)
    }

    /// Whether the office works on `date`.
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        self.hours_on(date).is_some()
    }

    /// The running intervals of `date` (open to close minus breaks), in order; empty on a day off.
    pub fn spans_on(&self, date: NaiveDate) -> Vec<Span> {
        self.spans_iter(date).collect()
    }

    /// [`WorkingCalendar::spans_on`] without collecting them: the day-by-day counts of the
    /// deadline rules walk thousands of days for a long list of cases.
    pub fn spans_iter(&self, date: NaiveDate) -> impl Iterator<Item = Span> + '_ {
        spans_of(date, self.hours_on(date))
    }

    /// Closing time of `date`, or `None` on a day off.
    pub fn closing_on(&self, date: NaiveDate) -> Option<NaiveDateTime> {
        self.hours_on(date).map(|h| minute(date, h.close))
    }

    /// The first working day strictly after `date`; `None` when none lies within three years
    /// (a calendar without any hours).
    pub fn next_working_day(&self, date: NaiveDate) -> Option<NaiveDate> {
        let mut d = date;
        for _ in 0..SEARCH_DAYS {
            d = d.succ_opt()?;
            if self.is_working_day(d) {
                return Some(d);
            }
        }
        None
    }

    /// `t` as local office time.
    pub fn local(&self, t: DateTime<FixedOffset>) -> NaiveDateTime {
        t.with_timezone(&self.zone.offset()).naive_local()
    }

    /// A local office time with the office's UTC offset, for RFC 3339 output.
    pub fn at(&self, local: NaiveDateTime) -> DateTime<FixedOffset> {
        self.zone.offset().from_utc_datetime(
            &(local - chrono::Duration::seconds(i64::from(self.zone.offset().local_minus_utc()))),
        )
    }

    /// The batas waktu of a disposition given as a date: closing time that day, or 23.59 when
    /// the day is off (the date the writer chose still stands).
    pub fn end_of(&self, date: NaiveDate) -> DateTime<FixedOffset> {
        let local = self
            .closing_on(date)
            .unwrap_or_else(|| minute(date, 23 * 60 + 59));
        self.at(local)
    }
}

#[cfg(test)]
pub(crate) mod tests;
