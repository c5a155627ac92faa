//! Pengaturan → Persiapan Kantor (the first-run checklist) and the officials, emblem and paper
//! of Pengaturan → Profil Kantor. Each command is one call into `loket-api`, which checks the
//! administer role for every change and audits it.

use loket_api::booking::{ResourceForm, ResourceView};
use loket_api::letter::dto::NumberPatternView;
use loket_api::letter::patterns::PatternPage;
use loket_api::letter::template::TemplateView;
use loket_api::office::officials::{OfficialForm, OfficialsPage};
use loket_api::office::paper::PaperSetting;
use loket_api::office::proposals::{PatternProposal, ResourceProposal};
use loket_api::office::readiness::Readiness;
use loket_api::ApiError;
use tauri::AppHandle;

use super::{blocking, now};

#[tauri::command]
pub async fn kesiapan_kantor(app: AppHandle) -> Result<Readiness, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, _| l.office_readiness())
    })
    .await
}

#[tauri::command]
pub async fn pejabat_daftar(app: AppHandle) -> Result<OfficialsPage, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, _| l.office_officials())
    })
    .await
}

#[tauri::command]
pub async fn pejabat_simpan(app: AppHandle, form: OfficialForm) -> Result<OfficialsPage, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.office_official_set(a, &form, now()))
    })
    .await
}

#[tauri::command]
pub async fn pejabat_hapus(app: AppHandle, position_id: String) -> Result<OfficialsPage, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.office_official_clear(a, &position_id, now()))
    })
    .await
}

#[tauri::command]
pub async fn kertas_kantor(app: AppHandle) -> Result<PaperSetting, ApiError> {
    blocking(app, move |session| session.as_user(|l, _| l.office_paper())).await
}

#[tauri::command]
pub async fn kertas_simpan(app: AppHandle, kertas: String) -> Result<PaperSetting, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.office_paper_set(a, &kertas, now()))
    })
    .await
}

#[tauri::command]
pub async fn lambang_simpan(
    app: AppHandle,
    name: String,
    bytes: Vec<u8>,
) -> Result<TemplateView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.office_emblem_save(a, &name, &bytes, now()))
    })
    .await
}

#[tauri::command]
pub async fn usulan_pola(app: AppHandle) -> Result<Vec<PatternProposal>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, _| l.office_setup_patterns())
    })
    .await
}

#[tauri::command]
pub async fn pola_simpan_semua(
    app: AppHandle,
    patterns: Vec<NumberPatternView>,
) -> Result<PatternPage, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_pattern_set_all(a, &patterns, now()))
    })
    .await
}

#[tauri::command]
pub async fn usulan_sumber_daya(app: AppHandle) -> Result<Vec<ResourceProposal>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, _| l.office_setup_resources())
    })
    .await
}

#[tauri::command]
pub async fn sumber_daya_simpan_semua(
    app: AppHandle,
    forms: Vec<ResourceForm>,
) -> Result<Vec<ResourceView>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.resource_save_all(&forms, a, now()))
    })
    .await
}
