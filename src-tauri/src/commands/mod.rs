//! Every command is one call into `loket-api`; errors leave as `ApiError {code, message}`.
//! One file per area of the window; use cases that act run as the signed-in person through
//! `Session::as_user`.

pub mod accounts;
pub mod agenda;
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
use loket_api::ApiError;
use tauri::State;

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

/// "Loket — Dinas Komunikasi dan Informatika Kabupaten Demak", or "Loket" before first run.
pub fn window_title(session: &Session) -> String {
    match session.status().ok().and_then(|s| s.office_name) {
        Some(name) => format!("Loket — {name}"),
        None => "Loket — Penyiapan Awal".to_string(),
    }
}

#[tauri::command]
pub fn app_status(session: State<'_, Session>) -> Result<AppStatus, ApiError> {
    let status = session.status()?;
    if let Some(m) = status.utc_offset_minutes {
        OFFICE_OFFSET_MINUTES.store(m, Ordering::Relaxed);
    }
    Ok(status)
}

#[tauri::command]
pub fn shipped_offices() -> Result<Vec<ShippedOffice>, ApiError> {
    loket_api::office::shipped_offices()
}

#[tauri::command]
pub fn setup_shipped(session: State<'_, Session>, id: String) -> Result<InitReport, ApiError> {
    session.setup(&ProfileSource::Shipped(id), now())
}

#[tauri::command]
pub fn setup_from_text(
    session: State<'_, Session>,
    name: String,
    text: String,
) -> Result<InitReport, ApiError> {
    session.setup(&ProfileSource::Text { name, text }, now())
}

#[tauri::command]
pub fn catalog_list(
    session: State<'_, Session>,
    query: Option<String>,
) -> Result<Vec<ServiceSummary>, ApiError> {
    session.with(|l| l.catalog_list(query.as_deref()))
}

#[tauri::command]
pub fn catalog_show(session: State<'_, Session>, id: String) -> Result<ServiceDetail, ApiError> {
    session.with(|l| l.catalog_show(&id, None))
}

#[tauri::command]
pub fn office_view(session: State<'_, Session>) -> Result<OfficeProfileView, ApiError> {
    session.with(|l| l.office_view())
}
