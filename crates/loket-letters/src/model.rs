//! One letter's data: what the preparer writes (one JSON value), checked against its kind
//! and turned into the one JSON value a template reads (dates in words, NIP grouped,
//! numbers with their words).

use chrono::{Datelike, NaiveDate};
use loket_domain::catalog::{LetterKind, Office, Weekday};
use loket_domain::{nip, tanggal, terbilang};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::error::LetterError;
use crate::signer::Signatory;
use crate::spec::{self, FieldSpec, FieldType, Layout};

/// Longest Hal a letter accepts, in characters: the Hal line names the matter, the body
/// gives its details.
pub const MAX_HAL: usize = 150;

/// Sifat values of the Tata Naskah Dinas.
pub const SIFAT: [&str; 7] = [
    "Biasa",
    "Penting",
    "Segera",
    "Sangat Segera",
    "Rahasia",
    "Sangat Rahasia",
    "Terbatas",
];

/// Paper size: A4 (210 × 297 mm) or F4 (215 × 330 mm), which some regions require.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    F4,
}

impl Paper {
    /// "a4" or "f4", as templates and the command line write it.
    pub fn id(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::F4 => "f4",
        }
    }
}

/// What the preparer writes for one letter. Every field has a default so that a missing
/// one is reported by [`Letter::template_data`] with its Indonesian name, not by serde.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LetterContent {
    pub kertas: Paper,
    /// The letter's date (ISO "2024-03-25"); printed "25 Maret 2024".
    pub tanggal: Option<NaiveDate>,
    /// "Biasa" when empty.
    pub sifat: String,
    /// "-" when empty, else e.g. "1 (satu) berkas".
    pub lampiran: String,
    pub hal: String,
    /// Addressee lines after "Yth." (korespondensi letters need at least one).
    pub kepada: Vec<String>,
    /// The line after "di"; "Tempat" when empty.
    pub di: String,
    /// Tembusan, printed numbered in this order.
    pub tembusan: Vec<String>,
    /// The kind's own fields (see [`spec::fields`]).
    pub isi: Map<String, Value>,
    /// The signer written out, for an office whose profile does not name them; otherwise
    /// the signer is a person of the profile.
    pub penandatangan: Option<Signatory>,
    /// Set only by Loket on a ralat: the issued letter this one replaces, printed under the
    /// Hal ("menggantikan surat nomor … tanggal …") with the reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ralat: Option<Ralat>,
}

/// What a ralat (correction) letter says about the issued letter it replaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ralat {
    /// The replaced letter's number.
    pub nomor: String,
    /// The replaced letter's date.
    pub tanggal: NaiveDate,
    /// Why it is corrected, as the person who started the ralat wrote it.
    pub alasan: String,
}

/// A letter ready to render: kind, office (for the kop), signer, number and content.
#[derive(Debug, Clone, PartialEq)]
pub struct Letter {
    pub kind: LetterKind,
    pub office: Office,
    pub penandatangan: Signatory,
    /// The number from the register; `None` prints a draft placeholder.
    pub nomor: Option<String>,
    pub content: LetterContent,
}

/// Printed instead of a number on a draft that has not reserved one.
pub const NOMOR_DRAF: &str = "[belum bernomor]";

impl Letter {
    /// The one JSON value the template reads.
    ///
    /// Errors: a missing or malformed field ([`LetterError::MissingField`],
    /// [`LetterError::BadField`]) or an over-long hal ([`LetterError::HalTooLong`]).
    pub fn template_data(&self) -> Result<Value, LetterError> {
        let kind = self.kind;
        let c = &self.content;
        let label = kind.label();
        let missing = |field: &str, what: &'static str| LetterError::MissingField {
            kind: label,
            field: field.to_string(),
            label: what,
        };
        let hal = c.hal.trim();
        if hal.is_empty() {
            return Err(missing("hal", "hal surat"));
        }
        let len = hal.chars().count();
        if len > MAX_HAL {
            return Err(LetterError::HalTooLong { len, max: MAX_HAL });
        }
        let date = c
            .tanggal
            .ok_or_else(|| missing("tanggal", "tanggal surat"))?;
        let kepada: Vec<&str> = c
            .kepada
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect();
        if spec::layout(kind) == Layout::Korespondensi && kepada.is_empty() {
            return Err(missing("kepada", "tujuan surat (Yth.)"));
        }
        let sifat = match c.sifat.trim() {
            "" => "Biasa",
            s => SIFAT
                .iter()
                .find(|v| v.eq_ignore_ascii_case(s))
                .ok_or_else(|| LetterError::BadField {
                    field: "sifat".into(),
                    label: "sifat surat",
                    why: format!(
                        "'{s}' bukan sifat naskah dinas; pilih salah satu: {}",
                        SIFAT.join(", ")
                    ),
                })?,
        };
        if self.penandatangan.nama.trim().is_empty() {
            return Err(missing("penandatangan", "penandatangan surat"));
        }
        let mut isi = Map::new();
        for field in spec::fields(kind) {
            match c.isi.get(field.key).filter(|v| !is_blank(v)) {
                Some(v) => {
                    isi.insert(field.key.to_string(), format_field(&field, v)?);
                }
                None if field.required => return Err(missing(field.key, field.label)),
                None => {}
            }
        }
        let o = &self.office;
        let mut data = json!({
            "jenis": spec::kind_id(kind),
            "kertas": c.kertas.id(),
            "kop": crate::form::kop(o),
            "tempat": o.kota,
            "tanggal": tanggal::tanggal(date),
            "nomor": self.nomor.as_deref().unwrap_or(NOMOR_DRAF),
            "sifat": sifat,
            "lampiran": non_empty_or(&c.lampiran, "-"),
            "hal": hal,
            "kepada": kepada,
            "di": non_empty_or(&c.di, "Tempat"),
            "penandatangan": self.penandatangan,
            "tembusan": c.tembusan.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).collect::<Vec<_>>(),
            "isi": isi,
        });
        // Only a ralat carries the key, so every other letter's data (and its hash) stays as
        // it was.
        if let Some(r) = &c.ralat {
            data["ralat"] = json!({
                "nomor": r.nomor.trim(),
                "tanggal": tanggal::tanggal(r.tanggal),
                "alasan": r.alasan.trim().trim_end_matches('.'),
            });
        }
        Ok(data)
    }
}

fn non_empty_or<'a>(s: &'a str, default: &'a str) -> &'a str {
    match s.trim() {
        "" => default,
        t => t,
    }
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

fn bad(field: &FieldSpec, why: impl Into<String>) -> LetterError {
    LetterError::BadField {
        field: field.key.to_string(),
        label: field.label,
        why: why.into(),
    }
}

/// A scalar as text: strings trimmed, numbers written out; anything else is refused.
fn text(field: &FieldSpec, v: &Value) -> Result<String, LetterError> {
    match v {
        Value::String(s) => Ok(s.trim().to_string()),
        Value::Number(n) => Ok(n.to_string()),
        _ => Err(bad(field, "harus berupa teks")),
    }
}

fn date(field: &FieldSpec, v: &Value) -> Result<NaiveDate, LetterError> {
    let s = text(field, v)?;
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| {
        bad(
            field,
            format!("'{s}' bukan tanggal; tulis sebagai TTTT-BB-HH, mis. 2024-03-25"),
        )
    })
}

/// "Senin tanggal dua puluh lima bulan Maret tahun dua ribu dua puluh empat".
fn day_in_words(d: NaiveDate) -> String {
    format!(
        "{} tanggal {} bulan {} tahun {}",
        Weekday::from_chrono(d.weekday()).label(),
        terbilang::terbilang(d.day().into()),
        tanggal::nama_bulan(d.month()).unwrap_or_default(),
        terbilang::terbilang(d.year().unsigned_abs().into()),
    )
}

fn format_field(field: &FieldSpec, v: &Value) -> Result<Value, LetterError> {
    Ok(match field.ty {
        FieldType::Text => Value::String(text(field, v)?),
        FieldType::List => {
            let items = v
                .as_array()
                .ok_or_else(|| bad(field, "harus berupa daftar teks, mis. [\"...\", \"...\"]"))?;
            let texts = items
                .iter()
                .map(|i| text(field, i))
                .collect::<Result<Vec<_>, _>>()?;
            if texts.iter().any(|t| t.is_empty()) {
                return Err(bad(
                    field,
                    "ada butir daftar yang kosong; hapus atau isi butir itu",
                ));
            }
            json!(texts)
        }
        FieldType::Date => json!(tanggal::tanggal(date(field, v)?)),
        FieldType::DayDate => {
            let d = date(field, v)?;
            json!({
                "teks": format!("{}, {}", Weekday::from_chrono(d.weekday()).label(), tanggal::tanggal(d)),
                "kata": day_in_words(d),
            })
        }
        FieldType::Count => match v.as_u64().filter(|n| *n >= 1) {
            Some(n) => json!(terbilang::with_words(n)),
            None => return Err(bad(field, "harus berupa bilangan bulat paling sedikit 1")),
        },
        FieldType::Party => {
            let o = v.as_object().ok_or_else(|| {
                bad(
                    field,
                    "harus berisi nama, jabatan, instansi dan NIP (boleh kosong)",
                )
            })?;
            let get = |k: &str| o.get(k).map(|x| text(field, x)).transpose();
            let nama = get("nama")?.filter(|s| !s.is_empty());
            let jabatan = get("jabatan")?.filter(|s| !s.is_empty());
            let (Some(nama), Some(jabatan)) = (nama, jabatan) else {
                return Err(bad(field, "nama dan jabatan wajib diisi"));
            };
            let nip_text = get("nip")?.unwrap_or_default();
            let nip_out = if nip_text.is_empty() {
                "-".to_string()
            } else if nip::normalize(&nip_text).is_some() {
                nip::format(&nip_text)
            } else {
                return Err(bad(field, format!("NIP '{nip_text}' harus 18 angka")));
            };
            json!({
                "nama": nama, "jabatan": jabatan, "nip": nip_out,
                "instansi": get("instansi")?.filter(|s| !s.is_empty()).unwrap_or_else(|| "-".into()),
                "pangkat": get("pangkat")?.unwrap_or_default(),
            })
        }
        FieldType::Frozen => match v {
            Value::Object(_) => v.clone(),
            _ => {
                return Err(bad(
                    field,
                    "harus berupa angka yang dibekukan Loket (objek JSON)",
                ))
            }
        },
        FieldType::Rows(columns) => {
            let rows = v.as_array().ok_or_else(|| {
                bad(
                    field,
                    format!("harus berupa daftar baris berisi {}", columns.join(", ")),
                )
            })?;
            let mut out = Vec::with_capacity(rows.len());
            for (n, row) in rows.iter().enumerate() {
                let mut r = Map::new();
                for col in columns {
                    let cell = row.get(*col).map(|x| text(field, x)).transpose()?;
                    match cell.filter(|s| !s.is_empty()) {
                        Some(s) if *col == "nip" => {
                            r.insert(col.to_string(), json!(nip::format(&s)))
                        }
                        Some(s) => r.insert(col.to_string(), json!(s)),
                        None => {
                            return Err(bad(field, format!("baris {} belum berisi '{col}'", n + 1)))
                        }
                    };
                }
                out.push(Value::Object(r));
            }
            json!(out)
        }
    })
}
