//! Pengaturan → Penomoran Surat: the numbering patterns, the live example of the next
//! number while an administrator types, and saving a pattern. Each command is one call into
//! `loket-api`, which checks the administer role for saving.

use loket_api::app::Session;
use loket_api::letter::dto::NumberPatternView;
use loket_api::letter::patterns::PatternPage;
use loket_api::ApiError;
use tauri::State;

use super::now;

#[tauri::command]
pub fn pola_halaman(session: State<'_, Session>) -> Result<PatternPage, ApiError> {
    session.as_user(|l, _| l.letter_pattern_page(now().date_naive()))
}

#[tauri::command]
pub fn pola_contoh(
    session: State<'_, Session>,
    pattern: NumberPatternView,
) -> Result<String, ApiError> {
    session.as_user(|l, _| l.letter_pattern_example(&pattern, now().date_naive()))
}

#[tauri::command]
pub fn pola_simpan(
    session: State<'_, Session>,
    pattern: NumberPatternView,
) -> Result<PatternPage, ApiError> {
    session.as_user(|l, a| l.letter_pattern_set(a, &pattern, now()))
}
