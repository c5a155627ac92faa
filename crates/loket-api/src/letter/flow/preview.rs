//! `letter.preview`: the pages of a letter as SVG while it is being written. Nothing is
//! stored; a field or template error is returned as text to show beside the form.

use super::dto::PreviewView;
use crate::letter::dto::LetterRequest;
use crate::{ApiError, Loket};

pub const ID: &str = "letter.preview";

impl Loket {
    /// Renders `req` to SVG pages; `nomor` is printed when given (the reserved number).
    ///
    /// Errors: only failures of the store; a letter that does not render comes back with
    /// `error` set and no pages.
    pub fn letter_preview(
        &self,
        req: &LetterRequest,
        nomor: Option<&str>,
    ) -> Result<PreviewView, ApiError> {
        let renderer = self.letter_renderer()?;
        let out = self
            .letter_from(req, nomor)
            .and_then(|letter| renderer.render_svg(&letter).map_err(ApiError::from));
        Ok(match out {
            Ok(pages) => PreviewView {
                pages,
                error: String::new(),
            },
            Err(e) => PreviewView {
                pages: vec![],
                error: e.message,
            },
        })
    }
}
