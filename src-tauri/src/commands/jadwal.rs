//! Jadwal Peralatan: calendars, the booking form, a booking's page and its surat bukti
//! peminjaman, resources. Each command is one call into `loket-api` (printing adds the save
//! into `keluaran/`).

use loket_api::app::Session;
use loket_api::booking::{
    BlackoutForm, BlackoutView, BookingEvent, BookingForm, BookingSubmitted, BookingView, Borrower,
    OperatorSkills, ResourceForm, ResourceView, ScheduleRange, SlotForm, SlotView,
};
use loket_api::letter::flow::dto::DraftView;
use loket_api::ApiError;
use tauri::State;

use super::now;

#[tauri::command]
pub fn jadwal_range(
    session: State<'_, Session>,
    from: String,
    to: String,
    resource: Option<String>,
) -> Result<ScheduleRange, ApiError> {
    session.with(|l| l.booking_range(&from, &to, resource.as_deref()))
}

#[tauri::command]
pub fn jadwal_tomorrow(session: State<'_, Session>) -> Result<Vec<BookingView>, ApiError> {
    session.with(|l| l.booking_tomorrow(now()))
}

/// The booking's page for the signed-in person (`can_approve` is theirs).
#[tauri::command]
pub fn jadwal_show(session: State<'_, Session>, id: i64) -> Result<BookingView, ApiError> {
    session.as_user(|l, actor| l.booking_page(id, actor, now()))
}

#[tauri::command]
pub fn jadwal_history(session: State<'_, Session>, id: i64) -> Result<Vec<BookingEvent>, ApiError> {
    session.as_user(|l, actor| l.booking_history(actor, id))
}

#[tauri::command]
pub fn jadwal_of_case(
    session: State<'_, Session>,
    case_id: i64,
) -> Result<Vec<BookingView>, ApiError> {
    session.with(|l| l.bookings_of_case(case_id))
}

#[tauri::command]
pub fn jadwal_submit(
    session: State<'_, Session>,
    form: BookingForm,
) -> Result<BookingSubmitted, ApiError> {
    session.as_user(|l, actor| l.booking_submit(&form, actor, now()))
}

#[tauri::command]
pub fn jadwal_free_slots(
    session: State<'_, Session>,
    form: SlotForm,
) -> Result<Vec<SlotView>, ApiError> {
    session.with(|l| l.booking_find_slots(&form))
}

#[tauri::command]
pub fn jadwal_approve(session: State<'_, Session>, id: i64) -> Result<BookingView, ApiError> {
    session.as_user(|l, actor| l.booking_approve(id, actor, now()))
}

#[tauri::command]
pub fn jadwal_assign(
    session: State<'_, Session>,
    id: i64,
    operators: Vec<String>,
) -> Result<BookingView, ApiError> {
    session.as_user(|l, actor| l.booking_assign_operators(id, &operators, actor, now()))
}

#[tauri::command]
pub fn jadwal_check_out(
    session: State<'_, Session>,
    id: i64,
    condition: String,
) -> Result<BookingView, ApiError> {
    session.as_user(|l, actor| l.booking_check_out(id, &condition, actor, now()))
}

#[tauri::command]
pub fn jadwal_check_in(
    session: State<'_, Session>,
    id: i64,
    condition: String,
) -> Result<BookingView, ApiError> {
    session.as_user(|l, actor| l.booking_check_in(id, &condition, actor, now()))
}

#[tauri::command]
pub fn jadwal_cancel(
    session: State<'_, Session>,
    id: i64,
    reason: String,
) -> Result<BookingView, ApiError> {
    session.as_user(|l, actor| l.booking_cancel(id, &reason, actor, now()))
}

/// Saves the resource's (or every) schedule as `.ics` in `keluaran/`; returns the path.
#[tauri::command]
pub fn jadwal_export_ics(
    session: State<'_, Session>,
    resource: Option<String>,
) -> Result<String, ApiError> {
    let (name, text) = session.with(|l| l.booking_ics_file(resource.as_deref(), now()))?;
    session.save_output(&name, text.as_bytes())
}

/// Prints the surat bukti peminjaman into `keluaran/`; returns the path.
#[tauri::command]
pub fn jadwal_receipt(
    session: State<'_, Session>,
    id: i64,
    borrower: Borrower,
) -> Result<String, ApiError> {
    let pdf = session.as_user(|l, actor| l.booking_receipt(actor, id, &borrower, now()))?;
    session.save_output(&format!("bukti-peminjaman-{id}.pdf"), &pdf.pdf)
}

/// Starts the numbered surat bukti peminjaman as a draft of the letters workflow.
#[tauri::command]
pub fn jadwal_receipt_draft(
    session: State<'_, Session>,
    id: i64,
    borrower: Borrower,
) -> Result<DraftView, ApiError> {
    session.as_user(|l, actor| l.booking_receipt_draft(actor, id, &borrower, now()))
}

#[tauri::command]
pub fn jadwal_resources(session: State<'_, Session>) -> Result<Vec<ResourceView>, ApiError> {
    session.with(|l| l.resource_list())
}

#[tauri::command]
pub fn jadwal_resource_save(
    session: State<'_, Session>,
    form: ResourceForm,
) -> Result<ResourceView, ApiError> {
    session.as_user(|l, actor| l.resource_save(&form, actor, now()))
}

#[tauri::command]
pub fn jadwal_operators(session: State<'_, Session>) -> Result<Vec<OperatorSkills>, ApiError> {
    session.with(|l| l.resource_operators())
}

#[tauri::command]
pub fn jadwal_add_skill(
    session: State<'_, Session>,
    person: String,
    skill: String,
) -> Result<(), ApiError> {
    session.as_user(|l, actor| l.resource_add_skill(&person, &skill, actor, now()))
}

/// Blackouts (masa tutup) not yet over.
#[tauri::command]
pub fn jadwal_blackouts(session: State<'_, Session>) -> Result<Vec<BlackoutView>, ApiError> {
    session.with(|l| l.blackout_list(now(), None))
}

#[tauri::command]
pub fn jadwal_blackout_add(
    session: State<'_, Session>,
    form: BlackoutForm,
) -> Result<BlackoutView, ApiError> {
    session.as_user(|l, actor| l.blackout_save(&form, actor, now()))
}

#[tauri::command]
pub fn jadwal_blackout_remove(session: State<'_, Session>, id: i64) -> Result<(), ApiError> {
    session.as_user(|l, actor| l.blackout_remove(id, actor, now()))
}
