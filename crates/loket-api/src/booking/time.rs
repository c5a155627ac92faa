//! Office-local times in and out of the schedule.

use chrono::{DateTime, FixedOffset, NaiveDateTime};
use loket_domain::booking::Span;
use loket_domain::tanggal::tanggal;
use loket_domain::time_zone::TimeZone;

use crate::ApiError;

/// Parses "YYYY-MM-DDTHH:MM" (or "YYYY-MM-DD HH:MM") as office-local time; `what` names the
/// field in the message.
pub fn parse_local(
    text: &str,
    zone: TimeZone,
    what: &str,
) -> Result<DateTime<FixedOffset>, ApiError> {
    let t = text.trim().replace(' ', "T");
    NaiveDateTime::parse_from_str(&t, "%Y-%m-%dT%H:%M")
        .ok()
        .and_then(|n| n.and_local_timezone(zone.offset()).single())
        .ok_or_else(|| ApiError::bad_input(format!("{what} `{text}` tidak valid; tulis TTTT-BB-HHTJJ:MM waktu {}, misalnya 2026-01-05T09:00", zone.label())))
}

/// Instant → office-local RFC 3339.
pub(crate) fn rfc3339(ts: i64, zone: TimeZone) -> String {
    DateTime::from_timestamp(ts, 0)
        .map(|d| d.with_timezone(&zone.offset()).to_rfc3339())
        .unwrap_or_default()
}

pub(crate) const HARI: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];

/// "Senin, 5 Januari 2026 09.00 WIB".
pub(crate) fn words(ts: i64, zone: TimeZone) -> String {
    use chrono::Datelike;
    match DateTime::from_timestamp(ts, 0).map(|d| d.with_timezone(&zone.offset())) {
        Some(d) => format!(
            "{}, {} {} {}",
            HARI[d.weekday().num_days_from_monday() as usize],
            tanggal(d.date_naive()),
            d.format("%H.%M"),
            zone.label()
        ),
        None => String::new(),
    }
}

/// "Senin, 5 Januari 2026 09.00–11.00 WIB", with both dates when the span crosses midnight.
pub(crate) fn span_words(span: Span, zone: TimeZone) -> String {
    let (s, e) = (words(span.start, zone), words(span.end, zone));
    let day = |t: i64| {
        DateTime::from_timestamp(t, 0).map(|d| d.with_timezone(&zone.offset()).date_naive())
    };
    if day(span.start) == day(span.end - 1) {
        let end_clock = DateTime::from_timestamp(span.end, 0)
            .map(|d| d.with_timezone(&zone.offset()).format("%H.%M").to_string())
            .unwrap_or_default();
        format!(
            "{}–{end_clock} {}",
            s.trim_end_matches(zone.label()).trim_end(),
            zone.label()
        )
    } else {
        format!("{} s.d. {e}", s.trim_end_matches(zone.label()).trim_end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_in_office_time() {
        let start = parse_local("2026-01-05T09:00", TimeZone::Wib, "mulai")
            .unwrap()
            .timestamp();
        let span = Span {
            start,
            end: start + 2 * 3600,
        };
        assert_eq!(
            span_words(span, TimeZone::Wib),
            "Senin, 5 Januari 2026 09.00–11.00 WIB",
            "same-day spans name the day once"
        );
        assert_eq!(
            span_words(span, TimeZone::Wita),
            "Senin, 5 Januari 2026 10.00–12.00 WITA",
            "the same instants read an hour later in WITA"
        );
        let night = Span {
            start: start + 13 * 3600,
            end: start + 17 * 3600,
        };
        assert_eq!(
            span_words(night, TimeZone::Wib),
            "Senin, 5 Januari 2026 22.00 s.d. Selasa, 6 Januari 2026 02.00 WIB",
            "across midnight both days are named"
        );
        assert!(
            parse_local("5/1/2026 09:00", TimeZone::Wib, "mulai")
                .unwrap_err()
                .message
                .contains("TTTT-BB-HH"),
            "wrong format explained"
        );
    }
}
