//! `case.verify`: every requirement is present — the request is verified and handed to its
//! first holder (the Kepala Dinas, or the post it is addressed to).

use chrono::{DateTime, FixedOffset};
use loket_db::dispositions::DispositionRow;
use loket_domain::case_status::CaseEvent;
use loket_domain::roles::Role;

use super::{advance, load, record, CaseView};
use crate::account::Actor;
use crate::{ApiError, Loket};

pub const ID: &str = "case.verify";

impl Loket {
    /// Ticks the requirements numbered in `met` (1-based) and, when every requirement is then
    /// met, verifies the case and forwards it to its first holder. Nothing is written when
    /// some are missing: return the request instead (`case.give_back`).
    ///
    /// Errors: `Forbidden` without the register role; `NotFound`; `BadInput` for a number
    /// outside the checklist or missing requirements; `Conflict` when the status does not
    /// allow verification.
    pub fn case_verify(
        &mut self,
        actor: &Actor,
        id: i64,
        met: &[i64],
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        self.current(actor)?.require(Role::Register)?;
        let tx = self.db.begin()?;
        let before = load(&tx, id)?;
        let list = tx.requirements(id)?;
        if let Some(bad) = met.iter().find(|n| !list.iter().any(|r| r.number == **n)) {
            return Err(ApiError::bad_input(format!(
                "persyaratan nomor {bad} tidak ada; daftar persyaratan bernomor 1 sampai {}",
                list.len()
            )));
        }
        let missing: Vec<String> = list
            .iter()
            .filter(|r| !met.contains(&r.number))
            .map(|r| format!("{}. {}", r.number, r.text))
            .collect();
        if !missing.is_empty() {
            return Err(ApiError::bad_input(format!(
                "persyaratan belum lengkap: {}; kembalikan permohonan kepada pemohon (loket case return) atau centang yang sudah ada",
                missing.join("; ")
            )));
        }
        advance(&tx, &before, CaseEvent::Verify, now)?;
        for r in &list {
            tx.set_requirement(id, r.number, true, actor.id(), &now.to_rfc3339())?;
        }
        tx.insert_dispositions(
            &DispositionRow::outgoing(
                id,
                "penerusan",
                actor.position_id().map(str::to_string),
                actor.id(),
                &before.sifat,
                &now.to_rfc3339(),
            ),
            std::slice::from_ref(&before.addressed_to),
        )?;
        record(&tx, now, actor.id(), ID, Some(&before), id)?;
        tx.commit()?;
        self.case_show(actor, id, now)
    }
}
