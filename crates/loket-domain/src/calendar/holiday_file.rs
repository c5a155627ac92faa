//! The holiday file format (`data/holidays/<year>.json`, or a file an admin supplies):
//! a JSON array of `{"date": "YYYY-MM-DD", "name": "...", "kind": "libur_nasional" |
//! "cuti_bersama" | "libur_daerah"}`.

use chrono::NaiveDate;
use serde_json::Value;

use super::{Holiday, HolidayKind};

/// A holiday file that cannot be used. Every message says where and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HolidayFileError {
    #[error("berkas hari libur {file} bukan JSON yang sah (baris {line}, kolom {column}): {detail}; periksa tanda kutip, koma dan kurung")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("berkas hari libur {file} harus berupa larik JSON [ {{\"date\": \"TTTT-BB-HH\", \"name\": \"...\", \"kind\": \"libur_nasional\"}}, ... ]")]
    NotAnArray { file: String },
    #[error("berkas hari libur {file}, entri ke-{entry}: {problem}")]
    Entry {
        file: String,
        entry: usize,
        problem: String,
    },
}

fn text<'a>(item: &'a Value, key: &str) -> Result<&'a str, String> {
    match item.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.trim()),
        Some(Value::String(_)) => Err(format!("kolom `{key}` kosong; isi dengan teks")),
        Some(_) => Err(format!("kolom `{key}` harus berupa teks dalam tanda kutip")),
        None => Err(format!("kolom `{key}` tidak ada")),
    }
}

fn entry(item: &Value) -> Result<Holiday, String> {
    if !item.is_object() {
        return Err("harus berupa objek {\"date\": ..., \"name\": ..., \"kind\": ...}".into());
    }
    let raw_date = text(item, "date")?;
    let date = NaiveDate::parse_from_str(raw_date, "%Y-%m-%d").map_err(|_| {
        format!("tanggal `{raw_date}` tidak valid; tulis TTTT-BB-HH, misalnya 2025-03-31")
    })?;
    let name = text(item, "name")?.to_string();
    let kind = match text(item, "kind")? {
        "libur_nasional" => HolidayKind::LiburNasional,
        "cuti_bersama" => HolidayKind::CutiBersama,
        "libur_daerah" => HolidayKind::LiburDaerah,
        other => {
            return Err(format!(
            "jenis `{other}` tidak dikenal; pakai libur_nasional, cuti_bersama atau libur_daerah"
        ))
        }
    };
    Ok(Holiday { date, name, kind })
}

/// Parses and validates a whole holiday file; `file` names it in messages. Nothing is
/// returned unless every entry is valid. Entries come back sorted by date.
pub fn parse_holiday_file(file: &str, text: &str) -> Result<Vec<Holiday>, HolidayFileError> {
    let value: Value = serde_json::from_str(text).map_err(|e| HolidayFileError::Syntax {
        file: file.to_string(),
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    let Value::Array(items) = value else {
        return Err(HolidayFileError::NotAnArray {
            file: file.to_string(),
        });
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let h = entry(item).map_err(|problem| HolidayFileError::Entry {
            file: file.to_string(),
            entry: i + 1,
            problem,
        })?;
        if let Some(first) = out.iter().find(|o: &&Holiday| o.date == h.date) {
            let date = format!("\"{}\"", h.date);
            let line = |nth: usize| {
                text.lines()
                    .enumerate()
                    .filter(|(_, l)| l.contains(&date))
                    .nth(nth)
                    .map(|(n, _)| n + 1)
            };
            let at = match (line(0), line(1)) {
                (Some(a), Some(b)) => format!(" (baris {a} dan baris {b})"),
                _ => String::new(),
            };
            return Err(HolidayFileError::Entry {
                file: file.to_string(),
                entry: i + 1,
                problem: format!(
                    "tanggal {} tercantum dua kali{at}: `{}` dan `{}`; satu tanggal satu entri, hapus atau gabungkan salah satunya",
                    h.date, first.name, h.name
                ),
            });
        }
        out.push(h);
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.name.cmp(&b.name)));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_listed_twice_is_refused_with_both_lines() {
        let text = "[\n  {\"date\": \"2026-05-14\", \"name\": \"Kenaikan\", \"kind\": \"libur_nasional\"},\n  {\"date\": \"2026-05-15\", \"name\": \"Cuti\", \"kind\": \"cuti_bersama\"},\n  {\"date\": \"2026-05-14\", \"name\": \"Lain\", \"kind\": \"libur_daerah\"}\n]";
        let e = parse_holiday_file("libur.json", text)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("entri ke-3")
                && e.contains("baris 2 dan baris 4")
                && e.contains("2026-05-14"),
            "a duplicate date names the entry, both lines and the date: {e}"
        );
    }

    #[test]
    fn a_valid_file_parses_sorted() {
        let h = parse_holiday_file(
            "x.json",
            r#"[{"date":"2025-04-02","name":"Cuti Bersama Idul Fitri","kind":"cuti_bersama"},
                {"date":"2025-03-31","name":"Idul Fitri","kind":"libur_nasional"}]"#,
        )
        .unwrap();
        assert_eq!(h.len(), 2, "every entry is kept");
        assert_eq!(
            h[0].date.to_string(),
            "2025-03-31",
            "entries are sorted by date"
        );
        assert_eq!(
            h[1].kind,
            HolidayKind::CutiBersama,
            "cuti_bersama is its own kind"
        );
    }

    #[test]
    fn problems_name_the_entry_and_the_fix() {
        let bad_date = parse_holiday_file(
            "libur.json",
            r#"[{"date":"2025-02-30","name":"X","kind":"libur_nasional"}]"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            bad_date.contains("entri ke-1") && bad_date.contains("TTTT-BB-HH"),
            "a bad date names the entry and the format: {bad_date}"
        );
        let bad_kind = parse_holiday_file(
            "libur.json",
            r#"[{"date":"2025-02-03","name":"X","kind":"libur"}]"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            bad_kind.contains("cuti_bersama"),
            "an unknown kind lists the valid kinds: {bad_kind}"
        );
        let syntax = parse_holiday_file("libur.json", "[{\"date\": }]")
            .unwrap_err()
            .to_string();
        assert!(
            syntax.contains("baris 1"),
            "a JSON syntax error names the line: {syntax}"
        );
        assert!(
            matches!(
                parse_holiday_file("libur.json", "{}"),
                Err(HolidayFileError::NotAnArray { .. })
            ),
            "the file must be an array"
        );
    }

    #[test]
    fn shipped_files_are_valid() {
        for (year, text) in [
            (2024, include_str!("../../../../data/holidays/2024.json")),
            (2025, include_str!("../../../../data/holidays/2025.json")),
            (2026, include_str!("../../../../data/holidays/2026.json")),
            (2027, include_str!("../../../../data/holidays/2027.json")),
        ] {
            let h = parse_holiday_file(&format!("{year}.json"), text).unwrap();
            assert!(
                h.iter()
                    .all(|d| d.date.format("%Y").to_string() == year.to_string()),
                "{year}.json holds only days of {year}"
            );
            assert!(
                h.iter().any(|d| d.kind == HolidayKind::CutiBersama),
                "{year}.json ships the cuti bersama of the SKB"
            );
        }
    }
}
