//! Template administration: `letter.template.list`, `letter.template.show`,
//! `letter.template.save` (only a template that compiles for every letter kind becomes
//! active; otherwise the Typst error with file and line is returned and the previous
//! version stays), `letter.template.reset` and `letter.template.preview`.

use chrono::{DateTime, FixedOffset};
use loket_letters::{samples, Renderer, TemplateSet};
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use super::dto::RenderedPdf;
use crate::{ApiError, Loket};

pub const TEMPLATE_LIST: &str = "letter.template.list";
pub const TEMPLATE_SHOW: &str = "letter.template.show";
pub const TEMPLATE_SAVE: &str = "letter.template.save";
pub const TEMPLATE_RESET: &str = "letter.template.reset";
pub const TEMPLATE_PREVIEW: &str = "letter.template.preview";

/// One template file and whether the office has edited it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct TemplateView {
    pub file: String,
    pub edited: bool,
    pub updated_at: Option<String>,
}

fn known(file: &str) -> Result<(), ApiError> {
    if TemplateSet::bundled_text(file).is_some() {
        return Ok(());
    }
    let names: Vec<String> = TemplateSet::bundled().names().map(str::to_string).collect();
    Err(ApiError::bad_input(format!(
        "templat '{file}' tidak ada; pilih salah satu: {}",
        names.join(", ")
    )))
}

impl Loket {
    /// The shipped templates with the office's edits applied.
    pub(crate) fn letter_templates(&self) -> Result<TemplateSet, ApiError> {
        let mut set = TemplateSet::bundled();
        for t in self.db.edited_templates()? {
            set.set(&t.file, &t.text);
        }
        Ok(set)
    }

    /// Every template file, marking the edited ones.
    pub fn letter_template_list(&self) -> Result<Vec<TemplateView>, ApiError> {
        let edited = self.db.edited_templates()?;
        Ok(TemplateSet::bundled()
            .names()
            .map(|f| {
                let e = edited.iter().find(|e| e.file == f);
                TemplateView {
                    file: f.to_string(),
                    edited: e.is_some(),
                    updated_at: e.map(|e| e.updated_at.clone()),
                }
            })
            .collect())
    }

    /// The active text of a template (the office's edit, else the shipped one): the copy an
    /// admin starts editing from.
    pub fn letter_template_show(&self, file: &str) -> Result<String, ApiError> {
        known(file)?;
        Ok(self
            .letter_templates()?
            .get(file)
            .unwrap_or_default()
            .to_string())
    }

    /// Makes `text` the active version of `file` after rendering every letter kind's sample
    /// with it. Errors: `bad_input` with the Typst message and its file and line; the
    /// previous version stays active and nothing is written.
    pub fn letter_template_save(
        &mut self,
        file: &str,
        text: &str,
        by: Option<&str>,
        now: DateTime<FixedOffset>,
    ) -> Result<(), ApiError> {
        known(file)?;
        let mut set = self.letter_templates()?;
        set.set(file, text);
        let profile = self.db.profile()?;
        Renderer::new(set)
            .check_all(|kind| samples::letter(kind, &profile, Some("000/1/2024")))
            .map_err(|e| {
                ApiError::bad_input(format!(
                    "templat tidak disimpan, versi sebelumnya tetap dipakai: {e}"
                ))
            })?;
        self.db.save_template(file, text, by, &super::stamp(now))?;
        Ok(())
    }

    /// Restores the shipped version of `file`; true when there was an edit to remove.
    pub fn letter_template_reset(&mut self, file: &str) -> Result<bool, ApiError> {
        known(file)?;
        Ok(self.db.reset_template(file)?)
    }

    /// The sample letter of `kind` rendered with `text` as `file` (not saved): the live
    /// preview while an admin types. Errors as for saving.
    pub fn letter_template_preview(
        &self,
        kind_id: &str,
        file: &str,
        text: Option<&str>,
    ) -> Result<RenderedPdf, ApiError> {
        known(file)?;
        let kind = super::kind(kind_id)?;
        let mut set = self.letter_templates()?;
        if let Some(t) = text {
            set.set(file, t);
        }
        let profile = self.db.profile()?;
        let letter = samples::letter(kind, &profile, Some("000/1/2024")).ok_or_else(|| {
            ApiError::not_found(format!("tidak ada contoh untuk jenis {kind_id}"))
        })?;
        let out = Renderer::new(set).render(&letter, None)?;
        Ok(RenderedPdf {
            sha256: loket_letters::seal::sha256_hex(&out.pdf),
            pages: out.pages as u32,
            bytes: out.pdf.len() as u32,
            pdf: out.pdf,
        })
    }
}
