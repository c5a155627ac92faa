//! What the schedule's front doors receive.

use loket_db::bookings::Handover;
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

/// A room or equipment pool.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ResourceView {
    pub id: String,
    pub name: String,
    /// "ruang" or "peralatan".
    pub kind: String,
    pub kind_label: String,
    pub quantity: u32,
    pub setup_minutes: u32,
    pub teardown_minutes: u32,
    pub unit_id: Option<String>,
    pub unit_name: Option<String>,
    pub operators_needed: u32,
    pub skill: Option<String>,
}

/// A resource held by a booking.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct BookedResource {
    pub id: String,
    pub name: String,
    pub quantity: u32,
}

/// An operator with a name.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct OperatorView {
    pub id: String,
    pub name: String,
}

/// A check-out or check-in.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct HandoverView {
    /// "keluar" or "kembali".
    pub kind: String,
    pub at: String,
    pub at_words: String,
    pub by_person: String,
    pub condition: String,
}

impl HandoverView {
    pub(crate) fn new(h: &Handover, zone: loket_domain::time_zone::TimeZone) -> Self {
        HandoverView {
            kind: h.kind.clone(),
            at: super::time::rfc3339(h.at, zone),
            at_words: super::time::words(h.at, zone),
            by_person: h.by_person.clone(),
            condition: h.condition.clone(),
        }
    }
}

/// A booking's page.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct BookingView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub title: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub case_id: Option<i64>,
    pub location: String,
    pub outside_office: bool,
    pub outside_hours: bool,
    /// RFC 3339 in office time.
    pub start: String,
    pub end: String,
    /// "Senin, 5 Januari 2026 09.00–11.00 WIB".
    pub when_words: String,
    /// diminta | disetujui | berjalan | selesai | dibatalkan
    pub status: String,
    pub status_label: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub series_id: Option<i64>,
    pub rundown: String,
    pub requested_by: String,
    /// The requester's name when `requested_by` is an account or person, else as written.
    pub requested_by_name: String,
    pub approved_by: Option<String>,
    /// The approver's name.
    pub approved_by_name: Option<String>,
    pub cancel_reason: Option<String>,
    /// Who approves it, in words ("Ketua Tim SPA"), for "Menunggu persetujuan …".
    pub approver: String,
    /// Whether the signed-in person may approve it now (only on the booking page of a
    /// booking still diminta; false in lists).
    pub can_approve: bool,
    pub resources: Vec<BookedResource>,
    pub operators: Vec<OperatorView>,
    pub handovers: Vec<HandoverView>,
}

/// An occurrence of a recurring booking that was not made, and why.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SkippedOccurrence {
    pub start: String,
    pub when_words: String,
    pub reason: String,
}

/// The result of a recurring booking: what was booked and what was skipped.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SeriesReport {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub series_id: i64,
    pub created: Vec<BookingView>,
    pub skipped: Vec<SkippedOccurrence>,
}

/// A free slot.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SlotView {
    pub start: String,
    pub end: String,
    pub when_words: String,
}
