//! Laporan: the recap of a period, on screen and as an Excel workbook in `keluaran/`.

use loket_api::report::dto::ServiceReport;
use loket_api::report::{file_name, parse_day};
use loket_api::ApiError;
use tauri::AppHandle;

use super::{blocking, now};

/// The recap of the requests received from `from` to `to` (TTTT-BB-HH, inclusive).
#[tauri::command]
pub async fn report_services(
    app: AppHandle,
    from: String,
    to: String,
) -> Result<ServiceReport, ApiError> {
    blocking(app, move |session| {
        let (from, to) = (
            parse_day(&from, "tanggal awal")?,
            parse_day(&to, "tanggal akhir")?,
        );
        session.as_user(|l, a| l.report_services(a, from, to, now()))
    })
    .await
}

/// Saves the recap as `.xlsx` in `keluaran/`; returns the file's path.
#[tauri::command]
pub async fn report_export_xlsx(
    app: AppHandle,
    from: String,
    to: String,
) -> Result<String, ApiError> {
    blocking(app, move |session| {
        let (from, to) = (
            parse_day(&from, "tanggal awal")?,
            parse_day(&to, "tanggal akhir")?,
        );
        let bytes = session.as_user(|l, a| l.report_export_xlsx(a, from, to, now()))?;
        session.save_output(&file_name(from, to), &bytes)
    })
    .await
}
