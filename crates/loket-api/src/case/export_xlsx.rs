//! `case.export_xlsx`: the agenda book as an Excel workbook — bold frozen heading row,
//! columns wide enough to read, moments and dates as real spreadsheet dates (so they sort and
//! filter as dates), an autofilter on the heading.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::export::HEADINGS;
use super::{AgendaLine, CaseFilter};
use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

pub const ID: &str = "case.export_xlsx";

/// Column widths (characters), in [`HEADINGS`] order.
const WIDTHS: [f64; 10] = [14.0, 17.0, 32.0, 24.0, 13.0, 48.0, 36.0, 14.0, 24.0, 17.0];

fn failed(e: XlsxError) -> ApiError {
    ApiError::new(
        ErrorCode::Internal,
        format!("buku agenda tidak dapat dibuat sebagai Excel: {e}"),
    )
}

/// A stored moment (RFC 3339, office time) as an Excel date-time in the same wall time.
fn moment(text: &str) -> Option<ExcelDateTime> {
    let m = DateTime::parse_from_rfc3339(text).ok()?;
    ExcelDateTime::from_ymd(m.year() as u16, m.month() as u8, m.day() as u8)
        .and_then(|d| d.and_hms(m.hour() as u16, m.minute() as u8, m.second()))
        .ok()
}

/// A stored day (TTTT-BB-HH) as an Excel date.
fn day(text: &str) -> Option<ExcelDateTime> {
    let d = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).ok()
}

/// Writes a date cell, or the text as it is when it is not a date (never loses a value).
fn date_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<&str>,
    parse: fn(&str) -> Option<ExcelDateTime>,
    format: &Format,
) -> Result<(), XlsxError> {
    match value.map(|v| (v, parse(v))) {
        Some((_, Some(d))) => sheet.write_datetime_with_format(row, col, &d, format)?,
        Some((v, None)) => sheet.write_string(row, col, v)?,
        None => sheet,
    };
    Ok(())
}

/// The workbook bytes for `lines` (in the order given).
pub(crate) fn workbook(lines: &[AgendaLine]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_background_color("#E8EEF4")
        .set_align(FormatAlign::Center);
    let when = Format::new().set_num_format("dd/mm/yyyy hh:mm");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let sheet = book.add_worksheet();
    sheet.set_name("Buku Agenda")?;
    for (col, (h, w)) in HEADINGS.iter().zip(WIDTHS).enumerate() {
        sheet.write_string_with_format(0, col as u16, *h, &bold)?;
        sheet.set_column_width(col as u16, w)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (i, l) in lines.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, &l.agenda_number)?;
        date_cell(sheet, r, 1, Some(&l.received_at), moment, &when)?;
        sheet.write_string(r, 2, &l.applicant_name)?;
        sheet.write_string(r, 3, &l.letter_number)?;
        date_cell(sheet, r, 4, Some(&l.letter_date), day, &date)?;
        sheet.write_string(r, 5, &l.hal)?;
        sheet.write_string(r, 6, &l.service_name)?;
        sheet.write_string(r, 7, &l.sifat)?;
        sheet.write_string(r, 8, &l.status_label)?;
        date_cell(sheet, r, 9, l.due_at.as_deref(), moment, &when)?;
    }
    sheet.autofilter(0, 0, lines.len() as u32, HEADINGS.len() as u16 - 1)?;
    book.save_to_buffer()
}

impl Loket {
    /// The agenda lines matching `filter` as an `.xlsx` workbook, oldest agenda number first.
    ///
    /// Errors: `BadInput` for a malformed filter; `Internal` when the workbook cannot be made.
    pub fn case_export_xlsx(
        &self,
        actor: &Actor,
        filter: &CaseFilter,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<u8>, ApiError> {
        let mut lines = self.case_list(actor, filter, now)?;
        lines.reverse();
        workbook(&lines).map_err(failed)
    }
}
