//! Jadwal Peralatan: calendars, the booking form, a booking's page and its surat bukti
//! peminjaman, resources. Each command is one call into `loket-api` (printing adds the save
//! into `keluaran/`).

use loket_api::booking::{
    BlackoutForm, BlackoutView, BookingEvent, BookingForm, BookingSubmitted, BookingView, Borrower,
    OperatorSkills, ResourceForm, ResourceView, ScheduleRange, SlotForm, SlotView,
};
use loket_api::letter::flow::dto::DraftView;
use loket_api::ApiError;
use tauri::AppHandle;

use super::{blocking, now};

#[tauri::command]
pub async fn jadwal_range(
    app: AppHandle,
    from: String,
    to: String,
    resource: Option<String>,
) -> Result<ScheduleRange, ApiError> {
    blocking(app, move |session| {
        session.with(|l| l.booking_range(&from, &to, resource.as_deref()))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_tomorrow(app: AppHandle) -> Result<Vec<BookingView>, ApiError> {
    blocking(app, move |session| {
        session.with(|l| l.booking_tomorrow(now()))
    })
    .await
}

/// The booking's page for the signed-in person (`can_approve` is theirs).
#[tauri::command]
pub async fn jadwal_show(app: AppHandle, id: i64) -> Result<BookingView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.booking_page(id, actor, now()))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_history(app: AppHandle, id: i64) -> Result<Vec<BookingEvent>, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.booking_history(actor, id))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_of_case(app: AppHandle, case_id: i64) -> Result<Vec<BookingView>, ApiError> {
    blocking(app, move |session| {
        session.with(|l| l.bookings_of_case(case_id))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_submit(
    app: AppHandle,
    form: BookingForm,
) -> Result<BookingSubmitted, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.booking_submit(&form, actor, now()))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_free_slots(app: AppHandle, form: SlotForm) -> Result<Vec<SlotView>, ApiError> {
    blocking(app, move |session| {
        session.with(|l| l.booking_find_slots(&form))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_approve(app: AppHandle, id: i64) -> Result<BookingView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.booking_approve(id, actor, now()))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_assign(
    app: AppHandle,
    id: i64,
    operators: Vec<String>,
) -> Result<BookingView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.booking_assign_operators(id, &operators, actor, now()))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_check_out(
    app: AppHandle,
    id: i64,
    condition: String,
) -> Result<BookingView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.booking_check_out(id, &condition, actor, now()))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_check_in(
    app: AppHandle,
    id: i64,
    condition: String,
) -> Result<BookingView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.booking_check_in(id, &condition, actor, now()))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_cancel(
    app: AppHandle,
    id: i64,
    reason: String,
) -> Result<BookingView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.booking_cancel(id, &reason, actor, now()))
    })
    .await
}

/// Saves the resource's (or every) schedule as `.ics` in `keluaran/`; returns the path.
#[tauri::command]
pub async fn jadwal_export_ics(
    app: AppHandle,
    resource: Option<String>,
) -> Result<String, ApiError> {
    blocking(app, move |session| {
        let (name, text) = session.with(|l| l.booking_ics_file(resource.as_deref(), now()))?;
        session.save_output(&name, text.as_bytes())
    })
    .await
}

/// Prints the surat bukti peminjaman into `keluaran/`; returns the path.
#[tauri::command]
pub async fn jadwal_receipt(
    app: AppHandle,
    id: i64,
    borrower: Borrower,
) -> Result<String, ApiError> {
    blocking(app, move |session| {
        let pdf = session.as_user(|l, actor| l.booking_receipt(actor, id, &borrower, now()))?;
        session.save_output(&format!("bukti-peminjaman-{id}.pdf"), &pdf.pdf)
    })
    .await
}

/// Starts the numbered surat bukti peminjaman as a draft of the letters workflow.
#[tauri::command]
pub async fn jadwal_receipt_draft(
    app: AppHandle,
    id: i64,
    borrower: Borrower,
) -> Result<DraftView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.booking_receipt_draft(actor, id, &borrower, now()))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_resources(app: AppHandle) -> Result<Vec<ResourceView>, ApiError> {
    blocking(app, move |session| session.with(|l| l.resource_list())).await
}

#[tauri::command]
pub async fn jadwal_resource_save(
    app: AppHandle,
    form: ResourceForm,
) -> Result<ResourceView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.resource_save(&form, actor, now()))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_operators(app: AppHandle) -> Result<Vec<OperatorSkills>, ApiError> {
    blocking(app, move |session| session.with(|l| l.resource_operators())).await
}

#[tauri::command]
pub async fn jadwal_add_skill(
    app: AppHandle,
    person: String,
    skill: String,
) -> Result<(), ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.resource_add_skill(&person, &skill, actor, now()))
    })
    .await
}

/// Blackouts (masa tutup) not yet over.
#[tauri::command]
pub async fn jadwal_blackouts(app: AppHandle) -> Result<Vec<BlackoutView>, ApiError> {
    blocking(app, move |session| {
        session.with(|l| l.blackout_list(now(), None))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_blackout_add(
    app: AppHandle,
    form: BlackoutForm,
) -> Result<BlackoutView, ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.blackout_save(&form, actor, now()))
    })
    .await
}

#[tauri::command]
pub async fn jadwal_blackout_remove(app: AppHandle, id: i64) -> Result<(), ApiError> {
    blocking(app, move |session| {
        session.as_user(|l, actor| l.blackout_remove(id, actor, now()))
    })
    .await
}
