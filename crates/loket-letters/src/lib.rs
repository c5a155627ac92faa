//! Letters (naskah dinas) rendered from templates to PDF.
//!
//! The rendering engine (Typst as a library) arrives with the letters issue; until then this
//! crate only names the letter kinds the catalog refers to, so the workspace layout is final.

pub use loket_domain::catalog::LetterKind;
