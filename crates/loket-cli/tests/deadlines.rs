//! `loket sla due`, `loket deadlines` and `loket calendar` as scripts use them.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::path::Path;
use std::process::{Command, Output};

use loket_tests::backend;

/// The administrator every calendar edit signs in as.
const ADMIN_PASSWORD: &str = "sandi-admin-kediri";

fn loket(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LOKET_USER", "admin")
        .env("LOKET_PASSWORD", ADMIN_PASSWORD)
        .output()
        .expect("the loket binary runs")
}

/// The same command with nobody named to sign in.
fn anonymous(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("LOKET_USER")
        .env_remove("LOKET_PASSWORD")
        .output()
        .expect("the loket binary runs")
}

fn ok_json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "command succeeded: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("--json prints JSON on stdout")
}

fn kediri(dir: &Path) -> std::path::PathBuf {
    let db = backend::db_location_named(dir, "kediri.db");
    assert!(
        loket(&db, &["init", "--office", "kediri"]).status.success(),
        "init kediri"
    );
    let admin = loket(
        &db,
        &[
            "user",
            "add-admin",
            "--login",
            "admin",
            "--name",
            "Admin Kediri",
        ],
    );
    assert!(
        admin.status.success(),
        "the first administrator: {}",
        String::from_utf8_lossy(&admin.stderr)
    );
    db
}

#[test]
fn changes_without_sign_in_exit_2_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = kediri(dir.path());
    let profile = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/offices/kediri.toml"
    );
    let before = ok_json(&loket(
        &db,
        &["--json", "calendar", "show", "--year", "2025"],
    ));
    for args in [
        vec![
            "calendar",
            "close",
            "--date",
            "2025-01-14",
            "--reason",
            "pindah gedung",
        ],
        vec!["calendar", "hours", "senin-jumat 08:00-16:00"],
        vec!["calendar", "reopen", "--date", "2025-01-14"],
        vec![
            "sla",
            "extend",
            "--case",
            "1",
            "--reason",
            "informasi tersebar",
        ],
        vec![
            "letter",
            "number",
            "reserve",
            "--kind",
            "penolakan",
            "--hal",
            "x",
            "--tanggal",
            "2025-01-14",
        ],
        vec!["letter", "number", "void", "1", "--alasan", "x"],
        vec![
            "letter",
            "pattern",
            "set",
            "keluar",
            "--pattern",
            "{urut}/{tahun}",
            "--kinds",
            "penolakan",
        ],
        vec!["init", "--profile", profile],
    ] {
        let out = anonymous(&db, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(2),
            "`loket {}` without sign-in is refused with exit 2: {err}",
            args.join(" ")
        );
        assert!(
            err.contains("--user") && err.contains("masuk"),
            "`loket {}`: the refusal says how to sign in, in Bahasa Indonesia: {err}",
            args.join(" ")
        );
    }
    let wrong = Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(&db)
        .args(["calendar", "close", "--date", "2025-01-14", "--reason", "x"])
        .env("LOKET_USER", "admin")
        .env("LOKET_PASSWORD", "bukan-sandinya-sama-sekali")
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(2), "a wrong password is refused");
    assert_eq!(
        ok_json(&loket(
            &db,
            &["--json", "calendar", "show", "--year", "2025"]
        )),
        before,
        "refused changes leave the calendar and its change record as they were"
    );
}

#[test]
fn sla_due_prints_the_due_and_what_was_counted() {
    let dir = tempfile::tempdir().unwrap();
    let db = kediri(dir.path());
    let v = ok_json(&loket(
        &db,
        &[
            "--json",
            "sla",
            "due",
            "--service",
            "hosting",
            "--received",
            "2025-01-10T09:00",
        ],
    ));
    assert_eq!(
        v["due"], "2025-01-17T11:00:00+07:00",
        "5 hari kerja from a Friday end at the next Friday's 11.00 closing (Kediri)"
    );
    assert_eq!(
        v["working_days"], 5,
        "the JSON says how many working days were counted"
    );
    let human = loket(
        &db,
        &[
            "sla",
            "due",
            "--service",
            "hosting",
            "--received",
            "2025-03-27T10:00",
        ],
    );
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("2025-04-14T15:45:00+07:00") && text.contains("cuti bersama"),
        "the table shows the due and the cuti bersama it skipped: {text}"
    );
}

#[test]
fn sla_due_holiday_file_replaces_the_table_for_one_call() {
    let dir = tempfile::tempdir().unwrap();
    let db = kediri(dir.path());
    let file = dir.path().join("libur.json");
    std::fs::write(
        &file,
        r#"[{"date": "2025-01-13", "name": "Libur daerah", "kind": "libur_daerah"}]"#,
    )
    .unwrap();
    let v = ok_json(&loket(
        &db,
        &[
            "--json",
            "sla",
            "due",
            "--service",
            "hosting",
            "--received",
            "2025-01-10T09:00",
            "--holidays",
            &file.display().to_string(),
        ],
    ));
    assert_eq!(
        v["due"], "2025-01-20T15:45:00+07:00",
        "a holiday from --holidays moves the due by one working day"
    );
    let again = ok_json(&loket(
        &db,
        &[
            "--json",
            "sla",
            "due",
            "--service",
            "hosting",
            "--received",
            "2025-01-10T09:00",
        ],
    ));
    assert_eq!(
        again["due"], "2025-01-17T11:00:00+07:00",
        "--holidays applies to that call only; the stored table is unchanged"
    );
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = kediri(dir.path());
    let broken = dir.path().join("rusak.json");
    std::fs::write(&broken, r#"[{"date": "2025-01-13", "name": "X"}]"#).unwrap();
    for (args, needle, rule) in [
        (
            vec![
                "sla",
                "due",
                "--service",
                "hosting",
                "--received",
                "10/01/2025 09:00",
            ],
            "TTTT-BB-HHTJJ:MM",
            "a bad --received names the format",
        ),
        (
            vec![
                "sla",
                "due",
                "--service",
                "tidak-ada",
                "--received",
                "2025-01-10T09:00",
            ],
            "loket services",
            "an unknown service says where to find ids",
        ),
        (
            vec![
                "sla",
                "due",
                "--service",
                "hosting",
                "--received",
                "2025-01-10T09:00",
                "--holidays",
                broken.to_str().unwrap(),
            ],
            "kind",
            "a malformed holiday file names the missing field",
        ),
        (
            vec!["deadlines", "--within", "tiga hari"],
            "3d",
            "a bad --within shows an example",
        ),
        (
            vec!["deadlines", "--within", "9999999999d"],
            "terlalu panjang",
            "a span beyond ten years is refused with its bound, not a chrono overflow",
        ),
        (
            vec!["deadlines", "--within", "3é"],
            "tidak valid",
            "a multi-byte last character is bad input, not a char-boundary panic",
        ),
        (
            vec!["calendar", "close", "--date", "2025-02-30", "--reason", "x"],
            "TTTT-BB-HH",
            "a bad closure date names the format",
        ),
    ] {
        let out = loket(&db, &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{rule}: exit code 2 ({err})");
        assert!(err.contains(needle), "{rule}: {err}");
    }
}

#[test]
fn calendar_edits_are_visible_and_deadlines_lists_nothing_on_an_empty_office() {
    let dir = tempfile::tempdir().unwrap();
    let db = kediri(dir.path());
    let closed = loket(
        &db,
        &[
            "calendar",
            "close",
            "--date",
            "2025-01-14",
            "--reason",
            "pindah gedung",
        ],
    );
    assert!(closed.status.success(), "closing a day works");
    let v = ok_json(&loket(
        &db,
        &[
            "--json",
            "sla",
            "due",
            "--service",
            "hosting",
            "--received",
            "2025-01-10T09:00",
        ],
    ));
    assert_eq!(
        v["due"], "2025-01-20T15:45:00+07:00",
        "the closure is skipped like a holiday"
    );
    let cal = ok_json(&loket(
        &db,
        &["--json", "calendar", "show", "--year", "2025"],
    ));
    assert_eq!(
        cal["changes"][0]["action"], "calendar.closure.add",
        "the calendar lists the change with its use-case id"
    );
    assert_eq!(cal["changes"][0]["actor"], "admin", "and who made it");
    let list = ok_json(&loket(
        &db,
        &[
            "--json",
            "deadlines",
            "--now",
            "2025-01-14T09:00",
            "--within",
            "3d",
        ],
    ));
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(0),
        "an office without open cases has nothing due"
    );
}

#[test]
fn a_closed_stdout_ends_the_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = kediri(dir.path());
    let out = Command::new("sh")
        .arg("-c")
        .arg("\"$0\" --db \"$1\" letter kinds | head -1")
        .arg(env!("CARGO_BIN_EXE_loket"))
        .arg(&db)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("panicked") && err.trim().is_empty(),
        "`loket letter kinds | head -1` prints nothing on stderr: {err}"
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).lines().count(),
        1,
        "head got its one line"
    );
    // A reader that is gone before the first line is written (the write fails at once).
    let gone = Command::new("sh")
        .arg("-c")
        .arg("\"$0\" --db \"$1\" letter kinds | true")
        .arg(env!("CARGO_BIN_EXE_loket"))
        .arg(&db)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&gone.stderr);
    assert!(
        err.trim().is_empty(),
        "writing to a closed pipe ends quietly: {err}"
    );
}
