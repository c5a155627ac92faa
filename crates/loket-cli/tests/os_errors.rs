//! File problems a person meets on the command line are told in Bahasa Indonesia (which
//! file, what went wrong, how to fix), exit 2, never the raw English OS or serde text.
//!
//! These are about the files a person names on the laptop (inputs, outputs, the database
//! file), the same whichever backend holds the office: the tests keep an SQLite file and are
//! not part of the PostgreSQL run of scripts/test.sh.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::path::Path;
use std::process::{Command, Output};

fn loket(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the loket binary runs")
}

fn refused(out: &Output, words: &[&str], what: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{what}: exit 2 for bad input: {err}"
    );
    for w in words {
        assert!(err.contains(w), "{what}: the message says `{w}`: {err}");
    }
    for english in [
        "No such file",
        "Is a directory",
        "expected value",
        "os error",
        "Usage:",
    ] {
        assert!(
            !err.contains(english),
            "{what}: no English `{english}`: {err}"
        );
    }
}

#[test]
fn missing_folder_and_invalid_json_files_are_told_in_indonesian() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("loket.sqlite");
    assert!(
        loket(&db, &["init", "--office", "demak"]).status.success(),
        "init"
    );
    let bad = dir.path().join("rusak.json");
    std::fs::write(&bad, "{\"hal\": }").unwrap();
    let out_pdf = dir.path().join("x.pdf");
    let out_pdf = out_pdf.to_str().unwrap();
    let render = |data: &str| {
        loket(
            &db,
            &[
                "letter",
                "render",
                "--kind",
                "surat_balasan",
                "--data",
                data,
                "--out",
                out_pdf,
            ],
        )
    };
    refused(
        &render(dir.path().join("tidak-ada.json").to_str().unwrap()),
        &["tidak-ada.json", "tidak ada", "periksa"],
        "a missing --data file",
    );
    refused(
        &render(dir.path().to_str().unwrap()),
        &["folder, bukan berkas"],
        "a folder given as the --data file",
    );
    refused(
        &render(bad.to_str().unwrap()),
        &["rusak.json", "JSON tidak sah", "loket letter sample"],
        "invalid JSON in --data",
    );
    let ics = |out: &str| {
        loket(
            &db,
            &[
                "booking",
                "export-ics",
                "--from",
                "2026-03-01",
                "--to",
                "2026-03-31",
                "--out",
                out,
            ],
        )
    };
    refused(
        &ics("/tidak/ada/folder/jadwal.ics"),
        &["jadwal.ics", "tidak dapat ditulis", "tidak ada"],
        "an --out path in a missing folder",
    );
    refused(
        &ics(dir.path().to_str().unwrap()),
        &["folder, bukan berkas"],
        "a folder given as --out",
    );
}

#[test]
fn an_unknown_subcommand_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = loket(&dir.path().join("l.sqlite"), &["booking", "exprt"]);
    refused(
        &out,
        &["perintah `exprt` tidak dikenal"],
        "an unknown subcommand",
    );
}
