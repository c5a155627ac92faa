//! The Surat section: drafts from a case, live preview, paraf, return, signature and the
//! outgoing agenda. Each command is one call into `loket-api`.

use loket_api::letter::dto::{LetterContent, LetterKindView, LetterRequest};
use loket_api::letter::flow::dto::{DraftView, LetterQueues, NewDraft, PreviewView};
use loket_api::{ApiError, Loket};
use tauri::AppHandle;

use super::{blocking, now};

#[tauri::command]
pub fn surat_kinds() -> Vec<LetterKindView> {
    Loket::letter_kinds()
}

#[tauri::command]
pub async fn surat_queues(app: AppHandle) -> Result<LetterQueues, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_queues(a, now()))
    })
    .await
}

#[tauri::command]
pub async fn surat_show(app: AppHandle, id: i64) -> Result<DraftView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_show(a, id, now()))
    })
    .await
}

#[tauri::command]
pub async fn surat_draft(
    app: AppHandle,
    kind: String,
    case_id: Option<i64>,
) -> Result<DraftView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_draft(a, &NewDraft { kind, case_id }, now()))
    })
    .await
}

#[tauri::command]
pub async fn surat_update(
    app: AppHandle,
    id: i64,
    content: LetterContent,
) -> Result<DraftView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_update(a, id, &content, now()))
    })
    .await
}

#[tauri::command]
pub async fn surat_submit(app: AppHandle, id: i64) -> Result<DraftView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_submit(a, id, now()))
    })
    .await
}

#[tauri::command]
pub async fn surat_paraf(app: AppHandle, id: i64) -> Result<DraftView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_paraf(a, id, now()))
    })
    .await
}

#[tauri::command]
pub async fn surat_return(app: AppHandle, id: i64, note: String) -> Result<DraftView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_return(a, id, &note, now()))
    })
    .await
}

#[tauri::command]
pub async fn surat_sign(app: AppHandle, id: i64) -> Result<DraftView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_sign(a, id, now()))
    })
    .await
}

#[tauri::command]
pub async fn surat_void(app: AppHandle, id: i64, reason: String) -> Result<DraftView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_void(a, id, &reason, now()))
    })
    .await
}

#[tauri::command]
pub async fn surat_preview(
    app: AppHandle,
    kind: String,
    content: LetterContent,
    nomor: Option<String>,
) -> Result<PreviewView, ApiError> {
    blocking(app, move |session| {
        let req = LetterRequest {
            kind,
            content,
            ..Default::default()
        };
        session.as_user(|l, _| l.letter_preview(&req, nomor.as_deref()))
    })
    .await
}

/// Saves the issued letter's PDF into `keluaran/` and returns the path.
#[tauri::command]
pub async fn surat_pdf(app: AppHandle, nomor: String) -> Result<String, ApiError> {
    blocking(app, move |session| {
        let (name, pdf) = session.as_user(|l, _| l.letter_pdf_named(&nomor))?;
        session.save_output(&name, &pdf)
    })
    .await
}

/// A ralat of the issued letter `nomor`: a new draft, linked to it with `reason`.
#[tauri::command]
pub async fn surat_ralat(
    app: AppHandle,
    nomor: String,
    reason: String,
) -> Result<DraftView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.letter_correct(a, &nomor, &reason, now()))
    })
    .await
}
