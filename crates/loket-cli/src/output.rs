//! Printing results: aligned tables for people, JSON for machines, errors on stderr.

use loket_api::ApiError;
use serde::Serialize;

/// What an operating-system error means, in words a person understands.
pub fn os_words(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "berkas atau foldernya tidak ada",
        K::PermissionDenied => "tidak ada izin untuk membuka atau menulisnya",
        K::AlreadyExists => "berkas itu sudah ada",
        K::IsADirectory => "itu sebuah folder, bukan berkas",
        K::NotADirectory => "bagian jalurnya bukan folder",
        K::StorageFull => "ruang disk penuh",
        K::ReadOnlyFilesystem => "penyimpanannya hanya dapat dibaca",
        K::InvalidData => "isinya bukan teks UTF-8 yang sah",
        K::UnexpectedEof => "berkasnya terpotong",
        _ => "berkas tidak dapat dibuka atau ditulis",
    }
}

/// What a JSON parse error means, in words: where it is and what kind of mistake.
pub fn json_words(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let what = match e.classify() {
        Category::Syntax => "tulisan JSON tidak sah (periksa koma, tanda kutip dan kurung)",
        Category::Eof => "JSON berhenti sebelum selesai (kurung atau tanda kutip belum ditutup)",
        Category::Data => {
            "isian tidak sesuai dengan yang diharapkan (nama isian atau jenis nilainya)"
        }
        Category::Io => "berkas tidak dapat dibaca",
    };
    format!("baris {}, kolom {}: {what}", e.line(), e.column())
}

/// Prints `value` as pretty JSON on stdout.
pub fn json<T: Serialize>(value: &T) -> Result<(), ApiError> {
    let text = serde_json::to_string_pretty(value).map_err(|e| {
        ApiError::new(
            loket_api::ErrorCode::Internal,
            format!("keluaran JSON gagal dibuat: {e}"),
        )
    })?;
    println!("{text}");
    Ok(())
}

/// Prints the error on stderr: `galat: ...` for people, `{code, message}` with `--json`.
pub fn error(e: &ApiError, as_json: bool) {
    if as_json {
        eprintln!(
            "{}",
            serde_json::to_string(e).unwrap_or_else(|_| e.message.clone())
        );
    } else {
        eprintln!("galat: {}", e.message);
    }
}

/// The widest a table cell is printed; longer text ends in "…" (the full text is in `--json`).
pub const CELL_MAX: usize = 60;

/// `text` cut to at most `max` characters, the last being "…" when anything was cut; control
/// characters (line breaks, escapes) are shown as spaces so a row stays one line.
pub fn cell(text: &str, max: usize) -> String {
    let clean = |c: char| if c.is_control() { ' ' } else { c };
    if text.chars().count() <= max {
        return text.chars().map(clean).collect();
    }
    let mut out: String = text
        .chars()
        .take(max.saturating_sub(1))
        .map(clean)
        .collect();
    out.push('…');
    out
}

/// A plain text table: a header row, a rule, rows; columns padded to their widest cell, each
/// cell at most [`CELL_MAX`] characters.
pub fn table(headers: &[&str], rows: &[Vec<String>]) {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| cell(c, CELL_MAX)).collect())
        .collect();
    let rows = &rows;
    let width = |i: usize| {
        rows.iter()
            .map(|r| r.get(i).map_or(0, |c| c.chars().count()))
            .chain([headers[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..headers.len()).map(width).collect();
    let line = |cells: Vec<&str>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, w))| {
                if i + 1 == cells.len() {
                    c.to_string()
                } else {
                    format!("{c:<w$}")
                }
            })
            .collect();
        println!("{}", padded.join("  ").trim_end());
    };
    line(headers.to_vec());
    line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    );
    for r in rows {
        line(r.iter().map(String::as_str).collect());
    }
}

/// A titled list of items ("Persyaratan:" then "  1. ..."); nothing printed for an empty list.
pub fn list(title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    println!("\n{title}:");
    for (i, item) in items.iter().enumerate() {
        println!("  {}. {item}", i + 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_are_cut_on_character_boundaries_with_an_ellipsis() {
        let name = "é".repeat(70_000);
        let c = cell(&name, CELL_MAX);
        assert_eq!(
            c.chars().count(),
            CELL_MAX,
            "a 70 000-character name prints as {CELL_MAX} characters"
        );
        assert!(c.ends_with('…'), "a cut cell ends with an ellipsis: {c}");
        assert_eq!(
            cell("Dinas Kominfo", CELL_MAX),
            "Dinas Kominfo",
            "short text is kept"
        );
        assert_eq!(
            cell("baris\u{1b}[31m\nmerah", CELL_MAX),
            "baris [31m merah",
            "escapes and line breaks do not reach the terminal"
        );
        table(&["NAMA"], &[vec![name]]);
    }

    #[test]
    fn os_and_json_errors_are_told_in_bahasa_indonesia() {
        let missing = std::fs::read("/tidak/ada/berkas.json").unwrap_err();
        assert_eq!(
            os_words(&missing),
            "berkas atau foldernya tidak ada",
            "a missing file is named in Indonesian, not the OS's English"
        );
        let bad = serde_json::from_str::<serde_json::Value>("{\"hal\": }").unwrap_err();
        let w = json_words(&bad);
        assert!(
            w.starts_with("baris 1, kolom") && w.contains("tidak sah"),
            "a JSON mistake says where and what, in Indonesian: {w}"
        );
    }
}
