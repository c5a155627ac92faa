//! `booking.history`: what happened to a booking, read from the audit trail.

use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use super::time::words;
use crate::account::Actor;
use crate::{ApiError, Loket};

pub const HISTORY: &str = "booking.history";

/// One change of a booking as its page lists it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct BookingEvent {
    /// "Senin, 2 Maret 2026 10.00 WIB".
    pub at_words: String,
    /// Name of the account (or its login when unknown).
    pub actor_name: String,
    /// "Dipesan", "Disetujui", "Peralatan keluar", …
    pub action_label: String,
}

fn label(action: &str) -> &'static str {
    match action {
        super::CREATE => "Dipesan",
        super::CREATE_SERIES => "Dipesan sebagai jadwal berulang",
        super::ASSIGN => "Operator ditugaskan",
        super::APPROVE => "Disetujui",
        super::CHECK_OUT => "Peralatan keluar",
        super::CHECK_IN => "Peralatan kembali",
        super::CANCEL => "Dibatalkan",
        _ => "Diubah",
    }
}

impl Loket {
    /// The changes of booking `id`, oldest first. Any signed-in account may read them (the
    /// schedule is office-wide).
    ///
    /// Errors: `NotFound` for an unknown booking.
    pub fn booking_history(&self, actor: &Actor, id: i64) -> Result<Vec<BookingEvent>, ApiError> {
        self.current(actor)?;
        self.booking_show(id)?;
        let zone = self.db.office()?.office.time_zone;
        let names: std::collections::HashMap<String, String> = self
            .db
            .accounts()?
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect();
        Ok(self
            .db
            .audit_entries(Some(&format!("booking:{id}")))?
            .into_iter()
            .map(|r| {
                let at = chrono::DateTime::parse_from_rfc3339(&r.entry.at)
                    .map(|t| t.timestamp())
                    .unwrap_or_default();
                BookingEvent {
                    at_words: words(at, zone),
                    actor_name: names
                        .get(&r.entry.actor)
                        .cloned()
                        .unwrap_or(r.entry.actor.clone()),
                    action_label: label(&r.entry.action).to_string(),
                }
            })
            .collect())
    }
}
