//! `deadlines.due_soon` and `deadlines.set_due_soon`: when a case or disposition counts as
//! due soon, per kind of service time. Defaults: 1 working day for services counted in days
//! and for dispositions, 25 % of the time left for services counted in minutes or hours. An
//! administrator may change them; the change is audited and applies to every open item.

use chrono::{DateTime, FixedOffset};
use loket_domain::catalog::ServiceTime;
use loket_domain::deadline::DueSoon;
use loket_domain::roles::Role;
use serde::{Deserialize, Serialize};

use crate::account::Actor;
use crate::{ApiError, Loket};

#[cfg(feature = "ts")]
use ts_rs::TS;

pub const SET_DUE_SOON: &str = "deadlines.set_due_soon";

/// The office's due-soon thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DueSoonSettings {
    /// Services counted in (working or calendar) days: due soon on one of the next N working
    /// days. 1 to 10.
    pub working_days: u32,
    /// Services counted in minutes or hours: due soon when at most this share of the time is
    /// left, in percent. 5 to 90.
    pub percent: u32,
    /// Dispositions with a batas waktu: due soon on one of the next N working days. 1 to 10.
    pub disposition_days: u32,
}

impl Default for DueSoonSettings {
    fn default() -> Self {
        DueSoonSettings {
            working_days: 1,
            percent: 25,
            disposition_days: 1,
        }
    }
}

impl DueSoonSettings {
    /// The rule for a service time.
    pub fn rule(&self, time: &ServiceTime) -> DueSoon {
        match DueSoon::for_time(time) {
            DueSoon::WorkingDays(_) => DueSoon::WorkingDays(self.working_days),
            DueSoon::Percent { office_time, .. } => DueSoon::Percent {
                percent: self.percent.min(100) as u8,
                office_time,
            },
        }
    }

    /// The rule for a disposition's batas waktu.
    pub fn disposition(&self) -> DueSoon {
        DueSoon::WorkingDays(self.disposition_days)
    }

    fn check(&self) -> Result<(), ApiError> {
        let mut problems = Vec::new();
        if !(1..=10).contains(&self.working_days) {
            problems.push("ambang layanan harian harus 1 sampai 10 hari kerja");
        }
        if !(5..=90).contains(&self.percent) {
            problems.push("ambang layanan dalam jam/menit harus 5 sampai 90 persen");
        }
        if !(1..=10).contains(&self.disposition_days) {
            problems.push("ambang disposisi harus 1 sampai 10 hari kerja");
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(ApiError::bad_input(format!(
                "ambang segera jatuh tempo tidak disimpan: {}",
                problems.join("; ")
            )))
        }
    }
}

impl Loket {
    /// The thresholds in force (the defaults where none was set).
    pub fn due_soon_settings(&self) -> Result<DueSoonSettings, ApiError> {
        let mut s = DueSoonSettings::default();
        for (kind, value) in self.db.due_soon()? {
            let v = u32::try_from(value).unwrap_or(1);
            match kind.as_str() {
                "hari_kerja" => s.working_days = v,
                "persen" => s.percent = v,
                "disposisi" => s.disposition_days = v,
                _ => {}
            }
        }
        Ok(s)
    }

    /// Changes the thresholds; administrators only. Errors: `Forbidden` without the
    /// administer role, `BadInput` naming each value out of range.
    pub fn due_soon_set(
        &mut self,
        actor: &Actor,
        new: &DueSoonSettings,
        now: DateTime<FixedOffset>,
    ) -> Result<DueSoonSettings, ApiError> {
        let actor = self.current(actor)?;
        actor.require(Role::Administer)?;
        new.check()?;
        let before = self.due_soon_settings()?;
        let at = now.to_rfc3339();
        let tx = self.db.begin()?;
        for (kind, value) in [
            ("hari_kerja", new.working_days),
            ("persen", new.percent),
            ("disposisi", new.disposition_days),
        ] {
            tx.set_due_soon(kind, i64::from(value), &at, actor.id())?;
        }
        crate::audit::record(
            &tx,
            now,
            actor.id(),
            SET_DUE_SOON,
            "office:due_soon",
            Some(&before),
            Some(new),
        )?;
        tx.commit()?;
        self.due_soon_settings()
    }
}
