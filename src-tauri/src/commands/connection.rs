//! Choosing the database from the window: the office's server (test, connect), back to the
//! file on this computer, and the cheap check the window polls while the server is away.

use loket_api::app::{ConnectionTest, ServerSettings};
use loket_api::ApiError;
use tauri::AppHandle;

use super::blocking;

/// The saved server without its password, or the form's starting values.
#[tauri::command]
pub async fn connection_saved(app: AppHandle) -> Result<ServerSettings, ApiError> {
    blocking(app, move |session| session.saved_server()).await
}

/// "Uji sambungan": what is wrong, field by field, or which office is on the server.
#[tauri::command]
pub async fn connection_test(
    app: AppHandle,
    settings: ServerSettings,
) -> Result<ConnectionTest, ApiError> {
    blocking(app, move |_| Ok(settings.test())).await
}

/// "Sambungkan": the window continues on the office's server (kept for the next start).
#[tauri::command]
pub async fn connection_connect(app: AppHandle, settings: ServerSettings) -> Result<(), ApiError> {
    blocking(app, move |session| session.connect_server(&settings)).await
}

/// Back to the database file on this computer; the saved server is forgotten.
#[tauri::command]
pub async fn connection_use_local(app: AppHandle) -> Result<(), ApiError> {
    blocking(app, move |session| session.use_local_file()).await
}

/// One cheap statement; `Offline` while the server is away.
#[tauri::command]
pub async fn connection_ping(app: AppHandle) -> Result<(), ApiError> {
    blocking(app, move |session| session.ping()).await
}
