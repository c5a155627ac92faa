//! What the desktop window sends and receives for the schedule: form values as text (office
//! time "TTTT-BB-HHTJJ:MM", dates "TTTT-BB-HH"), parsed and explained here so the window's
//! commands stay one call each.

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use loket_domain::booking::{ResourceKind, WeeklyRule};
use loket_domain::catalog::Weekday;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

use super::blackout::BlackoutView;
use super::days::ScheduleDay;
use super::dto::{BookingView, ResourceView, SeriesReport, SlotView};
use super::{parse_local, BookingRequest, NewResource, SlotRequest};
use crate::account::Actor;
use crate::{ApiError, Loket};

/// A resource and how many of it.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ResourceAmount {
    pub resource_id: String,
    pub quantity: u32,
}

/// The booking form.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct BookingForm {
    pub title: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub case_id: Option<i64>,
    pub location: String,
    pub outside_office: bool,
    pub outside_hours: bool,
    /// Office time "TTTT-BB-HHTJJ:MM".
    pub start: String,
    pub end: String,
    pub resources: Vec<ResourceAmount>,
    pub rundown: String,
    /// The unit or institution asking; the signed-in account (login) when empty, so the
    /// watcher's booking reminders reach them.
    pub requested_by: String,
    /// Weekly recurrence: the days it repeats on (empty: a single booking).
    pub repeat_weekdays: Vec<Weekday>,
    /// Last day of the recurrence, "TTTT-BB-HH".
    pub repeat_until: Option<String>,
}

/// What the form made: one booking, or a series with what was skipped.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct BookingSubmitted {
    pub booking: Option<BookingView>,
    pub series: Option<SeriesReport>,
}

/// "Cari jadwal kosong".
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SlotForm {
    pub duration_minutes: u32,
    pub resources: Vec<ResourceAmount>,
    /// "TTTT-BB-HH", inclusive.
    pub from: String,
    pub to: String,
    pub outside_hours: bool,
}

/// A calendar page: its days (hours, days off), the bookings in it and the resources.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ScheduleRange {
    pub days: Vec<ScheduleDay>,
    pub bookings: Vec<BookingView>,
    /// Blackouts (masa tutup) in the range: of the resource shown, or of any, and those of
    /// every resource.
    pub blackouts: Vec<BlackoutView>,
    pub resources: Vec<ResourceView>,
    /// "WIB", "WITA" or "WIT".
    pub zone_label: String,
}

/// The resource form of the administrator.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ResourceForm {
    pub id: String,
    pub name: String,
    /// "ruang" or "peralatan".
    pub kind: String,
    pub quantity: u32,
    pub setup_minutes: u32,
    pub teardown_minutes: u32,
    pub unit_id: Option<String>,
    pub operators_needed: u32,
    pub skill: Option<String>,
}

/// A person who may operate equipment, with the skills recorded for them.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct OperatorSkills {
    pub id: String,
    pub name: String,
    pub skills: Vec<String>,
}

pub(crate) fn date(text: &str, what: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        ApiError::bad_input(format!(
            "{what} `{text}` tidak valid; tulis TTTT-BB-HH, misalnya 2026-03-05"
        ))
    })
}

fn amounts(list: &[ResourceAmount]) -> Vec<(String, u32)> {
    list.iter()
        .map(|r| (r.resource_id.clone(), r.quantity))
        .collect()
}

impl Loket {
    /// The calendar page `from`..=`to` (dates), for one resource or all.
    pub fn booking_range(
        &self,
        from: &str,
        to: &str,
        resource: Option<&str>,
    ) -> Result<ScheduleRange, ApiError> {
        let (first, last) = (date(from, "tanggal awal")?, date(to, "tanggal akhir")?);
        let days = self.booking_days(first, last)?;
        let cal = self.booking_calendar()?;
        let start = cal.at(first.and_hms_opt(0, 0, 0).unwrap_or_default());
        let end = cal.at(last.and_hms_opt(0, 0, 0).unwrap_or_default()) + Duration::days(1);
        let blackouts = self
            .blackout_list(start, Some(end))?
            .into_iter()
            .filter(|b| {
                resource.is_none()
                    || b.resource_id.is_none()
                    || b.resource_id.as_deref() == resource
            })
            .collect();
        Ok(ScheduleRange {
            days,
            bookings: self.booking_list(start, end, resource, false)?,
            blackouts,
            resources: self.resource_list()?,
            zone_label: cal.zone.label().to_string(),
        })
    }

    /// Books what the form asks: one booking, or a weekly series when days are chosen.
    /// Errors as `booking_create`/`booking_create_series`, plus `BadInput` for unreadable times.
    pub fn booking_submit(
        &mut self,
        form: &BookingForm,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<BookingSubmitted, ApiError> {
        let zone = self.db.office()?.office.time_zone;
        let requested_by = match form.requested_by.trim() {
            "" => self.current(actor)?.id().to_string(),
            given => given.to_string(),
        };
        let request = BookingRequest {
            title: form.title.clone(),
            case_id: form.case_id,
            location: form.location.clone(),
            outside_office: form.outside_office,
            outside_hours: form.outside_hours,
            start: parse_local(&form.start, zone, "waktu mulai")?,
            end: parse_local(&form.end, zone, "waktu selesai")?,
            resources: amounts(&form.resources),
            operators: Vec::new(),
            rundown: form.rundown.clone(),
            requested_by,
        };
        if form.repeat_weekdays.is_empty() {
            return Ok(BookingSubmitted {
                booking: Some(self.booking_create(&request, actor, now)?),
                series: None,
            });
        }
        let until = form.repeat_until.as_deref().unwrap_or("");
        let rule = WeeklyRule {
            weekdays: form.repeat_weekdays.clone(),
            every_weeks: 1,
            until: date(until, "tanggal akhir jadwal berulang")?,
        };
        Ok(BookingSubmitted {
            booking: None,
            series: Some(self.booking_create_series(&request, &rule, actor, now)?),
        })
    }

    /// The earliest free slots (up to 10) for the form's search.
    pub fn booking_find_slots(&self, form: &SlotForm) -> Result<Vec<SlotView>, ApiError> {
        self.booking_free_slots(&SlotRequest {
            duration_minutes: form.duration_minutes,
            resources: amounts(&form.resources),
            operators: Vec::new(),
            from: date(&form.from, "tanggal awal pencarian")?,
            to: date(&form.to, "tanggal akhir pencarian")?,
            outside_hours: form.outside_hours,
            limit: 10,
        })
    }

    /// Adds or updates a resource from the administrator's form.
    pub fn resource_save(
        &mut self,
        form: &ResourceForm,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<ResourceView, ApiError> {
        self.resource_add(&new_resource(form)?, actor, now)
    }

    /// Adds or updates several resources from forms with one confirmation (the first-run
    /// checklist), all or none, through `resource.add`.
    pub fn resource_save_all(
        &mut self,
        forms: &[ResourceForm],
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<ResourceView>, ApiError> {
        if forms.is_empty() {
            return Err(ApiError::bad_input(
                "tidak ada sumber daya yang dipilih; centang paling sedikit satu",
            ));
        }
        let list = forms
            .iter()
            .map(new_resource)
            .collect::<Result<Vec<_>, _>>()?;
        self.resource_add_all(&list, actor, now)
    }

    /// Everyone in the directory (profile people and accounts) with their operator skills,
    /// those with skills first.
    pub fn resource_operators(&self) -> Result<Vec<OperatorSkills>, ApiError> {
        let skills = self.db.operator_skills()?;
        let mut out: Vec<OperatorSkills> = Vec::new();
        let accounts = self.db.accounts()?;
        // A person of the office who has an account (same NIP) is listed once, as the
        // account, unless skills were recorded for the person itself.
        let people = self
            .db
            .people()?
            .into_iter()
            .filter(|p| {
                p.nip.is_empty()
                    || !accounts.iter().any(|a| a.nip == p.nip)
                    || skills.iter().any(|(who, _)| who == &p.id)
            })
            .map(|p| (p.id, p.name))
            .collect::<Vec<_>>();
        let accounts = accounts.into_iter().map(|a| (a.id, a.name));
        for (id, name) in people.into_iter().chain(accounts) {
            if out.iter().any(|o| o.id == id) {
                continue;
            }
            let mine = skills
                .iter()
                .filter(|(who, _)| who == &id)
                .map(|(_, s)| s.clone())
                .collect();
            out.push(OperatorSkills {
                id,
                name,
                skills: mine,
            });
        }
        out.sort_by_key(|o| o.skills.is_empty());
        Ok(out)
    }
}

impl Loket {
    /// The iCalendar file of one resource (or all) from a year before `now` to two years
    /// after, with the file name to save it under.
    pub fn booking_ics_file(
        &self,
        resource: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Result<(String, String), ApiError> {
        let text = self.booking_export_ics(
            now - Duration::days(366),
            now + Duration::days(2 * 366),
            resource,
            now,
        )?;
        let name = format!("jadwal-{}.ics", resource.unwrap_or("semua"));
        Ok((name, text))
    }
}

/// The resource a form describes. Errors: `bad_input` for an unknown kind.
fn new_resource(form: &ResourceForm) -> Result<NewResource, ApiError> {
    let kind = match form.kind.as_str() {
        "ruang" => ResourceKind::Ruang,
        "peralatan" => ResourceKind::Peralatan,
        other => {
            return Err(ApiError::bad_input(format!(
                "jenis sumber daya `{other}` tidak dikenal; pilih Ruang atau Peralatan"
            )))
        }
    };
    let blank = |s: &Option<String>| s.clone().filter(|x| !x.trim().is_empty());
    Ok(NewResource {
        id: form.id.trim().to_string(),
        name: form.name.clone(),
        kind,
        quantity: form.quantity,
        setup_minutes: form.setup_minutes,
        teardown_minutes: form.teardown_minutes,
        unit: blank(&form.unit_id),
        operators_needed: form.operators_needed,
        skill: blank(&form.skill),
    })
}
