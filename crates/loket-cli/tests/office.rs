//! `loket office readiness|official|paper`: the first-day checklist from the command line,
//! with a bad NIP refused (exit 2, nothing stored) and every change signed in.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::path::Path;
use std::process::{Command, Output};

use loket_tests::backend;

const ADMIN_PASSWORD: &str = "sandi-admin-kantor";

fn loket(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LOKET_USER", "admin")
        .env("LOKET_PASSWORD", ADMIN_PASSWORD)
        .env("LOKET_NEW_PASSWORD", ADMIN_PASSWORD)
        .output()
        .expect("the loket binary runs")
}

fn ok(out: Output) -> Output {
    assert!(
        out.status.success(),
        "command succeeded: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn step_done(db: &Path, id: &str) -> bool {
    let out = ok(loket(db, &["office", "readiness", "--json"]));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("--json prints JSON");
    v["steps"]
        .as_array()
        .and_then(|s| s.iter().find(|x| x["id"] == id))
        .and_then(|x| x["done"].as_bool())
        .unwrap_or_else(|| panic!("readiness has step {id}: {v}"))
}

#[test]
fn an_administrator_sets_denpasars_kepala_dinas_and_paper_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location(dir.path());
    ok(loket(&db, &["init", "--office", "denpasar"]));
    ok(loket(
        &db,
        &[
            "user",
            "add-admin",
            "--login",
            "admin",
            "--name",
            "Admin Loket",
        ],
    ));
    assert!(
        !step_done(&db, "pejabat"),
        "Denpasar's profile names no Kepala Dinas"
    );
    let set = |nip: &str| {
        loket(
            &db,
            &[
                "office",
                "official",
                "set",
                "--position",
                "kepala-dinas",
                "--name",
                "Dr. I Made Santika, S.Kom., M.T.",
                "--nip",
                nip,
                "--golongan",
                "IV/c",
            ],
        )
    };
    let bad = set("1970051220011210");
    assert_eq!(bad.status.code(), Some(2), "a 16-digit NIP is bad input");
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("18 angka"),
        "the refusal says a NIP has 18 digits"
    );
    assert!(!step_done(&db, "pejabat"), "a refusal stores nothing");
    let out = ok(set("19700512 200112 1 007"));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Pembina Utama Muda (IV/c)") && text.contains("NIP. 19700512 200112 1 007"),
        "the list shows the signature block with pangkat (golongan) and the grouped NIP: {text}"
    );
    assert!(step_done(&db, "pejabat"), "the Kepala Dinas is set");

    ok(loket(&db, &["office", "paper", "f4"]));
    let out = ok(loket(&db, &["office", "paper"]));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("F4"),
        "the office's paper is F4"
    );
    let anonymous = Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(&db)
        .args(["office", "paper", "a4"])
        .env_remove("LOKET_USER")
        .output()
        .unwrap();
    assert!(
        !anonymous.status.success(),
        "changing the paper needs a signed-in account"
    );
}
