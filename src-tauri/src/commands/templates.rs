//! Pengaturan → Templat Surat: the template files, the active and shipped text, the live
//! preview while an administrator types, saving and resetting. Each command is one call into
//! `loket-api`, which checks the administer role for saving and resetting.

use loket_api::app::Session;
use loket_api::letter::template::{TemplatePreview, TemplateView};
use loket_api::{ApiError, Loket};
use tauri::State;

use super::now;

#[tauri::command]
pub fn templat_daftar(session: State<'_, Session>) -> Result<Vec<TemplateView>, ApiError> {
    session.as_user(|l, _| l.letter_template_list())
}

#[tauri::command]
pub fn templat_teks(session: State<'_, Session>, file: String) -> Result<String, ApiError> {
    session.as_user(|l, _| l.letter_template_show(&file))
}

#[tauri::command]
pub fn templat_bawaan(file: String) -> Result<String, ApiError> {
    Loket::letter_template_default(&file)
}

#[tauri::command]
pub fn templat_pratinjau(
    session: State<'_, Session>,
    kind: String,
    file: String,
    text: String,
) -> Result<TemplatePreview, ApiError> {
    session.as_user(|l, _| l.letter_template_preview_svg(&kind, &file, &text))
}

#[tauri::command]
pub fn templat_simpan(
    session: State<'_, Session>,
    file: String,
    text: String,
) -> Result<TemplateView, ApiError> {
    session.as_user(|l, a| l.letter_template_save(a, &file, &text, now()))
}

#[tauri::command]
pub fn templat_pulihkan(session: State<'_, Session>, file: String) -> Result<bool, ApiError> {
    session.as_user(|l, a| l.letter_template_reset(a, &file, now()))
}
