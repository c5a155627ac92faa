//! Area C: the register form and the buku agenda surat masuk.

use loket_api::app::Session;
use loket_api::case::{AgendaLine, ApplicantView, CaseFilter, CaseView, NewCase, Upload};
use loket_api::ApiError;
use tauri::State;

use super::now;

#[tauri::command]
pub fn case_register(
    session: State<'_, Session>,
    new: NewCase,
    uploads: Vec<Upload>,
) -> Result<CaseView, ApiError> {
    session.as_user(|l, a| l.case_register_uploads(a, &new, &uploads, now()))
}

#[tauri::command]
pub fn case_applicants(session: State<'_, Session>) -> Result<Vec<ApplicantView>, ApiError> {
    session.as_user(|l, a| l.case_applicants(a, now()))
}

#[tauri::command]
pub fn case_list(
    session: State<'_, Session>,
    filter: CaseFilter,
) -> Result<Vec<AgendaLine>, ApiError> {
    session.as_user(|l, a| l.case_list(a, &filter, now()))
}

/// Saves the filtered agenda book in `keluaran/` (CSV, or Excel when `excel`); returns the path.
#[tauri::command]
pub fn agenda_export(
    session: State<'_, Session>,
    filter: CaseFilter,
    excel: bool,
) -> Result<String, ApiError> {
    session.save_agenda(&filter, excel, now())
}
