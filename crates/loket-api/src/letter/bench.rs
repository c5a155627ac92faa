//! `letter.bench`: how fast letters render. Renders each shipped letter `runs` times and
//! reports the mean per letter; when LibreOffice is installed, converts the same letter
//! written as an OpenDocument file with `libreoffice --headless --convert-to pdf` and
//! reports how many times slower that is.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use loket_letters::spec::{self, ALL_KINDS};
use loket_letters::{samples, Renderer, TemplateSet};
use serde::Serialize;
use serde_json::Value;

use crate::office::{LoadedProfile, ProfileSource};
use crate::{ApiError, ErrorCode};

pub const BENCH: &str = "letter.bench";

/// Figures of one kind.
#[derive(Debug, Clone, Serialize)]
pub struct KindBench {
    pub kind: String,
    pub pages: u32,
    pub mean_ms: f64,
}

/// Figures of a benchmark run.
#[derive(Debug, Clone, Serialize)]
pub struct LetterBench {
    pub office: String,
    pub runs: u32,
    pub kinds: Vec<KindBench>,
    /// Mean over every render of every kind.
    pub mean_ms: f64,
    /// The kind converted with LibreOffice, its mean time and the ratio to Typst's mean
    /// for that kind; `None` when LibreOffice is not installed.
    pub libreoffice: Option<LibreOfficeBench>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LibreOfficeBench {
    pub kind: String,
    pub runs: u32,
    pub mean_ms: f64,
    /// LibreOffice mean / Loket mean for the same letter.
    pub ratio: f64,
}

fn internal(what: &str, e: impl std::fmt::Display) -> ApiError {
    ApiError::new(ErrorCode::Internal, format!("{what}: {e}"))
}

/// Runs the benchmark for a shipped office (`demak`, ...). `lo_runs` = 0 skips LibreOffice.
pub fn letter_bench(
    office: &str,
    runs: u32,
    lo_runs: u32,
    scratch: &Path,
) -> Result<LetterBench, ApiError> {
    let profile = LoadedProfile::read(&ProfileSource::Shipped(office.to_string()))?.profile;
    let renderer = Renderer::new(TemplateSet::bundled());
    let mut kinds = Vec::new();
    let mut total = 0.0;
    for kind in ALL_KINDS {
        let letter = samples::letter(kind, &profile, Some("000.8.3.3/123/DKI/III/2024"))
            .ok_or_else(|| ApiError::not_found(format!("tidak ada contoh untuk {kind:?}")))?;
        let first = renderer.render(&letter, Some("NASKAH DINAS"))?;
        let start = Instant::now();
        for _ in 0..runs {
            renderer.render(&letter, Some("NASKAH DINAS"))?;
        }
        let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs.max(1));
        total += ms;
        kinds.push(KindBench {
            kind: spec::kind_id(kind).to_string(),
            pages: first.pages as u32,
            mean_ms: ms,
        });
    }
    let mean_ms = total / kinds.len() as f64;
    let libreoffice = if lo_runs == 0
        || Command::new("libreoffice")
            .arg("--version")
            .output()
            .is_err()
    {
        None
    } else {
        let kind = loket_domain::catalog::LetterKind::SuratBalasan;
        let letter = samples::letter(kind, &profile, Some("000.8.3.3/123/DKI/III/2024"))
            .ok_or_else(|| ApiError::not_found("tidak ada contoh surat balasan"))?;
        std::fs::create_dir_all(scratch).map_err(|e| internal("direktori kerja", e))?;
        let fodt = scratch.join("surat_balasan.fodt");
        std::fs::write(&fodt, flat_odt(&letter.template_data()?))
            .map_err(|e| internal("berkas ODT", e))?;
        let profile_dir = scratch.join("lo-profile");
        let start = Instant::now();
        for _ in 0..lo_runs {
            let out = Command::new("libreoffice")
                .arg(format!(
                    "-env:UserInstallation=file://{}",
                    profile_dir.display()
                ))
                .args(["--headless", "--convert-to", "pdf", "--outdir"])
                .arg(scratch)
                .arg(&fodt)
                .output()
                .map_err(|e| internal("libreoffice", e))?;
            if !out.status.success() || !scratch.join("surat_balasan.pdf").exists() {
                return Err(internal(
                    "libreoffice gagal",
                    String::from_utf8_lossy(&out.stderr),
                ));
            }
        }
        let lo_ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(lo_runs);
        let ours = kinds
            .iter()
            .find(|k| k.kind == spec::kind_id(kind))
            .map_or(mean_ms, |k| k.mean_ms);
        Some(LibreOfficeBench {
            kind: spec::kind_id(kind).to_string(),
            runs: lo_runs,
            mean_ms: lo_ms,
            ratio: lo_ms / ours,
        })
    };
    Ok(LetterBench {
        office: office.to_string(),
        runs,
        kinds,
        mean_ms,
        libreoffice,
    })
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Every text of the letter's data in reading order (kop, number block, addressee, body,
/// signer, tembusan), as paragraphs.
fn texts(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| texts(x, out)),
        Value::Object(o) => o.values().for_each(|x| texts(x, out)),
        _ => {}
    }
}

/// The letter as a flat OpenDocument text file with the same words in the same fonts.
fn flat_odt(data: &Value) -> String {
    let mut paragraphs = Vec::new();
    for key in [
        "kop",
        "tempat",
        "tanggal",
        "nomor",
        "sifat",
        "lampiran",
        "hal",
        "kepada",
        "di",
        "isi",
        "penandatangan",
        "tembusan",
    ] {
        if let Some(v) = data.get(key) {
            texts(v, &mut paragraphs);
        }
    }
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<text:p text:style-name=\"P\">{}</text:p>\n", xml(p)))
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="Liberation Sans" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:automatic-styles>
<style:style style:name="P" style:family="paragraph"><style:text-properties style:font-name="Liberation Sans" fo:font-size="12pt"/></style:style>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-left="2.5cm" fo:margin-right="2cm" fo:margin-top="1.5cm" fo:margin-bottom="2cm"/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
<office:body><office:text>
{body}</office:text></office:body></office:document>
"#
    )
}
