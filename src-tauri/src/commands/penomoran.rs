//! Pengaturan → Penomoran Surat: the numbering patterns, the live example of the next
//! number while an administrator types, and saving a pattern. Each command is one call into
//! `loket-api`, which checks the administer role for saving.

use loket_api::letter::dto::NumberPatternView;
use loket_api::letter::patterns::PatternPage;
use loket_api::ApiError;
use tauri::AppHandle;

use super::{blocking, now};

#[tauri::command]
pub async fn pola_halaman(app: AppHandle) -> Result<PatternPage, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, _| l.letter_pattern_page(now().date_naive()))
    })
    .await
}

#[tauri::command]
pub async fn pola_contoh(app: AppHandle, pattern: NumberPatternView) -> Result<String, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, _| l.letter_pattern_example(&pattern, now().date_naive()))
    })
    .await
}

#[tauri::command]
pub async fn pola_simpan(
    app: AppHandle,
    pattern: NumberPatternView,
) -> Result<PatternPage, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_pattern_set(a, &pattern, now()))
    })
    .await
}
