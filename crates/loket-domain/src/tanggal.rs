//! Dates as Indonesian documents write them: "27 Maret 2024".

use chrono::{Datelike, NaiveDate};

const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// The month's name, 1 = "Januari". `None` outside 1..=12.
pub fn nama_bulan(month: u32) -> Option<&'static str> {
    BULAN.get(month.checked_sub(1)? as usize).copied()
}

/// The day in words for letters and screens: 2024-03-27 → "27 Maret 2024" (no leading zero).
pub fn tanggal(day: NaiveDate) -> String {
    format!(
        "{} {} {}",
        day.day(),
        BULAN[day.month0() as usize],
        day.year()
    )
}

/// Like [`tanggal`] for an ISO text ("2024-03-27", or the date part of an RFC 3339 time);
/// text that is not a date comes back unchanged rather than being hidden.
pub fn tanggal_teks(iso: &str) -> String {
    iso.get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .map(tanggal)
        .unwrap_or_else(|| iso.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_read_day_month_name_year() {
        assert_eq!(
            tanggal(d(2024, 3, 27)),
            "27 Maret 2024",
            "month written as its Indonesian name"
        );
        assert_eq!(
            tanggal(d(2026, 1, 5)),
            "5 Januari 2026",
            "no leading zero on the day"
        );
        assert_eq!(
            tanggal(d(2023, 12, 31)),
            "31 Desember 2023",
            "December is the last name"
        );
    }

    #[test]
    fn month_names_cover_exactly_twelve_months() {
        assert_eq!(nama_bulan(8), Some("Agustus"), "August is Agustus");
        assert_eq!(nama_bulan(0), None, "month 0 does not exist");
        assert_eq!(nama_bulan(13), None, "month 13 does not exist");
    }

    #[test]
    fn iso_text_and_timestamps_are_formatted() {
        assert_eq!(
            tanggal_teks("2024-03-27"),
            "27 Maret 2024",
            "an ISO date is formatted"
        );
        assert_eq!(
            tanggal_teks("2026-11-23T05:30:00+07:00"),
            "23 November 2026",
            "an RFC 3339 time shows its date"
        );
        assert_eq!(
            tanggal_teks("bukan tanggal"),
            "bukan tanggal",
            "text that is not a date is kept, not dropped"
        );
    }
}
