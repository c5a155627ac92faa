//! The equipment and room schedule through the `loket` command: conflicts exit 3 and name the
//! booking, pools never exceed their quantity, buffers, blackouts, recurrence with skipped
//! dates, cancellation, free slots, iCalendar export, and two processes racing for the last unit.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use loket_tests::backend;

const PASSWORD: &str = "sandi-penjadwal-2026";

/// Runs loket signed in as the administrator `admin` (created by `setup`).
fn loket(db: &Path, args: &[&str]) -> Output {
    as_user(db, "admin", args)
}

fn as_user(db: &Path, user: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("LOKET_USER", user)
        .env("LOKET_PASSWORD", PASSWORD)
        .env("LOKET_NEW_PASSWORD", PASSWORD)
        .output()
        .expect("loket runs")
}

/// Imports the office and creates its first administrator.
fn setup(db: &Path, office: &str) {
    ok_json(&loket(db, &["--json", "init", "--office", office]));
    ok_json(&loket(
        db,
        &[
            "--json",
            "user",
            "add-admin",
            "--login",
            "admin",
            "--name",
            "Admin Jadwal",
        ],
    ));
}

fn ok_json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "command succeeded: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("--json prints JSON")
}

fn err(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A Demak database with the Command Center (30-minute buffers) and two video-conference kits.
fn demak(dir: &Path) -> PathBuf {
    let db = backend::db_location_named(dir, "demak.db");
    setup(&db, "demak");
    ok_json(&loket(
        &db,
        &[
            "--json",
            "resource",
            "add",
            "--id",
            "command-center",
            "--name",
            "Command Center",
            "--kind",
            "ruang",
            "--setup",
            "30",
            "--teardown",
            "30",
        ],
    ));
    ok_json(&loket(
        &db,
        &[
            "--json",
            "resource",
            "add",
            "--id",
            "vicon",
            "--name",
            "Perangkat video conference",
            "--quantity",
            "2",
        ],
    ));
    db
}

fn book(db: &Path, title: &str, start: &str, end: &str, resources: &[&str]) -> Output {
    let mut args = vec![
        "--json", "booking", "create", "--title", title, "--start", start, "--end", end,
    ];
    for r in resources {
        args.extend(["--resource", r]);
    }
    loket(db, &args)
}

#[test]
fn room_conflict_exits_3_and_names_the_booking() {
    let dir = tempfile::tempdir().unwrap();
    let db = demak(dir.path());
    let first = ok_json(&book(
        &db,
        "Rapat koordinasi SPBE",
        "2026-01-05T09:00",
        "2026-01-05T11:00",
        &["command-center"],
    ));
    let clash = book(
        &db,
        "Video conference Kemendagri",
        "2026-01-05T11:15",
        "2026-01-05T12:00",
        &["command-center"],
    );
    assert_eq!(
        clash.status.code(),
        Some(3),
        "a schedule conflict exits with code 3"
    );
    let message = err(&clash);
    assert!(
        message.contains(&format!("#{}", first["id"])) && message.contains("Rapat koordinasi SPBE"),
        "the refusal names the conflicting booking: {message}"
    );
    assert!(
        message.contains("Senin, 5 Januari 2026 09.00–11.00 WIB"),
        "and its time in office words: {message}"
    );
    let after_buffers = book(
        &db,
        "Video conference Kemendagri",
        "2026-01-05T12:00",
        "2026-01-05T13:00",
        &["command-center"],
    );
    assert!(
        after_buffers.status.success(),
        "11.00 + 30 min teardown meets 12.00 − 30 min setup: touching buffers are allowed: {}",
        err(&after_buffers)
    );
}

#[test]
fn pool_quantity_and_cancellation() {
    let dir = tempfile::tempdir().unwrap();
    let db = demak(dir.path());
    let a = ok_json(&book(
        &db,
        "Vicon A",
        "2026-01-06T08:00",
        "2026-01-06T10:00",
        &["vicon"],
    ));
    ok_json(&book(
        &db,
        "Vicon B",
        "2026-01-06T09:00",
        "2026-01-06T11:00",
        &["vicon"],
    ));
    let third = book(
        &db,
        "Vicon C",
        "2026-01-06T09:30",
        "2026-01-06T10:30",
        &["vicon"],
    );
    assert_eq!(
        third.status.code(),
        Some(3),
        "two kits are both in use 09.30–10.00"
    );
    assert!(
        err(&third).contains("tersisa 0"),
        "says none is left: {}",
        err(&third)
    );
    let two = book(
        &db,
        "Vicon D",
        "2026-01-06T10:00",
        "2026-01-06T11:00",
        &["vicon:2"],
    );
    assert_eq!(
        two.status.code(),
        Some(3),
        "10.00–11.00 one kit is still out, so two do not fit"
    );
    let cancel = loket(
        &db,
        &[
            "--json",
            "booking",
            "cancel",
            &a["id"].to_string(),
            "--reason",
            "Acara ditunda",
        ],
    );
    assert!(cancel.status.success(), "cancel succeeds: {}", err(&cancel));
    assert!(
        book(
            &db,
            "Vicon C",
            "2026-01-06T09:30",
            "2026-01-06T10:30",
            &["vicon"]
        )
        .status
        .success(),
        "cancelling frees the kit"
    );
    let too_many = book(
        &db,
        "Vicon E",
        "2026-01-07T09:00",
        "2026-01-07T10:00",
        &["vicon:3"],
    );
    assert_eq!(
        too_many.status.code(),
        Some(3),
        "asking more kits than the pool owns is refused"
    );
}

#[test]
fn approval_check_out_and_check_in_follow_the_status_rules() {
    let dir = tempfile::tempdir().unwrap();
    let db = demak(dir.path());
    let b = ok_json(&book(
        &db,
        "Streaming Musrenbang",
        "2026-01-08T08:00",
        "2026-01-08T12:00",
        &["vicon"],
    ));
    let id = b["id"].to_string();
    let early = loket(
        &db,
        &["booking", "check-out", &id, "--condition", "lengkap"],
    );
    assert_eq!(
        early.status.code(),
        Some(2),
        "equipment cannot leave before approval"
    );
    ok_json(&loket(&db, &["--json", "booking", "approve", &id]));
    ok_json(&loket(
        &db,
        &[
            "--json",
            "booking",
            "check-out",
            &id,
            "--condition",
            "lengkap, baik",
        ],
    ));
    let back = ok_json(&loket(
        &db,
        &[
            "--json",
            "booking",
            "check-in",
            &id,
            "--condition",
            "kabel HDMI lecet",
        ],
    ));
    assert_eq!(
        back["status"], "selesai",
        "returned equipment finishes the booking"
    );
    let notes: Vec<&str> = back["handovers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["condition"].as_str().unwrap())
        .collect();
    assert_eq!(
        notes,
        ["lengkap, baik", "kabel HDMI lecet"],
        "check-out and check-in conditions are kept in order"
    );
    let cancel = loket(&db, &["booking", "cancel", &id, "--reason", "x"]);
    assert_eq!(
        cancel.status.code(),
        Some(2),
        "a finished booking cannot be cancelled"
    );
}

#[test]
fn outside_hours_blackout_and_midnight() {
    let dir = tempfile::tempdir().unwrap();
    let db = demak(dir.path());
    let evening = book(
        &db,
        "Malam budaya",
        "2026-01-09T19:00",
        "2026-01-10T01:00",
        &["vicon"],
    );
    assert_eq!(
        evening.status.code(),
        Some(2),
        "outside office hours needs --outside-hours"
    );
    assert!(
        err(&evening).contains("--outside-hours"),
        "the message says how: {}",
        err(&evening)
    );
    let ok = loket(
        &db,
        &[
            "--json",
            "booking",
            "create",
            "--title",
            "Malam budaya",
            "--start",
            "2026-01-09T19:00",
            "--end",
            "2026-01-10T01:00",
            "--resource",
            "vicon:2",
            "--outside-hours",
        ],
    );
    assert!(ok.status.success(), "booked across midnight: {}", err(&ok));
    let after_midnight = loket(
        &db,
        &[
            "booking",
            "create",
            "--title",
            "Siaran dini hari",
            "--start",
            "2026-01-10T00:30",
            "--end",
            "2026-01-10T02:00",
            "--resource",
            "vicon",
            "--outside-hours",
        ],
    );
    assert_eq!(
        after_midnight.status.code(),
        Some(3),
        "00.30 next day is inside the booking that crossed midnight"
    );
    ok_json(&loket(
        &db,
        &[
            "--json",
            "resource",
            "blackout",
            "--resource",
            "command-center",
            "--start",
            "2026-01-12T00:00",
            "--end",
            "2026-01-13T00:00",
            "--reason",
            "Perawatan AC",
        ],
    ));
    let blocked = book(
        &db,
        "Rapat",
        "2026-01-12T09:00",
        "2026-01-12T10:00",
        &["command-center"],
    );
    assert_eq!(blocked.status.code(), Some(3), "a blackout blocks booking");
    assert!(
        err(&blocked).contains("Perawatan AC"),
        "the refusal gives the blackout's reason: {}",
        err(&blocked)
    );
    let listed = Command::new(env!("CARGO_BIN_EXE_loket"))
        .args(["--db"])
        .arg(&db)
        .args(["--json", "resource", "blackouts"])
        .env("LOKET_NOW", "2026-01-05T08:00:00+07:00")
        .output()
        .expect("loket runs");
    let listed = ok_json(&listed);
    assert_eq!(
        listed[0]["reason"], "Perawatan AC",
        "`resource blackouts` lists the upcoming maintenance: {listed}"
    );
    let id = listed[0]["id"]
        .as_i64()
        .expect("a blackout number")
        .to_string();
    let refused = as_user(&db, "tidak-ada", &["--json", "resource", "unblock", &id]);
    assert!(
        !refused.status.success(),
        "an unknown account may not remove a blackout"
    );
    ok_json(&loket(&db, &["--json", "resource", "unblock", &id]));
    ok_json(&book(
        &db,
        "Rapat",
        "2026-01-12T09:00",
        "2026-01-12T10:00",
        &["command-center"],
    ));
}

#[test]
fn weekly_series_skips_and_lists_conflicting_dates() {
    let dir = tempfile::tempdir().unwrap();
    let db = demak(dir.path());
    ok_json(&book(
        &db,
        "Kunjungan Bupati",
        "2026-01-22T09:00",
        "2026-01-22T10:00",
        &["command-center"],
    ));
    let out = loket(
        &db,
        &[
            "--json",
            "booking",
            "create",
            "--title",
            "Talkshow mingguan",
            "--start",
            "2026-01-08T09:00",
            "--end",
            "2026-01-08T10:00",
            "--resource",
            "command-center",
            "--weekly",
            "kamis",
            "--until",
            "2026-01-29",
        ],
    );
    let report = ok_json(&out);
    let made: Vec<&str> = report["created"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| &b["start"].as_str().unwrap()[..10])
        .collect();
    assert_eq!(
        made,
        ["2026-01-08", "2026-01-15", "2026-01-29"],
        "the Thursdays that fit are booked"
    );
    let skipped = report["skipped"].as_array().unwrap();
    assert_eq!(
        skipped.len(),
        1,
        "the conflicting Thursday is listed, not dropped silently"
    );
    assert!(
        skipped[0]["reason"]
            .as_str()
            .unwrap()
            .contains("Kunjungan Bupati"),
        "with the booking it collides with: {}",
        skipped[0]
    );
}

#[test]
fn free_slots_and_ics_export_parse_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = demak(dir.path());
    ok_json(&book(
        &db,
        "Rapat pagi",
        "2026-01-05T07:30",
        "2026-01-05T10:00",
        &["command-center"],
    ));
    let slots = ok_json(&loket(
        &db,
        &[
            "--json",
            "booking",
            "free-slots",
            "--minutes",
            "60",
            "--resource",
            "command-center",
            "--from",
            "2026-01-05",
            "--limit",
            "2",
        ],
    ));
    assert_eq!(
        slots[0]["start"], "2026-01-05T11:00:00+07:00",
        "earliest: after 10.00 + 30 min teardown + 30 min setup"
    );
    let ics = dir.path().join("jadwal.ics");
    ok_json(&loket(
        &db,
        &[
            "--json",
            "booking",
            "export-ics",
            "--out",
            ics.to_str().unwrap(),
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-31",
        ],
    ));
    let reader = ical::IcalParser::new(std::io::BufReader::new(std::fs::File::open(&ics).unwrap()));
    let calendars: Vec<_> = reader
        .collect::<Result<_, _>>()
        .expect("an independent iCalendar parser reads the export");
    assert_eq!(calendars.len(), 1, "one calendar");
    let event = &calendars[0].events[0];
    let prop = |name: &str| {
        event
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        prop("DTSTART"),
        "20260105T003000Z",
        "07.30 WIB is 00.30 UTC"
    );
    assert_eq!(prop("SUMMARY"), "Rapat pagi", "the title is the summary");
    assert_eq!(
        prop("STATUS"),
        "TENTATIVE",
        "a requested booking is tentative until approved"
    );
}

#[test]
fn wita_office_books_in_its_own_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location_named(dir.path(), "denpasar.db");
    setup(&db, "denpasar");
    ok_json(&loket(
        &db,
        &[
            "--json",
            "resource",
            "add",
            "--id",
            "sound-system",
            "--name",
            "Sound system",
            "--quantity",
            "1",
        ],
    ));
    let b = ok_json(&book(
        &db,
        "Upacara",
        "2026-01-05T09:00",
        "2026-01-05T11:00",
        &["sound-system"],
    ));
    assert_eq!(
        b["start"], "2026-01-05T09:00:00+08:00",
        "Denpasar's times are WITA (UTC+8)"
    );
    assert!(
        b["when_words"].as_str().unwrap().ends_with("WITA"),
        "and say so: {}",
        b["when_words"]
    );
}

#[test]
fn bad_input_exits_2_with_the_field_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = demak(dir.path());
    let cases: [(&[&str], &str); 5] = [
        (
            &[
                "booking",
                "create",
                "--title",
                "X",
                "--start",
                "05-01-2026 09:00",
                "--end",
                "2026-01-05T10:00",
                "--resource",
                "vicon",
            ],
            "--start",
        ),
        (
            &[
                "booking",
                "create",
                "--title",
                "X",
                "--start",
                "2026-01-05T10:00",
                "--end",
                "2026-01-05T09:00",
                "--resource",
                "vicon",
            ],
            "sesudah waktu mulai",
        ),
        (
            &[
                "booking",
                "create",
                "--title",
                "X",
                "--start",
                "2026-01-05T09:00",
                "--end",
                "2026-01-05T10:00",
                "--resource",
                "drone",
            ],
            "`drone` tidak dikenal",
        ),
        (
            &[
                "booking",
                "create",
                "--title",
                " ",
                "--start",
                "2026-01-05T09:00",
                "--end",
                "2026-01-05T10:00",
                "--resource",
                "vicon",
            ],
            "judul",
        ),
        (
            &[
                "resource",
                "add",
                "--id",
                "Ruang Rapat",
                "--name",
                "Ruang rapat",
            ],
            "id sumber daya",
        ),
    ];
    for (args, needle) in cases {
        let out = loket(&db, args);
        assert_eq!(out.status.code(), Some(2), "bad input exits 2: {args:?}");
        assert!(
            err(&out).contains(needle),
            "message names the problem ({needle}): {}",
            err(&out)
        );
    }
    let list = ok_json(&loket(
        &db,
        &[
            "--json",
            "booking",
            "list",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
        ],
    ));
    assert_eq!(
        list.as_array().unwrap().len(),
        0,
        "nothing was written by refused requests"
    );
}

#[test]
fn two_processes_racing_for_the_last_unit_one_wins() {
    let dir = tempfile::tempdir().unwrap();
    let db = demak(dir.path());
    for (round, d) in [2, 3, 4, 5, 6, 9].into_iter().enumerate() {
        let day = format!("2026-02-{d:02}");
        let start = format!("{day}T09:00");
        let end = format!("{day}T10:00");
        ok_json(&book(&db, "Sudah dipesan", &start, &end, &["vicon"]));
        let spawn = |title: &str| {
            Command::new(env!("CARGO_BIN_EXE_loket"))
                .arg("--db")
                .arg(&db)
                .args([
                    "booking",
                    "create",
                    "--title",
                    title,
                    "--start",
                    &start,
                    "--end",
                    &end,
                    "--resource",
                    "vicon",
                ])
                .env("LOKET_USER", "admin")
                .env("LOKET_PASSWORD", PASSWORD)
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("spawn")
        };
        let (a, b) = (spawn("Proses A"), spawn("Proses B"));
        let codes = [
            a.wait_with_output().unwrap().status.code(),
            b.wait_with_output().unwrap().status.code(),
        ];
        let mut sorted = codes;
        sorted.sort();
        assert_eq!(sorted, [Some(0), Some(3)], "round {round}: exactly one process gets the last kit, the other is refused with a conflict");
    }
}

#[test]
fn operators_need_skills_are_never_double_assigned_and_gate_approval() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location_named(dir.path(), "kediri.db");
    setup(&db, "kediri");
    ok_json(&loket(
        &db,
        &[
            "--json",
            "resource",
            "add",
            "--id",
            "jammer",
            "--name",
            "Jammer",
            "--quantity",
            "4",
            "--operators",
            "1",
            "--skill",
            "operator_jammer",
        ],
    ));
    let b1 = ok_json(&book(
        &db,
        "Seleksi CPNS sesi 1",
        "2026-03-02T08:00",
        "2026-03-02T11:00",
        &["jammer"],
    ));
    let id1 = b1["id"].to_string();
    let unapproved = loket(&db, &["booking", "approve", &id1]);
    assert_eq!(
        unapproved.status.code(),
        Some(2),
        "approval waits until the needed operator is assigned"
    );
    assert!(
        err(&unapproved).contains("memerlukan 1 operator"),
        "says how many are needed: {}",
        err(&unapproved)
    );
    let unskilled = loket(
        &db,
        &["booking", "assign", &id1, "--operator", "gatot-siswoyo"],
    );
    assert_eq!(
        unskilled.status.code(),
        Some(2),
        "an operator without the jammer skill is refused"
    );
    ok_json(&loket(
        &db,
        &[
            "--json",
            "resource",
            "add-skill",
            "--person",
            "gatot-siswoyo",
            "--skill",
            "operator_jammer",
        ],
    ));
    ok_json(&loket(
        &db,
        &[
            "--json",
            "booking",
            "assign",
            &id1,
            "--operator",
            "gatot-siswoyo",
        ],
    ));
    ok_json(&loket(&db, &["--json", "booking", "approve", &id1]));
    let b2 = ok_json(&book(
        &db,
        "Seleksi CPNS sesi 2",
        "2026-03-02T10:00",
        "2026-03-02T12:00",
        &["jammer"],
    ));
    let twice = loket(
        &db,
        &[
            "booking",
            "assign",
            &b2["id"].to_string(),
            "--operator",
            "gatot-siswoyo",
        ],
    );
    assert_eq!(
        twice.status.code(),
        Some(3),
        "one operator cannot be in two overlapping bookings"
    );
    assert!(
        err(&twice).contains("Seleksi CPNS sesi 1"),
        "the refusal names where he already is: {}",
        err(&twice)
    );
}

#[test]
fn roles_decide_who_books_and_who_approves() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location_named(dir.path(), "kediri.db");
    setup(&db, "kediri");
    ok_json(&loket(
        &db,
        &[
            "--json",
            "resource",
            "add",
            "--id",
            "jammer",
            "--name",
            "Jammer",
            "--quantity",
            "2",
            "--unit",
            "persandian",
        ],
    ));
    ok_json(&loket(
        &db,
        &[
            "--json",
            "user",
            "add",
            "--login",
            "pencatat",
            "--name",
            "Pencatat",
            "--position",
            "staf-umum-kepegawaian",
            "--roles",
            "register",
        ],
    ));
    let refused = as_user(
        &db,
        "pencatat",
        &[
            "booking",
            "create",
            "--title",
            "Ujian",
            "--start",
            "2026-03-03T08:00",
            "--end",
            "2026-03-03T10:00",
            "--resource",
            "jammer",
        ],
    );
    assert_eq!(
        refused.status.code(),
        Some(2),
        "an account without the book role cannot book"
    );
    assert!(
        err(&refused).contains("memesan ruang dan peralatan"),
        "the refusal names the missing permission: {}",
        err(&refused)
    );
    let no_admin = as_user(
        &db,
        "pencatat",
        &["resource", "add", "--id", "sound", "--name", "Sound"],
    );
    assert_eq!(
        no_admin.status.code(),
        Some(2),
        "only administrators add resources"
    );
    ok_json(&loket(
        &db,
        &[
            "--json",
            "user",
            "add",
            "--login",
            "operator",
            "--name",
            "Operator",
            "--position",
            "operator-jammer",
        ],
    ));
    let b = as_user(
        &db,
        "operator",
        &[
            "--json",
            "booking",
            "create",
            "--title",
            "Ujian",
            "--start",
            "2026-03-03T08:00",
            "--end",
            "2026-03-03T10:00",
            "--resource",
            "jammer",
        ],
    );
    let id = ok_json(&b)["id"].to_string();
    let self_approve = as_user(&db, "operator", &["booking", "approve", &id]);
    assert_eq!(
        self_approve.status.code(),
        Some(2),
        "a staff member cannot approve a booking"
    );
    assert!(
        err(&self_approve).contains("disetujui oleh kepala Bidang Persandian")
            || err(&self_approve).contains("disetujui oleh kepala"),
        "says who must approve: {}",
        err(&self_approve)
    );
    ok_json(&loket(
        &db,
        &[
            "--json",
            "user",
            "add",
            "--login",
            "kabid",
            "--name",
            "Kabid Aptika",
            "--position",
            "kabid-aptika",
        ],
    ));
    let other_head = as_user(&db, "kabid", &["booking", "approve", &id]);
    assert_eq!(
        other_head.status.code(),
        Some(2),
        "the head of another bidang cannot approve Persandian's jammer"
    );
    ok_json(&loket(
        &db,
        &[
            "--json",
            "user",
            "add",
            "--login",
            "kasi",
            "--name",
            "Kasi Persandian",
            "--position",
            "kabid-persandian",
        ],
    ));
    let approved = ok_json(&as_user(
        &db,
        "kasi",
        &["--json", "booking", "approve", &id],
    ));
    assert_eq!(
        approved["status"], "disetujui",
        "the head of the responsible bidang approves"
    );
}

#[test]
fn holidays_and_cuti_bersama_are_not_working_days_for_bookings() {
    let dir = tempfile::tempdir().unwrap();
    let db = demak(dir.path());
    let new_year = book(
        &db,
        "Rapat awal tahun",
        "2026-01-01T09:00",
        "2026-01-01T10:00",
        &["vicon"],
    );
    assert_eq!(
        new_year.status.code(),
        Some(2),
        "1 January is a national holiday: no booking in office hours"
    );
    assert!(
        err(&new_year).contains("libur nasional"),
        "the refusal names the holiday: {}",
        err(&new_year)
    );
    let slots = ok_json(&loket(
        &db,
        &[
            "--json",
            "booking",
            "free-slots",
            "--minutes",
            "60",
            "--resource",
            "vicon",
            "--from",
            "2026-01-01",
            "--to",
            "2026-01-02",
            "--limit",
            "1",
        ],
    ));
    assert_eq!(
        slots[0]["start"], "2026-01-02T07:30:00+07:00",
        "the free-slot search skips the holiday and starts at Friday's opening"
    );
}
