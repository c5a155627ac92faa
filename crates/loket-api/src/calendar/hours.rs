//! `calendar.hours.set`, `calendar.variant.add`, `calendar.variant.remove`: the weekly hours
//! and date-ranged schedules (Ramadan hours), written as text an admin can type:
//! `senin-kamis 08:00-15:45 istirahat 12:00-13:00; jumat 08:00-11:00`.

use chrono::{DateTime, FixedOffset, NaiveDate};
use loket_domain::calendar::HoursVariant;
use loket_domain::catalog::{DayHours, DaySpan, HoursSource, OfficeHours, Weekday};

use crate::account::Actor;
use crate::audit::record;
use crate::{ApiError, Loket};

pub const SET_HOURS: &str = "calendar.hours.set";
pub const ADD_VARIANT: &str = "calendar.variant.add";
pub const REMOVE_VARIANT: &str = "calendar.variant.remove";

const FORMAT: &str =
    "tulis misalnya `senin-kamis 08:00-15:45 istirahat 12:00-13:00; jumat 08:00-11:00`";

fn weekday(word: &str) -> Result<Weekday, String> {
    Weekday::ALL
        .into_iter()
        .find(|d| d.label().eq_ignore_ascii_case(word.trim()))
        .ok_or_else(|| {
            format!("hari `{word}` tidak dikenal; pakai senin, selasa, rabu, kamis, jumat, sabtu, minggu")
        })
}

fn days(text: &str) -> Result<Vec<Weekday>, String> {
    let mut out = Vec::new();
    for part in text.split(',') {
        match part.split_once('-') {
            Some((a, b)) => {
                let (a, b) = (weekday(a)?, weekday(b)?);
                if a > b {
                    return Err(format!(
                        "rentang hari `{part}` terbalik; tulis dari hari yang lebih awal"
                    ));
                }
                out.extend(Weekday::ALL.into_iter().filter(|d| a <= *d && *d <= b));
            }
            None => out.push(weekday(part)?),
        }
    }
    Ok(out)
}

fn clock(text: &str) -> Result<u16, String> {
    let bad = || format!("jam `{text}` tidak valid; tulis JJ:MM, misalnya 08:00");
    let (h, m) = text.trim().split_once([':', '.']).ok_or_else(bad)?;
    let (h, m): (u16, u16) = (h.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    if h > 23 || m > 59 {
        return Err(bad());
    }
    Ok(h * 60 + m)
}

fn span(text: &str) -> Result<DaySpan, String> {
    let (a, b) = text
        .split_once('-')
        .ok_or_else(|| format!("rentang jam `{text}` tidak valid; tulis JJ:MM-JJ:MM"))?;
    let (start, end) = (clock(a)?, clock(b)?);
    if start >= end {
        return Err(format!(
            "rentang jam `{text}`: jam mulai harus sebelum jam selesai"
        ));
    }
    Ok(DaySpan { start, end })
}

/// Parses the weekly hours text (see the module doc). Errors name the part and the fix.
pub fn parse_hours(text: &str) -> Result<OfficeHours, ApiError> {
    let mut out: Vec<DayHours> = Vec::new();
    for segment in text.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let words: Vec<&str> = segment.split_whitespace().collect();
        let problem =
            |p: String| ApiError::bad_input(format!("jam kerja `{segment}`: {p}; {FORMAT}"));
        let (day_text, hours_text, breaks) = match words.as_slice() {
            [d, h] => (*d, *h, &[][..]),
            [d, h, kw, rest @ ..] if kw.eq_ignore_ascii_case("istirahat") && !rest.is_empty() => {
                (*d, *h, rest)
            }
            _ => return Err(problem("susunan tidak dikenal".into())),
        };
        let open_close = span(hours_text).map_err(problem)?;
        let mut spans: Vec<DaySpan> = Vec::new();
        for b in breaks.join("").split(',').filter(|s| !s.is_empty()) {
            spans.push(span(b).map_err(problem)?);
        }
        spans.sort_by_key(|s| s.start);
        let inside = spans
            .iter()
            .all(|b| open_close.start < b.start && b.end < open_close.end);
        let disjoint = spans.windows(2).all(|w| w[0].end <= w[1].start);
        if !inside || !disjoint {
            return Err(problem(
                "istirahat harus di dalam jam buka dan tidak saling tumpang tindih".into(),
            ));
        }
        for day in days(day_text).map_err(problem)? {
            if out.iter().any(|d| d.day == day) {
                return Err(problem(format!("hari {} disebut dua kali", day.label())));
            }
            out.push(DayHours {
                day,
                open: open_close.start,
                close: open_close.end,
                breaks: spans.clone(),
            });
        }
    }
    if out.is_empty() {
        return Err(ApiError::bad_input(format!("jam kerja kosong; {FORMAT}")));
    }
    out.sort_by_key(|d| d.day);
    Ok(OfficeHours {
        source: HoursSource::Dokumen,
        days: out,
    })
}

/// Parses a `YYYY-MM-DD` given for `what`.
pub(crate) fn parse_date(text: &str, what: &str) -> Result<NaiveDate, ApiError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        ApiError::bad_input(format!(
            "tanggal {what} `{text}` tidak valid; tulis TTTT-BB-HH, misalnya 2026-02-18"
        ))
    })
}

impl Loket {
    /// Sets the weekly office hours (overriding the profile's) from text; returns them.
    ///
    /// Errors: `Forbidden` without the administer role; `BadInput` for text that does not
    /// parse (nothing is written).
    pub fn calendar_set_hours(
        &mut self,
        actor: &Actor,
        text: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<OfficeHours, ApiError> {
        let me = self.calendar_admin(actor)?;
        self.set_hours_by(text, me.id(), now)
    }

    pub(super) fn set_hours_by(
        &mut self,
        text: &str,
        actor: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<OfficeHours, ApiError> {
        let hours = parse_hours(text)?;
        let before = self.working_calendar_stored()?.hours;
        let tx = self.db.begin()?;
        tx.set_weekly_hours(&hours, &now.to_rfc3339())?;
        record(
            &tx,
            now,
            actor,
            SET_HOURS,
            "kalender:jam-kerja",
            Some(&before),
            Some(&hours),
        )?;
        tx.commit()?;
        Ok(hours)
    }

    /// Adds a date-ranged schedule (e.g. Ramadan); returns its id.
    ///
    /// Errors: `Forbidden` without the administer role; `BadInput` for an empty name, bad
    /// dates, `to` before `from`, or bad hours text.
    pub fn calendar_add_variant(
        &mut self,
        actor: &Actor,
        name: &str,
        from: &str,
        to: &str,
        hours: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<i64, ApiError> {
        let me = self.calendar_admin(actor)?;
        self.add_variant_by(name, from, to, hours, me.id(), now)
    }

    pub(super) fn add_variant_by(
        &mut self,
        name: &str,
        from: &str,
        to: &str,
        hours: &str,
        actor: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<i64, ApiError> {
        if name.trim().is_empty() {
            return Err(ApiError::bad_input(
                "nama jadwal wajib diisi (--name), misalnya \"Ramadan 1447 H\"",
            ));
        }
        crate::text::check("nama jadwal", name.trim(), crate::text::NAME_MAX)?;
        let (from, to) = (parse_date(from, "--from")?, parse_date(to, "--to")?);
        if to < from {
            return Err(ApiError::bad_input(format!(
                "--to {to} sebelum --from {from}; tanggal akhir harus sama atau sesudah tanggal mulai"
            )));
        }
        let variant = HoursVariant {
            name: name.trim().to_string(),
            from,
            to,
            hours: parse_hours(hours)?,
        };
        let tx = self.db.begin()?;
        let id = tx.add_hours_variant(&variant, &now.to_rfc3339())?;
        let entity = format!("kalender:jadwal:{id}");
        record::<(), _>(&tx, now, actor, ADD_VARIANT, &entity, None, Some(&variant))?;
        tx.commit()?;
        Ok(id)
    }

    /// Removes variant `id`. Errors: `Forbidden` without the administer role; `NotFound`
    /// when there is none.
    pub fn calendar_remove_variant(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<(), ApiError> {
        let me = self.calendar_admin(actor)?;
        self.remove_variant_by(id, me.id(), now)
    }

    pub(super) fn remove_variant_by(
        &mut self,
        id: i64,
        actor: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(), ApiError> {
        let tx = self.db.begin()?;
        let Some(before) = tx.remove_hours_variant(id)? else {
            return Err(ApiError::not_found(format!(
                "jadwal khusus nomor {id} tidak ada; lihat daftarnya dengan `loket calendar show`"
            )));
        };
        let entity = format!("kalender:jadwal:{id}");
        record::<_, ()>(
            &tx,
            now,
            actor,
            REMOVE_VARIANT,
            &entity,
            Some(&before),
            None,
        )?;
        tx.commit()?;
        Ok(())
    }
}
