//! `sla.due`: when a request for a service received at a given moment is due, and what was
//! counted, on the office calendar or on a holiday file given for this one call.

use std::path::Path;

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use loket_domain::calendar::WorkingCalendar;
use loket_domain::catalog::describe_time;
use loket_domain::deadline::{due_at, SkippedDay};
use serde::Serialize;

use crate::calendar::read_holiday_file;
use crate::{ApiError, Loket};

#[cfg(feature = "ts")]
use ts_rs::TS;

pub const ID: &str = "sla.due";

/// The due moment of one receipt, with what was counted.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DueView {
    pub service_id: String,
    pub service_name: String,
    pub time_words: String,
    /// RFC 3339 with the office's offset.
    pub received: String,
    /// When the clock started (next opening when received outside office hours).
    pub effective_start: String,
    /// RFC 3339 with the office's offset; `None` for sesuai jadwal / tidak ditentukan.
    pub due: Option<String>,
    /// "Jumat, 17 Januari 2025 pukul 11.00 WIB".
    pub due_words: Option<String>,
    pub working_days: u32,
    pub working_minutes: u32,
    pub calendar_days: u32,
    pub skipped: Vec<SkippedDay>,
    /// Where the holidays came from: "basis data" or the file given.
    pub holidays_from: String,
    pub note: Option<String>,
}

const HARI: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];

/// "Jumat, 17 Januari 2025 pukul 11.00 WIB".
pub(crate) fn moment_words(t: DateTime<FixedOffset>, cal: &WorkingCalendar) -> String {
    use chrono::Datelike;
    let local = cal.local(t);
    format!(
        "{}, {} pukul {} {}",
        HARI[local.weekday().num_days_from_monday() as usize],
        loket_domain::tanggal::tanggal(local.date()),
        local.format("%H.%M"),
        cal.zone.label()
    )
}

/// Parses a receipt time: `YYYY-MM-DDTHH:MM` (office time) or RFC 3339 with an offset,
/// converted to the office's zone.
///
/// Errors: `BadInput` naming the value and the format.
pub fn parse_received(
    text: &str,
    cal: &WorkingCalendar,
) -> Result<DateTime<FixedOffset>, ApiError> {
    let t = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Ok(d.with_timezone(&cal.zone.offset()));
    }
    for f in ["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"] {
        if let Ok(n) = NaiveDateTime::parse_from_str(t, f) {
            return Ok(cal.at(n));
        }
    }
    Err(ApiError::bad_input(format!(
        "waktu `{text}` tidak valid; tulis TTTT-BB-HHTJJ:MM dalam waktu kantor ({}), misalnya 2025-01-06T09:00, atau RFC 3339 dengan zona, misalnya 2025-01-06T09:00+07:00",
        cal.zone.label()
    )))
}

impl Loket {
    /// The due moment of a request for `service` received at `received`. With `holidays`,
    /// that file replaces the holiday table for this call only.
    ///
    /// Errors: `BadInput` for a bad time or holiday file; `NotFound` for an unknown service
    /// or one not yet in force on the day of receipt.
    pub fn sla_due(
        &mut self,
        service: &str,
        received: &str,
        holidays: Option<&Path>,
    ) -> Result<DueView, ApiError> {
        let mut cal = self.working_calendar()?;
        let received = parse_received(received, &cal)?;
        let holidays_from = match holidays {
            Some(path) => {
                cal.holidays = read_holiday_file(path)?;
                path.display().to_string()
            }
            None => "basis data".to_string(),
        };
        let history = self.db.service_history(service)?;
        if history.is_empty() {
            return Err(ApiError::not_found(format!(
                "layanan `{service}` tidak ada di katalog kantor ini; lihat daftar id dengan `loket services`"
            )));
        }
        let day = cal.local(received).date();
        let version = history
            .iter()
            .filter(|v| v.effective <= day)
            .max_by_key(|v| v.effective)
            .ok_or_else(|| {
                ApiError::not_found(format!(
                    "layanan `{service}` belum berlaku pada {day}; standar pertamanya berlaku sejak {}",
                    history[0].effective
                ))
            })?;
        let c = due_at(&version.time, received, &cal, &[], None)
            .map_err(|e| ApiError::bad_input(e.to_string()))?;
        let note = c.due.is_none().then(|| {
            "waktu layanan ini tidak dihitung dari kalender: tenggatnya jadwal yang dipesan atau disepakati".to_string()
        });
        Ok(DueView {
            service_id: version.id.clone(),
            service_name: version.name.clone(),
            time_words: describe_time(&version.time),
            received: cal.at(cal.local(received)).to_rfc3339(),
            effective_start: c.effective_start.to_rfc3339(),
            due: c.due.map(|d| d.to_rfc3339()),
            due_words: c.due.map(|d| moment_words(d, &cal)),
            working_days: c.working_days,
            working_minutes: c.working_minutes,
            calendar_days: c.calendar_days,
            skipped: c.skipped,
            holidays_from,
            note,
        })
    }
}
