//! Limits of a letter's typed content: every text a preparer writes into a draft (hal,
//! sifat, lampiran, kepada and tembusan lines, di, and every text inside `isi` — strings,
//! list items, table cells, the fields of a party) gets a length and no control characters,
//! named so that the preparer finds it ("tembusan baris 2", "isi.ruas baris 1 kolom
//! lokasi"). Figures Loket froze into a letter are not typed and not checked here.

use loket_letters::spec::{self, FieldType};
use serde_json::Value;

use crate::letter::dto::LetterContent;
use crate::text::{self, HAL_MAX, NAME_MAX, NOTES_MAX, REASON_MAX, SHORT_MAX};
use crate::ApiError;

/// Most lines in one list (kepada, tembusan, a paragraph list, a table's rows).
pub const ITEMS_MAX: usize = 200;

/// How a value of `isi` is checked: its longest text and whether line breaks are allowed.
#[derive(Clone, Copy)]
struct Rule {
    max: usize,
    lines: bool,
}

const PARAGRAPH: Rule = Rule {
    max: NOTES_MAX,
    lines: true,
};
const CELL: Rule = Rule {
    max: REASON_MAX,
    lines: false,
};
const SHORT: Rule = Rule {
    max: SHORT_MAX,
    lines: false,
};
const NAME: Rule = Rule {
    max: NAME_MAX,
    lines: false,
};

/// Checks the typed content of a letter of `kind` (an id such as `surat_balasan`).
///
/// Errors: `BadInput` naming the first field that is too long, holds a control character,
/// or has more than [`ITEMS_MAX`] lines.
pub(crate) fn check(kind: &str, c: &LetterContent) -> Result<(), ApiError> {
    text::check("hal", &c.hal, HAL_MAX)?;
    text::check("sifat", &c.sifat, SHORT_MAX)?;
    text::check("lampiran", &c.lampiran, NAME_MAX)?;
    text::check("di", &c.di, NAME_MAX)?;
    lines("kepada", &c.kepada)?;
    lines("tembusan", &c.tembusan)?;
    let fields = spec::kind_from_id(kind)
        .map(spec::fields)
        .unwrap_or_default();
    for (key, v) in &c.isi {
        text::check("nama isian di isi", key, SHORT_MAX)?;
        let name = format!("isi.{key}");
        match fields.iter().find(|f| f.key == key).map(|f| f.ty) {
            Some(FieldType::Text | FieldType::List) => value(&name, v, PARAGRAPH, "")?,
            Some(FieldType::Date | FieldType::DayDate | FieldType::Count) => {
                value(&name, v, SHORT, "")?
            }
            Some(FieldType::Party) => party(&name, v)?,
            Some(FieldType::Rows(_)) => value(&name, v, CELL, "kolom ")?,
            // Figures Loket computed and froze (never typed by the preparer).
            Some(_) => {}
            // A field the kind does not know: stored as given, so it is bounded too.
            None => value(&name, v, PARAGRAPH, "")?,
        }
    }
    Ok(())
}

/// One line per entry, each a name-sized text.
fn lines(field: &str, items: &[String]) -> Result<(), ApiError> {
    count(field, items.len())?;
    for (i, t) in items.iter().enumerate() {
        text::check(&format!("{field} baris {}", i + 1), t, NAME_MAX)?;
    }
    Ok(())
}

fn count(field: &str, n: usize) -> Result<(), ApiError> {
    if n > ITEMS_MAX {
        return Err(ApiError::bad_input(format!(
            "{field} berisi {n} baris; paling banyak {ITEMS_MAX} baris"
        )));
    }
    Ok(())
}

/// A party: `nama`, `jabatan`, `instansi` name-sized, the rest (NIP, pangkat) short.
fn party(field: &str, v: &Value) -> Result<(), ApiError> {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                let rule = match k.as_str() {
                    "nama" | "jabatan" | "instansi" => NAME,
                    _ => SHORT,
                };
                text::check("nama bagian isian", k, SHORT_MAX)?;
                value(&format!("{field}.{k}"), x, rule, "")?;
            }
            Ok(())
        }
        other => value(field, other, NAME, ""),
    }
}

/// Every text in `v`: strings checked by `rule`, array entries named "baris N", object
/// entries named by `column` and their key (a table row's "kolom lokasi").
fn value(field: &str, v: &Value, rule: Rule, column: &str) -> Result<(), ApiError> {
    match v {
        Value::String(s) if rule.lines => text::check_lines(field, s, rule.max),
        Value::String(s) => text::check(field, s, rule.max),
        Value::Array(items) => {
            count(field, items.len())?;
            for (i, x) in items.iter().enumerate() {
                value(&format!("{field} baris {}", i + 1), x, rule, column)?;
            }
            Ok(())
        }
        Value::Object(o) => {
            for (k, x) in o {
                text::check("nama bagian isian", k, SHORT_MAX)?;
                value(&format!("{field} {column}{k}"), x, rule, column)?;
            }
            Ok(())
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn content(isi: Value) -> LetterContent {
        LetterContent {
            hal: "Rekomendasi teknis".into(),
            kepada: vec!["PT Telekomunikasi Pesisir Utara".into()],
            tembusan: vec!["Bupati Demak".into(), "Arsip".into()],
            isi: isi.as_object().cloned().unwrap_or_default(),
            ..LetterContent::default()
        }
    }

    #[test]
    fn every_typed_text_is_bounded_and_named() {
        let ok = content(json!({
            "ruas": [{"lokasi": "Jalan Sultan Fatah", "panjang": "1.200 meter", "metode": "HDD"}],
            "ketentuan": ["Paragraf satu.\nLanjutan.", "Paragraf dua."],
        }));
        assert!(
            check("rekomendasi_teknis_fo", &ok).is_ok(),
            "ordinary content passes, paragraphs may hold line breaks"
        );
        let cell = content(json!({
            "ruas": [{"lokasi": "Jalan \u{1b}[31m", "panjang": "1", "metode": "HDD"}],
        }));
        let e = check("rekomendasi_teknis_fo", &cell).unwrap_err();
        assert!(
            e.message.contains("isi.ruas baris 1 kolom lokasi") && e.message.contains("escape"),
            "a table cell is named by row and column: {}",
            e.message
        );
        let mut tembusan = content(json!({}));
        tembusan.tembusan[1] = "Arsip\u{202e}".into();
        let e = check("surat_balasan", &tembusan).unwrap_err();
        assert!(
            e.message.contains("tembusan baris 2"),
            "a tembusan line is named by its line: {}",
            e.message
        );
        let party = content(json!({"pihak_kedua": {"nama": "a".repeat(201), "jabatan": "Kepala"}}));
        let e = check("berita_acara_hosting", &party).unwrap_err();
        assert!(
            e.message.contains("isi.pihak_kedua.nama") && e.message.contains("paling banyak 200"),
            "a party's name has the name limit: {}",
            e.message
        );
        let frozen = content(json!({"evaluasi": {"judul": "x".repeat(10_000)}}));
        assert!(
            check("laporan_evaluasi", &frozen).is_ok(),
            "figures Loket froze are not typed text and are not checked"
        );
        let mut many = content(json!({}));
        many.kepada = vec!["Yth.".into(); ITEMS_MAX + 1];
        assert!(
            check("surat_balasan", &many)
                .is_err_and(|e| e.message.contains("kepada berisi 201 baris")),
            "a list has a most number of lines"
        );
    }
}
