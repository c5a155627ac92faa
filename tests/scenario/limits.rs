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
