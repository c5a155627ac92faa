//! `case.reject`: the request is refused (ditolak) with a reason — by the secretariat at
//! intake, or by someone the case was handed to. The reason is kept in the audit trail and
//! shown in the case's history.

use chrono::{DateTime, FixedOffset};
use loket_db::cases::CaseRow;
use loket_domain::case_status::CaseEvent;
use loket_domain::roles::Role;
use serde::Serialize;

use super::{advance, load, CaseView};
use crate::account::Actor;
use crate::{audit, ApiError, ErrorCode, Loket};

pub const ID: &str = "case.reject";

/// The audit's after state of a rejection: the case and why.
#[derive(Serialize)]
struct Rejected<'a> {
    #[serde(flatten)]
    case: &'a CaseRow,
    alasan: &'a str,
}

impl Loket {
    /// Rejects case `id`; an open pause (returned request) ends with it.
    ///
    /// Errors: `BadInput` for an empty reason; `NotFound`; `Forbidden` for someone who neither
    /// registers letters nor holds the case with the dispose role; `Conflict` for a case
    /// already selesai or ditolak.
    pub fn case_reject(
        &mut self,
        actor: &Actor,
        id: i64,
        reason: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        let actor = self.current(actor)?;
        let reason = reason.trim();
        crate::text::check("alasan penolakan", reason, crate::text::REASON_MAX)?;
        if reason.is_empty() {
            return Err(ApiError::bad_input(
                "alasan penolakan kosong; tulis mengapa permohonan ditolak (alasan ini dicatat)",
            ));
        }
        if self.db.case(id)?.is_none() {
            return Err(super::not_found(id));
        }
        let registrar = actor.roles().contains(&Role::Register);
        let holder = actor.roles().contains(&Role::Dispose)
            && !self
                .involved_posts(id, &self.posts_of(&actor, now)?)?
                .is_empty();
        if !registrar && !holder {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!(
                    "akun {} tidak dapat menolak permohonan {id}: penolakan dilakukan oleh pencatat surat atau pejabat yang memegang permohonan ini",
                    actor.id()
                ),
            ));
        }
        let tx = self.db.begin()?;
        let before = load(&tx, id)?;
        advance(&tx, &before, CaseEvent::Reject, now)?;
        let stamp = now.to_rfc3339();
        tx.close_pause(id, &stamp)?;
        let after = load(&tx, id)?;
        audit::record(
            &tx,
            now,
            actor.id(),
            ID,
            &format!("case:{id}"),
            Some(&before),
            Some(&Rejected {
                case: &after,
                alasan: reason,
            }),
        )?;
        tx.commit()?;
        self.case_show(&actor, id, now)
    }
}
