//! The Tenggat view and the notification centre of the signed-in person.

use loket_api::signer::SignerCertificateView;
use loket_api::sla::{DueSoonSettings, NotificationCentre, TenggatView};
use loket_api::ApiError;
use tauri::AppHandle;

use super::{blocking, now};

#[tauri::command]
pub async fn deadlines_view(app: AppHandle) -> Result<TenggatView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.deadlines_view(actor, now()))
    })
    .await
}

#[tauri::command]
pub async fn notifications_list(app: AppHandle) -> Result<NotificationCentre, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.notifications(actor, now()))
    })
    .await
}

/// Marks `ids` read, or every notification of the person when `ids` is absent.
#[tauri::command]
pub async fn notifications_mark_read(
    app: AppHandle,
    ids: Option<Vec<i64>>,
) -> Result<NotificationCentre, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.notifications_mark_read(actor, ids.as_deref(), now()))
    })
    .await
}

#[tauri::command]
pub async fn due_soon_settings(app: AppHandle) -> Result<DueSoonSettings, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, _| l.due_soon_settings())
    })
    .await
}

#[tauri::command]
pub async fn due_soon_set(
    app: AppHandle,
    settings: DueSoonSettings,
) -> Result<DueSoonSettings, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.due_soon_set(actor, &settings, now()))
    })
    .await
}

/// Signer certificates expiring within the warning window (or expired), for the Tenggat view.
#[tauri::command]
pub async fn signer_expiring(app: AppHandle) -> Result<Vec<SignerCertificateView>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.signer_expiring(actor, now()))
    })
    .await
}
