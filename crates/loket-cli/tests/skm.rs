//! `loket skm …` and `loket evaluasi report` as an office scripts them: questionnaires from
//! paper (a walk-in respondent and a bad entry refused with exit 2), a complaint registered and
//! answered, and the quarter's evaluation as JSON with the figures computed by hand.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use loket_tests::backend;

const PASSWORD: &str = "sandi-rahasia-1";

fn loket(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LOKET_USER", "admin")
        .env("LOKET_PASSWORD", PASSWORD)
        .env("LOKET_NOW", "2026-03-02T10:00:00+07:00")
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

fn office(dir: &Path) -> PathBuf {
    let db = backend::db_location(dir);
    ok_json(&loket(&db, &["--json", "init", "--office", "demak"]));
    ok_json(&loket(
        &db,
        &[
            "--json",
            "user",
            "add-admin",
            "--login",
            "admin",
            "--name",
            "Admin Loket",
        ],
    ));
    db
}

fn entry(db: &Path, answers: &str, sex: &str) -> Output {
    loket(
        db,
        &[
            "--json",
            "skm",
            "entry",
            "--service",
            "ppid-permohonan-informasi",
            "--date",
            "2026-03-02",
            "--age",
            "41",
            "--sex",
            sex,
            "--education",
            "sma",
            "--occupation",
            "wirausaha",
            "--answers",
            answers,
        ],
    )
}

#[test]
fn questionnaires_complaints_and_the_quarterly_evaluation() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let first = ok_json(&entry(&db, "444444444", "L"));
    assert_eq!(
        first["ikm"], 100.0,
        "all answers 4 give this respondent 100"
    );
    assert_eq!(
        first["agenda_number"], "",
        "a walk-in respondent has no request"
    );
    ok_json(&entry(&db, "333333333", "P"));

    let bad = entry(&db, "33333333x", "P");
    assert_eq!(bad.status.code(), Some(2), "a bad answer is bad input");
    let msg = String::from_utf8_lossy(&bad.stderr);
    assert!(
        msg.contains("U9") && msg.contains("1, 2, 3 atau 4"),
        "the message names the element and the values: {msg}"
    );

    let c = ok_json(&loket(
        &db,
        &[
            "--json",
            "skm",
            "pengaduan",
            "add",
            "--kind",
            "saran",
            "--service",
            "ppid-permohonan-informasi",
            "--channel",
            "website",
            "--from",
            "Budi",
            "--text",
            "Tambahkan formulir daring",
        ],
    ));
    assert_eq!(
        c["state"], "menunggu jawaban",
        "a new complaint waits for its answer"
    );
    let id = c["id"].as_i64().unwrap().to_string();
    let answered = ok_json(&loket(
        &db,
        &[
            "--json",
            "skm",
            "pengaduan",
            "answer",
            &id,
            "--text",
            "Sedang disiapkan",
        ],
    ));
    assert_eq!(
        answered["state"], "dijawab tepat waktu",
        "answered on the day of receipt"
    );

    let e = ok_json(&loket(
        &db,
        &["--json", "evaluasi", "report", "--period", "2026-T1"],
    ));
    let skm = &e["office"]["skm"];
    assert_eq!(skm["respondents"], 2, "two questionnaires in the quarter");
    // Every element 3,5; × 25 = 87,50.
    assert_eq!(skm["ikm"], 87.5, "IKM of the two respondents by hand");
    assert_eq!(skm["grade"], "B", "87,50 is below 88,31");
    assert_eq!(
        e["office"]["complaints"]["answered_in_time"], 1,
        "the complaint counts as answered in time"
    );
    let text = loket(&db, &["evaluasi", "report", "--period", "2026-T1"]);
    let shown = String::from_utf8_lossy(&text.stdout);
    assert!(
        shown.contains("Triwulan I 2026") && shown.contains("IKM 87,50"),
        "the table names the period and the IKM in Indonesian notation: {shown}"
    );
    let period = loket(&db, &["evaluasi", "report", "--period", "2026-T5"]);
    assert_eq!(
        period.status.code(),
        Some(2),
        "an unknown period is bad input"
    );
}

#[test]
fn the_evaluation_is_drafted_as_a_numbered_letter() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let refused = loket(&db, &["evaluasi", "draft", "--period", "2026-T1"]);
    let said = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(
        refused.status.code(),
        Some(2),
        "without a numbering pattern for the report nothing is drafted: {said}"
    );
    assert!(
        said.contains("laporan_evaluasi") || said.contains("Laporan evaluasi"),
        "the refusal names the kind that needs a pattern: {said}"
    );
    ok_json(&loket(
        &db,
        &[
            "--json",
            "letter",
            "pattern",
            "set",
            "laporan",
            "--pattern",
            "{klasifikasi}/{urut:3}/{unit}/{tahun}",
            "--klasifikasi",
            "000.4.4",
            "--unit",
            "DKIS",
            "--kinds",
            "laporan_evaluasi",
        ],
    ));
    let d = ok_json(&loket(
        &db,
        &["--json", "evaluasi", "draft", "--period", "2026-T1"],
    ));
    assert_eq!(
        (d["kind"].as_str(), d["status"].as_str()),
        (Some("laporan_evaluasi"), Some("konsep")),
        "the report starts as a draft of the letters workflow"
    );
    assert_eq!(
        d["content"]["isi"]["evaluasi"]["periode"], "2026-T1",
        "the draft carries the frozen figures of its period"
    );
    let text = loket(&db, &["evaluasi", "draft", "--period", "2026-T1"]);
    let shown = String::from_utf8_lossy(&text.stdout);
    assert!(
        shown.contains("Laporan Evaluasi Kinerja Pelaksana Triwulan I 2026")
            && shown.contains("letter submit"),
        "the table names the letter and the next step: {shown}"
    );
}
