//! The calendar edits as the window makes them: each checks that the signed-in person may
//! administer, delegates to the audited use case (with the person's login as the actor) and
//! reports which open cases' due moments moved. Adding and removing one holiday day (a
//! revised SKB adds or drops a cuti bersama day) lives here too.

use chrono::{DateTime, FixedOffset, NaiveDate};
use loket_domain::calendar::{Holiday, HolidayKind};
use loket_domain::roles::Role;
use loket_domain::tanggal::tanggal;

use super::moved::CalendarSaved;
use super::week_form::{week_text, DayForm};
use crate::account::Actor;
use crate::audit::record;
use crate::{ApiError, Loket};

pub const ADD_HOLIDAY: &str = "calendar.holiday.add";
pub const REMOVE_HOLIDAY: &str = "calendar.holiday.remove";

/// `libur_nasional` | `cuti_bersama` | `libur_daerah` (the kind's serde name).
fn holiday_kind(code: &str) -> Result<HolidayKind, ApiError> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).map_err(|_| {
        ApiError::bad_input(format!(
            "jenis hari libur `{code}` tidak dikenal; pilih libur nasional, cuti bersama atau libur daerah"
        ))
    })
}

/// A date typed the Indonesian way (`25/03/2026`) or as `2026-03-25`, given for `what`.
fn date_of(text: &str, what: &str) -> Result<NaiveDate, ApiError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(ApiError::bad_input(format!(
            "{what} belum diisi; tulis HH/BB/TTTT, misalnya 25/03/2026"
        )));
    }
    ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
        .ok_or_else(|| {
            ApiError::bad_input(format!(
                "{what} `{t}` tidak valid; tulis HH/BB/TTTT, misalnya 25/03/2026"
            ))
        })
}

impl Loket {
    fn require_admin(&self, actor: &Actor) -> Result<(), ApiError> {
        self.calendar_admin(actor).map(|_| ())
    }

    /// The signed-in actor, re-read, when they may edit the working calendar.
    pub(super) fn calendar_admin(&self, actor: &Actor) -> Result<Actor, ApiError> {
        let me = self.current(actor)?;
        me.require(Role::Administer)?;
        Ok(me)
    }

    /// Sets the weekly hours from the form. Errors: `Forbidden` without the administer
    /// role; `BadInput` naming every day with a problem.
    pub fn calendar_admin_set_hours(
        &mut self,
        actor: &Actor,
        week: &[DayForm],
        now: DateTime<FixedOffset>,
    ) -> Result<CalendarSaved, ApiError> {
        self.require_admin(actor)?;
        let text = week_text(week)?;
        self.with_moved(now, "Jam kerja mingguan tersimpan.", |l| {
            l.set_hours_by(&text, actor.id(), now).map(|_| ())
        })
    }

    /// Adds a date-ranged schedule (Ramadan) with the form's hours.
    ///
    /// Errors: `Forbidden`; `BadInput` for an empty name, bad dates or hours.
    pub fn calendar_admin_add_variant(
        &mut self,
        actor: &Actor,
        name: &str,
        from: &str,
        to: &str,
        week: &[DayForm],
        now: DateTime<FixedOffset>,
    ) -> Result<CalendarSaved, ApiError> {
        self.require_admin(actor)?;
        if name.trim().is_empty() {
            return Err(ApiError::bad_input(
                "nama jadwal khusus wajib diisi, misalnya \"Ramadan 1447 H\"",
            ));
        }
        let (f, t) = (
            date_of(from, "tanggal mulai")?,
            date_of(to, "tanggal selesai")?,
        );
        if t < f {
            return Err(ApiError::bad_input(format!(
                "tanggal selesai {} sebelum tanggal mulai {}; perbaiki rentangnya",
                tanggal(t),
                tanggal(f)
            )));
        }
        let text = week_text(week)?;
        let done = format!(
            "Jadwal khusus {} ({} – {}) tersimpan.",
            name.trim(),
            tanggal(f),
            tanggal(t)
        );
        self.with_moved(now, &done, |l| {
            l.add_variant_by(name, &f.to_string(), &t.to_string(), &text, actor.id(), now)
                .map(|_| ())
        })
    }

    /// Removes special schedule `id`. Errors: `Forbidden`; `NotFound`.
    pub fn calendar_admin_remove_variant(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<CalendarSaved, ApiError> {
        self.require_admin(actor)?;
        self.with_moved(now, "Jadwal khusus dihapus.", |l| {
            l.remove_variant_by(id, actor.id(), now)
        })
    }

    /// Closes the office on `date`. Errors: `Forbidden`; `BadInput` for a bad date or an
    /// empty reason.
    pub fn calendar_admin_add_closure(
        &mut self,
        actor: &Actor,
        date: &str,
        reason: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<CalendarSaved, ApiError> {
        self.require_admin(actor)?;
        let day = date_of(date, "tanggal")?;
        if reason.trim().is_empty() {
            return Err(ApiError::bad_input(
                "alasan penutupan wajib diisi, misalnya \"pindah gedung\"",
            ));
        }
        let done = format!("Penutupan kantor {} tersimpan.", tanggal(day));
        self.with_moved(now, &done, |l| {
            l.add_closure_by(&day.to_string(), reason, actor.id(), now)
                .map(|_| ())
        })
    }

    /// Re-opens the office on `date`. Errors: `Forbidden`; `NotFound` when it was open.
    pub fn calendar_admin_remove_closure(
        &mut self,
        actor: &Actor,
        date: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<CalendarSaved, ApiError> {
        self.require_admin(actor)?;
        let day = date_of(date, "tanggal")?;
        let done = format!("Penutupan kantor {} dibatalkan.", tanggal(day));
        self.with_moved(now, &done, |l| {
            l.remove_closure_by(&day.to_string(), actor.id(), now)
                .map(|_| ())
        })
    }

    /// Adds one holiday day (`kind`: libur_nasional | cuti_bersama | libur_daerah) to its
    /// year, audited. Errors: `Forbidden`; `BadInput` for a bad date, an empty name, an
    /// unknown kind or the same day and name already listed.
    pub fn calendar_admin_add_holiday(
        &mut self,
        actor: &Actor,
        date: &str,
        name: &str,
        kind: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<CalendarSaved, ApiError> {
        self.require_admin(actor)?;
        let day = date_of(date, "tanggal")?;
        if name.trim().is_empty() {
            return Err(ApiError::bad_input(
                "keterangan hari libur wajib diisi, misalnya \"Cuti Bersama Idul Fitri\"",
            ));
        }
        let holiday = Holiday {
            date: day,
            name: name.trim().to_string(),
            kind: holiday_kind(kind)?,
        };
        let done = format!(
            "Hari libur {} ({}) tersimpan.",
            tanggal(day),
            holiday.kind.label()
        );
        // Seed the shipped years first so the new day is not hidden by a later seeding.
        self.working_calendar()?;
        self.with_moved(now, &done, |l| {
            let tx = l.db.begin()?;
            if !tx.add_holiday(&holiday, &now.to_rfc3339())? {
                return Err(ApiError::bad_input(format!(
                    "{} \"{}\" sudah ada di daftar hari libur",
                    tanggal(day),
                    holiday.name
                )));
            }
            let entity = format!("kalender:libur:{day}");
            record::<(), _>(
                &tx,
                now,
                actor.id(),
                ADD_HOLIDAY,
                &entity,
                None,
                Some(&holiday),
            )?;
            tx.commit()?;
            Ok(())
        })
    }

    /// Removes the holiday `name` on `date`, audited. Errors: `Forbidden`; `NotFound`.
    pub fn calendar_admin_remove_holiday(
        &mut self,
        actor: &Actor,
        date: &str,
        name: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<CalendarSaved, ApiError> {
        self.require_admin(actor)?;
        let day = date_of(date, "tanggal")?;
        let done = format!("Hari libur {} dihapus.", tanggal(day));
        self.working_calendar()?;
        self.with_moved(now, &done, |l| {
            let tx = l.db.begin()?;
            let Some(before) = tx.remove_holiday(&day.to_string(), name)? else {
                return Err(ApiError::not_found(format!(
                    "tidak ada hari libur \"{name}\" pada {}; muat ulang halaman ini",
                    tanggal(day)
                )));
            };
            let entity = format!("kalender:libur:{day}");
            record::<_, ()>(
                &tx,
                now,
                actor.id(),
                REMOVE_HOLIDAY,
                &entity,
                Some(&before),
                None,
            )?;
            tx.commit()?;
            Ok(())
        })
    }
}
