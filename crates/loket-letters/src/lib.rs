//! Letters (naskah dinas) rendered from Typst templates to PDF.
//!
//! A letter is one JSON value ([`LetterContent`]) checked against its kind's fields
//! ([`spec::fields`]), completed with the office's kop and the signer, and compiled by Typst
//! embedded as a library with fonts and the kop emblem bundled (no system fonts, no
//! network). Rendering is pure: it writes nothing and consumes no number, so a refused
//! letter leaves no trace.

pub mod error;
pub mod form;
pub mod model;
pub mod pades;
pub mod qr;
pub mod render;
pub mod samples;
pub mod seal;
pub mod signer;
pub mod spec;

pub use error::LetterError;
pub use loket_domain::catalog::LetterKind;
pub use model::{Letter, LetterContent, Paper, Ralat, MAX_HAL};
pub use render::{RenderedLetter, Renderer, TemplateSet};
pub use signer::Signatory;
