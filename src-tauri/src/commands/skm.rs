//! Survei Kepuasan Masyarakat, complaints and the evaluation (window folder `pages/skm/`).

use loket_api::evaluation::dto::Evaluation;
use loket_api::evaluation::parse_period;
use loket_api::letter::flow::dto::DraftView;
use loket_api::skm::{ComplaintEntry, ComplaintView, Questionnaire, SkmEntry, SkmResponseView};
use loket_api::ApiError;
use tauri::AppHandle;

use super::{blocking, now};

#[tauri::command]
pub async fn skm_questionnaire(app: AppHandle) -> Result<Questionnaire, ApiError> {
    blocking(app, move |session| session.with(|l| l.skm_questionnaire())).await
}

#[tauri::command]
pub async fn skm_record(app: AppHandle, entry: SkmEntry) -> Result<SkmResponseView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.skm_record(a, &entry, now()))
    })
    .await
}

#[tauri::command]
pub async fn skm_list(app: AppHandle, period: String) -> Result<Vec<SkmResponseView>, ApiError> {
    blocking(app, move |session| {
        let p = parse_period(&period)?;
        session.as_user(|l, a| l.skm_list(a, p.from(), p.to()))
    })
    .await
}

#[tauri::command]
pub async fn complaint_register(
    app: AppHandle,
    entry: ComplaintEntry,
) -> Result<ComplaintView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.complaint_register(a, &entry, now()))
    })
    .await
}

#[tauri::command]
pub async fn complaint_answer(
    app: AppHandle,
    id: i64,
    answer: String,
) -> Result<ComplaintView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.complaint_answer(a, id, &answer, now()))
    })
    .await
}

#[tauri::command]
pub async fn complaint_list(
    app: AppHandle,
    period: String,
) -> Result<Vec<ComplaintView>, ApiError> {
    blocking(app, move |session| {
        let p = parse_period(&period)?;
        session.as_user(|l, a| l.complaint_list(a, p.from(), p.to(), now()))
    })
    .await
}

#[tauri::command]
pub async fn evaluation_report(app: AppHandle, period: String) -> Result<Evaluation, ApiError> {
    blocking(app, move |session| {
        let p = parse_period(&period)?;
        session.as_user(|l, a| l.evaluation_report(a, p, now()))
    })
    .await
}

/// Saves the evaluation as `.xlsx` in `keluaran/`; returns the file's path.
#[tauri::command]
pub async fn evaluation_export_xlsx(app: AppHandle, period: String) -> Result<String, ApiError> {
    blocking(app, move |session| {
        let p = parse_period(&period)?;
        let bytes = session.as_user(|l, a| l.evaluation_export_xlsx(a, p, now()))?;
        session.save_output(&loket_api::evaluation::file_name(p), &bytes)
    })
    .await
}

/// Renders the printable SKM questionnaire (blank, or for request `case`) and saves it in
/// `keluaran/`; returns the file's path.
#[tauri::command]
pub async fn skm_questionnaire_pdf(app: AppHandle, case: Option<i64>) -> Result<String, ApiError> {
    blocking(app, move |session| {
        let (name, pdf) = session.as_user(|l, a| l.skm_questionnaire_pdf(a, case, now()))?;
        session.save_output(&name, &pdf)
    })
    .await
}

/// Saves the evaluation as a PDF report (draft without a number, for the head of office to
/// sign) in `keluaran/`; returns the file's path.
#[tauri::command]
pub async fn evaluation_export_pdf(app: AppHandle, period: String) -> Result<String, ApiError> {
    blocking(app, move |session| {
        let p = parse_period(&period)?;
        let bytes = session.as_user(|l, a| l.evaluation_export_pdf(a, p, now()))?;
        session.save_output(&loket_api::evaluation::pdf_name(p), &bytes)
    })
    .await
}

/// Starts the numbered letter of the evaluation of `period` (figures frozen), to be signed
/// through the letters workflow.
#[tauri::command]
pub async fn evaluation_draft(app: AppHandle, period: String) -> Result<DraftView, ApiError> {
    blocking(app, move |session| {
        let p = parse_period(&period)?;
        session.as_user(|l, a| l.evaluation_draft(a, p, now()))
    })
    .await
}
