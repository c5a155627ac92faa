//! Survei Kepuasan Masyarakat, complaints and the evaluation (window folder `pages/skm/`).

use loket_api::app::Session;
use loket_api::evaluation::dto::Evaluation;
use loket_api::evaluation::parse_period;
use loket_api::letter::flow::dto::DraftView;
use loket_api::skm::{ComplaintEntry, ComplaintView, Questionnaire, SkmEntry, SkmResponseView};
use loket_api::ApiError;
use tauri::State;

use super::now;

#[tauri::command]
pub fn skm_questionnaire(session: State<'_, Session>) -> Result<Questionnaire, ApiError> {
    session.with(|l| l.skm_questionnaire())
}

#[tauri::command]
pub fn skm_record(
    session: State<'_, Session>,
    entry: SkmEntry,
) -> Result<SkmResponseView, ApiError> {
    session.as_user(|l, a| l.skm_record(a, &entry, now()))
}

#[tauri::command]
pub fn skm_list(
    session: State<'_, Session>,
    period: String,
) -> Result<Vec<SkmResponseView>, ApiError> {
    let p = parse_period(&period)?;
    session.as_user(|l, a| l.skm_list(a, p.from(), p.to()))
}

#[tauri::command]
pub fn complaint_register(
    session: State<'_, Session>,
    entry: ComplaintEntry,
) -> Result<ComplaintView, ApiError> {
    session.as_user(|l, a| l.complaint_register(a, &entry, now()))
}

#[tauri::command]
pub fn complaint_answer(
    session: State<'_, Session>,
    id: i64,
    answer: String,
) -> Result<ComplaintView, ApiError> {
    session.as_user(|l, a| l.complaint_answer(a, id, &answer, now()))
}

#[tauri::command]
pub fn complaint_list(
    session: State<'_, Session>,
    period: String,
) -> Result<Vec<ComplaintView>, ApiError> {
    let p = parse_period(&period)?;
    session.as_user(|l, a| l.complaint_list(a, p.from(), p.to(), now()))
}

#[tauri::command]
pub fn evaluation_report(
    session: State<'_, Session>,
    period: String,
) -> Result<Evaluation, ApiError> {
    let p = parse_period(&period)?;
    session.as_user(|l, a| l.evaluation_report(a, p, now()))
}

/// Saves the evaluation as `.xlsx` in `keluaran/`; returns the file's path.
#[tauri::command]
pub fn evaluation_export_xlsx(
    session: State<'_, Session>,
    period: String,
) -> Result<String, ApiError> {
    let p = parse_period(&period)?;
    let bytes = session.as_user(|l, a| l.evaluation_export_xlsx(a, p, now()))?;
    session.save_output(&loket_api::evaluation::file_name(p), &bytes)
}

/// Renders the printable SKM questionnaire (blank, or for request `case`) and saves it in
/// `keluaran/`; returns the file's path.
#[tauri::command]
pub fn skm_questionnaire_pdf(
    session: State<'_, Session>,
    case: Option<i64>,
) -> Result<String, ApiError> {
    let (name, pdf) = session.as_user(|l, a| l.skm_questionnaire_pdf(a, case, now()))?;
    session.save_output(&name, &pdf)
}

/// Saves the evaluation as a PDF report (draft without a number, for the head of office to
/// sign) in `keluaran/`; returns the file's path.
#[tauri::command]
pub fn evaluation_export_pdf(
    session: State<'_, Session>,
    period: String,
) -> Result<String, ApiError> {
    let p = parse_period(&period)?;
    let bytes = session.as_user(|l, a| l.evaluation_export_pdf(a, p, now()))?;
    session.save_output(&loket_api::evaluation::pdf_name(p), &bytes)
}

/// Starts the numbered letter of the evaluation of `period` (figures frozen), to be signed
/// through the letters workflow.
#[tauri::command]
pub fn evaluation_draft(
    session: State<'_, Session>,
    period: String,
) -> Result<DraftView, ApiError> {
    let p = parse_period(&period)?;
    session.as_user(|l, a| l.evaluation_draft(a, p, now()))
}
