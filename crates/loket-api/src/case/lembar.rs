//! `case.lembar_disposisi`: the data of the printable disposition sheet — for the letters
//! engine's PDF and for the HTML print view rendered here.

use chrono::{DateTime, FixedOffset};
use loket_domain::intake::Sifat;
use loket_domain::tanggal::tanggal_teks;
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use super::{CaseView, DispositionView};
use crate::account::Actor;
use crate::letter::dto::{LetterContent, LetterRequest};
use crate::{ApiError, Loket};

pub const ID: &str = "case.lembar_disposisi";

/// One hand-over on the sheet: who sent it to whom, with what instruction and by when.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct LembarStep {
    /// Post of the sender ("Kepala Dinas ...").
    pub position: String,
    /// Name of the person who sent it.
    pub name: String,
    /// "2 Maret 2026".
    pub date: String,
    /// Titles of the posts it went to.
    pub diteruskan_kepada: Vec<String>,
    pub instructions: Vec<String>,
    pub catatan: String,
    /// "5 Maret 2026", or empty.
    pub batas_waktu: String,
}

/// Everything a lembar disposisi shows.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct LembarDisposisi {
    pub pemerintah: String,
    pub nama_dinas: String,
    pub alamat: String,
    pub surat_dari: String,
    pub nomor_surat: String,
    /// "27 Februari 2026".
    pub tanggal_surat: String,
    pub diterima_tanggal: String,
    pub nomor_agenda: String,
    /// "Segera".
    pub sifat: String,
    pub hal: String,
    pub layanan: String,
    /// Dispositions proper, grouped by the batch they were sent in, oldest first.
    pub steps: Vec<LembarStep>,
}

fn steps(dispositions: &[DispositionView]) -> Vec<LembarStep> {
    let mut out: Vec<(i64, LembarStep)> = Vec::new();
    for d in dispositions
        .iter()
        .filter(|d| d.kind == "disposisi" && d.withdrawn_at.is_none())
    {
        if let Some((_, step)) = out.iter_mut().find(|(b, _)| *b == d.batch) {
            step.diteruskan_kepada.push(d.to_title.clone());
            continue;
        }
        out.push((
            d.batch,
            LembarStep {
                position: d.from_title.clone().unwrap_or_default(),
                name: d.from_name.clone(),
                date: tanggal_teks(&d.sent_at),
                diteruskan_kepada: vec![d.to_title.clone()],
                instructions: d.instructions.clone(),
                catatan: d.note.clone(),
                batas_waktu: d
                    .batas_waktu
                    .as_deref()
                    .map(tanggal_teks)
                    .unwrap_or_default(),
            },
        ));
    }
    out.into_iter().map(|(_, s)| s).collect()
}

impl Loket {
    /// The lembar disposisi of case `id`.
    ///
    /// Errors: `NotFound` for an unknown case.
    pub fn case_lembar_disposisi(
        &self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<LembarDisposisi, ApiError> {
        let c: CaseView = self.case_show(actor, id, now)?;
        let office = self.db.office()?.office;
        Ok(LembarDisposisi {
            pemerintah: office.pemerintah,
            nama_dinas: office.nama_dinas,
            alamat: office.alamat,
            surat_dari: c.applicant_name,
            nomor_surat: c.letter_number,
            tanggal_surat: tanggal_teks(&c.letter_date),
            diterima_tanggal: tanggal_teks(&c.received_at),
            nomor_agenda: c.agenda_number,
            sifat: Sifat::parse(&c.sifat)
                .map(|s| s.label().to_string())
                .unwrap_or(c.sifat),
            hal: c.hal,
            layanan: c.service_name,
            steps: steps(&c.dispositions),
        })
    }
}

/// The ISO day of an RFC 3339 moment or an ISO date.
fn iso_day(t: &str) -> String {
    t.get(..10).unwrap_or(t).to_string()
}

fn or_dash(s: String) -> String {
    if s.trim().is_empty() {
        "-".into()
    } else {
        s
    }
}

impl Loket {
    /// The lembar disposisi of case `id` as PDF through the letters engine: a paper form
    /// listing every post under the one who disposes and every preset instruction with a
    /// box each; the first disposition ticks its recipients and instructions and fills the
    /// catatan and batas waktu, and every hand-over is listed with its position, name and
    /// date. Before any disposition nothing is ticked and the form is left for writing by
    /// hand. Signed by the office's head (the letters engine's default signer).
    ///
    /// Errors: `NotFound` for an unknown case; `BadInput` when the office profile names no
    /// signer or the template does not compile.
    ///
    /// Returns the file name to save it under ("lembar-disposisi-0001-2026.pdf") and the PDF.
    pub fn case_lembar_pdf(
        &self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<(String, Vec<u8>), ApiError> {
        let c: CaseView = self.case_show(actor, id, now)?;
        let sheet = self.case_lembar_disposisi(actor, id, now)?;
        let first = sheet.steps.first();
        let first_sent = c
            .dispositions
            .iter()
            .find(|d| d.kind == "disposisi" && d.withdrawn_at.is_none());
        let riwayat: Vec<serde_json::Value> = sheet
            .steps
            .iter()
            .map(|s| {
                let mut arahan = s.instructions.join("; ");
                if !s.catatan.is_empty() {
                    arahan = if arahan.is_empty() {
                        s.catatan.clone()
                    } else {
                        format!("{arahan}. Catatan: {}", s.catatan)
                    };
                }
                serde_json::json!({
                    "jabatan": or_dash(s.position.clone()),
                    "nama": or_dash(s.name.clone()),
                    "tanggal": or_dash(s.date.clone()),
                    "kepada": or_dash(s.diteruskan_kepada.join(", ")),
                    "arahan": or_dash(arahan),
                    "batas_waktu": or_dash(s.batas_waktu.clone()),
                })
            })
            .collect();
        let mut isi = serde_json::Map::new();
        let mut put = |k: &str, v: serde_json::Value| {
            isi.insert(k.to_string(), v);
        };
        put("surat_dari", sheet.surat_dari.clone().into());
        put("surat_nomor", or_dash(sheet.nomor_surat.clone()).into());
        put("surat_tanggal", iso_day(&c.letter_date).into());
        put("diterima_tanggal", iso_day(&c.received_at).into());
        put("nomor_agenda", sheet.nomor_agenda.clone().into());
        put("sifat_surat", sheet.sifat.clone().into());
        // The full checklists to tick by hand: the posts under the one who disposes (the
        // sender of the first disposition, else the post the letter is addressed to) and the
        // office's preset instructions; only what was really chosen is ticked.
        let positions = self.db.positions()?;
        let sender = first_sent
            .and_then(|d| d.from_position.clone())
            .unwrap_or_else(|| c.addressed_to.clone());
        let below: Vec<String> = positions
            .iter()
            .filter(|p| p.reports_to.as_deref() == Some(sender.as_str()))
            .map(|p| p.title.clone())
            .collect();
        put("pilihan_diteruskan", below.into());
        put("pilihan_instruksi", self.db.instructions()?.into());
        if let Some(s) = first {
            put("diteruskan", s.diteruskan_kepada.clone().into());
        }
        put(
            "instruksi",
            first
                .map(|s| s.instructions.clone())
                .unwrap_or_default()
                .into(),
        );
        if let Some(s) = first.filter(|s| !s.catatan.is_empty()) {
            put("catatan", s.catatan.clone().into());
        }
        if let Some(b) = first_sent.and_then(|d| d.batas_waktu.clone()) {
            put("batas_waktu", b.into());
        }
        if !riwayat.is_empty() {
            put("riwayat", riwayat.into());
        }
        let tanggal = first_sent
            .map(|d| iso_day(&d.sent_at))
            .unwrap_or_else(|| iso_day(&c.received_at));
        let req = LetterRequest {
            kind: "lembar_disposisi".into(),
            content: LetterContent {
                tanggal: tanggal.parse().ok(),
                hal: c.hal.clone(),
                isi,
                ..LetterContent::default()
            },
            signer: None,
            case_id: Some(id.to_string()),
        };
        let name = format!(
            "lembar-disposisi-{}.pdf",
            sheet.nomor_agenda.replace('/', "-")
        );
        Ok((name, self.letter_render(&req, None)?.pdf))
    }
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl LembarDisposisi {
    /// A self-contained HTML page laid out like the paper sheet, ready to print (A4).
    pub fn to_html(&self) -> String {
        let row = |k: &str, v: &str| format!("<tr><th>{}</th><td>{}</td></tr>", esc(k), esc(v));
        let mut h = String::from(
            "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Lembar Disposisi</title><style>\
             @page{size:A4;margin:20mm}body{font-family:'Times New Roman',serif;font-size:12pt}\
             .kop{text-align:center;border-bottom:3px double #000;padding-bottom:6px;margin-bottom:10px}\
             .kop .p{font-size:14pt}.kop .d{font-size:16pt;font-weight:bold}\
             h1{text-align:center;font-size:14pt;text-decoration:underline}\
             table{width:100%;border-collapse:collapse}th,td{border:1px solid #000;padding:4px 6px;vertical-align:top;text-align:left}\
             th{width:28%;font-weight:normal}.steps th{width:auto;font-weight:bold;background:#eee}\
             </style></head><body>",
        );
        h += &format!(
            "<div class=\"kop\"><div class=\"p\">{}</div><div class=\"d\">{}</div><div>{}</div></div><h1>LEMBAR DISPOSISI</h1><table>",
            esc(&self.pemerintah),
            esc(&self.nama_dinas),
            esc(&self.alamat)
        );
        for (k, v) in [
            ("Surat dari", &self.surat_dari),
            ("Nomor surat", &self.nomor_surat),
            ("Tanggal surat", &self.tanggal_surat),
            ("Diterima tanggal", &self.diterima_tanggal),
            ("Nomor agenda", &self.nomor_agenda),
            ("Sifat", &self.sifat),
            ("Hal", &self.hal),
        ] {
            h += &row(k, v);
        }
        h += "</table><br><table class=\"steps\"><tr><th>Dari (jabatan, nama, tanggal)</th><th>Diteruskan kepada</th><th>Instruksi / catatan</th><th>Batas waktu</th></tr>";
        for s in &self.steps {
            h += &format!(
                "<tr><td>{}<br>{}<br>{}</td><td>{}</td><td>{}{}</td><td>{}</td></tr>",
                esc(&s.position),
                esc(&s.name),
                esc(&s.date),
                s.diteruskan_kepada
                    .iter()
                    .map(|t| esc(t))
                    .collect::<Vec<_>>()
                    .join("<br>"),
                s.instructions
                    .iter()
                    .map(|t| format!("&#9745; {}", esc(t)))
                    .collect::<Vec<_>>()
                    .join("<br>"),
                if s.catatan.is_empty() {
                    String::new()
                } else {
                    format!("<br><i>{}</i>", esc(&s.catatan))
                },
                esc(&s.batas_waktu)
            );
        }
        h += "</table></body></html>\n";
        h
    }
}
