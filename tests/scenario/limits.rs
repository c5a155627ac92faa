//! Counts and files bounded with clear messages: a weekly series longer than one request
//! may make is refused with its count (not cut short silently), and a holiday file listing
//! a date twice is refused with both lines; nothing is written either way.

#[path = "authorisation_world.rs"]
mod world;

use chrono::NaiveDate;
use loket_api::{ErrorCode, Loket};
use loket_domain::booking::WeeklyRule;
use loket_domain::catalog::Weekday;
use world::{booking_request, now, World};

#[test]
fn a_series_until_2999_is_refused_with_its_count() {
    let w = World::build();
    let (_dir, path) = w.copy();
    let before = world::digest(&path);
    let mut l = Loket::open(&path).unwrap();
    let rule = WeeklyRule {
        weekdays: vec![Weekday::Selasa],
        every_weeks: 1,
        until: NaiveDate::from_ymd_opt(2999, 12, 31).unwrap(),
    };
    let err = l
        .booking_create_series(&booking_request(), &rule, &w.admin, now())
        .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput
            && err.message.contains("50")
            && err.message.contains("paling banyak 1000"),
        "a weekly series to 2999 is refused with its count and the limit: {}",
        err.message
    );
    drop(l);
    assert_eq!(world::digest(&path), before, "nothing is booked");
}

#[test]
fn a_holiday_file_with_a_date_twice_is_refused_with_the_lines() {
    let w = World::build();
    let (dir, path) = w.copy();
    let file = dir.path().join("libur-2026.json");
    std::fs::write(
        &file,
        "[\n  {\"date\": \"2026-05-14\", \"name\": \"Kenaikan Yesus Kristus\", \"kind\": \"libur_nasional\"},\n  {\"date\": \"2026-05-14\", \"name\": \"Libur daerah\", \"kind\": \"libur_daerah\"}\n]\n",
    )
    .unwrap();
    let before = world::digest(&path);
    let mut l = Loket::open(&path).unwrap();
    let err = l
        .calendar_replace_holidays(&w.admin, 2026, &file, now())
        .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput && err.message.contains("baris 2 dan baris 3"),
        "a date listed twice is refused naming both lines: {}",
        err.message
    );
    drop(l);
    assert_eq!(
        world::digest(&path),
        before,
        "the year's holidays stay as they were"
    );
}

/// One typed field: its name in the message, its limit, and the act that stores it.
type Probe = fn(&mut Loket, &World, &str) -> Result<(), loket_api::ApiError>;

/// Every free-text field checked here, with the limit its message must name.
const FIELDS: &[(&str, usize, Probe)] = &[
    ("catatan disposisi", 4000, |l, w, v| {
        let mut d = world::send(&["sekretaris"], "Untuk diketahui", w.ids.case);
        d.note = v.into();
        l.disposition_send(&w.kadis, &d, now()).map(|_| ())
    }),
    ("laporan disposisi", 4000, |l, w, v| {
        l.disposition_report(&w.sekretaris, w.ids.to_sekretaris, v, now())
            .map(|_| ())
    }),
    ("catatan pengembalian", 4000, |l, w, v| {
        l.letter_return(&w.kadis, w.ids.draft, v, now()).map(|_| ())
    }),
    ("judul pemesanan", 200, |l, w, v| {
        let r = loket_api::booking::BookingRequest {
            title: v.into(),
            ..booking_request()
        };
        l.booking_create(&r, &w.admin, now()).map(|_| ())
    }),
    ("lokasi", 200, |l, w, v| {
        let r = loket_api::booking::BookingRequest {
            location: v.into(),
            ..booking_request()
        };
        l.booking_create(&r, &w.admin, now()).map(|_| ())
    }),
    ("pemesan", 200, |l, w, v| {
        let r = loket_api::booking::BookingRequest {
            requested_by: v.into(),
            ..booking_request()
        };
        l.booking_create(&r, &w.admin, now()).map(|_| ())
    }),
    ("rundown", 4000, |l, w, v| {
        let r = loket_api::booking::BookingRequest {
            rundown: v.into(),
            ..booking_request()
        };
        l.booking_create(&r, &w.admin, now()).map(|_| ())
    }),
    ("nama sumber daya", 200, |l, w, v| {
        let r = loket_api::booking::NewResource {
            id: "studio".into(),
            name: v.into(),
            kind: loket_domain::booking::ResourceKind::Ruang,
            quantity: 1,
            setup_minutes: 0,
            teardown_minutes: 0,
            unit: None,
            operators_needed: 0,
            skill: None,
        };
        l.resource_add(&r, &w.admin, now()).map(|_| ())
    }),
    ("alasan masa tutup", 500, |l, w, v| {
        let (s, e) = (
            world::at("2026-03-25T08:00:00+07:00"),
            world::at("2026-03-25T12:00:00+07:00"),
        );
        l.blackout_add(Some("command-center"), s, e, v, &w.admin, now())
            .map(|_| ())
    }),
    ("nama pemilik akun", 200, |l, w, v| {
        let new = loket_api::account::NewAccount {
            login: "baru".into(),
            name: v.into(),
            position_id: "staf-jaringan".into(),
            password: "sandi-pegawai-baru-1".into(),
            ..Default::default()
        };
        l.account_create(&w.admin, &new, now()).map(|_| ())
    }),
];

#[test]
fn every_typed_field_refuses_too_long_text_and_control_characters_writing_nothing() {
    let w = World::build();
    for (field, max, probe) in FIELDS {
        for (what, value, expect) in [
            (
                "too long",
                "a".repeat(max + 1),
                format!("paling banyak {max}"),
            ),
            (
                "an ANSI escape",
                "Rapat \u{1b}[31mmerah".to_string(),
                "kode escape terminal".to_string(),
            ),
            (
                "a right-to-left override",
                "gpj.exe\u{202e}fdp".to_string(),
                "pengubah arah teks".to_string(),
            ),
        ] {
            let (_dir, path) = w.copy();
            let before = world::digest(&path);
            let mut l = Loket::open(&path).unwrap();
            let err = probe(&mut l, &w, &value).unwrap_err();
            assert!(
                err.code == ErrorCode::BadInput
                    && err.message.contains(field)
                    && err.message.contains(&expect),
                "{field}: {what} is refused naming the field ({expect}): {}",
                err.message
            );
            drop(l);
            assert_eq!(
                world::digest(&path),
                before,
                "{field}: nothing is written when {what} is refused"
            );
        }
    }
}

#[test]
fn a_holiday_file_for_2026_with_a_2027_date_is_refused_with_its_line() {
    let w = World::build();
    let (dir, path) = w.copy();
    let file = dir.path().join("libur-2026.json");
    std::fs::write(
        &file,
        "[\n  {\"date\": \"2026-05-14\", \"name\": \"Kenaikan Yesus Kristus\", \"kind\": \"libur_nasional\"},\n  {\"date\": \"2027-01-02\", \"name\": \"Cuti bersama\", \"kind\": \"cuti_bersama\"}\n]\n",
    )
    .unwrap();
    let before = world::digest(&path);
    let mut l = Loket::open(&path).unwrap();
    let err = l
        .calendar_replace_holidays(&w.admin, 2026, &file, now())
        .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput
            && err.message.contains("2027-01-02")
            && err.message.contains("baris 3")
            && err.message.contains("bukan tahun 2026"),
        "a date outside the file's year is refused naming the date and its line: {}",
        err.message
    );
    drop(l);
    assert_eq!(
        world::digest(&path),
        before,
        "the year's holidays stay as they were"
    );
}

#[test]
fn a_holiday_name_with_a_terminal_escape_is_refused() {
    let w = World::build();
    let (dir, path) = w.copy();
    let file = dir.path().join("libur-2026.json");
    std::fs::write(
        &file,
        "[{\"date\": \"2026-05-14\", \"name\": \"Kenaikan \\u001b[2J\", \"kind\": \"libur_nasional\"}]",
    )
    .unwrap();
    let before = world::digest(&path);
    let mut l = Loket::open(&path).unwrap();
    let err = l
        .calendar_replace_holidays(&w.admin, 2026, &file, now())
        .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput
            && err.message.contains("nama hari libur 2026-05-14")
            && err.message.contains("escape"),
        "an escape in a holiday name is refused naming the entry: {}",
        err.message
    );
    drop(l);
    assert_eq!(world::digest(&path), before, "nothing is written");
}
