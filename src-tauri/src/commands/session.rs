//! Sign-in, the first administrator and sign-out.

use loket_api::app::UserView;
use loket_api::ApiError;
use tauri::AppHandle;

use super::{blocking, now};

#[tauri::command]
pub async fn sign_in(
    app: AppHandle,
    login: String,
    password: String,
) -> Result<UserView, ApiError> {
    blocking(app, move |session| {
        session.sign_in(&login, &password, now())
    })
    .await
}

#[tauri::command]
pub async fn create_first_admin(
    app: AppHandle,
    login: String,
    name: String,
    password: String,
) -> Result<UserView, ApiError> {
    blocking(app, move |session| {
        session.create_first_admin(&login, &name, &password, now())
    })
    .await
}

#[tauri::command]
pub async fn sign_out(app: AppHandle) -> Result<(), ApiError> {
    blocking(app, move |session| session.sign_out()).await
}

/// Where printed letters and exports are written (`<database folder>/keluaran`).
#[tauri::command]
pub async fn output_dir(app: AppHandle) -> Result<String, ApiError> {
    blocking(app, move |session| {
        Ok(session.output_dir().display().to_string())
    })
    .await
}
