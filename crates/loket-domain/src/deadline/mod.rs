//! Service deadlines: when a case (or a disposition) is due, and how urgent it is now.
//!
//! Public API, stable for the case and disposition code:
//! - [`due_at`]`(time, received, cal, pauses, extension)` → [`DueComputation`]: the due
//!   moment from a service time and the [`WorkingCalendar`]; [`due_moment`] the same moment
//!   without the details a single case's page shows (for lists of every open case).
//! - [`state_at`]`(start, due, now, cal, rule)` → [`DeadlineState`], also for a
//!   disposition's batas waktu (use [`WorkingCalendar::end_of`] for a date-only batas waktu
//!   and [`DueSoon::WorkingDays`]`(1)` as its rule).
//!
//! Rules (each has a test naming it):
//! - **hari kerja**: a receipt outside office hours (after closing, before opening, on a day
//!   off) counts from the opening of the next working time. The N days are the N working days
//!   after the day of that effective receipt; the case is due at the closing time of the Nth.
//!   A working day counts only when the clock runs at its closing time (a pause spanning a
//!   closing time costs that day; a pause within one day costs nothing).
//! - **menit/jam, jam_kerja**: counted in office time from the effective receipt; the clock
//!   stops outside office hours, in breaks, on days off and in pauses.
//! - **menit/jam, terus_menerus** ("1 x 24 jam"): wall time from receipt, stopped only in pauses.
//! - **hari** (calendar days): due at 23.59 of the Nth day after the day of receipt.
//! - **sesuai_jadwal / tidak_ditentukan**: no computed due; the caller supplies the booked
//!   slot or agreed date.
//! - **extension** (PPID: + 7 hari kerja): counted onward from the original due moment,
//!   in the extension's unit, with the same pauses.
//! - **pause** (waiting for the applicant): an open pause that starts before the due moment
//!   holds the clock: `due` is `None` and `paused` is true until it is closed.
//!
//! Every output time carries the office's UTC offset (WIB +07:00, WITA +08:00, WIT +09:00),
//! whatever offset the input had. Nothing here reads the clock.

mod count;
mod state;

pub use state::{state_at, DeadlineState, DueSoon};

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::{DaysOff, IndexedCalendar, WorkingCalendar};
use crate::catalog::{Counting, ServiceTime, TimeUnit};
use count::{LocalPause, Reached};

#[cfg(feature = "ts")]
use ts_rs::TS;

/// The clock stopped while the office waits for the applicant; `to == None` while still waiting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pause {
    pub from: DateTime<FixedOffset>,
    pub to: Option<DateTime<FixedOffset>>,
}

/// An extension granted once (UU 14/2008: 7 hari kerja with a written reason).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    pub amount: u32,
    pub unit: TimeUnit,
    pub reason: String,
    pub granted_by: String,
}

/// A day that was not counted, with why ("Sabtu", "cuti bersama: ...", "ditunda").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SkippedDay {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub date: NaiveDate,
    pub reason: String,
}

/// The result of [`due_at`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueComputation {
    /// The due moment; `None` for sesuai_jadwal / tidak_ditentukan and while paused.
    pub due: Option<DateTime<FixedOffset>>,
    /// When the clock started: the receipt, or the next opening when received outside hours.
    pub effective_start: DateTime<FixedOffset>,
    /// Working days counted (hari kerja, extension included); 0 for other units.
    pub working_days: u32,
    /// Office minutes the clock runs between the effective start and the due moment.
    pub working_minutes: u32,
    /// Calendar days counted (unit hari); 0 for other units.
    pub calendar_days: u32,
    /// Days passed over while counting days, with the reason.
    pub skipped: Vec<SkippedDay>,
    /// An open pause holds the clock.
    pub paused: bool,
    /// The extension that was applied, if any.
    pub extended: bool,
}

/// Why a due moment cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeadlineError {
    #[error("kalender kerja tidak memiliki jam kerja dalam tiga tahun sejak {from}; periksa jam kerja, libur dan penutupan kantor")]
    NoWorkingTime { from: NaiveDate },
    #[error("waktu layanan `{unit}` memerlukan jumlah; perbaiki katalog layanan")]
    MissingAmount { unit: &'static str },
    #[error("penundaan dimulai {from} tetapi berakhir {to}, sebelum dimulai; perbaiki waktu berakhirnya")]
    PauseEndsBeforeStart { from: String, to: String },
    #[error("perpanjangan dalam satuan `{unit}` tidak dapat dihitung; pakai hari_kerja, hari, jam atau menit")]
    ExtensionUnit { unit: &'static str },
}

struct Counted {
    end: Reached,
    days: u32,
    calendar_days: u32,
}

/// One count over a calendar with fixed pauses, collecting the days it passes over.
struct Counter<'a> {
    cal: &'a WorkingCalendar,
    pauses: &'a [LocalPause],
    skipped: count::Skips,
    /// The holidays and closures of the days the count most likely walks.
    off: &'a DaysOff<'a>,
}

impl Counter<'_> {
    /// `amount` of `unit` from `from`; day-based units count the days after `from`'s date.
    fn run(
        &mut self,
        unit: TimeUnit,
        counting: Counting,
        amount: u32,
        from: chrono::NaiveDateTime,
    ) -> Result<Counted, DeadlineError> {
        let minutes = i64::from(amount) * if unit == TimeUnit::Jam { 60 } else { 1 };
        let (end, days, calendar_days) = match (unit, counting) {
            (TimeUnit::HariKerja, _) => (
                count::add_working_days(
                    self.cal,
                    from.date(),
                    amount,
                    self.pauses,
                    &mut self.skipped,
                    self.off,
                )?,
                amount,
                0,
            ),
            (TimeUnit::Hari, _) => (
                count::add_calendar_days(from.date(), amount, self.pauses, &mut self.skipped)?,
                0,
                amount,
            ),
            (TimeUnit::Menit | TimeUnit::Jam, Counting::TerusMenerus) => {
                (count::add_wall_minutes(from, minutes, self.pauses), 0, 0)
            }
            (TimeUnit::Menit | TimeUnit::Jam, Counting::JamKerja) => (
                count::add_office_minutes(self.cal, from, minutes, self.pauses)?,
                0,
                0,
            ),
            (TimeUnit::SesuaiJadwal | TimeUnit::TidakDitentukan, _) => {
                return Err(DeadlineError::ExtensionUnit { unit: unit.words() })
            }
        };
        Ok(Counted {
            end,
            days,
            calendar_days,
        })
    }
}

/// The due moment of a case received at `received` for a service with `time`, on `cal`.
/// See the module doc for the rules.
///
/// Errors: `NoWorkingTime` when the calendar has no office hours at all; `MissingAmount` for
/// a time without its amount; `PauseEndsBeforeStart`; `ExtensionUnit` for an extension in
/// sesuai_jadwal / tidak_ditentukan.
pub fn due_at(
    time: &ServiceTime,
    received: DateTime<FixedOffset>,
    cal: &WorkingCalendar,
    pauses: &[Pause],
    extension: Option<&Extension>,
) -> Result<DueComputation, DeadlineError> {
    compute(time, received, cal, None, pauses, extension)
}

/// [`due_at`] for lists of many cases, on a calendar indexed once for the whole list: the same
/// `due`, `effective_start`, `paused`, `extended` and day counts, without naming the `skipped`
/// days or summing `working_minutes` (both left empty), which only a single case's page shows.
///
/// Errors: as [`due_at`].
pub fn due_moment(
    time: &ServiceTime,
    received: DateTime<FixedOffset>,
    cal: &IndexedCalendar<'_>,
    pauses: &[Pause],
    extension: Option<&Extension>,
) -> Result<DueComputation, DeadlineError> {
    compute(time, received, cal.calendar(), Some(cal), pauses, extension)
}

/// The computation of [`due_at`]; with an `index`, the quick one of [`due_moment`].
fn compute(
    time: &ServiceTime,
    received: DateTime<FixedOffset>,
    cal: &WorkingCalendar,
    index: Option<&IndexedCalendar<'_>>,
    pauses: &[Pause],
    extension: Option<&Extension>,
) -> Result<DueComputation, DeadlineError> {
    let detail = index.is_none();
    let received_local = cal.local(received);
    let mut local_pauses = Vec::with_capacity(pauses.len());
    for p in pauses {
        let start = cal.local(p.from);
        let end = p.to.map(|t| cal.local(t));
        if end.is_some_and(|e| e < start) {
            return Err(DeadlineError::PauseEndsBeforeStart {
                from: p.from.to_rfc3339(),
                to: p.to.map(|t| t.to_rfc3339()).unwrap_or_default(),
            });
        }
        local_pauses.push(LocalPause { start, end });
    }
    let pauses = count::normalise(local_pauses);
    let mut out = DueComputation {
        due: None,
        effective_start: cal.at(received_local),
        working_days: 0,
        working_minutes: 0,
        calendar_days: 0,
        skipped: Vec::new(),
        paused: false,
        extended: false,
    };
    let office_based = matches!(
        (time.unit, time.counting),
        (TimeUnit::HariKerja, _) | (TimeUnit::Menit | TimeUnit::Jam, Counting::JamKerja)
    );
    // The days a count usually walks: a week to the effective start, then the amount twice
    // over (weekends, holidays) plus a month of cuti bersama; days beyond are looked up as usual.
    let days = match time.unit {
        TimeUnit::HariKerja => u64::from(time.amount.unwrap_or(0)) * 2 + 38,
        _ => 7,
    };
    let first = received_local.date();
    let last = first.checked_add_days(Days::new(days)).unwrap_or(first);
    let off = match (office_based, index) {
        (false, _) => DaysOff::none(),
        (true, Some(index)) => index.between(first, last),
        (true, None) => cal.days_off_between(first, last),
    };
    let start = if office_based {
        count::effective_start(cal, received_local, &off)?
    } else {
        received_local
    };
    out.effective_start = cal.at(start);
    if !time.unit.takes_amount() {
        return Ok(out);
    }
    let amount = time.amount.ok_or(DeadlineError::MissingAmount {
        unit: time.unit.words(),
    })?;
    let mut counter = Counter {
        cal,
        pauses: &pauses,
        skipped: count::Skips::new(detail),
        off: &off,
    };
    let base = counter.run(time.unit, time.counting, amount, start)?;
    let mut end = base.end;
    out.working_days = base.days;
    out.calendar_days = base.calendar_days;
    if let (Reached::At(due), Some(ext)) = (&end, extension) {
        let more = counter.run(ext.unit, time.counting, ext.amount, *due)?;
        out.working_days += more.days;
        out.calendar_days += more.calendar_days;
        out.extended = true;
        end = more.end;
    }
    out.skipped = counter
        .skipped
        .days
        .into_iter()
        .map(|s| SkippedDay {
            date: s.date,
            reason: s.why,
        })
        .collect();
    match end {
        Reached::Held => out.paused = true,
        Reached::At(due) => {
            if detail {
                out.working_minutes =
                    u32::try_from(count::office_minutes_between(cal, start, due, &pauses))
                        .unwrap_or(u32::MAX);
            }
            out.due = Some(cal.at(due));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
