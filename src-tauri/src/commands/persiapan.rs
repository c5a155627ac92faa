//! Pengaturan → Persiapan Kantor (the first-run checklist) and the officials, emblem and paper
//! of Pengaturan → Profil Kantor. Each command is one call into `loket-api`, which checks the
//! administer role for every change and audits it.

use loket_api::app::Session;
use loket_api::booking::{ResourceForm, ResourceView};
use loket_api::letter::dto::NumberPatternView;
use loket_api::letter::patterns::PatternPage;
use loket_api::letter::template::TemplateView;
use loket_api::office::officials::{OfficialForm, OfficialsPage};
use loket_api::office::paper::PaperSetting;
use loket_api::office::proposals::{PatternProposal, ResourceProposal};
use loket_api::office::readiness::Readiness;
use loket_api::ApiError;
use tauri::State;

use super::now;

#[tauri::command]
pub fn kesiapan_kantor(session: State<'_, Session>) -> Result<Readiness, ApiError> {
    session.as_user(|l, _| l.office_readiness())
}

#[tauri::command]
pub fn pejabat_daftar(session: State<'_, Session>) -> Result<OfficialsPage, ApiError> {
    session.as_user(|l, _| l.office_officials())
}

#[tauri::command]
pub fn pejabat_simpan(
    session: State<'_, Session>,
    form: OfficialForm,
) -> Result<OfficialsPage, ApiError> {
    session.as_user(|l, a| l.office_official_set(a, &form, now()))
}

#[tauri::command]
pub fn pejabat_hapus(
    session: State<'_, Session>,
    position_id: String,
) -> Result<OfficialsPage, ApiError> {
    session.as_user(|l, a| l.office_official_clear(a, &position_id, now()))
}

#[tauri::command]
pub fn kertas_kantor(session: State<'_, Session>) -> Result<PaperSetting, ApiError> {
    session.as_user(|l, _| l.office_paper())
}

#[tauri::command]
pub fn kertas_simpan(
    session: State<'_, Session>,
    kertas: String,
) -> Result<PaperSetting, ApiError> {
    session.as_user(|l, a| l.office_paper_set(a, &kertas, now()))
}

#[tauri::command]
pub fn lambang_simpan(
    session: State<'_, Session>,
    name: String,
    bytes: Vec<u8>,
) -> Result<TemplateView, ApiError> {
    session.as_user(|l, a| l.office_emblem_save(a, &name, &bytes, now()))
}

#[tauri::command]
pub fn usulan_pola(session: State<'_, Session>) -> Result<Vec<PatternProposal>, ApiError> {
    session.as_user(|l, _| l.office_setup_patterns())
}

#[tauri::command]
pub fn pola_simpan_semua(
    session: State<'_, Session>,
    patterns: Vec<NumberPatternView>,
) -> Result<PatternPage, ApiError> {
    session.as_user(|l, a| l.letter_pattern_set_all(a, &patterns, now()))
}

#[tauri::command]
pub fn usulan_sumber_daya(session: State<'_, Session>) -> Result<Vec<ResourceProposal>, ApiError> {
    session.as_user(|l, _| l.office_setup_resources())
}

#[tauri::command]
pub fn sumber_daya_simpan_semua(
    session: State<'_, Session>,
    forms: Vec<ResourceForm>,
) -> Result<Vec<ResourceView>, ApiError> {
    session.as_user(|l, a| l.resource_save_all(&forms, a, now()))
}
