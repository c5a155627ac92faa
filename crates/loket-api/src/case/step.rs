//! `case.step`: tick a procedure step of the case's service as work happens.

use chrono::{DateTime, FixedOffset};
use loket_domain::case_status::{CaseEvent, CaseStatus};
use loket_domain::roles::Role;

use super::{advance, load, record, status_of, CaseView};
use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

pub const ID: &str = "case.step";

impl Loket {
    /// Ticks step `number`. A step whose actor is a post is ticked by whoever holds that post
    /// (or acts for it); a step of the applicant or without an actor by anyone the case was
    /// handed to, or the secretariat (register role). The first tick after disposition moves
    /// the case to diproses.
    ///
    /// Errors: `NotFound`; `BadInput` for an unknown step; `Conflict` for a step already
    /// ticked, or a case returned or closed; `Forbidden` for someone else's step.
    pub fn case_step(
        &mut self,
        actor: &Actor,
        id: i64,
        number: i64,
        note: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        let actor = self.current(actor)?;
        let posts = self.posts_of(&actor, now)?;
        let involved = self.involved_posts(id, &posts)?;
        let positions = self.db.positions()?;
        let tx = self.db.begin()?;
        let before = load(&tx, id)?;
        let status = status_of(&before)?;
        if status.is_closed() || status == CaseStatus::Dikembalikan {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!(
                    "permohonan berstatus \"{}\"; langkah prosedur tidak dapat dicentang",
                    status.label()
                ),
            ));
        }
        let steps = tx.steps(id)?;
        let step = steps.iter().find(|s| s.number == number).ok_or_else(|| {
            ApiError::bad_input(format!(
                "langkah nomor {number} tidak ada; prosedur layanan ini bernomor 1 sampai {}",
                steps.len()
            ))
        })?;
        if step.done_at.is_some() {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!("langkah {number} sudah dicentang"),
            ));
        }
        let own_post = step
            .actor_id
            .as_deref()
            .filter(|a| positions.iter().any(|p| p.id == *a));
        let allowed = match own_post {
            Some(post) => posts.iter().any(|p| p == post),
            None => !involved.is_empty() || actor.roles().contains(&Role::Register),
        };
        if !allowed {
            let whose = own_post
                .and_then(|p| positions.iter().find(|x| x.id == p))
                .map(|p| p.title.clone())
                .unwrap_or_else(|| "pemegang surat ini".into());
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!(
                    "langkah {number} dikerjakan oleh {whose}; akun {} tidak memegang jabatan itu",
                    actor.id()
                ),
            ));
        }
        tx.tick_step(id, number, actor.id(), note.trim(), &now.to_rfc3339())?;
        if status == CaseStatus::Didisposisi {
            advance(&tx, &before, CaseEvent::Work, now)?;
        }
        record(&tx, now, actor.id(), ID, Some(&before), id)?;
        tx.commit()?;
        self.case_show(&actor, id, now)
    }
}
