//! Every command is one call into `loket-api`; errors leave as `ApiError {code, message}`.
//! One file per area of the window; use cases that act run as the signed-in person through
//! `Session::as_user`.
//!
//! Every command that touches the database runs through [`blocking`] on Tauri's blocking
//! thread pool: never on the window's main thread (a slow or lost office server would freeze
//! the window) and never on an async worker (the sync `postgres` client starts a runtime of
//! its own, which panics inside another).

pub mod accounts;
pub mod agenda;
pub mod changes;
pub mod connection;
pub mod jadwal;
pub mod kalender;
pub mod laporan;
pub mod penomoran;
pub mod persiapan;
pub mod requests;
pub mod session;
pub mod signer;
pub mod skm;
pub mod surat;
pub mod templates;
pub mod tenggat;

use std::sync::atomic::{AtomicI32, Ordering};

use chrono::{DateTime, FixedOffset};
use loket_api::app::{AppStatus, Session};
use loket_api::dto::{InitReport, OfficeProfileView, ServiceDetail, ServiceSummary, ShippedOffice};
use loket_api::office::ProfileSource;
use loket_api::{ApiError, ErrorCode};
use tauri::{AppHandle, Manager};

/// Minutes east of UTC of the office's zone, once the app status has been read (0: not yet).
static OFFICE_OFFSET_MINUTES: AtomicI32 = AtomicI32::new(0);

/// The clock is read here, at the front door, and passed in (the only place in the desktop
/// app; clippy.toml forbids it elsewhere). In the office's zone once known, so stored moments
/// read as office time whatever the laptop's own zone.
#[allow(clippy::disallowed_methods)]
pub(crate) fn now() -> DateTime<FixedOffset> {
    let t = chrono::Utc::now();
    match FixedOffset::east_opt(OFFICE_OFFSET_MINUTES.load(Ordering::Relaxed) * 60) {
        Some(zone) if zone.local_minus_utc() != 0 => t.with_timezone(&zone),
        _ => t.with_timezone(&chrono::Local).fixed_offset(),
    }
}

/// Runs `f` with the window's session on Tauri's blocking thread pool and waits for it
/// without holding up the window.
///
/// Errors: whatever `f` returns; `Internal` when `f` panicked (the message asks to retry).
pub(crate) async fn blocking<T, F>(app: AppHandle, f: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&Session) -> Result<T, ApiError> + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(move || f(&app.state::<Session>()))
        .await
        .unwrap_or_else(|e| {
            Err(ApiError::new(
                ErrorCode::Internal,
                format!("perintah terhenti karena galat internal ({e}); coba lagi, atau tutup dan buka kembali Loket"),
            ))
        })
}

/// "Loket — Dinas Komunikasi dan Informatika Kabupaten Demak", or "Loket" before first run.
pub fn window_title(session: &Session) -> String {
    match session.status().ok().and_then(|s| s.office_name) {
        Some(name) => format!("Loket — {name}"),
        None => "Loket — Penyiapan Awal".to_string(),
    }
}

#[tauri::command]
pub async fn app_status(app: AppHandle) -> Result<AppStatus, ApiError> {
    blocking(app, move |session| {
        let status = session.status()?;
        if let Some(m) = status.utc_offset_minutes {
            OFFICE_OFFSET_MINUTES.store(m, Ordering::Relaxed);
        }
        Ok(status)
    })
    .await
}

#[tauri::command]
pub fn shipped_offices() -> Result<Vec<ShippedOffice>, ApiError> {
    loket_api::office::shipped_offices()
}

#[tauri::command]
pub async fn setup_shipped(app: AppHandle, id: String) -> Result<InitReport, ApiError> {
    blocking(app, move |session| {
        session.setup(&ProfileSource::Shipped(id), now())
    })
    .await
}

#[tauri::command]
pub async fn setup_from_text(
    app: AppHandle,
    name: String,
    text: String,
) -> Result<InitReport, ApiError> {
    blocking(app, move |session| {
        session.setup(&ProfileSource::Text { name, text }, now())
    })
    .await
}

#[tauri::command]
pub async fn catalog_list(
    app: AppHandle,
    query: Option<String>,
) -> Result<Vec<ServiceSummary>, ApiError> {
    blocking(app, move |session| {
        session.with(|l| l.catalog_list(query.as_deref()))
    })
    .await
}

#[tauri::command]
pub async fn catalog_show(app: AppHandle, id: String) -> Result<ServiceDetail, ApiError> {
    blocking(app, move |session| {
        session.with(|l| l.catalog_show(&id, None))
    })
    .await
}

#[tauri::command]
pub async fn office_view(app: AppHandle) -> Result<OfficeProfileView, ApiError> {
    blocking(app, move |session| session.with(|l| l.office_view())).await
}
