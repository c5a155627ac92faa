//! `evaluation.export_pdf`: the evaluation of a period as a PDF through the letters engine —
//! the office's kop, IKM per element as bars and the trend per quarter drawn by Typst, the
//! service-time and complaints tables, the priorities, and the head of office's signature
//! block. A draft without a number for reading; the copy the Kepala Dinas signs goes through
//! the letters workflow (`evaluation.draft`) with the same figures frozen into the letter.

use chrono::{DateTime, FixedOffset};
use loket_domain::skm::Period;
use loket_domain::tanggal::tanggal;
use loket_letters::form::{self, LAPORAN_EVALUASI};
use loket_letters::model::NOMOR_DRAF;
use serde_json::{json, Value};

use super::dto::{ElementScore, Evaluation, EvaluationRow};
use crate::account::Actor;
use crate::{ApiError, Loket};

pub const EXPORT_PDF: &str = "evaluation.export_pdf";

/// Suggestions printed at most (the newest).
const MAX_SARAN: usize = 12;

/// The PDF's file name: "evaluasi-2026-T1.pdf".
pub fn pdf_name(period: Period) -> String {
    format!("evaluasi-{}.pdf", period.code())
}

/// "82,64": two decimals with the Indonesian decimal comma.
pub fn angka(x: f64) -> String {
    format!("{x:.2}").replace('.', ",")
}

fn opt(x: Option<f64>, digits: usize, suffix: &str) -> String {
    match x {
        Some(v) => format!("{v:.digits$}{suffix}").replace('.', ","),
        None => "-".into(),
    }
}

fn element(u: &ElementScore) -> Value {
    json!({"kode": u.code, "label": u.label, "nilai": u.converted,
           "nilai_teks": angka(u.converted), "mutu": u.grade})
}

fn time_row(r: &EvaluationRow) -> Value {
    let t = &r.time;
    json!({"label": r.label, "diterima": t.received.to_string(), "selesai": t.completed.to_string(),
           "tepat": t.on_time.to_string(), "terlambat": t.late.to_string(),
           "persen": opt(t.on_time_percent, 1, "%"), "median": opt(t.median_days, 1, "")})
}

/// The figures of evaluation `e` as the template draws them: what a letter draft of the
/// evaluation freezes at drafting time (`isi.evaluasi`), so what the head signs is what was
/// shown.
pub(crate) fn figures(e: &Evaluation) -> Value {
    let s = &e.office.skm;
    let c = &e.office.complaints;
    let mut waktu: Vec<Value> = e.services.iter().map(time_row).collect();
    let mut total = time_row(&e.office);
    total["label"] = "Jumlah".into();
    waktu.push(total);
    let saran: Vec<&String> = e.suggestions.iter().rev().take(MAX_SARAN).collect();
    json!({
        "periode_label": e.period_label,
        "periode_teks": e.period_words,
        "ikm": {
            "teks": s.ikm.map(angka), "mutu": s.grade, "mutu_kata": s.grade_words,
            "responden": s.respondents, "walk_in": s.walk_in, "populasi": s.population,
            "sampel_min": s.minimum_sample, "sampel_cukup": s.sample_met,
        },
        "unsur": s.elements.iter().map(element).collect::<Vec<_>>(),
        "tren": e.trend.iter().map(|t| json!({"label": t.label, "ikm": t.ikm,
            "teks": t.ikm.map(angka), "mutu": t.grade})).collect::<Vec<_>>(),
        "waktu": waktu,
        "pengaduan": {
            "diterima": c.received.to_string(), "pengaduan": c.pengaduan.to_string(),
            "saran": c.saran.to_string(), "masukan": c.masukan.to_string(),
            "tepat": c.answered_in_time.to_string(), "terlambat": c.answered_late.to_string(),
            "menunggu": c.waiting.to_string(), "lewat": c.overdue.to_string(),
            "persen": opt(c.in_time_percent, 1, "%"),
        },
        "prioritas": e.priorities.iter().map(element).collect::<Vec<_>>(),
        "saran": saran,
    })
}

/// The letter's Hal for evaluation `e`: "Laporan Evaluasi Kinerja Pelaksana Triwulan I 2026".
pub(crate) fn hal(e: &Evaluation) -> String {
    format!("Laporan Evaluasi Kinerja Pelaksana {}", e.period_label)
}

/// The template's data for evaluation `e` printed as an unnumbered draft.
fn data(e: &Evaluation, kop: Value, tempat: &str, today: &str, signer: Value) -> Value {
    let mut d = figures(e);
    let frame = json!({
        "kertas": "a4",
        "hal": hal(e),
        "kop": kop,
        "tempat": tempat,
        "tanggal": today,
        "nomor": NOMOR_DRAF,
        "penandatangan": signer,
    });
    if let (Some(d), Value::Object(f)) = (d.as_object_mut(), frame) {
        d.extend(f);
    }
    d
}

impl Loket {
    /// The evaluation of `period` as PDF, dated `now`, without a number, with the signature
    /// block of the office's default signer (the head of office).
    ///
    /// Errors: as [`Loket::evaluation_report`]; `BadInput` when the profile names no signer
    /// or the office's edited template does not compile (file and line named).
    pub fn evaluation_export_pdf(
        &mut self,
        actor: &Actor,
        period: Period,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<u8>, ApiError> {
        let e = self.evaluation_report(actor, period, now)?;
        let profile = self.db.profile()?;
        let signer = loket_letters::signer::resolve(&profile, None, None)?;
        let d = data(
            &e,
            form::kop(&profile.office),
            &profile.office.kota,
            &tanggal(now.date_naive()),
            serde_json::to_value(&signer).map_err(|x| ApiError::bad_input(x.to_string()))?,
        );
        Ok(self
            .letter_renderer()?
            .render_form(LAPORAN_EVALUASI, &d, None)?
            .pdf)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn numbers_use_the_indonesian_decimal_comma() {
        assert_eq!(
            super::angka(82.6441),
            "82,64",
            "IKM with two decimals and a comma"
        );
        assert_eq!(
            super::opt(Some(66.666), 1, "%"),
            "66,7%",
            "shares with one decimal"
        );
        assert_eq!(
            super::opt(None, 1, "%"),
            "-",
            "nothing measured prints a dash"
        );
    }
}
