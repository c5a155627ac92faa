//! Area K: Pengaturan → Hari & Jam Kerja, the working calendar edited in the window. Every
//! change runs as the signed-in person (administrators only, checked in loket-api) and
//! returns the open cases whose due moments moved.

use loket_api::app::Session;
use loket_api::calendar::{CalendarPage, CalendarSaved, DayForm};
use loket_api::ApiError;
use tauri::State;

use super::now;

#[tauri::command]
pub fn kalender_page(
    session: State<'_, Session>,
    year: Option<i32>,
) -> Result<CalendarPage, ApiError> {
    session.as_user(|l, a| l.calendar_page(a, year, now()))
}

#[tauri::command]
pub fn kalender_set_hours(
    session: State<'_, Session>,
    week: Vec<DayForm>,
) -> Result<CalendarSaved, ApiError> {
    session.as_user(|l, a| l.calendar_admin_set_hours(a, &week, now()))
}

#[tauri::command]
pub fn kalender_add_variant(
    session: State<'_, Session>,
    name: String,
    from: String,
    to: String,
    week: Vec<DayForm>,
) -> Result<CalendarSaved, ApiError> {
    session.as_user(|l, a| l.calendar_admin_add_variant(a, &name, &from, &to, &week, now()))
}

#[tauri::command]
pub fn kalender_remove_variant(
    session: State<'_, Session>,
    id: i64,
) -> Result<CalendarSaved, ApiError> {
    session.as_user(|l, a| l.calendar_admin_remove_variant(a, id, now()))
}

#[tauri::command]
pub fn kalender_add_closure(
    session: State<'_, Session>,
    date: String,
    reason: String,
) -> Result<CalendarSaved, ApiError> {
    session.as_user(|l, a| l.calendar_admin_add_closure(a, &date, &reason, now()))
}

#[tauri::command]
pub fn kalender_remove_closure(
    session: State<'_, Session>,
    date: String,
) -> Result<CalendarSaved, ApiError> {
    session.as_user(|l, a| l.calendar_admin_remove_closure(a, &date, now()))
}

#[tauri::command]
pub fn kalender_add_holiday(
    session: State<'_, Session>,
    date: String,
    name: String,
    kind: String,
) -> Result<CalendarSaved, ApiError> {
    session.as_user(|l, a| l.calendar_admin_add_holiday(a, &date, &name, &kind, now()))
}

#[tauri::command]
pub fn kalender_remove_holiday(
    session: State<'_, Session>,
    date: String,
    name: String,
) -> Result<CalendarSaved, ApiError> {
    session.as_user(|l, a| l.calendar_admin_remove_holiday(a, &date, &name, now()))
}
