//! Area C: the register form and the buku agenda surat masuk.

use loket_api::case::{AgendaLine, ApplicantView, CaseFilter, CaseView, NewCase, Upload};
use loket_api::ApiError;
use tauri::AppHandle;

use super::{blocking, now};

#[tauri::command]
pub async fn case_register(
    app: AppHandle,
    new: NewCase,
    uploads: Vec<Upload>,
) -> Result<CaseView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.case_register_uploads(a, &new, &uploads, now()))
    })
    .await
}

#[tauri::command]
pub async fn case_applicants(app: AppHandle) -> Result<Vec<ApplicantView>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.case_applicants(a, now()))
    })
    .await
}

#[tauri::command]
pub async fn case_list(app: AppHandle, filter: CaseFilter) -> Result<Vec<AgendaLine>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.case_list(a, &filter, now()))
    })
    .await
}

/// Saves the filtered agenda book in `keluaran/` (CSV, or Excel when `excel`); returns the path.
#[tauri::command]
pub async fn agenda_export(
    app: AppHandle,
    filter: CaseFilter,
    excel: bool,
) -> Result<String, ApiError> {
    blocking(app, move |session| {
        session.save_agenda(&filter, excel, now())
    })
    .await
}
