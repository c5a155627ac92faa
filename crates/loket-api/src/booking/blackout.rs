//! `blackout.list`, `blackout.remove` and the window's blackout form: the maintenance and
//! closure periods ("masa tutup") during which a resource, or everything, cannot be booked.

use chrono::{DateTime, FixedOffset};
use loket_domain::booking::{Blackout, Span};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

use super::parse_local;
use super::resource::{audit, internal};
use super::time::{rfc3339, span_words};
use crate::account::Actor;
use crate::{ApiError, Loket};
use loket_domain::roles::Role;

pub const LIST_BLACKOUTS: &str = "blackout.list";
pub const REMOVE_BLACKOUT: &str = "blackout.remove";

/// A blackout as the window shows it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct BlackoutView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    /// None: every resource.
    pub resource_id: Option<String>,
    /// The resource's name, or "Semua sumber daya".
    pub resource_name: String,
    /// RFC 3339 in office time.
    pub start: String,
    pub end: String,
    /// "Senin, 9 Maret 2026 08.00–12.00 WIB".
    pub when_words: String,
    pub reason: String,
    /// Bookings still held (diminta, disetujui, berjalan) inside it, to move or cancel: a
    /// blackout added later does not cancel them.
    pub bookings: Vec<BlackoutClash>,
}

/// A booking still held inside a blackout.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct BlackoutClash {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub title: String,
    pub when_words: String,
}

/// The administrator's blackout form.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct BlackoutForm {
    /// Empty or none: every resource.
    pub resource_id: Option<String>,
    /// Office time "TTTT-BB-HHTJJ:MM".
    pub start: String,
    pub end: String,
    pub reason: String,
}

impl Loket {
    pub(crate) fn blackout_views(&self, list: &[Blackout]) -> Result<Vec<BlackoutView>, ApiError> {
        let zone = self.db.office()?.office.time_zone;
        let resources = self.db.resources()?;
        let mut out = Vec::with_capacity(list.len());
        for b in list {
            let bookings = self
                .db
                .bookings_in(b.span)?
                .into_iter()
                .filter(|x| x.status.holds())
                .filter(|x| {
                    b.resource_id
                        .as_ref()
                        .is_none_or(|r| x.resources.iter().any(|(id, _)| id == r))
                })
                .map(|x| BlackoutClash {
                    id: x.id,
                    title: x.title,
                    when_words: span_words(x.span, zone),
                })
                .collect();
            out.push(BlackoutView {
                id: b.id,
                resource_id: b.resource_id.clone(),
                resource_name: match &b.resource_id {
                    None => "Semua sumber daya".to_string(),
                    Some(id) => resources
                        .iter()
                        .find(|r| &r.id == id)
                        .map_or_else(|| id.clone(), |r| r.name.clone()),
                },
                start: rfc3339(b.span.start, zone),
                end: rfc3339(b.span.end, zone),
                when_words: span_words(b.span, zone),
                reason: b.reason.clone(),
                bookings,
            });
        }
        Ok(out)
    }

    /// Blackouts overlapping `[from, to)`, or, without `to`, every one not yet over at `from`;
    /// in start order.
    pub fn blackout_list(
        &self,
        from: DateTime<FixedOffset>,
        to: Option<DateTime<FixedOffset>>,
    ) -> Result<Vec<BlackoutView>, ApiError> {
        let window = Span {
            start: from.timestamp(),
            end: to.map_or(i64::MAX, |t| t.timestamp()),
        };
        if window.end <= window.start {
            return Err(ApiError::bad_input("akhir rentang harus sesudah awalnya"));
        }
        self.blackout_views(&self.db.blackouts_in(window)?)
    }

    /// Removes blackout `id`, so its resource can be booked again. Administrators only.
    /// Errors: `NotFound` for an unknown id.
    pub fn blackout_remove(
        &mut self,
        id: i64,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<(), ApiError> {
        let actor = &self.booking_actor(actor, Role::Administer)?;
        let tx = self.db.begin()?;
        let Some(before) = tx.blackout(id)? else {
            return Err(ApiError::not_found(format!(
                "masa tutup #{id} tidak ada (mungkin sudah dihapus); muat ulang daftar masa tutup"
            )));
        };
        tx.remove_blackout(id)?;
        tx.audit(&audit(
            now,
            actor,
            REMOVE_BLACKOUT,
            format!("blackout:{id}"),
            Some(serde_json::to_string(&before).map_err(internal)?),
            None,
        ))?;
        tx.commit()?;
        Ok(())
    }

    /// Adds a blackout from the window's form (times in office time) and returns it.
    /// Errors as `blackout_add`, plus `BadInput` for unreadable times.
    pub fn blackout_save(
        &mut self,
        form: &BlackoutForm,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<BlackoutView, ApiError> {
        let zone = self.db.office()?.office.time_zone;
        let start = parse_local(&form.start, zone, "waktu mulai masa tutup")?;
        let end = parse_local(&form.end, zone, "waktu selesai masa tutup")?;
        let resource = form
            .resource_id
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty());
        let id = self.blackout_add(resource, start, end, &form.reason, actor, now)?;
        let stored = self.db.blackout(id)?.into_iter().collect::<Vec<_>>();
        Ok(self.blackout_views(&stored)?.remove(0))
    }
}
