//! Area K: Pengaturan → Hari & Jam Kerja, the working calendar edited in the window. Every
//! change runs as the signed-in person (administrators only, checked in loket-api) and
//! returns the open cases whose due moments moved.

use loket_api::calendar::{CalendarPage, CalendarSaved, DayForm};
use loket_api::ApiError;
use tauri::AppHandle;

use super::{blocking, now};

#[tauri::command]
pub async fn kalender_page(app: AppHandle, year: Option<i32>) -> Result<CalendarPage, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.calendar_page(a, year, now()))
    })
    .await
}

#[tauri::command]
pub async fn kalender_set_hours(
    app: AppHandle,
    week: Vec<DayForm>,
) -> Result<CalendarSaved, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.calendar_admin_set_hours(a, &week, now()))
    })
    .await
}

#[tauri::command]
pub async fn kalender_add_variant(
    app: AppHandle,
    name: String,
    from: String,
    to: String,
    week: Vec<DayForm>,
) -> Result<CalendarSaved, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.calendar_admin_add_variant(a, &name, &from, &to, &week, now()))
    })
    .await
}

#[tauri::command]
pub async fn kalender_remove_variant(app: AppHandle, id: i64) -> Result<CalendarSaved, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.calendar_admin_remove_variant(a, id, now()))
    })
    .await
}

#[tauri::command]
pub async fn kalender_add_closure(
    app: AppHandle,
    date: String,
    reason: String,
) -> Result<CalendarSaved, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.calendar_admin_add_closure(a, &date, &reason, now()))
    })
    .await
}

#[tauri::command]
pub async fn kalender_remove_closure(
    app: AppHandle,
    date: String,
) -> Result<CalendarSaved, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.calendar_admin_remove_closure(a, &date, now()))
    })
    .await
}

#[tauri::command]
pub async fn kalender_add_holiday(
    app: AppHandle,
    date: String,
    name: String,
    kind: String,
) -> Result<CalendarSaved, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.calendar_admin_add_holiday(a, &date, &name, &kind, now()))
    })
    .await
}

#[tauri::command]
pub async fn kalender_remove_holiday(
    app: AppHandle,
    date: String,
    name: String,
) -> Result<CalendarSaved, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, a| l.calendar_admin_remove_holiday(a, &date, &name, now()))
    })
    .await
}
