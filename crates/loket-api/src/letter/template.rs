//! Template administration: `letter.template.list`, `letter.template.show`,
//! `letter.template.save` (only a template that compiles for every letter kind becomes
//! active; otherwise the Typst error with file and line is returned and the previous
//! version stays), `letter.template.reset` and `letter.template.preview` (PDF for the CLI,
//! SVG pages with the error's line for the editor in Pengaturan). Saving and resetting are
//! for administrators and audited with the text before and after.

use chrono::{DateTime, FixedOffset};
use loket_domain::roles::Role;
use loket_letters::spec::{self, ALL_KINDS};
use loket_letters::{samples, LetterError, LetterKind, Renderer, TemplateSet};
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use super::dto::RenderedPdf;
use crate::account::Actor;
use crate::{audit, ApiError, Loket};

pub const TEMPLATE_LIST: &str = "letter.template.list";
pub const TEMPLATE_SHOW: &str = "letter.template.show";
pub const TEMPLATE_SAVE: &str = "letter.template.save";
pub const TEMPLATE_RESET: &str = "letter.template.reset";
pub const TEMPLATE_PREVIEW: &str = "letter.template.preview";

/// Longest template text accepted; the shipped ones are a few kilobytes.
pub const MAX_TEMPLATE_BYTES: usize = 256 * 1024;
/// Largest emblem text (an SVG, or a PNG embedded in one), in bytes.
pub const MAX_EMBLEM_BYTES: usize = 2 * 1024 * 1024;

/// One template file and whether the office has edited it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct TemplateView {
    pub file: String,
    pub edited: bool,
    pub updated_at: Option<String>,
    /// Account that saved the office's version.
    pub updated_by: Option<String>,
    /// Letter kinds whose main template this file is; empty for the shared files (the
    /// layout `naskah.typ`, the emblem) that every kind uses.
    pub kinds: Vec<String>,
}

/// The sample letter of a kind rendered with a template being edited: SVG pages, or the
/// error with the file and 1-based line it points at (0 when it names no line).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct TemplatePreview {
    pub pages: Vec<String>,
    pub error: String,
    pub error_file: String,
    pub error_line: u32,
}

impl TemplatePreview {
    fn failed(error: String, file: &str, line: u32) -> TemplatePreview {
        TemplatePreview {
            pages: vec![],
            error,
            error_file: file.to_string(),
            error_line: line,
        }
    }
}

/// The sample letter of a kind, with the office's kop and a placeholder number.
fn sample(
    kind: LetterKind,
    kind_id: &str,
    profile: &loket_domain::catalog::OfficeProfile,
) -> Result<loket_letters::Letter, ApiError> {
    samples::letter(kind, profile, Some("000/1/2024"))
        .ok_or_else(|| ApiError::not_found(format!("tidak ada contoh untuk jenis {kind_id}")))
}

/// The kinds rendered mainly by `file`.
fn kinds_of(file: &str) -> Vec<String> {
    ALL_KINDS
        .iter()
        .filter(|k| spec::template_file(**k) == file)
        .map(|k| spec::kind_id(*k).to_string())
        .collect()
}

/// Refuses an empty or oversized text before anything is compiled.
fn check_size(file: &str, text: &str) -> Result<(), ApiError> {
    if text.trim().is_empty() {
        return Err(ApiError::bad_input(format!(
            "templat {file} kosong; salin teks bawaannya lalu ubah, atau kembalikan ke bawaan"
        )));
    }
    // The emblem may embed a PNG (see `office.emblem.save`): it gets more room.
    let max = if file == loket_letters::render::EMBLEM_FILE {
        MAX_EMBLEM_BYTES
    } else {
        MAX_TEMPLATE_BYTES
    };
    if text.len() > max {
        return Err(ApiError::bad_input(format!(
            "templat {file} terlalu besar ({} KB, paling besar {} KB); pindahkan isi yang panjang ke data surat, atau perkecil gambar lambang",
            text.len() / 1024,
            max / 1024
        )));
    }
    Ok(())
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
                    updated_by: e.and_then(|e| e.updated_by.clone()),
                    kinds: kinds_of(f),
                }
            })
            .collect())
    }

    /// The shipped text of a template: what "Kembalikan ke bawaan" restores, shown beside an
    /// edit for comparison.
    pub fn letter_template_default(file: &str) -> Result<String, ApiError> {
        known(file)?;
        Ok(TemplateSet::bundled_text(file)
            .unwrap_or_default()
            .to_string())
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
    /// with it; the audit entry keeps the text before and after.
    ///
    /// Errors: `Forbidden` without the administer role; `bad_input` for an unknown file, an
    /// empty or oversized text, or a text that does not compile (the Typst message with its
    /// file and line). On any error the previous version stays active and nothing is written.
    pub fn letter_template_save(
        &mut self,
        actor: &Actor,
        file: &str,
        text: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<TemplateView, ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        known(file)?;
        check_size(file, text)?;
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
        let tx = self.db.begin()?;
        let before = tx.edited_template(file)?;
        tx.save_template(file, text, Some(actor.id()), &super::stamp(now))?;
        audit::record(
            &tx,
            now,
            actor.id(),
            TEMPLATE_SAVE,
            &format!("template:{file}"),
            before.as_ref(),
            Some(&text),
        )?;
        tx.commit()?;
        Ok(TemplateView {
            file: file.to_string(),
            edited: true,
            updated_at: Some(super::stamp(now)),
            updated_by: Some(actor.id().to_string()),
            kinds: kinds_of(file),
        })
    }

    /// Restores the shipped version of `file`; true when there was an edit to remove (the
    /// audit entry keeps the removed text).
    ///
    /// Errors: `Forbidden` without the administer role; `bad_input` for an unknown file.
    pub fn letter_template_reset(
        &mut self,
        actor: &Actor,
        file: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<bool, ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        known(file)?;
        let tx = self.db.begin()?;
        let before = tx.edited_template(file)?;
        let removed = tx.reset_template(file)?;
        if removed {
            audit::record::<_, String>(
                &tx,
                now,
                actor.id(),
                TEMPLATE_RESET,
                &format!("template:{file}"),
                before.as_ref(),
                None,
            )?;
        }
        tx.commit()?;
        Ok(removed)
    }

    /// The sample letter of `kind_id` rendered as SVG pages with `text` as `file` (not
    /// saved): the live preview of the editor. A template or data error comes back in the
    /// view with its file and line, never as a failure.
    ///
    /// Errors: `bad_input` for an unknown file or kind; failures of the store.
    pub fn letter_template_preview_svg(
        &self,
        kind_id: &str,
        file: &str,
        text: &str,
    ) -> Result<TemplatePreview, ApiError> {
        known(file)?;
        let kind = super::kind(kind_id)?;
        if let Err(e) = check_size(file, text) {
            return Ok(TemplatePreview::failed(e.message, "", 0));
        }
        let mut set = self.letter_templates()?;
        set.set(file, text);
        let letter = sample(kind, kind_id, &self.db.profile()?)?;
        Ok(match Renderer::new(set).render_svg(&letter) {
            Ok(pages) => TemplatePreview {
                pages,
                error: String::new(),
                error_file: String::new(),
                error_line: 0,
            },
            Err(e) => {
                let (at, line) = match &e {
                    LetterError::Template { file, line, .. } => (file.clone(), *line as u32),
                    _ => (String::new(), 0),
                };
                TemplatePreview::failed(e.to_string(), &at, line)
            }
        })
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
        let letter = sample(kind, kind_id, &self.db.profile()?)?;
        let out = Renderer::new(set).render(&letter, None)?;
        Ok(RenderedPdf {
            sha256: loket_letters::seal::sha256_hex(&out.pdf),
            pages: out.pages as u32,
            bytes: out.pdf.len() as u32,
            pdf: out.pdf,
        })
    }
}
