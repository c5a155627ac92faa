use chrono::{DateTime, FixedOffset};

use super::*;
use crate::calendar::{parse_holiday_file, HoursVariant};
use crate::catalog::{DayHours, OfficeHours};
use crate::time_zone::TimeZone;

fn kediri_hours() -> OfficeHours {
    crate::calendar::tests::kediri_hours()
}

/// Kediri (WIB) with the shipped 2024 and 2025 holidays and cuti bersama.
fn kediri() -> WorkingCalendar {
    let mut cal = WorkingCalendar::new(TimeZone::Wib, kediri_hours());
    for (name, text) in [
        (
            "2024.json",
            include_str!("../../../../data/holidays/2024.json"),
        ),
        (
            "2025.json",
            include_str!("../../../../data/holidays/2025.json"),
        ),
    ] {
        cal.holidays.extend(parse_holiday_file(name, text).unwrap());
    }
    cal
}

fn t(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M%:z").unwrap()
}

fn time(amount: u32, unit: TimeUnit, counting: Counting) -> ServiceTime {
    ServiceTime {
        amount: Some(amount),
        unit,
        counting,
        extension: None,
        notice: None,
        alternatives: vec![],
        text: None,
    }
}

fn hari_kerja(n: u32) -> ServiceTime {
    time(n, TimeUnit::HariKerja, Counting::JamKerja)
}

fn due(cal: &WorkingCalendar, st: &ServiceTime, received: &str) -> String {
    due_with(cal, st, received, &[], None)
}

fn due_with(
    cal: &WorkingCalendar,
    st: &ServiceTime,
    received: &str,
    pauses: &[Pause],
    ext: Option<&Extension>,
) -> String {
    let c = due_at(st, t(received), cal, pauses, ext).unwrap();
    let quick = due_moment(st, t(received), &IndexedCalendar::new(cal), pauses, ext).unwrap();
    assert_eq!(
        (
            quick.due,
            quick.effective_start,
            quick.paused,
            quick.extended
        ),
        (c.due, c.effective_start, c.paused, c.extended),
        "the list's quick computation gives the same moment as the detailed one"
    );
    c.due.map(|d| d.to_rfc3339()).unwrap_or_default()
}

#[test]
fn the_quick_computation_leaves_out_the_days_and_minutes_a_list_does_not_show() {
    let cal = kediri();
    let received = t("2025-03-27T09:00+07:00");
    let full = due_at(&hari_kerja(5), received, &cal, &[], None).unwrap();
    let quick = due_moment(
        &hari_kerja(5),
        received,
        &IndexedCalendar::new(&cal),
        &[],
        None,
    )
    .unwrap();
    assert_eq!(
        (quick.due, quick.working_days),
        (full.due, full.working_days),
        "across Nyepi, Lebaran and cuti bersama both count to the same due moment"
    );
    assert!(
        !full.skipped.is_empty() && full.working_minutes > 0,
        "the detailed computation names the skipped days and sums the office minutes"
    );
    assert!(
        quick.skipped.is_empty() && quick.working_minutes == 0,
        "the quick one leaves both out"
    );
}

#[test]
fn working_days_skip_the_weekend_and_end_at_fridays_short_closing() {
    let cal = kediri();
    let c = due_at(&hari_kerja(5), t("2025-01-10T09:00+07:00"), &cal, &[], None).unwrap();
    assert_eq!(
        c.due.unwrap().to_rfc3339(),
        "2025-01-17T11:00:00+07:00",
        "5 hari kerja from a Friday: Mon–Fri of the next week, due at Friday's 11.00 closing"
    );
    assert_eq!(c.working_days, 5, "the count reports the working days");
    assert_eq!(
        c.skipped.len(),
        2,
        "Saturday and Sunday are reported as skipped"
    );
    assert_eq!(
        c.working_minutes,
        (2 * 60) + 4 * (4 * 60 + 165) + 180,
        "office minutes: rest of Friday, four long days, the short Friday"
    );
}

#[test]
fn holidays_and_cuti_bersama_are_not_working_days() {
    let cal = kediri();
    let c = due_at(&hari_kerja(5), t("2025-03-27T10:00+07:00"), &cal, &[], None).unwrap();
    assert_eq!(
        c.due.unwrap().to_rfc3339(),
        "2025-04-14T15:45:00+07:00",
        "Nyepi, Idul Fitri and their cuti bersama (28 Mar – 7 Apr 2025) are skipped"
    );
    assert!(
        c.skipped
            .iter()
            .any(|s| s.reason.starts_with("cuti bersama")),
        "skipped cuti bersama days say so: {:?}",
        c.skipped
    );
}

#[test]
fn receipt_after_closing_counts_from_the_next_opening() {
    let cal = kediri();
    assert_eq!(
        due(&cal, &hari_kerja(1), "2025-01-13T15:00+07:00"),
        "2025-01-14T15:45:00+07:00",
        "received in office hours on Monday: 1 hari kerja is Tuesday"
    );
    let after = due_at(&hari_kerja(1), t("2025-01-13T16:00+07:00"), &cal, &[], None).unwrap();
    assert_eq!(
        after.effective_start.to_rfc3339(),
        "2025-01-14T08:00:00+07:00",
        "received after 15.45 closing: the clock starts at Tuesday's opening"
    );
    assert_eq!(
        after.due.unwrap().to_rfc3339(),
        "2025-01-15T15:45:00+07:00",
        "received after closing: the day of receipt is Tuesday, 1 hari kerja is Wednesday"
    );
    assert_eq!(
        due(&cal, &hari_kerja(1), "2025-01-10T12:00+07:00"),
        "2025-01-14T15:45:00+07:00",
        "Friday noon is after Friday's 11.00 closing: receipt counts from Monday"
    );
}

#[test]
fn receipt_on_a_holiday_counts_from_the_next_working_day() {
    let cal = kediri();
    assert_eq!(
        due(&cal, &hari_kerja(1), "2025-01-01T10:00+07:00"),
        "2025-01-03T11:00:00+07:00",
        "received on Tahun Baru: effective receipt Thursday 2 Jan, due Friday 3 Jan at 11.00"
    );
}

#[test]
fn the_year_boundary_is_crossed_with_both_years_holidays() {
    let cal = kediri();
    assert_eq!(
        due(&cal, &hari_kerja(5), "2024-12-24T10:00+07:00"),
        "2025-01-03T11:00:00+07:00",
        "Natal, cuti bersama 26 Dec 2024 and Tahun Baru 2025 are all skipped"
    );
}

#[test]
fn an_extension_counts_on_from_the_original_due() {
    let cal = kediri();
    let ext = Extension {
        amount: 7,
        unit: TimeUnit::HariKerja,
        reason: "informasi yang diminta perlu dikumpulkan dari beberapa bidang".into(),
        granted_by: "ppid".into(),
    };
    assert_eq!(
        due(&cal, &hari_kerja(10), "2025-01-06T09:00+07:00"),
        "2025-01-20T15:45:00+07:00",
        "UU 14/2008: 10 hari kerja"
    );
    let c = due_at(
        &hari_kerja(10),
        t("2025-01-06T09:00+07:00"),
        &cal,
        &[],
        Some(&ext),
    )
    .unwrap();
    assert_eq!(
        c.due.unwrap().to_rfc3339(),
        "2025-02-03T15:45:00+07:00",
        "the extension adds 7 hari kerja after 20 Jan, skipping Isra Mikraj, cuti bersama and Imlek"
    );
    assert!(
        c.extended && c.working_days == 17,
        "the count says it was extended: 10 + 7 working days"
    );
}

#[test]
fn a_pause_stops_the_clock_and_resuming_restarts_it() {
    let cal = kediri();
    let st = hari_kerja(5);
    let received = "2025-01-06T09:00+07:00";
    assert_eq!(
        due(&cal, &st, received),
        "2025-01-13T15:45:00+07:00",
        "without a pause: 5 hari kerja"
    );
    let across_two_closings = [Pause {
        from: t("2025-01-08T10:00+07:00"),
        to: Some(t("2025-01-10T09:00+07:00")),
    }];
    assert_eq!(
        due_with(&cal, &st, received, &across_two_closings, None),
        "2025-01-15T15:45:00+07:00",
        "paused over Wednesday's and Thursday's closing: those two days do not count"
    );
    let within_a_day = [Pause {
        from: t("2025-01-08T10:00+07:00"),
        to: Some(t("2025-01-08T14:00+07:00")),
    }];
    assert_eq!(
        due_with(&cal, &st, received, &within_a_day, None),
        "2025-01-13T15:45:00+07:00",
        "a pause inside one working day does not cost that day"
    );
    let open = [Pause {
        from: t("2025-01-08T10:00+07:00"),
        to: None,
    }];
    let held = due_at(&st, t(received), &cal, &open, None).unwrap();
    assert!(
        held.paused && held.due.is_none(),
        "while the applicant has not completed the file, there is no due moment"
    );
    let minutes = time(60, TimeUnit::Menit, Counting::JamKerja);
    let short = [Pause {
        from: t("2025-01-06T09:30+07:00"),
        to: Some(t("2025-01-06T10:00+07:00")),
    }];
    assert_eq!(
        due_with(&cal, &minutes, received, &short, None),
        "2025-01-06T10:30:00+07:00",
        "office minutes stop for the 30 minutes paused"
    );
    let backwards = [Pause {
        from: t("2025-01-08T10:00+07:00"),
        to: Some(t("2025-01-07T10:00+07:00")),
    }];
    assert!(
        matches!(
            due_at(&st, t(received), &cal, &backwards, None),
            Err(DeadlineError::PauseEndsBeforeStart { .. })
        ),
        "a pause that ends before it starts is refused"
    );
}

#[test]
fn office_minutes_stop_outside_hours_and_in_breaks() {
    let cal = kediri();
    let fifteen = time(15, TimeUnit::Menit, Counting::JamKerja);
    assert_eq!(
        due(&cal, &fifteen, "2025-01-13T15:40+07:00"),
        "2025-01-14T08:10:00+07:00",
        "5 minutes before closing, 10 after the next opening"
    );
    assert_eq!(
        due(&cal, &fifteen, "2025-01-13T12:10+07:00"),
        "2025-01-13T13:15:00+07:00",
        "received in the break: the clock starts when the break ends"
    );
    assert_eq!(
        due(&cal, &fifteen, "2025-01-10T10:50+07:00"),
        "2025-01-13T08:05:00+07:00",
        "Friday closes at 11.00: the rest runs on Monday morning"
    );
}

#[test]
fn wall_time_and_calendar_days_run_through_nights_and_weekends() {
    let cal = kediri();
    let day = time(24, TimeUnit::Jam, Counting::TerusMenerus);
    assert_eq!(
        due(&cal, &day, "2025-01-10T14:00+07:00"),
        "2025-01-11T14:00:00+07:00",
        "\"1 x 24 jam\" is wall time: due Saturday 14.00"
    );
    let paused = [Pause {
        from: t("2025-01-10T20:00+07:00"),
        to: Some(t("2025-01-10T22:00+07:00")),
    }];
    assert_eq!(
        due_with(&cal, &day, "2025-01-10T14:00+07:00", &paused, None),
        "2025-01-11T16:00:00+07:00",
        "a pause stops wall time too"
    );
    assert_eq!(
        due(
            &cal,
            &time(3, TimeUnit::Hari, Counting::JamKerja),
            "2025-01-10T09:00+07:00"
        ),
        "2025-01-13T23:59:00+07:00",
        "3 hari (calendar days) from Friday: end of Monday"
    );
    let none = due_at(
        &ServiceTime {
            amount: None,
            unit: TimeUnit::SesuaiJadwal,
            ..time(1, TimeUnit::Hari, Counting::JamKerja)
        },
        t("2025-01-10T09:00+07:00"),
        &cal,
        &[],
        None,
    )
    .unwrap();
    assert!(
        none.due.is_none() && !none.paused,
        "sesuai jadwal has no computed due: the booked slot is the due"
    );
}

#[test]
fn a_ramadan_schedule_changes_closing_times_inside_its_range() {
    let mut cal = kediri();
    let mut ramadan = kediri_hours();
    for d in ramadan.days.iter_mut().take(4) {
        d.close = 15 * 60;
        d.breaks[0].end = 12 * 60 + 30;
    }
    cal.variants.push(HoursVariant {
        name: "Ramadan 1446 H".into(),
        from: t("2025-03-01T00:00+07:00").date_naive(),
        to: t("2025-03-30T00:00+07:00").date_naive(),
        hours: ramadan,
    });
    assert_eq!(
        due(&cal, &hari_kerja(1), "2025-03-10T09:00+07:00"),
        "2025-03-11T15:00:00+07:00",
        "in Ramadan the working day closes at 15.00"
    );
    assert_eq!(
        due(
            &cal,
            &time(2, TimeUnit::Jam, Counting::JamKerja),
            "2025-03-10T14:00+07:00"
        ),
        "2025-03-11T09:00:00+07:00",
        "2 office hours from 14.00 in Ramadan: one today until 15.00, one tomorrow from 08.00"
    );
    assert_eq!(
        due(&cal, &hari_kerja(1), "2025-02-24T09:00+07:00"),
        "2025-02-25T15:45:00+07:00",
        "outside the Ramadan range the weekly hours apply"
    );
}

#[test]
fn wita_and_wib_offices_read_the_same_instant_in_their_own_time() {
    let wita = WorkingCalendar::new(TimeZone::Wita, OfficeHours::default_hours());
    let wib = WorkingCalendar::new(TimeZone::Wib, OfficeHours::default_hours());
    let instant = "2025-01-06T15:45+07:00";
    assert_eq!(
        due(&wib, &hari_kerja(1), instant),
        "2025-01-07T16:00:00+07:00",
        "15.45 WIB is inside a WIB office's hours (closing 16.00)"
    );
    assert_eq!(
        due(&wita, &hari_kerja(1), instant),
        "2025-01-08T16:00:00+08:00",
        "the same instant is 16.45 WITA, after closing: counted from Tuesday, output in +08:00"
    );
    assert_eq!(
        due(
            &wita,
            &time(60, TimeUnit::Menit, Counting::JamKerja),
            "2025-01-06T08:00+07:00"
        ),
        "2025-01-06T10:00:00+08:00",
        "08.00 WIB is 09.00 WITA; 60 office minutes later is 10.00 WITA"
    );
}

#[test]
fn a_revised_skb_moves_future_deadlines() {
    let mut cal = kediri();
    let before = due(&cal, &hari_kerja(1), "2025-08-15T09:00+07:00");
    cal.holidays
        .retain(|h| h.date != t("2025-08-18T00:00+07:00").date_naive());
    let without = due(&cal, &hari_kerja(1), "2025-08-15T09:00+07:00");
    assert_eq!(
        without, "2025-08-18T15:45:00+07:00",
        "without the added cuti bersama, Monday 18 Aug is a working day"
    );
    assert_eq!(
        before, "2025-08-19T15:45:00+07:00",
        "the SKB revision adding cuti bersama 18 Aug 2025 moves the due to Tuesday"
    );
}

#[test]
fn a_calendar_without_hours_is_an_error_not_a_hang() {
    let cal = WorkingCalendar::new(
        TimeZone::Wib,
        OfficeHours {
            days: Vec::<DayHours>::new(),
            ..OfficeHours::default_hours()
        },
    );
    assert!(
        matches!(
            due_at(&hari_kerja(1), t("2025-01-06T09:00+07:00"), &cal, &[], None),
            Err(DeadlineError::NoWorkingTime { .. })
        ),
        "no office hours at all gives NoWorkingTime"
    );
}

#[test]
fn states_follow_the_working_day_threshold() {
    let cal = kediri();
    let start = t("2025-01-06T09:00+07:00");
    let due = t("2025-01-13T15:45+07:00");
    let rule = DueSoon::for_time(&hari_kerja(5));
    let at = |now: &str| state_at(start, due, t(now), &cal, rule);
    assert_eq!(
        at("2025-01-09T10:00+07:00"),
        DeadlineState::DalamBatas,
        "Thursday: two working days left, on track"
    );
    assert_eq!(
        at("2025-01-10T10:00+07:00"),
        DeadlineState::SegeraJatuhTempo,
        "Friday: due on the next working day (Monday) is due soon"
    );
    assert_eq!(
        at("2025-01-13T09:00+07:00"),
        DeadlineState::JatuhTempoHariIni,
        "Monday morning: due today"
    );
    assert_eq!(
        at("2025-01-13T15:46+07:00"),
        DeadlineState::Terlambat,
        "after the due moment: overdue"
    );
}

#[test]
fn sub_day_services_are_due_soon_in_their_last_quarter() {
    let cal = kediri();
    let st = time(60, TimeUnit::Menit, Counting::JamKerja);
    let rule = DueSoon::for_time(&st);
    let (start, due) = (t("2025-01-06T08:00+07:00"), t("2025-01-06T09:00+07:00"));
    assert_eq!(
        state_at(start, due, t("2025-01-06T08:30+07:00"), &cal, rule),
        DeadlineState::DalamBatas,
        "half the time left: on track"
    );
    assert_eq!(
        state_at(start, due, t("2025-01-06T08:46+07:00"), &cal, rule),
        DeadlineState::SegeraJatuhTempo,
        "under 25 % of the time left: due soon"
    );
    let (start, due) = (t("2025-01-06T15:00+07:00"), t("2025-01-07T09:00+07:00"));
    assert_eq!(
        state_at(start, due, t("2025-01-06T15:44+07:00"), &cal, rule),
        DeadlineState::DalamBatas,
        "office time: at 15.44 most of the office time (the next morning) is still left"
    );
}
