//! Dataset generation for the schedule benchmark: realistic volume without conflicts.

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Weekday};
use loket_db::bookings::NewBooking;
use loket_domain::booking::{BookingStatus, Span};

use crate::{ApiError, Loket};

/// Fills `days` calendar days from `first` with eight one-hour bookings per weekday, cycling
/// through `resources` at distinct hours so none collide, all approved (so every one counts in
/// conflict checks). One
/// transaction. Returns how many were written. For benchmarks only.
pub fn bench_fill(
    loket: &mut Loket,
    first: NaiveDate,
    days: i64,
    resources: &[&str],
    now: DateTime<FixedOffset>,
) -> Result<usize, ApiError> {
    let zone = now.offset().local_minus_utc();
    let tx = loket.db.begin()?;
    let mut n = 0;
    for d in 0..days {
        let day = first + Duration::days(d);
        if matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            continue;
        }
        for k in 0..8u32 {
            let start = day
                .and_hms_opt(8 + k, 0, 0)
                .unwrap_or_default()
                .and_utc()
                .timestamp()
                - i64::from(zone);
            let resource = resources[(k as usize + d as usize) % resources.len()];
            let b = NewBooking {
                title: format!("Kegiatan {d}-{k}"),
                case_id: None,
                location: "Kantor".into(),
                outside_office: false,
                outside_hours: false,
                span: Span {
                    start,
                    end: start + 3000,
                },
                status: BookingStatus::Disetujui,
                series_id: None,
                rundown: String::new(),
                requested_by: "bench".into(),
                resources: vec![(resource.to_string(), 1)],
                operators: vec![],
                now: now.timestamp(),
            };
            tx.insert_booking(&b)?;
            n += 1;
        }
    }
    tx.commit()?;
    Ok(n)
}
