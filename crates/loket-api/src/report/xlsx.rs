//! `report.export_xlsx`: the recap as a workbook of four sheets — Layanan, Bidang, Peralatan,
//! Surat — each with a title line naming the period, a bold frozen heading row, and numbers
//! as numbers (percentages and days with one decimal) so they can be summed and charted.

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::dto::{RecapRow, ServiceReport};

/// The headings of a recap table; the first names its subject.
pub const RECAP_HEADINGS: [&str; 12] = [
    "",
    "Diterima",
    "Selesai",
    "Tepat waktu",
    "Terlambat",
    "% tepat waktu",
    "Tanpa tenggat",
    "Dikembalikan",
    "Ditolak",
    "Masih berjalan",
    "Terlambat berjalan",
    "Median hari kerja",
];

struct Styles {
    title: Format,
    head: Format,
    one: Format,
    bold: Format,
}

fn styles() -> Styles {
    Styles {
        title: Format::new().set_bold().set_font_size(13),
        head: Format::new()
            .set_bold()
            .set_background_color("#E8EEF4")
            .set_align(FormatAlign::Center)
            .set_text_wrap(),
        one: Format::new().set_num_format("0.0"),
        bold: Format::new().set_bold(),
    }
}

/// The title line and the heading row; returns the first data row.
fn start(
    sheet: &mut Worksheet,
    s: &Styles,
    title: &str,
    headings: &[&str],
    widths: &[f64],
) -> Result<u32, XlsxError> {
    sheet.write_string_with_format(0, 0, title, &s.title)?;
    for (col, (h, w)) in headings.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(2, col as u16, *h, &s.head)?;
        sheet.set_column_width(col as u16, *w)?;
    }
    sheet.set_freeze_panes(3, 1)?;
    Ok(3)
}

fn recap_line(
    sheet: &mut Worksheet,
    s: &Styles,
    r: u32,
    row: &RecapRow,
    bold: bool,
) -> Result<(), XlsxError> {
    if bold {
        sheet.write_string_with_format(r, 0, &row.label, &s.bold)?;
    } else {
        sheet.write_string(r, 0, &row.label)?;
    }
    let counts = [row.received, row.completed, row.on_time, row.late];
    for (i, n) in counts.iter().enumerate() {
        sheet.write_number(r, 1 + i as u16, f64::from(*n))?;
    }
    if let Some(p) = row.on_time_percent {
        sheet.write_number_with_format(r, 5, p, &s.one)?;
    }
    let rest = [
        row.without_deadline,
        row.returned,
        row.rejected,
        row.open,
        row.open_overdue,
    ];
    for (i, n) in rest.iter().enumerate() {
        sheet.write_number(r, 6 + i as u16, f64::from(*n))?;
    }
    if let Some(d) = row.median_days {
        sheet.write_number_with_format(r, 11, d, &s.one)?;
    }
    Ok(())
}

fn recap_sheet(
    book: &mut Workbook,
    s: &Styles,
    name: &str,
    subject: &str,
    report: &ServiceReport,
    rows: &[RecapRow],
) -> Result<(), XlsxError> {
    let sheet = book.add_worksheet();
    sheet.set_name(name)?;
    let mut headings = RECAP_HEADINGS;
    headings[0] = subject;
    let mut widths = [12.0; 12];
    widths[0] = 44.0;
    let title = format!(
        "Rekapitulasi per {} — {}",
        subject.to_lowercase(),
        report.period_words
    );
    let first = start(sheet, s, &title, &headings, &widths)?;
    sheet.set_row_height(2, 32)?;
    for (r, row) in (first..).zip(rows) {
        recap_line(sheet, s, r, row, false)?;
    }
    recap_line(sheet, s, first + rows.len() as u32, &report.total, true)?;
    Ok(())
}

/// The workbook bytes of `report`.
pub(crate) fn workbook(report: &ServiceReport) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let s = styles();
    recap_sheet(
        &mut book,
        &s,
        "Layanan",
        "Layanan",
        report,
        &report.services,
    )?;
    recap_sheet(&mut book, &s, "Bidang", "Bidang", report, &report.units)?;

    let sheet = book.add_worksheet();
    sheet.set_name("Peralatan")?;
    let title = format!("Penggunaan peralatan dan ruang — {}", report.period_words);
    let first = start(
        sheet,
        &s,
        &title,
        &[
            "Peralatan / ruang",
            "Peminjaman",
            "Jam dipakai",
            "Dibatalkan",
        ],
        &[40.0, 14.0, 14.0, 14.0],
    )?;
    for (r, u) in (first..).zip(&report.resources) {
        sheet.write_string(r, 0, &u.name)?;
        sheet.write_number(r, 1, f64::from(u.bookings))?;
        sheet.write_number_with_format(r, 2, u.hours, &s.one)?;
        sheet.write_number(r, 3, f64::from(u.cancelled))?;
    }

    let sheet = book.add_worksheet();
    sheet.set_name("Surat")?;
    let title = format!("Surat keluar yang diterbitkan — {}", report.period_words);
    let first = start(sheet, &s, &title, &["Jenis surat", "Jumlah"], &[40.0, 12.0])?;
    for (r, l) in (first..).zip(&report.letters) {
        sheet.write_string(r, 0, &l.label)?;
        sheet.write_number(r, 1, f64::from(l.count))?;
    }
    let r = first + report.letters.len() as u32;
    sheet.write_string_with_format(r, 0, "Jumlah", &s.bold)?;
    sheet.write_number_with_format(r, 1, f64::from(report.letters_total), &s.bold)?;
    book.save_to_buffer()
}
