//! Days off looked up without a search through every holiday: a count of working days walks
//! its days one by one, and a list of a hundred thousand open cases makes as many counts.

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime};

use super::{minute, spans_of, Span, WorkingCalendar};
use crate::catalog::DayHours;

/// The holidays and closures within a window of days, sorted. A day outside the window is
/// looked up in the calendar as usual.
pub(crate) struct DaysOff<'a> {
    from: NaiveDate,
    to: NaiveDate,
    dates: Cow<'a, [NaiveDate]>,
}

impl DaysOff<'_> {
    /// No window: every day is looked up in the calendar as usual.
    pub(crate) fn none() -> DaysOff<'static> {
        DaysOff {
            from: NaiveDate::MAX,
            to: NaiveDate::MIN,
            dates: Cow::Borrowed(&[]),
        }
    }

    /// Whether `date` is a holiday or closure, or `None` outside the window.
    fn off(&self, date: NaiveDate) -> Option<bool> {
        (self.from..=self.to)
            .contains(&date)
            .then(|| self.dates.binary_search(&date).is_ok())
    }
}

/// A working calendar prepared for counting many deadlines on it: its holidays and closures
/// as one sorted list of dates. Build it once per list, after the calendar is complete.
pub struct IndexedCalendar<'a> {
    cal: &'a WorkingCalendar,
    off: Vec<NaiveDate>,
}

impl<'a> IndexedCalendar<'a> {
    pub fn new(cal: &'a WorkingCalendar) -> IndexedCalendar<'a> {
        let mut off: Vec<NaiveDate> = cal
            .closures
            .iter()
            .map(|c| c.date)
            .chain(cal.holidays.iter().map(|h| h.date))
            .collect();
        off.sort_unstable();
        off.dedup();
        IndexedCalendar { cal, off }
    }

    /// The calendar it was built from.
    pub fn calendar(&self) -> &'a WorkingCalendar {
        self.cal
    }

    /// The days off from `from` through `to`, borrowed from the index.
    pub(crate) fn between(&self, from: NaiveDate, to: NaiveDate) -> DaysOff<'_> {
        let lo = self.off.partition_point(|d| *d < from);
        let hi = self.off.partition_point(|d| *d <= to);
        DaysOff {
            from,
            to,
            dates: Cow::Borrowed(&self.off[lo..hi.max(lo)]),
        }
    }
}

impl WorkingCalendar {
    /// The days off by holiday or closure from `from` through `to` (one pass over them).
    pub(crate) fn days_off_between(&self, from: NaiveDate, to: NaiveDate) -> DaysOff<'static> {
        let mut dates: Vec<NaiveDate> = self
            .closures
            .iter()
            .map(|c| c.date)
            .chain(self.holidays.iter().map(|h| h.date))
            .filter(|d| (from..=to).contains(d))
            .collect();
        dates.sort_unstable();
        DaysOff {
            from,
            to,
            dates: Cow::Owned(dates),
        }
    }

    /// [`WorkingCalendar::hours_on`] with the days off of `off` known.
    pub(crate) fn hours_with(&self, date: NaiveDate, off: &DaysOff<'_>) -> Option<&DayHours> {
        match off.off(date) {
            None => self.hours_on(date),
            Some(true) => None,
            Some(false) => self.day_hours(date),
        }
    }

    /// [`WorkingCalendar::closing_on`] with the days off of `off` known.
    pub(crate) fn closing_with(&self, date: NaiveDate, off: &DaysOff<'_>) -> Option<NaiveDateTime> {
        self.hours_with(date, off).map(|h| minute(date, h.close))
    }

    /// [`WorkingCalendar::spans_iter`] with the days off of `off` known.
    pub(crate) fn spans_with(
        &self,
        date: NaiveDate,
        off: &DaysOff<'_>,
    ) -> impl Iterator<Item = Span> + '_ {
        spans_of(date, self.hours_with(date, off))
    }
}
