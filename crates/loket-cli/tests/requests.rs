//! `loket user|case|disposition` as scripts use them: the first admin from an environment
//! variable, JSON output, exit code 2 with an Indonesian message for bad input and refusals,
//! and two processes registering at once never sharing an agenda number.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::path::Path;
use std::process::{Command, Output};

use loket_tests::backend;

const PASSWORD: &str = "sandi-rahasia-1";

fn loket(db: &Path, user: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LOKET_USER", user)
        .env("LOKET_PASSWORD", PASSWORD)
        .env("LOKET_NEW_PASSWORD", PASSWORD)
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

fn refused(out: &Output) -> String {
    assert_eq!(out.status.code(), Some(2), "refusals exit with 2");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A Demak database with the admin, the Kepala Dinas and the Sekretaris.
fn office(dir: &Path) -> std::path::PathBuf {
    let db = backend::db_location(dir);
    ok_json(&loket(&db, "", &["--json", "init", "--office", "demak"]));
    ok_json(&loket(
        &db,
        "",
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
    for (login, post) in [
        ("umar", "kepala-dinas"),
        ("sekretaris", "sekretaris"),
        ("staf", "staf-jaringan"),
    ] {
        ok_json(&loket(
            &db,
            "admin",
            &[
                "--json",
                "user",
                "add",
                "--login",
                login,
                "--name",
                login,
                "--position",
                post,
            ],
        ));
    }
    db
}

const REGISTER: &[&str] = &[
    "--json",
    "case",
    "register",
    "--service",
    "subdomain-hosting",
    "--applicant-kind",
    "opd",
    "--applicant",
    "Dinas Kesehatan Kabupaten Demak",
    "--letter-number",
    "400.7/88/2026",
    "--letter-date",
    "2026-02-26",
    "--hal",
    "Permohonan subdomain sikesehatan",
    "--channel",
    "surat",
    "--received",
    "2026-03-02 08:00",
];

#[test]
fn register_verify_dispose_and_complete_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let case = ok_json(&loket(&db, "admin", REGISTER));
    assert_eq!(
        case["agenda_number"], "0001/2026",
        "the first agenda number of the year"
    );
    let id = case["id"].as_i64().unwrap().to_string();
    let verified = ok_json(&loket(&db, "admin", &["--json", "case", "verify", &id]));
    assert_eq!(
        verified["status"], "diverifikasi",
        "verify ticks every requirement"
    );
    let inbox = ok_json(&loket(&db, "umar", &["--json", "disposition", "inbox"]));
    assert_eq!(
        inbox.as_array().unwrap().len(),
        1,
        "the head's inbox has the letter"
    );
    let sent = ok_json(&loket(
        &db,
        "umar",
        &[
            "--json",
            "disposition",
            "send",
            &id,
            "--to",
            "sekretaris",
            "--instruction",
            "Proses lebih lanjut",
            "--until",
            "2026-03-05",
        ],
    ));
    assert_eq!(sent["status"], "didisposisi", "the case is disposed");
    let d = sent["dispositions"].as_array().unwrap().last().unwrap()["id"].to_string();
    let read = ok_json(&loket(
        &db,
        "sekretaris",
        &["--json", "disposition", "read", &d],
    ));
    assert_eq!(
        read["read_at"], "2026-03-02T10:00:00+07:00",
        "the reading moment is kept"
    );
    let done = ok_json(&loket(
        &db,
        "sekretaris",
        &["--json", "disposition", "complete", &d, "--report", "sudah"],
    ));
    assert_eq!(
        done["dispositions"].as_array().unwrap().last().unwrap()["state"],
        "selesai",
        "completed"
    );
    let list = ok_json(&loket(
        &db,
        "admin",
        &["--json", "case", "list", "--query", "sikesehatan"],
    ));
    assert_eq!(
        list.as_array().unwrap().len(),
        1,
        "full-text search finds the hal"
    );
    let csv = dir.path().join("agenda.csv");
    let out = loket(
        &db,
        "admin",
        &[
            "case",
            "list",
            "--year",
            "2026",
            "--csv",
            csv.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "the agenda book exports: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&csv).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].contains("Nomor Agenda,Diterima,Pemohon"),
        "the CSV has headings: {}",
        lines[0]
    );
    assert!(
        lines[1].starts_with(
            "0001/2026,2026-03-02T08:00:00+07:00,Dinas Kesehatan Kabupaten Demak,400.7/88/2026"
        ),
        "one row per case: {}",
        lines[1]
    );
    let human = loket(&db, "admin", &["case", "show", &id]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("Nomor agenda : 0001/2026"),
        "the human view shows the agenda number:\n{text}"
    );
    let check = loket(&db, "", &["check"]);
    assert!(
        check.status.success(),
        "the audit chain is intact: {}",
        String::from_utf8_lossy(&check.stdout)
    );
}

#[test]
fn bad_input_and_refusals_exit_2_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let mut bad_date: Vec<&str> = REGISTER.to_vec();
    bad_date[12] = "26 Februari";
    let msg = refused(&loket(&db, "admin", &bad_date));
    assert!(
        msg.contains("tanggal surat") && msg.contains("TTTT-BB-HH"),
        "a bad date is explained: {msg}"
    );
    let mut unknown: Vec<&str> = REGISTER.to_vec();
    unknown[4] = "sewa-helikopter";
    let msg = refused(&loket(&db, "admin", &unknown));
    assert!(
        msg.contains("sewa-helikopter"),
        "an unknown service is named: {msg}"
    );
    let msg = refused(&loket(&db, "staf", REGISTER));
    assert!(msg.contains("register"), "a staf cannot register: {msg}");
    let msg = refused(&loket(&db, "admin", &["case", "show", "999"]));
    assert!(msg.contains("999"), "an unknown case is named: {msg}");
    let wrong = Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(&db)
        .args(["case", "list"])
        .env("LOKET_USER", "admin")
        .env("LOKET_PASSWORD", "bukan-sandinya")
        .output()
        .unwrap();
    let msg = refused(&wrong);
    assert!(
        msg.contains("kata sandi salah"),
        "a wrong password is refused: {msg}"
    );
    let list = ok_json(&loket(&db, "admin", &["--json", "case", "list"]));
    assert!(
        list.as_array().unwrap().is_empty(),
        "nothing was written by refused commands"
    );
}

#[test]
fn two_processes_registering_at_once_never_share_an_agenda_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let per_process = 8;
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let db = db.clone();
            std::thread::spawn(move || {
                (0..per_process)
                    .map(|_| {
                        ok_json(&loket(&db, "admin", REGISTER))["agenda_seq"]
                            .as_i64()
                            .unwrap()
                    })
                    .collect::<Vec<i64>>()
            })
        })
        .collect();
    let mut all: Vec<i64> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    all.sort_unstable();
    let want: Vec<i64> = (1..=2 * per_process).collect();
    assert_eq!(
        all, want,
        "agenda numbers are unique and without gaps across processes"
    );
    let check = loket(&db, "", &["check"]);
    assert!(
        check.status.success(),
        "the audit chain survives concurrent writers"
    );
}

#[test]
fn agenda_excel_accounts_and_instructions_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let xlsx = dir.path().join("agenda.xlsx");
    let out = loket(
        &db,
        "admin",
        &["case", "list", "--xlsx", xlsx.to_str().unwrap()],
    );
    assert!(
        out.status.success(),
        "the agenda book exports as Excel: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&xlsx).unwrap();
    assert!(bytes.starts_with(b"PK"), "an .xlsx file is a zip package");

    let out = loket(&db, "admin", &["user", "deactivate", "staf"]);
    assert!(out.status.success(), "the admin deactivates an account");
    let msg = refused(&loket(&db, "staf", &["disposition", "inbox"]));
    assert!(
        msg.contains("dinonaktifkan"),
        "a deactivated account cannot act: {msg}"
    );
    let out = loket(&db, "admin", &["user", "activate", "staf"]);
    assert!(out.status.success(), "and activates it again");

    let msg = refused(&loket(
        &db,
        "umar",
        &["disposition", "set-instructions", "Segera tindak lanjuti"],
    ));
    assert!(
        msg.contains("administer"),
        "only administrators edit the instruction list: {msg}"
    );
    let list = ok_json(&loket(
        &db,
        "admin",
        &[
            "--json",
            "disposition",
            "set-instructions",
            "Proses lebih lanjut",
            "Untuk diketahui",
        ],
    ));
    assert_eq!(
        list,
        serde_json::json!(["Proses lebih lanjut", "Untuk diketahui"]),
        "the new list is saved in order"
    );
    let shown = ok_json(&loket(&db, "", &["--json", "disposition", "instructions"]));
    assert_eq!(shown, list, "and read back by anyone");
}

#[test]
fn reject_with_a_reason_and_print_the_lembar_disposisi() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let id = ok_json(&loket(&db, "admin", REGISTER))["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let pdf = dir.path().join("lembar.pdf");
    let out = loket(
        &db,
        "admin",
        &["case", "lembar-pdf", &id, "--out", pdf.to_str().unwrap()],
    );
    assert!(out.status.success(), "the sheet prints: {out:?}");
    assert!(
        std::fs::read(&pdf).unwrap().starts_with(b"%PDF"),
        "the lembar disposisi is a PDF"
    );
    let msg = refused(&loket(
        &db,
        "staf",
        &[
            "--json",
            "case",
            "reject",
            &id,
            "--reason",
            "bukan wewenang",
        ],
    ));
    assert!(
        msg.contains("tidak dapat menolak"),
        "a staf outside the case may not reject: {msg}"
    );
    let msg = refused(&loket(
        &db,
        "admin",
        &["--json", "case", "reject", &id, "--reason", " "],
    ));
    assert!(msg.contains("alasan"), "a reason is required: {msg}");
    let c = ok_json(&loket(
        &db,
        "admin",
        &[
            "--json",
            "case",
            "reject",
            &id,
            "--reason",
            "layanan bukan kewenangan Diskominfo",
        ],
    ));
    assert_eq!(c["status"], "ditolak", "the registrar rejects");
}

#[test]
fn an_attachment_is_saved_from_the_database_by_its_number() {
    let dir = tempfile::tempdir().unwrap();
    let db = office(dir.path());
    let scan = dir.path().join("surat-permohonan.pdf");
    let bytes = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
    std::fs::write(&scan, bytes).unwrap();
    let mut args = REGISTER.to_vec();
    args.extend(["--attach", scan.to_str().unwrap()]);
    let case = ok_json(&loket(&db, "admin", &args));
    std::fs::remove_file(&scan).unwrap();
    let number = case["attachments"][0]["id"].as_i64().unwrap().to_string();
    let shown = loket(&db, "admin", &["case", "show", &case["id"].to_string()]);
    assert!(
        String::from_utf8_lossy(&shown.stdout).contains(&format!("#{number} surat-permohonan.pdf")),
        "`case show` gives each attachment's number: {}",
        String::from_utf8_lossy(&shown.stdout)
    );
    let out = dir.path().join("salinan.pdf");
    let saved = ok_json(&loket(
        &db,
        "staf",
        &[
            "--json",
            "case",
            "attachment",
            &number,
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    assert_eq!(
        saved["name"], "surat-permohonan.pdf",
        "the original name is reported"
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        bytes,
        "the bytes come from the database although the attached file is gone"
    );
    let msg = refused(&loket(
        &db,
        "admin",
        &["case", "attachment", "999", "--out", out.to_str().unwrap()],
    ));
    assert!(
        msg.contains("lampiran nomor 999 tidak ada"),
        "an unknown number is named: {msg}"
    );
}
