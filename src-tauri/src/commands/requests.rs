//! Kotak Masuk, the case page, the dispose dialog and the lembar disposisi.

use loket_api::app::Session;
use loket_api::case::{CasePage, CaseView};
use loket_api::disposition::{Dispatch, KotakMasuk};
use loket_api::ApiError;
use tauri::State;

use super::now;

#[tauri::command]
pub fn kotak_masuk(session: State<'_, Session>) -> Result<KotakMasuk, ApiError> {
    session.as_user(|l, a| l.kotak_masuk(a, now()))
}

#[tauri::command]
pub fn case_open(session: State<'_, Session>, id: i64) -> Result<CasePage, ApiError> {
    session.as_user(|l, a| l.case_open(a, id, now()))
}

#[tauri::command]
pub fn case_verify(
    session: State<'_, Session>,
    id: i64,
    met: Vec<i64>,
) -> Result<CaseView, ApiError> {
    session.as_user(|l, a| l.case_verify(a, id, &met, now()))
}

#[tauri::command]
pub fn case_give_back(
    session: State<'_, Session>,
    id: i64,
    missing: Vec<i64>,
) -> Result<CaseView, ApiError> {
    session.as_user(|l, a| l.case_give_back(a, id, &missing, now()))
}

#[tauri::command]
pub fn case_resubmit(session: State<'_, Session>, id: i64) -> Result<CaseView, ApiError> {
    session.as_user(|l, a| l.case_resubmit(a, id, now()))
}

#[tauri::command]
pub fn case_reject(
    session: State<'_, Session>,
    id: i64,
    reason: String,
) -> Result<CaseView, ApiError> {
    session.as_user(|l, a| l.case_reject(a, id, &reason, now()))
}

#[tauri::command]
pub fn case_step(
    session: State<'_, Session>,
    id: i64,
    number: i64,
    note: String,
) -> Result<CaseView, ApiError> {
    session.as_user(|l, a| l.case_step(a, id, number, &note, now()))
}

#[tauri::command]
pub fn case_attach_file(
    session: State<'_, Session>,
    id: i64,
    name: String,
    bytes: Vec<u8>,
) -> Result<usize, ApiError> {
    session.as_user(|l, a| l.case_attach_bytes(a, id, &name, &bytes, now()))
}

#[tauri::command]
pub fn case_await_signature(session: State<'_, Session>, id: i64) -> Result<CaseView, ApiError> {
    session.as_user(|l, a| l.case_await_signature(a, id, now()))
}

#[tauri::command]
pub fn case_sign(session: State<'_, Session>, id: i64) -> Result<CaseView, ApiError> {
    session.as_user(|l, a| l.case_sign(a, id, now()))
}

#[tauri::command]
pub fn disposition_send(
    session: State<'_, Session>,
    dispatch: Dispatch,
) -> Result<CaseView, ApiError> {
    session.as_user(|l, a| l.disposition_send(a, &dispatch, now()))
}

#[tauri::command]
pub fn disposition_report(
    session: State<'_, Session>,
    id: i64,
    report: String,
) -> Result<CaseView, ApiError> {
    session.as_user(|l, a| l.disposition_report(a, id, &report, now()))
}

#[tauri::command]
pub fn disposition_complete(
    session: State<'_, Session>,
    id: i64,
    report: Option<String>,
) -> Result<CaseView, ApiError> {
    session.as_user(|l, a| l.disposition_complete(a, id, report.as_deref(), now()))
}

#[tauri::command]
pub fn disposition_withdraw(session: State<'_, Session>, id: i64) -> Result<CaseView, ApiError> {
    session.as_user(|l, a| l.disposition_withdraw(a, id, now()))
}

/// Renders the lembar disposisi and saves it in `keluaran/`; returns the file's path.
#[tauri::command]
pub fn lembar_disposisi_pdf(session: State<'_, Session>, id: i64) -> Result<String, ApiError> {
    let (name, pdf) = session.as_user(|l, a| l.case_lembar_pdf(a, id, now()))?;
    session.save_output(&name, &pdf)
}

/// Saves a copy of attachment `id`, read from the database and checked against its SHA-256,
/// in `keluaran/` under its original name; returns the file's path.
#[tauri::command]
pub fn case_attachment_open(session: State<'_, Session>, id: i64) -> Result<String, ApiError> {
    let file = session.as_user(|l, a| l.case_attachment_file(a, id, now()))?;
    session.save_output(&file.file_name(), &file.bytes)
}
