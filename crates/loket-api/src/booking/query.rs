//! `booking.list`, `booking.free_slots`, `booking.tomorrow`: reading the schedule.

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use loket_db::bookings::BookingRow;
use loket_domain::booking::{free_slots, Resource, SlotQuery, Span};

use super::authority::approver_words;
use super::dto::{BookedResource, BookingView, HandoverView, OperatorView, SlotView};
use super::time::{rfc3339, span_words};
use crate::account::Actor;
use crate::{ApiError, Loket};

pub const LIST: &str = "booking.list";
pub const FREE_SLOTS: &str = "booking.free_slots";
pub const TOMORROW: &str = "booking.tomorrow";

/// What a free-slot search looks for.
#[derive(Debug, Clone)]
pub struct SlotRequest {
    pub duration_minutes: u32,
    /// Resource id and quantity.
    pub resources: Vec<(String, u32)>,
    /// Operators who must all be free.
    pub operators: Vec<String>,
    /// First and last day searched, inclusive.
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Search whole days instead of office hours.
    pub outside_hours: bool,
    /// How many slots to return.
    pub limit: usize,
}

/// The name of a person from the profile or an account; `None` when unknown.
pub(crate) fn person_name(loket: &Loket, id: &str) -> Result<Option<String>, ApiError> {
    if let Some(p) = loket.db.people()?.into_iter().find(|p| p.id == id) {
        return Ok(Some(p.name));
    }
    Ok(loket
        .db
        .accounts()?
        .into_iter()
        .find(|a| a.id == id)
        .map(|a| a.name))
}

impl Loket {
    pub(crate) fn booking_views(
        &self,
        rows: Vec<BookingRow>,
    ) -> Result<Vec<BookingView>, ApiError> {
        let zone = self.db.office()?.office.time_zone;
        let resources: HashMap<String, Resource> = self
            .db
            .resources()?
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect();
        let mut names: HashMap<String, String> = self
            .db
            .people()?
            .into_iter()
            .map(|p| (p.id, p.name))
            .collect();
        names.extend(self.db.accounts()?.into_iter().map(|a| (a.id, a.name)));
        let catalog: Vec<Resource> = resources.values().cloned().collect();
        let (units, positions) = (self.db.units()?, self.db.positions()?);
        Ok(rows
            .into_iter()
            .map(|b| BookingView {
                id: b.id,
                title: b.title,
                case_id: b.case_id,
                location: b.location,
                outside_office: b.outside_office,
                outside_hours: b.outside_hours,
                start: rfc3339(b.span.start, zone),
                end: rfc3339(b.span.end, zone),
                when_words: span_words(b.span, zone),
                status: serde_json::to_value(b.status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default(),
                status_label: b.status.label().to_string(),
                series_id: b.series_id,
                rundown: b.rundown,
                requested_by_name: names
                    .get(&b.requested_by)
                    .cloned()
                    .unwrap_or_else(|| b.requested_by.clone()),
                requested_by: b.requested_by,
                approved_by_name: b
                    .approved_by
                    .as_ref()
                    .map(|a| names.get(a).cloned().unwrap_or_else(|| a.clone())),
                approved_by: b.approved_by,
                cancel_reason: b.cancel_reason,
                approver: approver_words(&b.resources, &catalog, &units, &positions),
                can_approve: false,
                resources: b
                    .resources
                    .iter()
                    .map(|(id, q)| BookedResource {
                        id: id.clone(),
                        name: resources.get(id).map_or(id.clone(), |r| r.name.clone()),
                        quantity: *q,
                    })
                    .collect(),
                operators: b
                    .operators
                    .iter()
                    .map(|p| OperatorView {
                        id: p.clone(),
                        name: names.get(p).cloned().unwrap_or_else(|| p.clone()),
                    })
                    .collect(),
                handovers: b
                    .handovers
                    .iter()
                    .map(|h| HandoverView::new(h, zone))
                    .collect(),
            })
            .collect())
    }

    /// One booking's page. Errors: `NotFound`.
    pub fn booking_show(&self, id: i64) -> Result<BookingView, ApiError> {
        let row = self.db.booking(id)?.ok_or_else(|| {
            ApiError::not_found(format!(
                "pemesanan #{id} tidak ada; lihat `loket booking list`"
            ))
        })?;
        Ok(self.booking_views(vec![row])?.remove(0))
    }

    /// One booking's page as the signed-in person sees it: `can_approve` says whether they may
    /// approve it now. Errors: `NotFound`.
    pub fn booking_page(
        &self,
        id: i64,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<BookingView, ApiError> {
        let mut view = self.booking_show(id)?;
        view.can_approve = view.status == "diminta" && self.booking_may_approve(actor, id, now)?;
        Ok(view)
    }

    /// Bookings overlapping `[from, to)`, optionally only those holding `resource`, with
    /// cancelled ones only when asked. Day, week and month views are this with their range.
    pub fn booking_list(
        &self,
        from: DateTime<FixedOffset>,
        to: DateTime<FixedOffset>,
        resource: Option<&str>,
        include_cancelled: bool,
    ) -> Result<Vec<BookingView>, ApiError> {
        let span = Span::new(from.timestamp(), to.timestamp())
            .ok_or_else(|| ApiError::bad_input("akhir rentang harus sesudah awalnya"))?;
        let rows = self
            .db
            .bookings_in(span)?
            .into_iter()
            .filter(|b| {
                include_cancelled
                    || b.status.holds()
                    || b.status == loket_domain::booking::BookingStatus::Selesai
            })
            .filter(|b| resource.is_none_or(|r| b.resources.iter().any(|(id, _)| id == r)))
            .collect();
        self.booking_views(rows)
    }

    /// Bookings for a request (permohonan).
    pub fn bookings_of_case(&self, case_id: i64) -> Result<Vec<BookingView>, ApiError> {
        self.booking_views(self.db.bookings_of_case(case_id)?)
    }

    /// "Besok": what operators must prepare for the working day after `now` (bookings that
    /// start on it), in start order.
    pub fn booking_tomorrow(
        &self,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<BookingView>, ApiError> {
        let cal = self.booking_calendar()?;
        let today = cal.local(now).date();
        let next = (1..=14)
            .map(|d| today + Duration::days(d))
            .find(|d| cal.is_working_day(*d))
            .unwrap_or(today + Duration::days(1));
        let from = cal.at(next.and_hms_opt(0, 0, 0).unwrap_or_default());
        let to = from + Duration::days(1);
        Ok(self
            .booking_list(from, to, None, false)?
            .into_iter()
            .filter(|b| b.start >= from.to_rfc3339())
            .collect())
    }

    /// The earliest free slots of `duration_minutes` for the resources (and operators) between
    /// `from` and `to` inclusive, inside office hours of working days unless `outside_hours`.
    pub fn booking_free_slots(&self, q: &SlotRequest) -> Result<Vec<SlotView>, ApiError> {
        let SlotRequest {
            duration_minutes,
            resources,
            operators,
            from,
            to,
            outside_hours,
            limit,
        } = q;
        let (duration_minutes, from, to, outside_hours, limit) =
            (*duration_minutes, *from, *to, *outside_hours, *limit);
        if duration_minutes == 0 {
            return Err(ApiError::bad_input(
                "durasi harus lebih dari 0 menit (--minutes)",
            ));
        }
        if to < from || (to - from).num_days() > 366 {
            return Err(ApiError::bad_input("rentang tanggal tidak valid: --to harus sama dengan atau sesudah --from, paling jauh 366 hari"));
        }
        let cal = self.booking_calendar()?;
        let catalog: HashMap<String, Resource> = self
            .db
            .resources()?
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect();
        for (id, _) in resources {
            if !catalog.contains_key(id) {
                return Err(ApiError::bad_input(format!(
                    "sumber daya `{id}` tidak dikenal; lihat `loket resource list`"
                )));
            }
        }
        let mut windows = Vec::new();
        let mut day = from;
        while day <= to {
            let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
            if outside_hours {
                let s = cal.at(midnight).timestamp();
                windows.push(Span {
                    start: s,
                    end: s + 86_400,
                });
            } else if let Some(h) = cal.hours_on(day) {
                let s = cal
                    .at(midnight + Duration::minutes(i64::from(h.open)))
                    .timestamp();
                let e = cal
                    .at(midnight + Duration::minutes(i64::from(h.close)))
                    .timestamp();
                windows.extend(Span::new(s, e));
            }
            day += Duration::days(1);
        }
        let Some(all) = windows
            .iter()
            .map(|w| w.start)
            .min()
            .zip(windows.iter().map(|w| w.end).max())
        else {
            return Ok(Vec::new());
        };
        let setup = catalog
            .values()
            .map(|r| r.setup_minutes + r.teardown_minutes)
            .max()
            .unwrap_or(0);
        let range = Span {
            start: all.0,
            end: all.1,
        }
        .buffered(setup, setup);
        let existing = self.db.claims_in(range)?;
        let blackouts = self.db.blackouts_in(range)?;
        let query = SlotQuery {
            duration_minutes,
            resources: resources.to_vec(),
            operators: operators.to_vec(),
            windows,
            limit,
            step_minutes: 15,
        };
        Ok(free_slots(&query, &catalog, &existing, &blackouts)
            .into_iter()
            .map(|s| SlotView {
                start: rfc3339(s.start, cal.zone),
                end: rfc3339(s.end, cal.zone),
                when_words: span_words(s, cal.zone),
            })
            .collect())
    }
}
