//! `booking.export_ics`: the schedule as an iCalendar file for calendar programs.

use chrono::{DateTime, FixedOffset};
use loket_domain::booking::{ics_calendar, BookingStatus, IcsEvent, Span};

use crate::{ApiError, Loket};

pub const EXPORT_ICS: &str = "booking.export_ics";

impl Loket {
    /// Every booking overlapping `[from, to)` (one resource's, or all), cancelled ones marked
    /// CANCELLED so calendar programs remove them, as an RFC 5545 text.
    pub fn booking_export_ics(
        &self,
        from: DateTime<FixedOffset>,
        to: DateTime<FixedOffset>,
        resource: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Result<String, ApiError> {
        let office = self.db.office()?.office;
        let span = Span::new(from.timestamp(), to.timestamp())
            .ok_or_else(|| ApiError::bad_input("akhir rentang harus sesudah awalnya"))?;
        let rows = self.db.bookings_in(span)?;
        let names: std::collections::HashMap<String, String> = self
            .db
            .resources()?
            .into_iter()
            .map(|r| (r.id, r.name))
            .collect();
        if let Some(r) = resource {
            if !names.contains_key(r) {
                return Err(ApiError::bad_input(format!(
                    "sumber daya `{r}` tidak dikenal; lihat `loket resource list`"
                )));
            }
        }
        let events: Vec<IcsEvent> = rows
            .iter()
            .filter(|b| resource.is_none_or(|r| b.resources.iter().any(|(id, _)| id == r)))
            .map(|b| {
                let equipment: Vec<String> = b
                    .resources
                    .iter()
                    .map(|(id, q)| format!("{} × {q}", names.get(id).unwrap_or(id)))
                    .collect();
                IcsEvent {
                    uid: format!("pemesanan-{}@{}.loket", b.id, office.id),
                    start: b.span.start,
                    end: b.span.end,
                    summary: b.title.clone(),
                    location: b.location.clone(),
                    description: format!(
                        "Status: {}\nPeralatan: {}{}",
                        b.status.label(),
                        equipment.join(", "),
                        if b.rundown.is_empty() {
                            String::new()
                        } else {
                            format!("\nRundown: {}", b.rundown)
                        }
                    ),
                    status: match b.status {
                        BookingStatus::Diminta => "TENTATIVE",
                        BookingStatus::Dibatalkan => "CANCELLED",
                        _ => "CONFIRMED",
                    },
                    last_modified: b.updated_at,
                }
            })
            .collect();
        let name = match resource {
            Some(r) => format!(
                "{} — {}",
                office.short_name,
                names.get(r).map_or(r, String::as_str)
            ),
            None => format!("{} — Jadwal Peralatan", office.short_name),
        };
        Ok(ics_calendar(&name, &events, now.timestamp()))
    }
}
