//! Area C: Pengaturan → Akun & Peran, and the disposition instruction list.

use chrono::NaiveDate;
use loket_api::account::{AccountView, ActingView, NewAccount, PostChoice};

use loket_api::ApiError;
use loket_domain::catalog::Acting;
use loket_domain::roles::Role;
use tauri::AppHandle;

use super::{blocking, now};

#[tauri::command]
pub async fn account_list(app: AppHandle) -> Result<Vec<AccountView>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.account_list(a))
    })
    .await
}

#[tauri::command]
pub async fn account_posts(app: AppHandle) -> Result<Vec<PostChoice>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.account_posts(a))
    })
    .await
}

#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn account_create(
    app: AppHandle,
    login: String,
    name: String,
    nip: String,
    position_id: String,
    roles: Vec<Role>,
    password: String,
) -> Result<AccountView, ApiError> {
    blocking(app, move |session| {
        let new = NewAccount {
            login,
            name,
            nip,
            position_id,
            roles: Some(roles),
            password,
        };
        session.as_user(|l, a| l.account_create(a, &new, now()))
    })
    .await
}

#[tauri::command]
pub async fn account_reset_password(
    app: AppHandle,
    login: String,
    password: String,
) -> Result<(), ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.account_reset_password(a, &login, &password, now()))
    })
    .await
}

#[tauri::command]
pub async fn account_set_roles(
    app: AppHandle,
    login: String,
    roles: Vec<Role>,
) -> Result<(), ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.account_set_roles(a, &login, &roles, now()))
    })
    .await
}

#[tauri::command]
pub async fn account_set_active(
    app: AppHandle,
    login: String,
    active: bool,
) -> Result<(), ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.account_set_active(a, &login, active, now()))
    })
    .await
}

#[tauri::command]
pub async fn account_acting(
    app: AppHandle,
    login: String,
    position_id: String,
    kind: Acting,
    starts: NaiveDate,
    ends: NaiveDate,
) -> Result<i64, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.account_acting(a, &login, &position_id, kind, starts, ends, now()))
    })
    .await
}

#[tauri::command]
pub async fn account_acting_list(app: AppHandle) -> Result<Vec<ActingView>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.account_acting_list(a))
    })
    .await
}

#[tauri::command]
pub async fn instruction_list(app: AppHandle) -> Result<Vec<String>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, _| l.instruction_list())
    })
    .await
}

#[tauri::command]
pub async fn instruction_set(app: AppHandle, texts: Vec<String>) -> Result<Vec<String>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.instruction_set(a, &texts, now()))
    })
    .await
}
