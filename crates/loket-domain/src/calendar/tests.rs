use super::*;
use crate::catalog::{DayHours, DaySpan, HoursSource};

/// Kediri's document: Senin–Kamis 08.00–15.45 (istirahat 12.00–13.00), Jumat 08.00–11.00.
pub(crate) fn kediri_hours() -> OfficeHours {
    let long = |day| DayHours {
        day,
        open: 8 * 60,
        close: 15 * 60 + 45,
        breaks: vec![DaySpan {
            start: 12 * 60,
            end: 13 * 60,
        }],
    };
    let mut days: Vec<DayHours> = [
        Weekday::Senin,
        Weekday::Selasa,
        Weekday::Rabu,
        Weekday::Kamis,
    ]
    .into_iter()
    .map(long)
    .collect();
    days.push(DayHours {
        day: Weekday::Jumat,
        open: 8 * 60,
        close: 11 * 60,
        breaks: vec![],
    });
    OfficeHours {
        source: HoursSource::Dokumen,
        days,
    }
}

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn hm(s: &str) -> String {
    s.to_string()
}

fn spans(cal: &WorkingCalendar, day: &str) -> Vec<String> {
    cal.spans_on(d(day))
        .iter()
        .map(|(a, b)| format!("{}-{}", a.format("%H:%M"), b.format("%H:%M")))
        .collect()
}

#[test]
fn breaks_split_the_day_and_friday_is_short() {
    let cal = WorkingCalendar::new(TimeZone::Wib, kediri_hours());
    assert_eq!(
        spans(&cal, "2025-01-06"),
        vec![hm("08:00-12:00"), hm("13:00-15:45")],
        "Kediri Monday: 08.00–15.45 minus the 12.00–13.00 break"
    );
    assert_eq!(
        spans(&cal, "2025-01-10"),
        vec![hm("08:00-11:00")],
        "Kediri Friday: 08.00–11.00"
    );
    assert!(
        spans(&cal, "2025-01-11").is_empty(),
        "Saturday has no hours in the schedule"
    );
    assert_eq!(
        cal.day_off(d("2025-01-12")),
        Some(DayOff::NoHours {
            weekday: Weekday::Minggu
        }),
        "a weekday the schedule does not list is a day off, and says which"
    );
}

#[test]
fn holidays_and_closures_make_days_off_with_reasons() {
    let mut cal = WorkingCalendar::new(TimeZone::Wib, kediri_hours());
    cal.holidays.push(Holiday {
        date: d("2025-03-31"),
        name: "Hari Raya Idul Fitri".into(),
        kind: HolidayKind::LiburNasional,
    });
    cal.closures.push(Closure {
        date: d("2025-03-31"),
        reason: "pindah gedung".into(),
    });
    cal.closures.push(Closure {
        date: d("2025-05-05"),
        reason: "pemadaman listrik".into(),
    });
    assert!(
        !cal.is_working_day(d("2025-05-05")),
        "a closure an admin adds closes a Monday"
    );
    assert_eq!(
        cal.day_off(d("2025-03-31")).map(|o| o.words()),
        Some("kantor tutup: pindah gedung".to_string()),
        "a closure is named before a holiday on the same day"
    );
    assert_eq!(
        cal.next_working_day(d("2025-05-02")),
        Some(d("2025-05-06")),
        "the next working day skips the weekend and the closure"
    );
    assert_eq!(
        cal.end_of(d("2025-05-06")).to_rfc3339(),
        "2025-05-06T15:45:00+07:00",
        "a date-only batas waktu ends at that day's closing time"
    );
    assert_eq!(
        cal.end_of(d("2025-05-05")).to_rfc3339(),
        "2025-05-05T23:59:00+07:00",
        "a batas waktu on a day off ends at 23.59 of that day"
    );
}

#[test]
fn the_newest_variant_covering_a_day_governs_it() {
    let mut cal = WorkingCalendar::new(TimeZone::Wib, kediri_hours());
    let mut ramadan = kediri_hours();
    ramadan.days[0].close = 15 * 60;
    let mut later = ramadan.clone();
    later.days[0].close = 14 * 60;
    cal.variants.push(HoursVariant {
        name: "Ramadan 1446 H".into(),
        from: d("2025-03-01"),
        to: d("2025-03-30"),
        hours: ramadan,
    });
    cal.variants.push(HoursVariant {
        name: "Koreksi minggu terakhir".into(),
        from: d("2025-03-24"),
        to: d("2025-03-30"),
        hours: later,
    });
    assert_eq!(
        cal.hours_on(d("2025-03-10")).map(|h| h.close),
        Some(15 * 60),
        "Ramadan hours apply inside their date range"
    );
    assert_eq!(
        cal.hours_on(d("2025-03-24")).map(|h| h.close),
        Some(14 * 60),
        "the variant added last wins where ranges overlap"
    );
    assert_eq!(
        cal.hours_on(d("2025-03-31")).map(|h| h.close),
        Some(15 * 60 + 45),
        "weekly hours return after the variant's last day"
    );
}

#[test]
fn local_time_carries_the_office_offset() {
    let cal = WorkingCalendar::new(TimeZone::Wita, kediri_hours());
    let t = chrono::DateTime::parse_from_rfc3339("2025-01-06T08:00:00+07:00").unwrap();
    assert_eq!(
        cal.local(t).format("%H:%M").to_string(),
        "09:00",
        "08.00 WIB is 09.00 WITA"
    );
    assert_eq!(
        cal.at(cal.local(t)).to_rfc3339(),
        "2025-01-06T09:00:00+08:00",
        "output carries the office's own offset (WITA +08:00)"
    );
}
