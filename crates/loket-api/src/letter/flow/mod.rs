//! The letter workflow: konsep → menunggu paraf → menunggu tanda tangan → terbit, with
//! dikembalikan (returned to the preparer) and batal. One module per use case; this one
//! holds the state machine, the chain of verifiers and what every use case shares.

mod chain;
mod correct;
mod draft;
pub mod dto;
mod give_back;
mod paraf;
mod preview;
mod queues;
mod sign;
mod update;
mod void;

pub use correct::ID as CORRECT;
pub use draft::ID as DRAFT;
pub use give_back::ID as RETURN;
pub use paraf::ID as PARAF;
pub use preview::ID as PREVIEW;
pub use queues::{ID_QUEUES as QUEUES, ID_SHOW as SHOW};
pub use sign::{SignWith, ID as SIGN};
pub use update::{ID_SUBMIT as SUBMIT, ID_UPDATE as UPDATE};
pub use void::ID as VOID;

use chrono::{DateTime, FixedOffset};
use loket_db::letter_drafts::{DraftEvent, DraftRow};
use loket_db::Tx;

use super::dto::LetterContent;
use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

/// Where a draft stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Konsep,
    MenungguParaf,
    MenungguTandaTangan,
    Terbit,
    Dikembalikan,
    Batal,
}

impl State {
    pub fn code(self) -> &'static str {
        match self {
            State::Konsep => "konsep",
            State::MenungguParaf => "menunggu_paraf",
            State::MenungguTandaTangan => "menunggu_tanda_tangan",
            State::Terbit => "terbit",
            State::Dikembalikan => "dikembalikan",
            State::Batal => "batal",
        }
    }

    /// What people read ("Menunggu paraf").
    pub fn label(self) -> &'static str {
        match self {
            State::Konsep => "Konsep",
            State::MenungguParaf => "Menunggu paraf",
            State::MenungguTandaTangan => "Menunggu tanda tangan",
            State::Terbit => "Terbit",
            State::Dikembalikan => "Dikembalikan",
            State::Batal => "Dibatalkan",
        }
    }

    pub fn parse(code: &str) -> State {
        match code {
            "menunggu_paraf" => State::MenungguParaf,
            "menunggu_tanda_tangan" => State::MenungguTandaTangan,
            "terbit" => State::Terbit,
            "dikembalikan" => State::Dikembalikan,
            "batal" => State::Batal,
            _ => State::Konsep,
        }
    }

    /// The preparer may still change the text.
    pub fn editable(self) -> bool {
        matches!(self, State::Konsep | State::Dikembalikan)
    }
}

/// Refuses a step the draft's state does not allow, saying where it stands.
pub(crate) fn wrong_state(d: &DraftRow, what: &str) -> ApiError {
    let state = State::parse(&d.status);
    let hint = match state {
        State::Terbit => {
            "surat sudah terbit dan tidak dapat diubah lagi; buat surat baru bila perlu"
        }
        State::Batal => "konsep ini sudah dibatalkan",
        State::Konsep | State::Dikembalikan => {
            "konsep masih di tangan penyusun; ajukan dahulu untuk diparaf"
        }
        State::MenungguParaf => "konsep sedang menunggu paraf",
        State::MenungguTandaTangan => "konsep sudah lengkap diparaf dan menunggu tanda tangan",
    };
    ApiError::new(
        ErrorCode::Conflict,
        format!(
            "surat {} berstatus '{}' sehingga tidak dapat {what}; {hint}",
            d.id,
            state.label()
        ),
    )
}

pub(crate) fn entity(id: i64) -> String {
    format!("letter_draft:{id}")
}

pub(crate) fn content_of(d: &DraftRow) -> Result<LetterContent, ApiError> {
    serde_json::from_str(&d.content).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("isi konsep surat {} rusak: {e}", d.id),
        )
    })
}

pub(crate) fn content_json(c: &LetterContent) -> Result<String, ApiError> {
    crate::audit::snapshot(c)
}

pub(crate) fn chain_of(d: &DraftRow) -> Vec<String> {
    serde_json::from_str(&d.chain).unwrap_or_default()
}

impl Loket {
    /// The draft `id`, or a not-found message.
    pub(crate) fn draft_row(&self, id: i64) -> Result<DraftRow, ApiError> {
        self.db.draft(id)?.ok_or_else(|| {
            ApiError::not_found(format!(
                "tidak ada konsep surat nomor {id}; lihat daftar di bagian Surat"
            ))
        })
    }
}

/// Writes the new state of a draft, its history line and the audit entry, inside `tx`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn save_step(
    tx: &Tx,
    before: &DraftRow,
    after: &DraftRow,
    actor: &Actor,
    post: Option<&str>,
    action: &str,
    use_case: &str,
    note: &str,
    now: DateTime<FixedOffset>,
) -> Result<(), ApiError> {
    let shape = audit_shape(after);
    save_step_audited(
        tx, before, after, &shape, actor, post, action, use_case, note, now,
    )
}

/// As [`save_step`], the audit entry's after-state given (signing adds the issued PDF's hash,
/// which ties the letter's file to its audited issuing).
#[allow(clippy::too_many_arguments)]
pub(crate) fn save_step_audited(
    tx: &Tx,
    before: &DraftRow,
    after: &DraftRow,
    after_shape: &serde_json::Value,
    actor: &Actor,
    post: Option<&str>,
    action: &str,
    use_case: &str,
    note: &str,
    now: DateTime<FixedOffset>,
) -> Result<(), ApiError> {
    tx.update_draft(after)?;
    tx.add_draft_event(&DraftEvent {
        draft_id: after.id,
        action: action.to_string(),
        account_id: actor.id().to_string(),
        account_name: actor.name().to_string(),
        position_id: post.map(str::to_string),
        note: note.to_string(),
        at: super::stamp(now),
    })?;
    crate::audit::record(
        tx,
        now,
        actor.id(),
        use_case,
        &entity(after.id),
        Some(&audit_shape(before)),
        Some(after_shape),
    )
}

impl Loket {
    /// Saves one workflow step in its own transaction (draft, history line, audit) and
    /// returns the letter page as `actor` now sees it.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn commit_step(
        &mut self,
        before: &DraftRow,
        after: &DraftRow,
        actor: &Actor,
        post: Option<&str>,
        action: &str,
        use_case: &str,
        note: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<dto::DraftView, ApiError> {
        let tx = self.db.begin()?;
        save_step(&tx, before, after, actor, post, action, use_case, note, now)?;
        tx.commit()?;
        self.letter_show(actor, after.id, now)
    }
}

/// What the audit trail keeps of a draft.
pub(crate) fn audit_shape(d: &DraftRow) -> serde_json::Value {
    serde_json::json!({
        "status": d.status,
        "parafs": d.parafs,
        "content": d.content,
        "issued_letter_id": d.issued_letter_id,
        "note": d.note,
    })
}
