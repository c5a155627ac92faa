//! Printed forms that are not letters (no number, no signer) but carry the office's kop:
//! the SKM questionnaire and the evaluation report. Rendered with [`crate::Renderer::render_form`].

use loket_domain::catalog::Office;
use serde_json::{json, Value};

/// The template of the printable Survei Kepuasan Masyarakat questionnaire.
pub const KUESIONER_SKM: &str = "kuesioner_skm.typ";

/// The template of the evaluation report (laporan evaluasi kinerja pelaksana).
pub const LAPORAN_EVALUASI: &str = "laporan_evaluasi.typ";

/// The kop's part of a template's data, from the office profile (the same fields every
/// letter's `kop` has).
pub fn kop(o: &Office) -> Value {
    json!({
        "pemerintah": o.pemerintah, "nama_dinas": o.nama_dinas, "nama": o.name,
        "alamat": o.alamat, "telepon": o.telepon, "faksimile": o.faksimile,
        "pos_el": o.pos_el, "laman": o.laman, "kode_pos": o.kode_pos,
    })
}
