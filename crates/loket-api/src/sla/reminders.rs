//! Booking reminders for the watcher: H-1 preparation (from the start of the working day
//! before the booking), the start of the booking (from [`START_LEAD_MINUTES`] before it until
//! it ends), and equipment checked out but not checked in after the booking ended. Each is
//! keyed by the booking and its moment, so it fires once and a rescheduled booking re-arms it.
//! They are addressed to the operators assigned and the requester.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use loket_db::bookings::BookingRow;
use loket_db::fired_thresholds::FiredKey;
use loket_domain::booking::{BookingStatus, Span};
use loket_domain::calendar::WorkingCalendar;

use super::watch::{Crossing, Urgency};
use crate::{ApiError, Loket};

/// The start reminder comes this long before the booking starts.
pub const START_LEAD_MINUTES: i64 = 30;
/// Bookings that ended longer ago than this are not chased for their equipment any more.
const RETURN_LOOKBACK_DAYS: i64 = 90;
/// How far ahead H-1 looks (a long holiday puts the previous working day far back).
const LOOKAHEAD_DAYS: i64 = 15;

pub const PREPARE: &str = "pengingat_persiapan";
pub const START: &str = "pengingat_mulai";
pub const RETURN: &str = "pengingat_kembali";

/// "Kamis, 5 Maret 2026 09.00 WIB".
fn words(ts: i64, cal: &WorkingCalendar) -> String {
    crate::booking::time::words(ts, cal.zone)
}

/// The working day before `day` (H-1), at most two weeks back; else the calendar day before.
fn working_day_before(day: NaiveDate, cal: &WorkingCalendar) -> NaiveDate {
    (1..=14)
        .map(|d| day - Duration::days(d))
        .find(|d| cal.is_working_day(*d))
        .unwrap_or(day - Duration::days(1))
}

fn recipients(b: &BookingRow) -> Vec<String> {
    let mut r: Vec<String> = b.operators.iter().map(|o| format!("account:{o}")).collect();
    let requester = b.requested_by.trim();
    if !requester.is_empty() && !b.operators.iter().any(|o| o == requester) {
        r.push(format!("account:{requester}"));
    }
    r
}

fn crossing(b: &BookingRow, threshold: &str, moment: i64, title: String, body: String) -> Crossing {
    Crossing {
        key: FiredKey {
            item: format!("booking:{}", b.id),
            threshold: threshold.to_string(),
            due: moment.to_string(),
        },
        urgency: if threshold == RETURN {
            Urgency::Critical
        } else {
            Urgency::Normal
        },
        title,
        body,
        recipients: recipients(b),
    }
}

/// Whether equipment went out and has not come back.
fn still_out(b: &BookingRow) -> bool {
    let out = b.handovers.iter().filter(|h| h.kind == "keluar").count();
    let back = b.handovers.iter().filter(|h| h.kind == "kembali").count();
    out > back
}

/// The reminders due for `b` at `now` (whether or not they fired before).
pub(super) fn booking_reminders(
    b: &BookingRow,
    now: DateTime<FixedOffset>,
    cal: &WorkingCalendar,
) -> Vec<Crossing> {
    let t = now.timestamp();
    let mut out = Vec::new();
    let when = words(b.span.start, cal);
    let resources = b
        .resources
        .iter()
        .map(|(id, q)| format!("{id} ×{q}"))
        .collect::<Vec<_>>()
        .join(", ");
    let waiting = if b.status == BookingStatus::Diminta {
        " (belum disetujui)"
    } else {
        ""
    };
    let upcoming = matches!(b.status, BookingStatus::Diminta | BookingStatus::Disetujui);
    if upcoming && t < b.span.start {
        let start_local = DateTime::from_timestamp(b.span.start, 0)
            .map(|d| cal.local(d.fixed_offset()).date())
            .unwrap_or_default();
        let h1 = working_day_before(start_local, cal);
        let from = cal
            .at(h1.and_hms_opt(0, 0, 0).unwrap_or_default())
            .timestamp();
        if t >= from {
            out.push(crossing(
                b,
                PREPARE,
                b.span.start,
                format!("Persiapan besok: {}", b.title),
                format!("{when} di {}{waiting}; siapkan {resources}", b.location),
            ));
        }
    }
    let running = upcoming || b.status == BookingStatus::Berjalan;
    if running && t >= b.span.start - START_LEAD_MINUTES * 60 && t < b.span.end {
        out.push(crossing(
            b,
            START,
            b.span.start,
            format!("Peminjaman dimulai: {}", b.title),
            format!("{when} di {}{waiting}", b.location),
        ));
    }
    if b.status != BookingStatus::Dibatalkan && t >= b.span.end && still_out(b) {
        out.push(crossing(
            b,
            RETURN,
            b.span.end,
            format!("Peralatan belum kembali: {}", b.title),
            format!(
                "peminjaman berakhir {}; catat pengembalian {resources}",
                words(b.span.end, cal)
            ),
        ));
    }
    out
}

impl Loket {
    /// Every booking reminder due at `now`, in start order.
    pub(super) fn booking_crossings(
        &self,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<Crossing>, ApiError> {
        let cal = self.booking_calendar()?;
        let t = now.timestamp();
        let window = Span {
            start: t - RETURN_LOOKBACK_DAYS * 86_400,
            end: t + LOOKAHEAD_DAYS * 86_400,
        };
        Ok(self
            .db
            .bookings_in(window)?
            .iter()
            .flat_map(|b| booking_reminders(b, now, &cal))
            .collect())
    }
}
