//! The Surat section: drafts from a case, live preview, paraf, return, signature and the
//! outgoing agenda. Each command is one call into `loket-api`.

use loket_api::app::Session;
use loket_api::letter::dto::{LetterContent, LetterKindView, LetterRequest};
use loket_api::letter::flow::dto::{DraftView, LetterQueues, NewDraft, PreviewView};
use loket_api::{ApiError, Loket};
use tauri::State;

use super::now;

#[tauri::command]
pub fn surat_kinds() -> Vec<LetterKindView> {
    Loket::letter_kinds()
}

#[tauri::command]
pub fn surat_queues(session: State<'_, Session>) -> Result<LetterQueues, ApiError> {
    session.as_user(|l, a| l.letter_queues(a, now()))
}

#[tauri::command]
pub fn surat_show(session: State<'_, Session>, id: i64) -> Result<DraftView, ApiError> {
    session.as_user(|l, a| l.letter_show(a, id, now()))
}

#[tauri::command]
pub fn surat_draft(
    session: State<'_, Session>,
    kind: String,
    case_id: Option<i64>,
) -> Result<DraftView, ApiError> {
    session.as_user(|l, a| l.letter_draft(a, &NewDraft { kind, case_id }, now()))
}

#[tauri::command]
pub fn surat_update(
    session: State<'_, Session>,
    id: i64,
    content: LetterContent,
) -> Result<DraftView, ApiError> {
    session.as_user(|l, a| l.letter_update(a, id, &content, now()))
}

#[tauri::command]
pub fn surat_submit(session: State<'_, Session>, id: i64) -> Result<DraftView, ApiError> {
    session.as_user(|l, a| l.letter_submit(a, id, now()))
}

#[tauri::command]
pub fn surat_paraf(session: State<'_, Session>, id: i64) -> Result<DraftView, ApiError> {
    session.as_user(|l, a| l.letter_paraf(a, id, now()))
}

#[tauri::command]
pub fn surat_return(
    session: State<'_, Session>,
    id: i64,
    note: String,
) -> Result<DraftView, ApiError> {
    session.as_user(|l, a| l.letter_return(a, id, &note, now()))
}

#[tauri::command]
pub fn surat_sign(session: State<'_, Session>, id: i64) -> Result<DraftView, ApiError> {
    session.as_user(|l, a| l.letter_sign(a, id, now()))
}

#[tauri::command]
pub fn surat_void(
    session: State<'_, Session>,
    id: i64,
    reason: String,
) -> Result<DraftView, ApiError> {
    session.as_user(|l, a| l.letter_void(a, id, &reason, now()))
}

#[tauri::command]
pub fn surat_preview(
    session: State<'_, Session>,
    kind: String,
    content: LetterContent,
    nomor: Option<String>,
) -> Result<PreviewView, ApiError> {
    let req = LetterRequest {
        kind,
        content,
        ..Default::default()
    };
    session.as_user(|l, _| l.letter_preview(&req, nomor.as_deref()))
}

/// Saves the issued letter's PDF into `keluaran/` and returns the path.
#[tauri::command]
pub fn surat_pdf(session: State<'_, Session>, nomor: String) -> Result<String, ApiError> {
    let (name, pdf) = session.as_user(|l, _| l.letter_pdf_named(&nomor))?;
    session.save_output(&name, &pdf)
}

/// A ralat of the issued letter `nomor`: a new draft, linked to it with `reason`.
#[tauri::command]
pub fn surat_ralat(
    session: State<'_, Session>,
    nomor: String,
    reason: String,
) -> Result<DraftView, ApiError> {
    session.as_user(|l, a| l.letter_correct(a, &nomor, &reason, now()))
}
