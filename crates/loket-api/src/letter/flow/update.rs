//! `letter.update` (the preparer edits a konsep or a returned draft) and `letter.submit`
//! (the preparer sends it on for paraf once it renders).

use chrono::{DateTime, FixedOffset};
use loket_letters::spec::{self, FieldType};

use super::dto::DraftView;
use super::{chain_of, content_json, content_of, wrong_state, State};
use crate::account::Actor;
use crate::letter::dto::{LetterContent, LetterRequest};
use crate::{ApiError, ErrorCode, Loket};

pub const ID_UPDATE: &str = "letter.update";
pub const ID_SUBMIT: &str = "letter.submit";

impl Loket {
    /// Replaces the content of draft `id`. Only its preparer may, and only while it is a
    /// konsep or returned; a signer written into the content is ignored (the signer is who
    /// signs).
    ///
    /// Errors: `NotFound`; `Forbidden` for anyone but the preparer; `Conflict` after it was
    /// sent on, signed or cancelled; `BadInput` naming a text that is too long or holds a
    /// control character (see [`crate::letter::limits`]; nothing is written).
    pub fn letter_update(
        &mut self,
        actor: &Actor,
        id: i64,
        content: &LetterContent,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        let actor = self.current(actor)?;
        let before = self.draft_row(id)?;
        preparer_only(&before, &actor, "mengubah")?;
        if !State::parse(&before.status).editable() {
            return Err(wrong_state(&before, "diubah"));
        }
        crate::letter::limits::check(&before.kind, content)?;
        let mut content = content.clone();
        content.penandatangan = None;
        keep_frozen(&before.kind, &content_of(&before)?, &mut content);
        let mut after = before.clone();
        after.content = content_json(&content)?;
        after.updated_at = crate::letter::stamp(now);
        self.commit_step(
            &before,
            &after,
            &actor,
            actor.position_id(),
            "ubah",
            ID_UPDATE,
            "",
            now,
        )
    }

    /// Sends draft `id` on: to the first verifier, or straight to the signer when the office
    /// has no verifier for it. The letter must render (every required field filled).
    ///
    /// Errors: `NotFound`; `Forbidden` for anyone but the preparer; `Conflict` unless it is
    /// a konsep or returned; `BadInput` naming the field that stops it rendering.
    pub fn letter_submit(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<DraftView, ApiError> {
        let actor = self.current(actor)?;
        let before = self.draft_row(id)?;
        preparer_only(&before, &actor, "mengajukan")?;
        if !State::parse(&before.status).editable() {
            return Err(wrong_state(&before, "diajukan"));
        }
        let req = LetterRequest {
            kind: before.kind.clone(),
            content: content_of(&before)?,
            signer: None,
            case_id: None,
        };
        self.letter_render(&req, None).map_err(|e| {
            ApiError::new(
                e.code,
                format!("konsep belum dapat diajukan: {}", e.message),
            )
        })?;
        let mut after = before.clone();
        after.status = if chain_of(&before).is_empty() {
            State::MenungguTandaTangan
        } else {
            State::MenungguParaf
        }
        .code()
        .to_string();
        after.parafs = 0;
        after.updated_at = crate::letter::stamp(now);
        self.commit_step(
            &before,
            &after,
            &actor,
            actor.position_id(),
            "ajukan",
            ID_SUBMIT,
            "",
            now,
        )
    }
}

/// Keeps every field Loket froze into a draft of `kind` ([`FieldType::Frozen`], such as the
/// evaluation report's figures) whatever an edit sends: the preparer may change the wording
/// around them, never the figures.
fn keep_frozen(kind: &str, before: &LetterContent, after: &mut LetterContent) {
    let Some(k) = spec::kind_from_id(kind) else {
        return;
    };
    for f in spec::fields(k).iter().filter(|f| f.ty == FieldType::Frozen) {
        match before.isi.get(f.key) {
            Some(v) => after.isi.insert(f.key.to_string(), v.clone()),
            None => after.isi.remove(f.key),
        };
    }
}

/// Refuses anyone but the draft's preparer.
pub(crate) fn preparer_only(
    d: &loket_db::letter_drafts::DraftRow,
    actor: &Actor,
    verb: &str,
) -> Result<(), ApiError> {
    if d.prepared_by == actor.id() {
        Ok(())
    } else {
        Err(ApiError::new(
            ErrorCode::Forbidden,
            format!(
                "hanya penyusun konsep ({}) yang dapat {verb} surat {}; akun {} dapat memaraf atau mengembalikannya bila gilirannya",
                d.prepared_by,
                d.id,
                actor.id()
            ),
        ))
    }
}
