//! `letter.return`: the verifier whose turn it is, or the signer, returns the draft to its
//! preparer with a note; the paraf round starts again after the preparer resubmits.

use chrono::{DateTime, FixedOffset};

use loket_domain::roles::Role;

use super::dto::DraftView;
use super::{wrong_state, State};
use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

pub const ID: &str = "letter.return";

impl Loket {
    /// Returns draft `id` to its preparer with `note`.
    ///
    /// Errors: `Forbidden` without the paraf or sign role and for anyone whose turn it is
    /// not; `BadInput` for an empty note; `Conflict` unless it waits for paraf or signature.
    pub fn letter_return(
        &mut self,
        actor: &Actor,
        id: i64,
        note: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        let actor = self.current(actor)?;
        // Only someone who initials or signs letters can ever hold a draft's turn.
        if !actor
            .roles()
            .iter()
            .any(|r| matches!(r, Role::Paraf | Role::Sign))
        {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!(
                    "akun {} tidak berwenang mengembalikan konsep surat; hanya pemaraf atau penandatangan yang gilirannya",
                    actor.id()
                ),
            ));
        }
        let note = note.trim();
        if note.is_empty() {
            return Err(ApiError::bad_input(
                "catatan pengembalian wajib diisi: tulis apa yang perlu diperbaiki penyusun",
            ));
        }
        crate::text::check_lines("catatan pengembalian", note, crate::text::NOTES_MAX)?;
        let before = self.draft_row(id)?;
        let post = match State::parse(&before.status) {
            State::MenungguParaf => self.turn_post(&before, &actor, now)?,
            State::MenungguTandaTangan => {
                if !self
                    .posts_of(&actor, now)?
                    .contains(&before.signer_position)
                {
                    return Err(ApiError::new(
                        ErrorCode::Forbidden,
                        format!(
                            "surat {} menunggu tanda tangan {}; hanya penandatangan yang dapat mengembalikannya sekarang",
                            before.id,
                            self.post_title(&before.signer_position)?
                        ),
                    ));
                }
                before.signer_position.clone()
            }
            _ => return Err(wrong_state(&before, "dikembalikan")),
        };
        let mut after = before.clone();
        after.status = State::Dikembalikan.code().to_string();
        after.parafs = 0;
        after.note = note.to_string();
        after.updated_at = crate::letter::stamp(now);
        self.commit_step(
            &before,
            &after,
            &actor,
            Some(&post),
            "kembalikan",
            ID,
            note,
            now,
        )
    }
}
