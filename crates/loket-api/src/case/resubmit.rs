//! `case.resubmit`: the applicant completed the requirements — the pause ends, the deadline
//! runs again (recomputed with the pause), and the case returns to diterima for verification.

use chrono::{DateTime, FixedOffset};
use loket_domain::case_status::CaseEvent;
use loket_domain::roles::Role;

use super::{advance, load, record, CaseView};
use crate::account::Actor;
use crate::{ApiError, Loket};

pub const ID: &str = "case.resubmit";

impl Loket {
    /// Ends the pause and recomputes the due moment.
    ///
    /// Errors: `Forbidden` without the register role; `NotFound`; `Conflict` unless the case
    /// is dikembalikan.
    pub fn case_resubmit(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        self.current(actor)?.require(Role::Register)?;
        let row = self.db.case(id)?.ok_or_else(|| super::not_found(id))?;
        let mut pauses = self.case_pauses(id)?;
        if let Some(open) = pauses.iter_mut().find(|p| p.to.is_none()) {
            open.to = Some(now);
        }
        let due = self.case_due(&row, &pauses)?;
        let tx = self.db.begin()?;
        let before = load(&tx, id)?;
        advance(&tx, &before, CaseEvent::Resubmit, now)?;
        tx.close_pause(id, &now.to_rfc3339())?;
        tx.set_case_due(id, due.as_deref())?;
        record(&tx, now, actor.id(), ID, Some(&before), id)?;
        tx.commit()?;
        self.case_show(actor, id, now)
    }
}
