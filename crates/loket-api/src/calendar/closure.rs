//! `calendar.closure.add`, `calendar.closure.remove`: days the office is closed.

use chrono::{DateTime, FixedOffset};
use loket_domain::calendar::Closure;

use super::hours::parse_date;
use crate::account::Actor;
use crate::audit::record;
use crate::{ApiError, Loket};

pub const ADD_CLOSURE: &str = "calendar.closure.add";
pub const REMOVE_CLOSURE: &str = "calendar.closure.remove";

impl Loket {
    /// Closes the office on `date` for `reason` (re-words an existing closure that day).
    ///
    /// Errors: `Forbidden` without the administer role; `BadInput` for a bad date or an
    /// empty reason.
    pub fn calendar_add_closure(
        &mut self,
        actor: &Actor,
        date: &str,
        reason: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Closure, ApiError> {
        let me = self.calendar_admin(actor)?;
        self.add_closure_by(date, reason, me.id(), now)
    }

    pub(super) fn add_closure_by(
        &mut self,
        date: &str,
        reason: &str,
        actor: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Closure, ApiError> {
        let date = parse_date(date, "--date")?;
        crate::text::check("alasan penutupan", reason.trim(), crate::text::REASON_MAX)?;
        if reason.trim().is_empty() {
            return Err(ApiError::bad_input(
                "alasan penutupan wajib diisi (--reason), misalnya \"pindah gedung\"",
            ));
        }
        let closure = Closure {
            date,
            reason: reason.trim().to_string(),
        };
        let tx = self.db.begin()?;
        let before = tx.put_closure(&closure, &now.to_rfc3339())?;
        let entity = format!("kalender:tutup:{date}");
        record(
            &tx,
            now,
            actor,
            ADD_CLOSURE,
            &entity,
            before.as_ref(),
            Some(&closure),
        )?;
        tx.commit()?;
        Ok(closure)
    }

    /// Re-opens `date`. Errors: `Forbidden` without the administer role; `BadInput` for a
    /// bad date, `NotFound` when it was not closed.
    pub fn calendar_remove_closure(
        &mut self,
        actor: &Actor,
        date: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Closure, ApiError> {
        let me = self.calendar_admin(actor)?;
        self.remove_closure_by(date, me.id(), now)
    }

    pub(super) fn remove_closure_by(
        &mut self,
        date: &str,
        actor: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Closure, ApiError> {
        let date = parse_date(date, "--date")?;
        let tx = self.db.begin()?;
        let Some(before) = tx.remove_closure(&date.to_string())? else {
            return Err(ApiError::not_found(format!(
                "tidak ada penutupan kantor pada {date}; lihat daftarnya dengan `loket calendar show`"
            )));
        };
        let entity = format!("kalender:tutup:{date}");
        record::<_, ()>(
            &tx,
            now,
            actor,
            REMOVE_CLOSURE,
            &entity,
            Some(&before),
            None,
        )?;
        tx.commit()?;
        Ok(before)
    }
}
