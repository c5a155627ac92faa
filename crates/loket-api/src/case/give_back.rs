//! `case.give_back`: an incomplete request is returned (dikembalikan) to the applicant with
//! the missing requirements; its deadline pauses until the applicant completes them.

use chrono::{DateTime, FixedOffset};
use loket_domain::case_status::CaseEvent;
use loket_domain::roles::Role;

use super::{advance, load, record, CaseView};
use crate::account::Actor;
use crate::{ApiError, Loket};

pub const ID: &str = "case.give_back";

impl Loket {
    /// Marks the requirements numbered in `missing` as missing (the others as met), opens a
    /// pause of the deadline and moves the case to dikembalikan.
    ///
    /// Errors: `Forbidden` without the register role; `NotFound`; `BadInput` for an empty
    /// list or a number outside the checklist; `Conflict` once the case is disposed.
    pub fn case_give_back(
        &mut self,
        actor: &Actor,
        id: i64,
        missing: &[i64],
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        self.current(actor)?.require(Role::Register)?;
        if missing.is_empty() {
            return Err(ApiError::bad_input(
                "sebutkan nomor persyaratan yang kurang (misalnya --missing 1,3)",
            ));
        }
        let tx = self.db.begin()?;
        let before = load(&tx, id)?;
        let list = tx.requirements(id)?;
        if let Some(bad) = missing
            .iter()
            .find(|n| !list.iter().any(|r| r.number == **n))
        {
            return Err(ApiError::bad_input(format!(
                "persyaratan nomor {bad} tidak ada; daftar persyaratan bernomor 1 sampai {}",
                list.len()
            )));
        }
        advance(&tx, &before, CaseEvent::GiveBack, now)?;
        let stamp = now.to_rfc3339();
        for r in &list {
            tx.set_requirement(
                id,
                r.number,
                !missing.contains(&r.number),
                actor.id(),
                &stamp,
            )?;
        }
        let texts: Vec<String> = list
            .iter()
            .filter(|r| missing.contains(&r.number))
            .map(|r| r.text.clone())
            .collect();
        tx.open_pause(id, &texts, &stamp)?;
        tx.set_case_due(id, None)?;
        record(&tx, now, actor.id(), ID, Some(&before), id)?;
        tx.commit()?;
        self.case_show(actor, id, now)
    }
}
