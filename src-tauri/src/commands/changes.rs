//! The change marker the open pages poll to follow what other laptops change.

use loket_api::ApiError;
use tauri::AppHandle;

use super::blocking;

/// The office's change marker (`changes.head`): a number that moves whenever anything is
/// changed on any laptop.
#[tauri::command]
pub async fn changes_head(app: AppHandle) -> Result<i64, ApiError> {
    blocking(app, move |session| session.as_user(|l, _| l.changes_head())).await
}
