//! `disposition.withdraw`: the sender takes back a disposition nobody has read yet.

use chrono::{DateTime, FixedOffset};

use super::{not_found, still_open};
use crate::account::Actor;
use crate::case::CaseView;
use crate::{audit, ApiError, ErrorCode, Loket};

pub const ID: &str = "disposition.withdraw";

impl Loket {
    /// Withdraws disposition `id`.
    ///
    /// Errors: `NotFound`; `Forbidden` for someone who neither sent it nor holds the sending
    /// post; `Conflict` once it was read (the recipient has seen it), completed or withdrawn.
    pub fn disposition_withdraw(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        let actor = self.current(actor)?;
        let posts = self.posts_of(&actor, now)?;
        let tx = self.db.begin()?;
        let before = tx.disposition(id)?.ok_or_else(|| not_found(id))?;
        let sender = before.from_account == actor.id()
            || before
                .from_position
                .as_ref()
                .is_some_and(|p| posts.contains(p));
        if !sender {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!("disposisi {id} hanya dapat ditarik oleh pengirimnya"),
            ));
        }
        still_open(&before)?;
        if let Some(read) = &before.read_at {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!("disposisi {id} sudah dibaca pada {read}; disposisi yang sudah dibaca tidak dapat ditarik"),
            ));
        }
        tx.mark_withdrawn(id, &now.to_rfc3339())?;
        let after = tx.disposition(id)?;
        audit::record(
            &tx,
            now,
            actor.id(),
            ID,
            &format!("disposition:{id}"),
            Some(&before),
            after.as_ref(),
        )?;
        tx.commit()?;
        self.case_show(&actor, before.case_id, now)
    }
}
