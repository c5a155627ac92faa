//! `letter.paraf`: the next verifier in the chain initials the draft; after the last one it
//! waits for the signature.

use chrono::{DateTime, FixedOffset};
use loket_db::letter_drafts::DraftRow;
use loket_domain::roles::Role;

use super::dto::DraftView;
use super::{chain_of, wrong_state, State};
use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

pub const ID: &str = "letter.paraf";

impl Loket {
    /// Initials draft `id` for the post whose turn it is. Only its holder or their
    /// Plt./Plh. may, in the chain's order.
    ///
    /// Errors: `Forbidden` without the paraf role or the post whose turn it is;
    /// `Conflict` unless the draft waits for paraf, or when the actor's paraf comes later.
    pub fn letter_paraf(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        let actor = self.current(actor)?;
        actor.require(Role::Paraf)?;
        let before = self.draft_row(id)?;
        if State::parse(&before.status) != State::MenungguParaf {
            return Err(wrong_state(&before, "diparaf"));
        }
        let post = self.turn_post(&before, &actor, now)?;
        let mut after = before.clone();
        after.parafs += 1;
        if after.parafs as usize >= chain_of(&before).len() {
            after.status = State::MenungguTandaTangan.code().to_string();
        }
        after.updated_at = crate::letter::stamp(now);
        self.commit_step(&before, &after, &actor, Some(&post), "paraf", ID, "", now)
    }

    /// The post whose paraf is due, when `actor` holds it (or acts for it).
    pub(crate) fn turn_post(
        &self,
        d: &DraftRow,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<String, ApiError> {
        let chain = chain_of(d);
        let posts = self.posts_of(actor, now)?;
        let Some(due) = chain.get(d.parafs as usize) else {
            return Err(wrong_state(d, "diparaf"));
        };
        if posts.contains(due) {
            return Ok(due.clone());
        }
        let title = self.post_title(due)?;
        if chain[d.parafs as usize..].iter().any(|p| posts.contains(p)) {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!(
                    "belum giliran akun {}: surat {} menunggu paraf {title} lebih dahulu",
                    actor.id(),
                    d.id
                ),
            ));
        }
        Err(ApiError::new(
            ErrorCode::Forbidden,
            format!(
                "surat {} menunggu paraf {title}; akun {} tidak memegang jabatan itu (atau Plt./Plh.-nya)",
                d.id,
                actor.id()
            ),
        ))
    }

    /// The title of a post, or its id when it is gone.
    pub(crate) fn post_title(&self, post: &str) -> Result<String, ApiError> {
        Ok(self
            .db
            .positions()?
            .into_iter()
            .find(|p| p.id == post)
            .map(|p| p.title)
            .unwrap_or_else(|| post.to_string()))
    }
}
