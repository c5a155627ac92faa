//! The `loket` command as scripts use it: exit codes, JSON output, messages on stderr, and
//! bad input never creating or changing a database.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::path::Path;
use std::process::{Command, Output};

use loket_tests::backend;

fn loket(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("the loket binary runs")
}

fn stdout_json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "command succeeded: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("--json prints JSON on stdout")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn init_then_services_json_lists_every_service_of_each_office() {
    let dir = tempfile::tempdir().unwrap();
    for (office, count) in [
        ("demak", 21),
        ("kediri", 15),
        ("jember", 7),
        ("denpasar", 5),
    ] {
        let db = backend::db_location_named(dir.path(), &format!("{office}.db"));
        let init = stdout_json(&loket(&db, &["--json", "init", "--office", office]));
        assert_eq!(
            init["office_id"], office,
            "init reports the office it imported"
        );
        let services = stdout_json(&loket(&db, &["services", "--json"]));
        assert_eq!(
            services.as_array().unwrap().len(),
            count,
            "{office}: services --json lists every service of the catalog"
        );
        for s in services.as_array().unwrap() {
            assert!(
                !s["time_words"].as_str().unwrap().is_empty(),
                "{office}/{}: every service has its time in words",
                s["id"]
            );
        }
    }
}

#[test]
fn service_show_json_carries_the_structured_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location_named(dir.path(), "demak.db");
    stdout_json(&loket(&db, &["--json", "init", "--office", "demak"]));
    let d = stdout_json(&loket(
        &db,
        &["service", "show", "ppid-permohonan-informasi", "--json"],
    ));
    assert_eq!(d["service"]["time"]["amount"], 10, "PPID: 10 hari kerja");
    assert_eq!(
        d["service"]["time"]["unit"], "hari_kerja",
        "PPID counts working days"
    );
    assert_eq!(
        d["service"]["time"]["extension"]["amount"], 7,
        "PPID: extendable by 7 hari kerja"
    );
    let human = loket(&db, &["service", "show", "ppid-permohonan-informasi"]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("10 (sepuluh) hari kerja, dapat diperpanjang 7 (tujuh) hari kerja"),
        "the human view says the time in words: {text}"
    );
    assert!(
        text.contains("Prosedur:") && text.contains("Persyaratan:"),
        "the human view lists requirements and procedure"
    );
}

#[test]
fn version_in_force_on_a_day_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location_named(dir.path(), "demak.db");
    stdout_json(&loket(&db, &["--json", "init", "--office", "demak"]));
    let old = stdout_json(&loket(
        &db,
        &[
            "service",
            "show",
            "tte-pembaruan",
            "--on",
            "2024-06-01",
            "--json",
        ],
    ));
    let new = stdout_json(&loket(
        &db,
        &[
            "service",
            "show",
            "tte-pembaruan",
            "--on",
            "2025-03-01",
            "--json",
        ],
    ));
    assert_eq!(
        (
            old["service"]["time"]["amount"].as_u64(),
            old["service"]["time"]["unit"].as_str()
        ),
        (Some(30), Some("menit")),
        "March 2024 tables: renewal 30 menit"
    );
    assert_eq!(
        (
            new["service"]["time"]["amount"].as_u64(),
            new["service"]["time"]["unit"].as_str()
        ),
        (Some(1), Some("jam")),
        "February 2025 booklet: renewal 1 jam"
    );
    let bad = loket(
        &db,
        &["service", "show", "tte-pembaruan", "--on", "01-06-2024"],
    );
    assert_eq!(
        bad.status.code(),
        Some(2),
        "a date in the wrong format is bad input"
    );
    assert!(
        stderr(&bad).contains("TTTT-BB-HH"),
        "the message shows the expected format: {}",
        stderr(&bad)
    );
}

#[test]
fn bad_profile_exits_2_and_creates_no_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location_named(dir.path(), "baru.db");
    let profile = dir.path().join("rusak.toml");
    std::fs::write(
        &profile,
        "schema = 1\n[office]\nid = \"x\"\npemerintah = \"PEMERINTAH\n",
    )
    .unwrap();
    let out = loket(&db, &["init", "--profile", profile.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "broken TOML is bad input");
    assert!(
        stderr(&out).contains("rusak.toml, baris 4"),
        "the message names file and line: {}",
        stderr(&out)
    );
    if backend::is_postgres() {
        // The server database exists before (prepared by `loket server init`): it stays
        // without an office.
        let office = loket_db::Db::open_existing(&db)
            .unwrap()
            .row_count("office")
            .unwrap();
        assert_eq!(
            office, 0,
            "a refused profile writes no office to the server"
        );
    } else {
        assert!(
            !db.exists(),
            "a refused profile must not create the database"
        );
    }
}

#[test]
fn bad_profile_leaves_an_existing_database_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location_named(dir.path(), "jember.db");
    stdout_json(&loket(&db, &["--json", "init", "--office", "jember"]));
    let before = stdout_json(&loket(&db, &["services", "--json"]));
    let edited = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/offices/jember.toml"
    ))
    .unwrap()
    .replacen("unit = \"hari_kerja\"", "unit = \"minggu_kerja\"", 1);
    let profile = dir.path().join("jember-salah.toml");
    std::fs::write(&profile, edited).unwrap();
    let out = loket(&db, &["init", "--profile", profile.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown time unit is bad input"
    );
    assert!(
        stderr(&out).contains("`minggu_kerja` tidak dikenal"),
        "names the bad value: {}",
        stderr(&out)
    );
    assert_eq!(
        stdout_json(&loket(&db, &["services", "--json"])),
        before,
        "the database is untouched by a refused import"
    );
}

#[test]
fn another_office_is_refused_for_an_existing_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location_named(dir.path(), "kantor.db");
    stdout_json(&loket(&db, &["--json", "init", "--office", "kediri"]));
    let out = loket(&db, &["init", "--office", "denpasar"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "importing another office into a database is refused"
    );
    assert!(
        stderr(&out).contains("milik kantor `kediri`"),
        "says whose database it is: {}",
        stderr(&out)
    );
}

#[test]
fn unknown_things_exit_2_with_indonesian_messages() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location_named(dir.path(), "d.db");
    let unknown_office = loket(&db, &["init", "--office", "surabaya"]);
    assert_eq!(
        unknown_office.status.code(),
        Some(2),
        "unknown shipped office"
    );
    assert!(
        stderr(&unknown_office).contains("demak, kediri, jember, denpasar"),
        "lists the choices"
    );
    stdout_json(&loket(&db, &["--json", "init", "--office", "demak"]));
    let unknown_service = loket(&db, &["service", "show", "layanan-fiktif"]);
    assert_eq!(unknown_service.status.code(), Some(2), "unknown service");
    assert!(
        stderr(&unknown_service).contains("tidak ada di katalog"),
        "says it is not in the catalog"
    );
    let unknown_flag = loket(&db, &["services", "--tidak-ada"]);
    assert_eq!(unknown_flag.status.code(), Some(2), "unknown argument");
    assert!(
        stderr(&unknown_flag).contains("tidak dikenal"),
        "clap's error is shown in Indonesian: {}",
        stderr(&unknown_flag)
    );
    let json_err = loket(&db, &["--json", "service", "show", "layanan-fiktif"]);
    let e: serde_json::Value =
        serde_json::from_slice(&json_err.stderr).expect("--json errors are JSON on stderr");
    assert_eq!(e["code"], "not_found", "the error code is machine-readable");
}

#[test]
fn uninitialised_database_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let out = loket(
        &backend::db_location_named(dir.path(), "kosong.db"),
        &["services"],
    );
    assert_eq!(out.status.code(), Some(2), "no office yet is a user error");
    assert!(
        stderr(&out).contains("loket init --office"),
        "the message says how to fix it: {}",
        stderr(&out)
    );
}

#[test]
fn newer_schema_is_refused_and_check_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    // On PostgreSQL: a backup from the server is an SQLite file, whose header is then raised.
    let db = backend::db_location_named(dir.path(), "baru.db");
    stdout_json(&loket(&db, &["--json", "init", "--office", "demak"]));
    let ok = stdout_json(&loket(&db, &["check", "--json"]));
    assert_eq!(ok["ok"], true, "a fresh database passes the check");
    assert_eq!(
        ok["integrity"].as_array().unwrap().len(),
        0,
        "no integrity problems"
    );
    let bump = |db: &Path| {
        // Raise user_version as a newer Loket's migration would, without the sqlite3 tool.
        let mut bytes = std::fs::read(db).unwrap();
        let v = u32::from_be_bytes(bytes[60..64].try_into().unwrap()) + 1;
        bytes[60..64].copy_from_slice(&v.to_be_bytes());
        std::fs::write(db, bytes).unwrap();
    };
    // Fold the WAL into the main file first so the header edit is what SQLite reads.
    let backup = dir.path().join("salinan.db");
    assert!(
        loket(&db, &["backup", backup.to_str().unwrap()])
            .status
            .success(),
        "backup works"
    );
    bump(&backup);
    let out = loket(&backup, &["services"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an older binary refuses a newer database"
    );
    assert!(
        stderr(&out).contains("lebih baru"),
        "the message says the database is newer: {}",
        stderr(&out)
    );
    let check = loket(&backup, &["check"]);
    assert_eq!(
        check.status.code(),
        Some(2),
        "check refuses it too, without migrating"
    );
}

#[test]
fn backup_is_a_complete_database_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location_named(dir.path(), "kediri.db");
    stdout_json(&loket(&db, &["--json", "init", "--office", "kediri"]));
    let out = dir.path().join("cadangan").join("kediri-2026.db");
    let b = loket(&db, &["backup", out.to_str().unwrap()]);
    assert!(b.status.success(), "backup succeeds: {}", stderr(&b));
    let people = stdout_json(&loket(&out, &["people", "--json"]));
    assert_eq!(
        people.as_array().unwrap().len(),
        56,
        "the backup holds Kediri's whole staff list"
    );
    let again = loket(&db, &["backup", out.to_str().unwrap()]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing backup is never overwritten"
    );
}

#[test]
fn a_server_address_on_db_goes_to_the_server_and_never_becomes_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let run = |db: &str| {
        Command::new(env!("CARGO_BIN_EXE_loket"))
            .current_dir(dir.path())
            .args(["--json", "--db", db, "init", "--office", "demak"])
            .output()
            .expect("the loket binary runs")
    };
    // Nothing listens on port 1: the server is away, as when the office's network is down.
    let away = run("postgres://loket:rahasia@127.0.0.1:1/loket");
    assert_eq!(
        away.status.code(),
        Some(1),
        "an unreachable server is a failure to retry later (offline), not bad input: {}",
        stderr(&away)
    );
    let e: serde_json::Value =
        serde_json::from_slice(&away.stderr).expect("--json errors are JSON on stderr");
    let message = e["message"].as_str().unwrap_or("");
    assert_eq!(e["code"], "offline", "the error code says offline: {e}");
    assert!(
        message.contains("postgres://loket@127.0.0.1:1/loket")
            && message.contains("tidak dapat dihubungi")
            && message.contains("periksa jaringan"),
        "the message names the server and says what to check: {message}"
    );
    let other = run("mysql://loket:rahasia@db.kantor:3306/loket");
    assert_eq!(
        other.status.code(),
        Some(2),
        "a server Loket does not speak is bad input"
    );
    assert!(
        stderr(&other).contains("mysql") && stderr(&other).contains("--db"),
        "the message says what and how to fix: {}",
        stderr(&other)
    );
    for out in [&away, &other] {
        assert!(
            !stderr(out).contains("rahasia"),
            "the password is not echoed: {}",
            stderr(out)
        );
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no `postgres:` or `mysql:` folder or SQLite file appears in the working directory"
    );
}

#[test]
fn an_audit_checkpoint_is_written_checked_and_a_cut_trail_fails_against_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location(dir.path());
    assert!(
        loket(&db, &["init", "--office", "demak"]).status.success(),
        "init succeeds"
    );
    let tp = dir.path().join("titik-periksa.txt");
    let made = loket(&db, &["audit", "checkpoint", "--out", tp.to_str().unwrap()]);
    assert!(
        made.status.success(),
        "checkpoint written: {}",
        stderr(&made)
    );
    let again = loket(&db, &["audit", "checkpoint", "--out", tp.to_str().unwrap()]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing checkpoint file is never overwritten"
    );
    let ok = loket(&db, &["check", "--checkpoint", tp.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&ok.stdout).into_owned();
    assert!(
        ok.status.success(),
        "an untouched trail matches: {}{}",
        text,
        stderr(&ok)
    );
    assert!(
        text.contains("cocok"),
        "the matching checkpoint is listed: {text}"
    );
    let bad_code = loket(&db, &["check", "--kode", "banyak"]);
    assert_eq!(
        bad_code.status.code(),
        Some(2),
        "a mistyped code is bad input"
    );
    assert!(
        stderr(&bad_code).contains("misalnya"),
        "with an example: {}",
        stderr(&bad_code)
    );
    let not_there = loket(&db, &["check", "--kode", "999999-0000000000000000"]);
    assert!(
        !not_there.status.success(),
        "a checkpoint of more entries than exist fails the check"
    );
    assert!(
        String::from_utf8_lossy(&not_there.stdout).contains("telah dihapus"),
        "and says entries were deleted"
    );
}

#[test]
fn a_backup_leaves_its_checkpoint_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location(dir.path());
    assert!(
        loket(&db, &["init", "--office", "kediri"]).status.success(),
        "init succeeds"
    );
    let out = dir.path().join("cadangan.db");
    let b = loket(&db, &["backup", out.to_str().unwrap()]);
    assert!(b.status.success(), "backup succeeds: {}", stderr(&b));
    let beside = dir.path().join("cadangan.db.titik-periksa.txt");
    assert!(
        beside.exists(),
        "the checkpoint file sits beside the backup"
    );
    let check = loket(&out, &["check", "--checkpoint", beside.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "the backup matches its checkpoint: {}",
        stderr(&check)
    );
}
