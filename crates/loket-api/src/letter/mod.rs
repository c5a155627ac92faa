//! Letters (naskah dinas): render drafts and print copies, issue with a number from the
//! register, verify a file, list the outgoing agenda, keep the numbering patterns.

pub mod bench;
pub mod dto;
pub mod flow;
mod issue;
mod kinds;
pub(crate) mod limits;
pub(crate) mod list;
pub(crate) mod numbering;
pub mod patterns;
mod render;
pub mod template;
mod verify;

pub use issue::{Issued, ISSUE};
pub use kinds::{KINDS, SAMPLE};
pub use list::LIST;
pub use numbering::{Reservation, NUMBER_LIST, NUMBER_RESERVE, NUMBER_VOID, PATTERN_LIST};
pub use render::RENDER;
pub use template::{
    TemplateView, TEMPLATE_LIST, TEMPLATE_PREVIEW, TEMPLATE_RESET, TEMPLATE_SAVE, TEMPLATE_SHOW,
};
pub use verify::VERIFY;

use loket_letters::{spec, Letter, LetterError, LetterKind, Renderer};

use crate::{ApiError, Loket};
use dto::LetterRequest;

impl From<LetterError> for ApiError {
    fn from(e: LetterError) -> Self {
        match e {
            LetterError::Pdf(_) => ApiError::new(crate::ErrorCode::Internal, e.to_string()),
            _ => ApiError::bad_input(e.to_string()),
        }
    }
}

/// A moment as stored in the register and agenda: RFC 3339 to the second.
/// Refuses an account holding neither the register nor the dispose role: letters are
/// prepared (drafted, corrected, their numbers reserved or voided) by those roles only.
/// `what` names the act in the refusal ("menyusun konsep surat").
pub(crate) fn require_preparer(actor: &crate::account::Actor, what: &str) -> Result<(), ApiError> {
    use loket_domain::roles::Role;
    if actor
        .roles()
        .iter()
        .any(|r| matches!(r, Role::Register | Role::Dispose))
    {
        return Ok(());
    }
    Err(ApiError::new(
        crate::ErrorCode::Forbidden,
        format!(
            "akun {} tidak berwenang {what}; minta admin menambahkan peran `register` atau `dispose`",
            actor.id()
        ),
    ))
}

pub(crate) fn stamp(now: chrono::DateTime<chrono::FixedOffset>) -> String {
    now.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

/// The kind for an id, or a message listing the known ids.
pub(crate) fn kind(id: &str) -> Result<LetterKind, ApiError> {
    spec::kind_from_id(id).ok_or_else(|| {
        let known: Vec<&str> = spec::ALL_KINDS.iter().map(|k| spec::kind_id(*k)).collect();
        ApiError::bad_input(format!(
            "jenis surat '{id}' tidak dikenal; pilih salah satu: {}",
            known.join(", ")
        ))
    })
}

impl Loket {
    /// The renderer over the office's templates.
    pub(crate) fn letter_renderer(&self) -> Result<Renderer, ApiError> {
        Ok(Renderer::new(self.letter_templates()?))
    }

    /// The letter a request describes, with the office's kop and the resolved signer.
    pub(crate) fn letter_from(
        &self,
        req: &LetterRequest,
        nomor: Option<&str>,
    ) -> Result<Letter, ApiError> {
        let kind = kind(&req.kind)?;
        let profile = self.db.profile()?;
        let penandatangan = loket_letters::signer::resolve(
            &profile,
            req.signer.as_deref(),
            req.content.penandatangan.as_ref(),
        )?;
        Ok(Letter {
            kind,
            office: profile.office,
            penandatangan,
            nomor: nomor.map(str::to_string),
            content: req.content.clone(),
        })
    }
}
