//! Kotak Masuk, the case page, the dispose dialog and the lembar disposisi.

use loket_api::case::{CasePage, CaseView};
use loket_api::disposition::{Dispatch, KotakMasuk};
use loket_api::ApiError;
use tauri::AppHandle;

use super::{blocking, now};

#[tauri::command]
pub async fn kotak_masuk(app: AppHandle) -> Result<KotakMasuk, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.kotak_masuk(a, now()))
    })
    .await
}

#[tauri::command]
pub async fn case_open(app: AppHandle, id: i64) -> Result<CasePage, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.case_open(a, id, now()))
    })
    .await
}

#[tauri::command]
pub async fn case_verify(app: AppHandle, id: i64, met: Vec<i64>) -> Result<CaseView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.case_verify(a, id, &met, now()))
    })
    .await
}

#[tauri::command]
pub async fn case_give_back(
    app: AppHandle,
    id: i64,
    missing: Vec<i64>,
) -> Result<CaseView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.case_give_back(a, id, &missing, now()))
    })
    .await
}

#[tauri::command]
pub async fn case_resubmit(app: AppHandle, id: i64) -> Result<CaseView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.case_resubmit(a, id, now()))
    })
    .await
}

#[tauri::command]
pub async fn case_reject(app: AppHandle, id: i64, reason: String) -> Result<CaseView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.case_reject(a, id, &reason, now()))
    })
    .await
}

#[tauri::command]
pub async fn case_step(
    app: AppHandle,
    id: i64,
    number: i64,
    note: String,
) -> Result<CaseView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.case_step(a, id, number, &note, now()))
    })
    .await
}

#[tauri::command]
pub async fn case_attach_file(
    app: AppHandle,
    id: i64,
    name: String,
    bytes: Vec<u8>,
) -> Result<usize, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.case_attach_bytes(a, id, &name, &bytes, now()))
    })
    .await
}

#[tauri::command]
pub async fn case_await_signature(app: AppHandle, id: i64) -> Result<CaseView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.case_await_signature(a, id, now()))
    })
    .await
}

#[tauri::command]
pub async fn case_sign(app: AppHandle, id: i64) -> Result<CaseView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.case_sign(a, id, now()))
    })
    .await
}

#[tauri::command]
pub async fn disposition_send(app: AppHandle, dispatch: Dispatch) -> Result<CaseView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.disposition_send(a, &dispatch, now()))
    })
    .await
}

#[tauri::command]
pub async fn disposition_report(
    app: AppHandle,
    id: i64,
    report: String,
) -> Result<CaseView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.disposition_report(a, id, &report, now()))
    })
    .await
}

#[tauri::command]
pub async fn disposition_complete(
    app: AppHandle,
    id: i64,
    report: Option<String>,
) -> Result<CaseView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.disposition_complete(a, id, report.as_deref(), now()))
    })
    .await
}

#[tauri::command]
pub async fn disposition_withdraw(app: AppHandle, id: i64) -> Result<CaseView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.disposition_withdraw(a, id, now()))
    })
    .await
}

/// Renders the lembar disposisi and saves it in `keluaran/`; returns the file's path.
#[tauri::command]
pub async fn lembar_disposisi_pdf(app: AppHandle, id: i64) -> Result<String, ApiError> {
    blocking(app, move |session| {
        let (name, pdf) = session.as_user(|l, a| l.case_lembar_pdf(a, id, now()))?;
        session.save_output(&name, &pdf)
    })
    .await
}

/// Saves a copy of attachment `id`, read from the database and checked against its SHA-256,
/// in `keluaran/` under its original name; returns the file's path.
#[tauri::command]
pub async fn case_attachment_open(app: AppHandle, id: i64) -> Result<String, ApiError> {
    blocking(app, move |session| {
        let file = session.as_user(|l, a| l.case_attachment_file(a, id, now()))?;
        session.save_output(&file.file_name(), &file.bytes)
    })
    .await
}
