//! The working calendar: building it from the database, and the admin use cases that edit
//! it (weekly hours, Ramadan variants, closures, a year's holidays). Every edit is one
//! transaction with its audit entry (action = the use case id, entity `kalender:...`), so
//! `loket calendar changes` shows what changed, when and by whom.

mod admin;
mod closure;
mod holidays;
mod hours;
mod moved;
mod page;
mod shipped;
mod view;
mod week_form;

pub use admin::{ADD_HOLIDAY, REMOVE_HOLIDAY};
pub use closure::{ADD_CLOSURE, REMOVE_CLOSURE};
pub use holidays::{read_holiday_file, HolidayReplacement, REPLACE_HOLIDAYS};
pub use hours::{parse_hours, ADD_VARIANT, REMOVE_VARIANT, SET_HOURS};
pub use moved::{CalendarSaved, MovedDeadline};
pub use page::{change_summary, CalendarPage, ChangeRow, ClosureRow, HolidayRow, VariantRow, PAGE};
pub use view::{CalendarChange, CalendarView, VariantView, ID as VIEW};
pub use week_form::{week_form, week_text, DayForm};

use loket_domain::calendar::WorkingCalendar;

use crate::{ApiError, Loket};

impl Loket {
    /// The office's working calendar: the weekly hours an admin set (else the profile's),
    /// Ramadan and other variants, holidays and closures. The first call on a database seeds
    /// the holidays shipped with Loket (data/holidays, 2024–2027) for years not yet present;
    /// a year an admin replaced is never overwritten.
    ///
    /// Errors: `NotInitialised` before `loket init`.
    pub fn working_calendar(&mut self) -> Result<WorkingCalendar, ApiError> {
        shipped::seed_missing_years(&mut self.db)?;
        self.working_calendar_stored()
    }

    /// The calendar as stored, without seeding (read-only callers).
    pub fn working_calendar_stored(&self) -> Result<WorkingCalendar, ApiError> {
        let office = self.db.office()?;
        let hours = self.db.weekly_hours()?.unwrap_or(office.hours);
        Ok(WorkingCalendar {
            zone: office.office.time_zone,
            hours,
            variants: self
                .db
                .hours_variants()?
                .into_iter()
                .map(|(_, v)| v)
                .collect(),
            holidays: self.db.holidays()?,
            closures: self.db.closures()?,
        })
    }
}
