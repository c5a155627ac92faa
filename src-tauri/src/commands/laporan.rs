//! Laporan: the recap of a period, on screen and as an Excel workbook in `keluaran/`.

use loket_api::app::Session;
use loket_api::report::dto::ServiceReport;
use loket_api::report::{file_name, parse_day};
use loket_api::ApiError;
use tauri::State;

use super::now;

/// The recap of the requests received from `from` to `to` (TTTT-BB-HH, inclusive).
#[tauri::command]
pub fn report_services(
    session: State<'_, Session>,
    from: String,
    to: String,
) -> Result<ServiceReport, ApiError> {
    let (from, to) = (
        parse_day(&from, "tanggal awal")?,
        parse_day(&to, "tanggal akhir")?,
    );
    session.as_user(|l, a| l.report_services(a, from, to, now()))
}

/// Saves the recap as `.xlsx` in `keluaran/`; returns the file's path.
#[tauri::command]
pub fn report_export_xlsx(
    session: State<'_, Session>,
    from: String,
    to: String,
) -> Result<String, ApiError> {
    let (from, to) = (
        parse_day(&from, "tanggal awal")?,
        parse_day(&to, "tanggal akhir")?,
    );
    let bytes = session.as_user(|l, a| l.report_export_xlsx(a, from, to, now()))?;
    session.save_output(&file_name(from, to), &bytes)
}
