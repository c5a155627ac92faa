//! Use-case tests for the working calendar and `sla.due` against a temporary database with
//! the shipped Kediri profile (Senin–Kamis 08.00–15.45, Jumat 08.00–11.00, WIB).
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use chrono::{DateTime, FixedOffset};
use loket_api::account::Actor;
use loket_api::office::{LoadedProfile, ProfileSource};
use loket_api::{ErrorCode, Loket};

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn kediri() -> Loket {
    kediri_with_admin().0
}

/// Kediri with its first administrator, signed in (calendar edits need one).
fn kediri_with_admin() -> (Loket, Actor) {
    let mut loket = Loket::open_in_memory().unwrap();
    let loaded = LoadedProfile::read(&ProfileSource::Shipped("kediri".into())).unwrap();
    let at = t("2025-01-02T08:00:00+07:00");
    loket.office_import(&loaded, at).unwrap();
    let admin = loket
        .account_bootstrap("admin", "Admin Kediri", "sandi-admin-kediri", at)
        .unwrap();
    (loket, admin)
}

fn due(loket: &mut Loket, service: &str, received: &str) -> String {
    loket
        .sla_due(service, received, None)
        .unwrap()
        .due
        .unwrap_or_default()
}

#[test]
fn shipped_holidays_are_seeded_and_count() {
    let mut loket = kediri();
    let cal = loket.working_calendar().unwrap();
    assert!(
        cal.holidays.len() > 100,
        "2024–2027 holidays and cuti bersama are seeded on first use"
    );
    assert_eq!(
        due(&mut loket, "hosting", "2025-03-27T10:00"),
        "2025-04-14T15:45:00+07:00",
        "Nyepi and Idul Fitri 2025 with their cuti bersama are skipped by sla.due"
    );
    let v = loket.sla_due("hosting", "2025-01-10T09:00", None).unwrap();
    assert_eq!(
        (v.due.as_deref(), v.working_days),
        (Some("2025-01-17T11:00:00+07:00"), 5),
        "Kediri's short Friday: 5 hari kerja from Friday end at Friday 11.00"
    );
}

#[test]
fn a_closure_moves_deadlines_and_is_recorded() {
    let (mut loket, admin) = kediri_with_admin();
    let now = t("2025-01-05T09:00:00+07:00");
    assert_eq!(
        due(&mut loket, "hosting", "2025-01-06T09:00"),
        "2025-01-13T15:45:00+07:00",
        "before the closure: 5 hari kerja"
    );
    loket
        .calendar_add_closure(&admin, "2025-01-08", "pindah gedung", now)
        .unwrap();
    assert_eq!(
        due(&mut loket, "hosting", "2025-01-06T09:00"),
        "2025-01-14T15:45:00+07:00",
        "a closure is not a working day: the due moves one day"
    );
    let view = loket.calendar_view(Some(2025)).unwrap();
    assert!(
        view.changes
            .iter()
            .any(|c| c.action == "calendar.closure.add" && c.entity == "kalender:tutup:2025-01-08"),
        "the closure is visible in the calendar's change record"
    );
    let bad = loket
        .calendar_add_closure(&admin, "08-01-2025", "x", now)
        .unwrap_err();
    assert_eq!(bad.code, ErrorCode::BadInput, "a bad date is bad input");
    assert!(
        bad.message.contains("TTTT-BB-HH"),
        "the message says the format: {}",
        bad.message
    );
    let missing = loket
        .calendar_remove_closure(&admin, "2025-02-03", now)
        .unwrap_err();
    assert_eq!(
        missing.code,
        ErrorCode::NotFound,
        "re-opening a day that was not closed is not found"
    );
    loket
        .calendar_remove_closure(&admin, "2025-01-08", now)
        .unwrap();
    assert_eq!(
        due(&mut loket, "hosting", "2025-01-06T09:00"),
        "2025-01-13T15:45:00+07:00",
        "re-opening restores the original due"
    );
}

#[test]
fn replacing_a_years_holidays_changes_future_deadlines_atomically() {
    let (mut loket, admin) = kediri_with_admin();
    let dir = tempfile::tempdir().unwrap();
    let now = t("2025-08-01T09:00:00+07:00");
    assert_eq!(
        due(&mut loket, "hosting", "2025-08-15T09:00"),
        "2025-08-25T15:45:00+07:00",
        "shipped 2025 set: 17 Aug (Sunday) and cuti bersama 18 Aug are off"
    );
    let revised = dir.path().join("2025.json");
    std::fs::write(
        &revised,
        r#"[{"date":"2025-08-17","name":"Hari Kemerdekaan","kind":"libur_nasional"},
            {"date":"2025-08-20","name":"Libur daerah","kind":"libur_daerah"}]"#,
    )
    .unwrap();
    let r = loket
        .calendar_replace_holidays(&admin, 2025, &revised, now)
        .unwrap();
    assert!(
        r.removed.iter().any(|h| h.date.to_string() == "2025-08-18"),
        "the result lists the removed cuti bersama"
    );
    assert_eq!(
        due(&mut loket, "hosting", "2025-08-15T09:00"),
        "2025-08-25T15:45:00+07:00",
        "18 Aug now works but 20 Aug is a regional holiday: the count still ends on the 25th"
    );
    let broken = dir.path().join("rusak.json");
    std::fs::write(
        &broken,
        r#"[{"date":"2025-13-01","name":"X","kind":"libur_nasional"}]"#,
    )
    .unwrap();
    let err = loket
        .calendar_replace_holidays(&admin, 2025, &broken, now)
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::BadInput,
        "a malformed file is bad input"
    );
    let wrong_year = dir.path().join("2026.json");
    std::fs::write(
        &wrong_year,
        r#"[{"date":"2026-01-01","name":"Tahun Baru","kind":"libur_nasional"}]"#,
    )
    .unwrap();
    assert_eq!(
        loket
            .calendar_replace_holidays(&admin, 2025, &wrong_year, now)
            .unwrap_err()
            .code,
        ErrorCode::BadInput,
        "a file for another year is refused"
    );
    let kept = loket.working_calendar().unwrap();
    assert_eq!(
        kept.holidays
            .iter()
            .filter(|h| h.date.to_string().starts_with("2025"))
            .count(),
        2,
        "refused files leave the stored year as it was"
    );
}

#[test]
fn hours_and_a_ramadan_variant_are_set_by_an_admin() {
    let (mut loket, admin) = kediri_with_admin();
    let now = t("2026-01-05T09:00:00+07:00");
    loket
        .calendar_add_variant(
            &admin,
            "Ramadan 1447 H",
            "2026-02-18",
            "2026-03-19",
            "senin-kamis 08:00-14:30 istirahat 12:00-12:30; jumat 08:00-11:00",
            now,
        )
        .unwrap();
    assert_eq!(
        due(&mut loket, "hosting", "2026-02-23T09:00"),
        "2026-03-02T14:30:00+07:00",
        "inside the Ramadan range the day closes at 14.30"
    );
    loket
        .calendar_set_hours(&admin, "senin-jumat 07:30-16:00 istirahat 12:00-13:00", now)
        .unwrap();
    assert_eq!(
        due(&mut loket, "hosting", "2026-01-23T09:00"),
        "2026-01-30T16:00:00+07:00",
        "the admin's weekly hours replace the profile's: Friday now closes at 16.00"
    );
    let bad = loket
        .calendar_set_hours(&admin, "senin-kamis 16:00-08:00", now)
        .unwrap_err();
    assert_eq!(
        bad.code,
        ErrorCode::BadInput,
        "reversed hours are bad input"
    );
    let bad_range = loket
        .calendar_add_variant(
            &admin,
            "X",
            "2026-03-19",
            "2026-02-18",
            "senin 08:00-12:00",
            now,
        )
        .unwrap_err();
    assert!(
        bad_range.message.contains("--to"),
        "an end before the start names the flag: {}",
        bad_range.message
    );
}

#[test]
fn sla_due_refuses_bad_input_clearly() {
    let mut loket = kediri();
    let bad_time = loket.sla_due("hosting", "kemarin", None).unwrap_err();
    assert_eq!(
        bad_time.code,
        ErrorCode::BadInput,
        "a bad receipt time is bad input"
    );
    assert!(
        bad_time.message.contains("TTTT-BB-HHTJJ:MM"),
        "the message shows the format: {}",
        bad_time.message
    );
    let unknown = loket
        .sla_due("tidak-ada", "2025-01-06T09:00", None)
        .unwrap_err();
    assert_eq!(
        unknown.code,
        ErrorCode::NotFound,
        "an unknown service is not found"
    );
    assert!(
        unknown.message.contains("loket services"),
        "the message says where to look: {}",
        unknown.message
    );
}
