//! The Tenggat view and the notification centre of the signed-in person.

use loket_api::app::Session;
use loket_api::signer::SignerCertificateView;
use loket_api::sla::{DueSoonSettings, NotificationCentre, TenggatView};
use loket_api::ApiError;
use tauri::State;

use super::now;

#[tauri::command]
pub fn deadlines_view(session: State<'_, Session>) -> Result<TenggatView, ApiError> {
    session.as_user(|l, actor| l.deadlines_view(actor, now()))
}

#[tauri::command]
pub fn notifications_list(session: State<'_, Session>) -> Result<NotificationCentre, ApiError> {
    session.as_user(|l, actor| l.notifications(actor, now()))
}

/// Marks `ids` read, or every notification of the person when `ids` is absent.
#[tauri::command]
pub fn notifications_mark_read(
    session: State<'_, Session>,
    ids: Option<Vec<i64>>,
) -> Result<NotificationCentre, ApiError> {
    session.as_user(|l, actor| l.notifications_mark_read(actor, ids.as_deref(), now()))
}

#[tauri::command]
pub fn due_soon_settings(session: State<'_, Session>) -> Result<DueSoonSettings, ApiError> {
    session.as_user(|l, _| l.due_soon_settings())
}

#[tauri::command]
pub fn due_soon_set(
    session: State<'_, Session>,
    settings: DueSoonSettings,
) -> Result<DueSoonSettings, ApiError> {
    session.as_user(|l, actor| l.due_soon_set(actor, &settings, now()))
}

/// Signer certificates expiring within the warning window (or expired), for the Tenggat view.
#[tauri::command]
pub fn signer_expiring(
    session: State<'_, Session>,
) -> Result<Vec<SignerCertificateView>, ApiError> {
    session.as_user(|l, actor| l.signer_expiring(actor, now()))
}
