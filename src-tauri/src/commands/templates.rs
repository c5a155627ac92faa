//! Pengaturan → Templat Surat: the template files, the active and shipped text, the live
//! preview while an administrator types, saving and resetting. Each command is one call into
//! `loket-api`, which checks the administer role for saving and resetting.

use loket_api::letter::template::{TemplatePreview, TemplateView};
use loket_api::{ApiError, Loket};
use tauri::AppHandle;

use super::{blocking, now};

#[tauri::command]
pub async fn templat_daftar(app: AppHandle) -> Result<Vec<TemplateView>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, _| l.letter_template_list())
    })
    .await
}

#[tauri::command]
pub async fn templat_teks(app: AppHandle, file: String) -> Result<String, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, _| l.letter_template_show(&file))
    })
    .await
}

#[tauri::command]
pub fn templat_bawaan(file: String) -> Result<String, ApiError> {
    Loket::letter_template_default(&file)
}

#[tauri::command]
pub async fn templat_pratinjau(
    app: AppHandle,
    kind: String,
    file: String,
    text: String,
) -> Result<TemplatePreview, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, _| l.letter_template_preview_svg(&kind, &file, &text))
    })
    .await
}

#[tauri::command]
pub async fn templat_simpan(
    app: AppHandle,
    file: String,
    text: String,
) -> Result<TemplateView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_template_save(a, &file, &text, now()))
    })
    .await
}

#[tauri::command]
pub async fn templat_pulihkan(app: AppHandle, file: String) -> Result<bool, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_template_reset(a, &file, now()))
    })
    .await
}
