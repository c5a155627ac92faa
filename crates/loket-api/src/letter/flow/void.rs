//! `letter.void`: the preparer cancels a draft that was not signed; its reserved number is
//! voided with the reason and never given again.

use chrono::{DateTime, FixedOffset};

use super::dto::DraftView;
use super::update::preparer_only;
use super::{save_step, wrong_state, State};
use crate::account::Actor;
use crate::{ApiError, Loket};

pub const ID: &str = "letter.void";

impl Loket {
    /// Cancels draft `id` with `reason`.
    ///
    /// Errors: `BadInput` for an empty reason; `Forbidden` for anyone but the preparer;
    /// `Conflict` once it is issued or already cancelled.
    pub fn letter_void(
        &mut self,
        actor: &Actor,
        id: i64,
        reason: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        let actor = self.current(actor)?;
        let reason = reason.trim();
        crate::text::check("alasan pembatalan", reason, crate::text::REASON_MAX)?;
        if reason.is_empty() {
            return Err(ApiError::bad_input(
                "alasan pembatalan wajib diisi, mis. \"permohonan dicabut\"",
            ));
        }
        let before = self.draft_row(id)?;
        preparer_only(&before, &actor, "membatalkan")?;
        if matches!(State::parse(&before.status), State::Terbit | State::Batal) {
            return Err(wrong_state(&before, "dibatalkan"));
        }
        let mut after = before.clone();
        after.status = State::Batal.code().to_string();
        after.note = reason.to_string();
        after.updated_at = crate::letter::stamp(now);
        let tx = self.db.begin()?;
        tx.void_number(
            before.number_id,
            &format!("konsep surat dibatalkan: {reason}"),
            &after.updated_at,
        )?;
        save_step(
            &tx,
            &before,
            &after,
            &actor,
            actor.position_id(),
            "batal",
            ID,
            reason,
            now,
        )?;
        tx.commit()?;
        self.letter_show(&actor, id, now)
    }
}
