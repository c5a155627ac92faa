//! `letter.render`: a draft, preview or print copy as PDF. Nothing is stored and no number
//! is consumed; a password typed for this print appears only in these bytes.

use loket_letters::seal::sha256_hex;

use super::dto::{LetterRequest, RenderedPdf};
use crate::{ApiError, Loket};

pub const RENDER: &str = "letter.render";

impl Loket {
    /// Renders `req`; `nomor` is printed when given (e.g. a reserved number), else the
    /// draft placeholder.
    ///
    /// Errors: `bad_input` for an unknown kind or signer, a missing or malformed field, an
    /// over-long hal, or a template that does not compile (with file and line).
    pub fn letter_render(
        &self,
        req: &LetterRequest,
        nomor: Option<&str>,
    ) -> Result<RenderedPdf, ApiError> {
        let letter = self.letter_from(req, nomor)?;
        let out = self.letter_renderer()?.render(&letter, None)?;
        Ok(RenderedPdf {
            sha256: sha256_hex(&out.pdf),
            pages: out.pages as u32,
            bytes: out.pdf.len() as u32,
            pdf: out.pdf,
        })
    }
}
