//! Sign-in, the first administrator and sign-out.

use loket_api::app::{Session, UserView};
use loket_api::ApiError;
use tauri::State;

use super::now;

#[tauri::command]
pub fn sign_in(
    session: State<'_, Session>,
    login: String,
    password: String,
) -> Result<UserView, ApiError> {
    session.sign_in(&login, &password, now())
}

#[tauri::command]
pub fn create_first_admin(
    session: State<'_, Session>,
    login: String,
    name: String,
    password: String,
) -> Result<UserView, ApiError> {
    session.create_first_admin(&login, &name, &password, now())
}

#[tauri::command]
pub fn sign_out(session: State<'_, Session>) -> Result<(), ApiError> {
    session.sign_out()
}

/// Where printed letters and exports are written (`<database folder>/keluaran`).
#[tauri::command]
pub fn output_dir(session: State<'_, Session>) -> String {
    session.output_dir().display().to_string()
}
