//! Area C: Pengaturan → Akun & Peran, and the disposition instruction list.

use chrono::NaiveDate;
use loket_api::account::{AccountView, ActingView, NewAccount, PostChoice};
use loket_api::app::Session;
use loket_api::ApiError;
use loket_domain::catalog::Acting;
use loket_domain::roles::Role;
use tauri::State;

use super::now;

#[tauri::command]
pub fn account_list(session: State<'_, Session>) -> Result<Vec<AccountView>, ApiError> {
    session.as_user(|l, a| l.account_list(a))
}

#[tauri::command]
pub fn account_posts(session: State<'_, Session>) -> Result<Vec<PostChoice>, ApiError> {
    session.as_user(|l, a| l.account_posts(a))
}

#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub fn account_create(
    session: State<'_, Session>,
    login: String,
    name: String,
    nip: String,
    position_id: String,
    roles: Vec<Role>,
    password: String,
) -> Result<AccountView, ApiError> {
    let new = NewAccount {
        login,
        name,
        nip,
        position_id,
        roles: Some(roles),
        password,
    };
    session.as_user(|l, a| l.account_create(a, &new, now()))
}

#[tauri::command]
pub fn account_reset_password(
    session: State<'_, Session>,
    login: String,
    password: String,
) -> Result<(), ApiError> {
    session.as_user(|l, a| l.account_reset_password(a, &login, &password, now()))
}

#[tauri::command]
pub fn account_set_roles(
    session: State<'_, Session>,
    login: String,
    roles: Vec<Role>,
) -> Result<(), ApiError> {
    session.as_user(|l, a| l.account_set_roles(a, &login, &roles, now()))
}

#[tauri::command]
pub fn account_set_active(
    session: State<'_, Session>,
    login: String,
    active: bool,
) -> Result<(), ApiError> {
    session.as_user(|l, a| l.account_set_active(a, &login, active, now()))
}

#[tauri::command]
pub fn account_acting(
    session: State<'_, Session>,
    login: String,
    position_id: String,
    kind: Acting,
    starts: NaiveDate,
    ends: NaiveDate,
) -> Result<i64, ApiError> {
    session.as_user(|l, a| l.account_acting(a, &login, &position_id, kind, starts, ends, now()))
}

#[tauri::command]
pub fn account_acting_list(session: State<'_, Session>) -> Result<Vec<ActingView>, ApiError> {
    session.as_user(|l, a| l.account_acting_list(a))
}

#[tauri::command]
pub fn instruction_list(session: State<'_, Session>) -> Result<Vec<String>, ApiError> {
    session.as_user(|l, _| l.instruction_list())
}

#[tauri::command]
pub fn instruction_set(
    session: State<'_, Session>,
    texts: Vec<String>,
) -> Result<Vec<String>, ApiError> {
    session.as_user(|l, a| l.instruction_set(a, &texts, now()))
}
