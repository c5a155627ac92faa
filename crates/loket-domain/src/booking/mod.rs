//! Rooms and equipment, bookings, and the rules that keep them from double-booking.
//!
//! Times here are instants in seconds since the Unix epoch (UTC): bookings across midnight and
//! offices in WIB or WITA compare the same way. Intervals are half-open, `[start, end)`, so a
//! booking ending at 10.00 and another starting at 10.00 do not overlap.

mod conflict;
pub mod equipment;
mod ics;
mod recurrence;
mod slots;

pub use conflict::{check, Conflict};
pub use ics::{ics_calendar, IcsEvent};
pub use recurrence::{occurrence_count, occurrences, WeeklyRule, MAX_OCCURRENCES};
pub use slots::{free_slots, SlotQuery};

use serde::{Deserialize, Serialize};

/// A half-open interval of instants, `[start, end)`, in Unix seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: i64,
    pub end: i64,
}

impl Span {
    /// A span; `None` unless `start < end`.
    pub fn new(start: i64, end: i64) -> Option<Span> {
        (start < end).then_some(Span { start, end })
    }

    /// Whether the two spans share an instant (touching ends do not).
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The span widened by setup before and teardown after, in minutes.
    pub fn buffered(&self, setup_minutes: u32, teardown_minutes: u32) -> Span {
        Span {
            start: self.start - i64::from(setup_minutes) * 60,
            end: self.end + i64::from(teardown_minutes) * 60,
        }
    }
}

/// A room is booked whole; equipment comes in pools with a quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    Ruang,
    Peralatan,
}

/// A bookable room or equipment pool.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    pub id: String,
    pub name: String,
    pub kind: ResourceKind,
    /// Units in the pool; always 1 for a room.
    pub quantity: u32,
    /// Minutes blocked before a booking for preparation.
    pub setup_minutes: u32,
    /// Minutes blocked after a booking for packing up and return.
    pub teardown_minutes: u32,
    /// Unit responsible (its head approves bookings).
    pub unit: Option<String>,
    /// Operators a booking of this resource needs.
    pub operators_needed: u32,
    /// Skill an operator must hold (e.g. "operator_jammer").
    pub skill: Option<String>,
}

/// Where a booking's life stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    Diminta,
    Disetujui,
    Berjalan,
    Selesai,
    Dibatalkan,
}

impl BookingStatus {
    /// Whether a booking in this status holds its resources and operators.
    pub fn holds(self) -> bool {
        matches!(
            self,
            BookingStatus::Diminta | BookingStatus::Disetujui | BookingStatus::Berjalan
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            BookingStatus::Diminta => "Diminta",
            BookingStatus::Disetujui => "Disetujui",
            BookingStatus::Berjalan => "Berjalan",
            BookingStatus::Selesai => "Selesai",
            BookingStatus::Dibatalkan => "Dibatalkan",
        }
    }

    /// Whether `self → next` is an allowed move: diminta → disetujui → berjalan → selesai,
    /// and cancellation from anything not yet finished.
    pub fn can_move_to(self, next: BookingStatus) -> bool {
        use BookingStatus::*;
        matches!(
            (self, next),
            (Diminta, Disetujui)
                | (Disetujui, Berjalan)
                | (Berjalan, Selesai)
                | (Diminta | Disetujui, Dibatalkan)
        )
    }
}

/// What an existing or proposed booking holds: the basis of every conflict check.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub booking_id: i64,
    pub title: String,
    /// The booked time, without buffers.
    pub span: Span,
    /// Resource id and quantity.
    pub resources: Vec<(String, u32)>,
    /// Person ids of the operators assigned.
    pub operators: Vec<String>,
}

/// A period in which a resource (or, with `resource_id` None, everything) cannot be booked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Blackout {
    pub id: i64,
    pub resource_id: Option<String>,
    pub span: Span,
    pub reason: String,
}
