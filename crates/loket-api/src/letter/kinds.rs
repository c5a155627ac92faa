//! `letter.kinds`: the letter kinds Loket renders and the fields each needs.

use loket_letters::spec::{self, FieldType, Layout, ALL_KINDS};

use super::dto::{LetterContent, LetterFieldView, LetterKindView};
use crate::{ApiError, Loket};

pub const KINDS: &str = "letter.kinds";
pub const SAMPLE: &str = "letter.sample";

impl Loket {
    /// Every kind with its layout and fields, in the order forms ask for them.
    pub fn letter_kinds() -> Vec<LetterKindView> {
        ALL_KINDS
            .iter()
            .map(|k| LetterKindView {
                id: spec::kind_id(*k).to_string(),
                label: k.label().to_string(),
                layout: match spec::layout(*k) {
                    Layout::Korespondensi => "korespondensi",
                    Layout::Judul => "judul",
                    Layout::Formulir => "formulir",
                }
                .to_string(),
                fields: spec::fields(*k)
                    .into_iter()
                    .map(|f| {
                        let (kind, columns) = match f.ty {
                            FieldType::Text => ("teks", vec![]),
                            FieldType::List => ("daftar", vec![]),
                            FieldType::Date => ("tanggal", vec![]),
                            FieldType::DayDate => ("hari_tanggal", vec![]),
                            FieldType::Count => ("bilangan", vec![]),
                            FieldType::Party => ("pihak", vec![]),
                            FieldType::Frozen => ("beku", vec![]),
                            FieldType::Rows(c) => {
                                ("tabel", c.iter().map(|s| s.to_string()).collect())
                            }
                        };
                        LetterFieldView {
                            key: f.key.to_string(),
                            label: f.label.to_string(),
                            kind: kind.to_string(),
                            required: f.required,
                            columns,
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    /// Sample content of a kind: the starting point of a data file and of the preview.
    ///
    /// Errors: `bad_input` for an unknown kind.
    pub fn letter_sample(kind_id: &str) -> Result<LetterContent, ApiError> {
        let k = super::kind(kind_id)?;
        loket_letters::samples::content(k)
            .ok_or_else(|| ApiError::not_found(format!("tidak ada contoh untuk jenis {kind_id}")))
    }
}
