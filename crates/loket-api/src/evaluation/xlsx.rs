//! `evaluation.export_xlsx`: the evaluation as a workbook — Unsur (NRR and value per element
//! with its grade, the index, IKM and grade), Bidang and Layanan (respondents against the
//! minimum sample, IKM, grade, service time, complaints), Tren (IKM per quarter) — numbers as
//! numbers, a title line naming the period, a bold frozen heading row.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::dto::{Evaluation, EvaluationRow};

fn head(sheet: &mut Worksheet, title: &str, headings: &[(&str, f64)]) -> Result<u32, XlsxError> {
    let bold = Format::new().set_bold();
    let h = Format::new()
        .set_bold()
        .set_background_color("#E8EEF4")
        .set_text_wrap();
    sheet.write_string_with_format(0, 0, title, &bold.clone().set_font_size(13))?;
    for (c, (t, w)) in headings.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *t, &h)?;
        sheet.set_column_width(c as u16, *w)?;
    }
    sheet.set_freeze_panes(3, 1)?;
    Ok(3)
}

fn opt(sheet: &mut Worksheet, r: u32, c: u16, v: Option<f64>, f: &Format) -> Result<(), XlsxError> {
    match v {
        Some(x) => sheet.write_number_with_format(r, c, x, f).map(|_| ()),
        None => sheet.write_string(r, c, "-").map(|_| ()),
    }
}

fn rows(sheet: &mut Worksheet, title: &str, list: &[&EvaluationRow]) -> Result<(), XlsxError> {
    let two = Format::new().set_num_format("0.00");
    let one = Format::new().set_num_format("0.0");
    let first = head(
        sheet,
        title,
        &[
            ("", 40.0),
            ("Responden", 11.0),
            ("Sampel minimum", 11.0),
            ("Permohonan selesai", 11.0),
            ("IKM", 9.0),
            ("Mutu", 7.0),
            ("Tepat waktu", 10.0),
            ("Terlambat", 10.0),
            ("% tepat waktu", 10.0),
            ("Median hari kerja", 10.0),
            ("Pengaduan diterima", 11.0),
            ("Dijawab tepat waktu", 11.0),
        ],
    )?;
    for (r, e) in (first..).zip(list) {
        sheet.write_string(r, 0, &e.label)?;
        sheet.write_number(r, 1, e.skm.respondents)?;
        sheet.write_number(r, 2, e.skm.minimum_sample)?;
        sheet.write_number(r, 3, e.skm.population)?;
        opt(sheet, r, 4, e.skm.ikm, &two)?;
        sheet.write_string(r, 5, e.skm.grade.as_deref().unwrap_or("-"))?;
        sheet.write_number(r, 6, e.time.on_time)?;
        sheet.write_number(r, 7, e.time.late)?;
        opt(sheet, r, 8, e.time.on_time_percent, &one)?;
        opt(sheet, r, 9, e.time.median_days, &one)?;
        sheet.write_number(r, 10, e.complaints.received)?;
        sheet.write_number(r, 11, e.complaints.answered_in_time)?;
    }
    Ok(())
}

/// The workbook's bytes.
pub(crate) fn workbook(e: &Evaluation) -> Result<Vec<u8>, XlsxError> {
    let title = |what: &str| format!("{what} — {} ({})", e.period_label, e.period_words);
    let mut book = Workbook::new();
    let three = Format::new().set_num_format("0.000");
    let two = Format::new().set_num_format("0.00");

    let sheet = book.add_worksheet().set_name("Unsur")?;
    let mut r = head(
        sheet,
        &title("Indeks Kepuasan Masyarakat per unsur"),
        &[
            ("Unsur", 8.0),
            ("", 40.0),
            ("NRR", 9.0),
            ("NRR × 1/9", 10.0),
            ("Nilai (× 25)", 10.0),
            ("Mutu", 7.0),
        ],
    )?;
    for x in &e.office.skm.elements {
        sheet.write_string(r, 0, &x.code)?;
        sheet.write_string(r, 1, &x.label)?;
        sheet.write_number_with_format(r, 2, x.nrr, &three)?;
        sheet.write_number_with_format(r, 3, x.weighted, &three)?;
        sheet.write_number_with_format(r, 4, x.converted, &two)?;
        sheet.write_string(r, 5, &x.grade)?;
        r += 1;
    }
    r += 1;
    let s = &e.office.skm;
    sheet.write_string(r, 1, "Nilai indeks")?;
    opt(
        sheet,
        r,
        3,
        s.index,
        &Format::new().set_num_format("0.0000"),
    )?;
    sheet.write_string(r + 1, 1, "IKM")?;
    opt(sheet, r + 1, 4, s.ikm, &two)?;
    sheet.write_string(r + 1, 5, s.grade.as_deref().unwrap_or("-"))?;
    sheet.write_string(r + 2, 1, "Responden / sampel minimum")?;
    sheet.write_number(r + 2, 2, s.respondents)?;
    sheet.write_number(r + 2, 3, s.minimum_sample)?;

    let units: Vec<&EvaluationRow> = std::iter::once(&e.office).chain(e.units.iter()).collect();
    rows(
        book.add_worksheet().set_name("Bidang")?,
        &title("Evaluasi per bidang"),
        &units,
    )?;
    let services: Vec<&EvaluationRow> = e.services.iter().collect();
    rows(
        book.add_worksheet().set_name("Layanan")?,
        &title("Evaluasi per layanan"),
        &services,
    )?;

    let sheet = book.add_worksheet().set_name("Tren")?;
    let first = head(
        sheet,
        &title("IKM per triwulan"),
        &[
            ("Triwulan", 14.0),
            ("Responden", 11.0),
            ("IKM", 9.0),
            ("Mutu", 7.0),
        ],
    )?;
    for (r, t) in (first..).zip(&e.trend) {
        sheet.write_string(r, 0, &t.label)?;
        sheet.write_number(r, 1, t.respondents)?;
        opt(sheet, r, 2, t.ikm, &two)?;
        sheet.write_string(r, 3, t.grade.as_deref().unwrap_or("-"))?;
    }
    book.save_to_buffer()
}
