//! `booking.create` and `booking.create_series`: a booking, or a weekly series of them, made
//! only where nothing collides.

use std::collections::HashMap;

use chrono::{DateTime, Duration, FixedOffset};
use loket_db::bookings::NewBooking;
use loket_domain::booking::{
    check, occurrence_count, occurrences, Blackout, BookingStatus, Claim, Conflict, Resource, Span,
    WeeklyRule, MAX_OCCURRENCES,
};
use loket_domain::calendar::{DayOff, WorkingCalendar};
use loket_domain::time_zone::TimeZone;

use super::dto::{BookingView, SeriesReport, SkippedOccurrence};
use super::resource::{audit, audit_booking};
use super::time::{span_words, words};
use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};
use loket_domain::roles::Role;

pub const CREATE: &str = "booking.create";
pub const CREATE_SERIES: &str = "booking.create_series";

/// What a unit or scheduler asks for.
#[derive(Debug, Clone)]
pub struct BookingRequest {
    pub title: String,
    /// The request (permohonan) that asked for it, if any.
    pub case_id: Option<i64>,
    pub location: String,
    /// At the requester's place rather than the office (Jember surveys it first).
    pub outside_office: bool,
    /// Allowed outside office hours (evening events, weekends).
    pub outside_hours: bool,
    pub start: DateTime<FixedOffset>,
    pub end: DateTime<FixedOffset>,
    pub resources: Vec<(String, u32)>,
    pub operators: Vec<String>,
    pub rundown: String,
    pub requested_by: String,
}

/// Longest single booking accepted: a month. Longer loans are several bookings.
const MAX_DAYS: i64 = 31;

impl Loket {
    /// The calendar bookings are checked against (office hours and days off).
    /// Office hours in force, holidays, cuti bersama and closures: bookings inside office
    /// hours must fall on a working day.
    pub(crate) fn booking_calendar(&self) -> Result<WorkingCalendar, ApiError> {
        self.working_calendar_stored()
    }

    pub(crate) fn validate(
        &self,
        r: &BookingRequest,
        cal: &WorkingCalendar,
        resources: &HashMap<String, Resource>,
    ) -> Result<Span, ApiError> {
        if r.title.trim().is_empty() {
            return Err(ApiError::bad_input("judul pemesanan wajib diisi (--title), misalnya \"Rapat koordinasi video conference\""));
        }
        if r.title.chars().count() > 200 {
            return Err(ApiError::bad_input(format!(
                "judul pemesanan terlalu panjang ({} karakter); paling banyak 200 karakter; pindahkan rinciannya ke rundown",
                r.title.chars().count()
            )));
        }
        use crate::text::{check, check_lines, NAME_MAX, NOTES_MAX};
        check("judul pemesanan", r.title.trim(), NAME_MAX)?;
        check("lokasi", r.location.trim(), NAME_MAX)?;
        check("pemesan", r.requested_by.trim(), NAME_MAX)?;
        check_lines("rundown", r.rundown.trim(), NOTES_MAX)?;
        let span = Span::new(r.start.timestamp(), r.end.timestamp()).ok_or_else(|| {
            ApiError::bad_input("waktu selesai harus sesudah waktu mulai (--end setelah --start)")
        })?;
        if span.end - span.start > MAX_DAYS * 86_400 {
            return Err(ApiError::bad_input(format!("satu pemesanan paling lama {MAX_DAYS} hari; buat beberapa pemesanan untuk peminjaman lebih lama")));
        }
        if r.resources.is_empty() {
            return Err(ApiError::bad_input(
                "sebutkan minimal satu sumber daya (--resource ID[:JUMLAH])",
            ));
        }
        let mut seen = Vec::new();
        for (id, qty) in &r.resources {
            if *qty == 0 {
                return Err(ApiError::bad_input(format!(
                    "jumlah untuk `{id}` harus lebih dari 0"
                )));
            }
            if seen.contains(&id) {
                return Err(ApiError::bad_input(format!("sumber daya `{id}` disebut dua kali; tulis sekali dengan jumlahnya (ID:JUMLAH)")));
            }
            seen.push(id);
            if !resources.contains_key(id) {
                let ids: Vec<&str> = resources.keys().map(String::as_str).collect();
                return Err(ApiError::bad_input(format!(
                    "sumber daya `{id}` tidak dikenal; pilih dari: {}",
                    ids.join(", ")
                )));
            }
        }
        let skills = if r.operators.is_empty() {
            Vec::new()
        } else {
            self.db.operator_skills()?
        };
        for p in &r.operators {
            if super::query::person_name(self, p)?.is_none() {
                return Err(ApiError::bad_input(format!(
                    "operator `{p}` tidak ada di direktori; lihat `loket people`"
                )));
            }
            let needed: Vec<&str> = r
                .resources
                .iter()
                .filter_map(|(id, _)| resources.get(id)?.skill.as_deref())
                .collect();
            if !needed.is_empty()
                && !skills
                    .iter()
                    .any(|(who, s)| who == p && needed.contains(&s.as_str()))
            {
                return Err(ApiError::bad_input(format!("operator `{p}` tidak memiliki keahlian yang diperlukan ({}); tambahkan dengan `loket resource add-skill`", needed.join(", "))));
            }
        }
        if let Some(case_id) = r.case_id {
            if !self.db.case_exists(case_id)? {
                return Err(ApiError::bad_input(format!(
                    "permohonan #{case_id} tidak ada; periksa nomor permohonan"
                )));
            }
        }
        if !r.outside_hours {
            let local_start = cal.local(r.start);
            let local_end = cal.local(r.end);
            let inside = cal.hours_on(local_start.date()).is_some_and(|h| {
                let open = local_start
                    .date()
                    .and_hms_opt(0, 0, 0)
                    .map(|d| d + Duration::minutes(i64::from(h.open)));
                let close = local_start
                    .date()
                    .and_hms_opt(0, 0, 0)
                    .map(|d| d + Duration::minutes(i64::from(h.close)));
                matches!((open, close), (Some(o), Some(c)) if local_start >= o && local_end <= c)
            });
            if !inside {
                let why = match cal.day_off(local_start.date()) {
                    Some(DayOff::Holiday { name, holiday }) => {
                        format!("jatuh pada {} ({name})", holiday.label())
                    }
                    Some(DayOff::Closure { reason }) => {
                        format!("jatuh pada hari kantor tutup ({reason})")
                    }
                    Some(DayOff::NoHours { weekday }) => {
                        format!("jatuh pada hari {} yang bukan hari kerja", weekday.label())
                    }
                    None => "berada di luar jam kerja kantor".to_string(),
                };
                return Err(ApiError::bad_input(format!(
                    "{} {why}; pilih waktu dalam jam kerja atau tandai pemesanan di luar jam kerja (--outside-hours)",
                    span_words(span, cal.zone)
                )));
            }
        }
        Ok(span)
    }

    /// Books resources for a time, or refuses naming the colliding booking (`Conflict`, exit 3).
    /// Check and insert happen in one immediate transaction. Errors: `BadInput` for invalid
    /// requests (each field named), `Conflict` for collisions.
    pub fn booking_create(
        &mut self,
        r: &BookingRequest,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<BookingView, ApiError> {
        let actor = &self.booking_actor(actor, Role::Book)?;
        let cal = self.working_calendar()?;
        let resources: HashMap<String, Resource> = self
            .db
            .resources()?
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect();
        let span = self.validate(r, &cal, &resources)?;
        let window = widest(span, &resources);
        let tx = self.db.begin()?;
        let existing = tx.claims_in(window)?;
        let blackouts = tx.blackouts_in(window)?;
        let claim = Claim {
            booking_id: 0,
            title: r.title.clone(),
            span,
            resources: r.resources.clone(),
            operators: r.operators.clone(),
        };
        let conflicts = check(&claim, &resources, &existing, &blackouts);
        if !conflicts.is_empty() {
            // The colliding bookings' times are in the claims just read: no more round trips
            // to a server while every other laptop's writes wait for this transaction.
            let message = describe(&conflicts, &resources, &blackouts, cal.zone, |id| {
                existing.iter().find(|c| c.booking_id == id).map(|c| c.span)
            });
            return Err(ApiError::new(ErrorCode::ScheduleConflict, message));
        }
        let id = tx.insert_booking(&new_booking(r, span, None, now))?;
        let stored = tx.booking(id)?;
        audit_booking(&tx, now, actor, CREATE, id, None, stored.as_ref())?;
        tx.commit()?;
        match stored {
            // As committed: shown without reading it again.
            Some(row) => Ok(self.booking_views(vec![row])?.remove(0)),
            None => self.booking_show(id),
        }
    }

    /// Books every occurrence of a weekly rule that fits; occurrences that collide (with
    /// existing bookings, blackouts, days off, or each other) are skipped and listed with the
    /// reason, never dropped silently. All made bookings are written in one transaction.
    pub fn booking_create_series(
        &mut self,
        r: &BookingRequest,
        rule: &WeeklyRule,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<SeriesReport, ApiError> {
        let actor = &self.booking_actor(actor, Role::Book)?;
        let cal = self.working_calendar()?;
        let resources: HashMap<String, Resource> = self
            .db
            .resources()?
            .into_iter()
            .map(|r| (r.id.clone(), r))
            .collect();
        self.validate(r, &cal, &resources)?;
        if rule.weekdays.is_empty() {
            return Err(ApiError::bad_input(
                "sebutkan minimal satu hari untuk jadwal berulang (--weekday senin,kamis)",
            ));
        }
        if rule.until < r.start.date_naive() {
            return Err(ApiError::bad_input(
                "tanggal akhir jadwal berulang (--until) harus sesudah tanggal mulai",
            ));
        }
        let count = occurrence_count(r.start, rule);
        if count > MAX_OCCURRENCES as u64 {
            return Err(ApiError::bad_input(format!(
                "jadwal berulang ini akan membuat {count} pemesanan; paling banyak {MAX_OCCURRENCES} sekaligus — perpendek --until atau jarangkan jadwalnya"
            )));
        }
        let mut skipped = Vec::new();
        let mut candidates: Vec<(BookingRequest, Span)> = Vec::new();
        for (start, end) in occurrences(r.start, r.end - r.start, rule) {
            let occurrence = BookingRequest {
                start,
                end,
                ..r.clone()
            };
            match self.validate(&occurrence, &cal, &resources) {
                Ok(span) => candidates.push((occurrence, span)),
                Err(e) => skipped.push(SkippedOccurrence {
                    start: start.to_rfc3339(),
                    when_words: words(start.timestamp(), cal.zone),
                    reason: e.message,
                }),
            }
        }
        let mut accepted: Vec<(BookingRequest, Span)> = Vec::new();
        let tx = self.db.begin()?;
        let series = tx.next_series_id()?;
        let mut made_claims: Vec<Claim> = Vec::new();
        for (occurrence, span) in candidates {
            let window = widest(span, &resources);
            let mut existing = tx.claims_in(window)?;
            existing.extend(
                made_claims
                    .iter()
                    .filter(|c| c.span.overlaps(&window))
                    .cloned(),
            );
            let blackouts = tx.blackouts_in(window)?;
            let claim = Claim {
                booking_id: 0,
                title: r.title.clone(),
                span,
                resources: r.resources.clone(),
                operators: r.operators.clone(),
            };
            let conflicts = check(&claim, &resources, &existing, &blackouts);
            if conflicts.is_empty() {
                made_claims.push(claim);
                accepted.push((occurrence, span));
            } else {
                let reason = describe(&conflicts, &resources, &blackouts, cal.zone, |id| {
                    tx.booking(id).ok().flatten().map(|b| b.span)
                });
                skipped.push(SkippedOccurrence {
                    start: occurrence.start.to_rfc3339(),
                    when_words: words(span.start, cal.zone),
                    reason,
                });
            }
        }
        skipped.sort_by(|a, b| a.start.cmp(&b.start));
        let mut ids = Vec::new();
        for (occurrence, span) in &accepted {
            let id = tx.insert_booking(&new_booking(occurrence, *span, Some(series), now))?;
            // Each booking's own snapshot, as a single booking has: `loket check` compares it.
            let stored = tx.booking(id)?;
            audit_booking(&tx, now, actor, CREATE_SERIES, id, None, stored.as_ref())?;
            ids.push(id);
        }
        let after = serde_json::json!({"series": series, "bookings": ids, "skipped": skipped.iter().map(|s| &s.start).collect::<Vec<_>>()});
        tx.audit(&audit(
            now,
            actor,
            CREATE_SERIES,
            format!("booking-series:{series}"),
            None,
            Some(after.to_string()),
        ))?;
        tx.commit()?;
        let created = ids
            .iter()
            .map(|id| self.booking_show(*id))
            .collect::<Result<_, _>>()?;
        Ok(SeriesReport {
            series_id: series,
            created,
            skipped,
        })
    }
}

/// The window that can hold anything colliding with `span`: widened by the largest buffers.
pub(crate) fn widest(span: Span, resources: &HashMap<String, Resource>) -> Span {
    let setup = resources
        .values()
        .map(|r| r.setup_minutes)
        .max()
        .unwrap_or(0);
    let teardown = resources
        .values()
        .map(|r| r.teardown_minutes)
        .max()
        .unwrap_or(0);
    // The candidate's buffers plus an existing booking's buffers on either side.
    span.buffered(setup + teardown, setup + teardown)
}

fn new_booking(
    r: &BookingRequest,
    span: Span,
    series: Option<i64>,
    now: DateTime<FixedOffset>,
) -> NewBooking {
    NewBooking {
        title: r.title.trim().to_string(),
        case_id: r.case_id,
        location: r.location.trim().to_string(),
        outside_office: r.outside_office,
        outside_hours: r.outside_hours,
        span,
        status: BookingStatus::Diminta,
        series_id: series,
        rundown: r.rundown.clone(),
        requested_by: r.requested_by.clone(),
        resources: r.resources.clone(),
        operators: r.operators.clone(),
        now: now.timestamp(),
    }
}

/// Explains conflicts in Indonesian, naming each colliding booking with its time
/// (`span_of` looks a booking up; a new occurrence of the same series has none yet).
pub(crate) fn describe(
    conflicts: &[Conflict],
    resources: &HashMap<String, Resource>,
    blackouts: &[Blackout],
    zone: TimeZone,
    span_of: impl Fn(i64) -> Option<Span>,
) -> String {
    let name = |id: &str| resources.get(id).map_or(id.to_string(), |r| r.name.clone());
    let booking = |id: i64, title: &str| match (id, span_of(id)) {
        (0, _) => format!("\"{title}\" (kejadian lain dari jadwal berulang ini)"),
        (_, Some(span)) => format!("#{id} \"{title}\" ({})", span_words(span, zone)),
        (_, None) => format!("#{id} \"{title}\""),
    };
    let lines: Vec<String> = conflicts
        .iter()
        .map(|c| match c {
            Conflict::UnknownResource { resource_id } => {
                format!("sumber daya `{resource_id}` tidak dikenal")
            }
            Conflict::BeyondPool {
                resource_id,
                wanted,
                quantity,
            } => format!(
                "{}: diminta {wanted}, padahal hanya ada {quantity}",
                name(resource_id)
            ),
            Conflict::OverCapacity {
                resource_id,
                wanted,
                free,
                at,
                bookings,
            } => format!(
                "{}: diminta {wanted}, tersisa {free} pada {} — dipakai oleh pemesanan {}",
                name(resource_id),
                words(*at, zone),
                bookings
                    .iter()
                    .map(|(id, t)| booking(*id, t))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Conflict::OperatorBusy {
                person_id,
                booking_id,
                title,
            } => format!(
                "operator `{person_id}` sedang bertugas di pemesanan {}",
                booking(*booking_id, title)
            ),
            // No "#id" here: the window links every "#n" of a refusal to booking n.
            Conflict::Blackout {
                resource_id,
                blackout_id,
                reason,
            } => format!(
                "{} sedang dalam masa tutup{} ({reason}); pilih waktu lain, atau minta administrator menghapus masa tutup itu di Jadwal Peralatan → Sumber daya & masa tutup",
                resource_id
                    .as_deref()
                    .map_or("semua sumber daya".to_string(), name),
                blackouts
                    .iter()
                    .find(|b| b.id == *blackout_id)
                    .map_or(String::new(), |b| format!(" {}", span_words(b.span, zone)))
            ),
        })
        .collect();
    format!("Jadwal bentrok: {}", lines.join("; "))
}
