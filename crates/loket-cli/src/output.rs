//! Printing results: aligned tables for people, JSON for machines, errors on stderr.

use loket_api::ApiError;
use serde::Serialize;

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

/// A plain text table: a header row, a rule, rows; columns padded to their widest cell.
pub fn table(headers: &[&str], rows: &[Vec<String>]) {
    let width = |i: usize| {
        rows.iter()
            .map(|r| r[i].chars().count())
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
