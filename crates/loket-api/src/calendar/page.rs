//! `calendar.page`: the window's "Hari & Jam Kerja" page: the weekly hours as a form, the
//! special schedules, closures, the holidays of one year and the change history, all in
//! words, and whether the signed-in person may edit.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use loket_domain::calendar::{Closure, Holiday, HolidayKind, HoursVariant};
use loket_domain::catalog::{OfficeHours, Weekday};
use loket_domain::roles::Role;
use loket_domain::tanggal::tanggal;
use serde::Serialize;

use super::view::CalendarChange;
use super::week_form::{week_form, DayForm};
use crate::account::Actor;
use crate::office::hours_words;
use crate::{ApiError, Loket};

#[cfg(feature = "ts")]
use ts_rs::TS;

pub const PAGE: &str = "calendar.page";

/// A special schedule as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct VariantRow {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub name: String,
    /// "10 Maret 2025 – 29 Maret 2025".
    pub range_words: String,
    pub hours_words: Vec<String>,
}

/// A closure as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ClosureRow {
    pub date: String,
    /// "Senin, 25 Maret 2024".
    pub date_words: String,
    pub reason: String,
}

/// A holiday as listed.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct HolidayRow {
    pub date: String,
    pub date_words: String,
    pub name: String,
    /// libur_nasional | cuti_bersama | libur_daerah
    pub kind: String,
    /// "Libur nasional", "Cuti bersama", "Libur daerah".
    pub kind_label: String,
}

/// One recorded edit in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ChangeRow {
    /// "25 Maret 2024 pukul 10.15".
    pub at_words: String,
    /// The person's name (their login when the account is gone).
    pub actor: String,
    pub summary: String,
}

/// The page.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct CalendarPage {
    pub can_edit: bool,
    /// "WIB", "WITA", "WIT".
    pub time_zone: String,
    pub hours_set_by_admin: bool,
    pub hours_words: Vec<String>,
    pub week: Vec<DayForm>,
    pub variants: Vec<VariantRow>,
    pub closures: Vec<ClosureRow>,
    pub year: i32,
    /// Years to choose from (every year with holidays, this year and next).
    pub years: Vec<i32>,
    /// "bawaan Loket", "diisi admin" or "belum ada".
    pub year_source: String,
    pub holidays: Vec<HolidayRow>,
    /// Newest first.
    pub history: Vec<ChangeRow>,
}

fn day_words(d: NaiveDate) -> String {
    format!(
        "{}, {}",
        Weekday::from_chrono(d.weekday()).label(),
        tanggal(d)
    )
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The kind's code as stored and sent (`cuti_bersama`), from its serde name.
fn kind_code(k: HolidayKind) -> String {
    serde_json::to_value(k)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn moment_words(at: &str) -> String {
    match DateTime::parse_from_rfc3339(at) {
        Ok(t) => format!("{} pukul {}", tanggal(t.date_naive()), t.format("%H.%M")),
        Err(_) => at.to_string(),
    }
}

fn json<T: serde::de::DeserializeOwned>(text: &Option<String>) -> Option<T> {
    serde_json::from_str(text.as_deref()?).ok()
}

/// What an edit did, in words.
pub fn change_summary(c: &CalendarChange) -> String {
    let holiday = |h: Option<Holiday>, verb: &str| match h {
        Some(h) => format!("{verb} {} {}: {}", h.kind.label(), tanggal(h.date), h.name),
        None => format!("{verb} hari libur"),
    };
    let closure = |c: Option<Closure>, verb: &str| match c {
        Some(c) => format!("{verb} {} ({})", tanggal(c.date), c.reason),
        None => verb.to_string(),
    };
    let variant = |v: Option<HoursVariant>, verb: &str| match v {
        Some(v) => format!(
            "{verb} jadwal khusus {} ({} – {})",
            v.name,
            tanggal(v.from),
            tanggal(v.to)
        ),
        None => format!("{verb} jadwal khusus"),
    };
    match c.action.as_str() {
        super::SET_HOURS => match json::<OfficeHours>(&c.after) {
            Some(h) => format!("Mengubah jam kerja: {}", hours_words(&h).join("; ")),
            None => "Mengubah jam kerja".into(),
        },
        super::ADD_VARIANT => variant(json(&c.after), "Menambah"),
        super::REMOVE_VARIANT => variant(json(&c.before), "Menghapus"),
        super::ADD_CLOSURE => closure(json(&c.after), "Menutup kantor pada"),
        super::REMOVE_CLOSURE => closure(json(&c.before), "Membuka kembali kantor pada"),
        super::ADD_HOLIDAY => holiday(json(&c.after), "Menambah"),
        super::REMOVE_HOLIDAY => holiday(json(&c.before), "Menghapus"),
        super::REPLACE_HOLIDAYS => format!(
            "Mengganti hari libur tahun {} dari berkas",
            c.entity.rsplit(':').next().unwrap_or("")
        ),
        other => format!("Perubahan kalender ({other})"),
    }
}

impl Loket {
    /// The page for a signed-in person, with the holidays of `year` (this year at `now`
    /// when `None`). Errors: `Forbidden` for a deactivated account.
    pub fn calendar_page(
        &mut self,
        actor: &Actor,
        year: Option<i32>,
        now: DateTime<FixedOffset>,
    ) -> Result<CalendarPage, ApiError> {
        let me = self.current(actor)?;
        let year = year.unwrap_or(now.year());
        let view = self.calendar_view(Some(year))?;
        let cal = self.working_calendar_stored()?;
        let names: HashMap<String, String> = self
            .db
            .accounts()?
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect();
        let mut years: Vec<i32> = view.holiday_years.iter().map(|y| y.year).collect();
        years.extend([now.year(), now.year() + 1, year]);
        years.sort_unstable();
        years.dedup();
        let year_source = match view.holiday_years.iter().find(|y| y.year == year) {
            Some(y) if y.source == "bawaan" => "bawaan Loket",
            Some(_) => "diisi admin",
            None => "belum ada",
        };
        let variants = self
            .db
            .hours_variants()?
            .into_iter()
            .map(|(id, v)| VariantRow {
                id,
                range_words: format!("{} – {}", tanggal(v.from), tanggal(v.to)),
                name: v.name,
                hours_words: hours_words(&v.hours),
            })
            .collect();
        Ok(CalendarPage {
            can_edit: me.roles().contains(&Role::Administer),
            time_zone: view.time_zone,
            hours_set_by_admin: view.hours_set_by_admin,
            hours_words: view.hours_words,
            week: week_form(&cal.hours),
            variants,
            closures: view
                .closures
                .iter()
                .map(|c| ClosureRow {
                    date: c.date.to_string(),
                    date_words: day_words(c.date),
                    reason: c.reason.clone(),
                })
                .collect(),
            year,
            years,
            year_source: year_source.to_string(),
            holidays: view
                .holidays
                .iter()
                .map(|h| HolidayRow {
                    date: h.date.to_string(),
                    date_words: day_words(h.date),
                    name: h.name.clone(),
                    kind: kind_code(h.kind),
                    kind_label: capital(h.kind.label()),
                })
                .collect(),
            history: view
                .changes
                .iter()
                .rev()
                .map(|c| ChangeRow {
                    at_words: moment_words(&c.at),
                    actor: names.get(&c.actor).cloned().unwrap_or(c.actor.clone()),
                    summary: change_summary(c),
                })
                .collect(),
        })
    }
}
