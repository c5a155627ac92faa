//! Schedule benchmark on a generated 10-year office dataset (≈20 000 bookings): the conflict
//! check for a new booking (through `booking.create`, refused and accepted) and the free-slot
//! search for a week. Prints p50/p95. Run: `cargo bench -p loket-api --bench booking`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::time::Instant;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, Weekday};
use loket_api::booking::{BookingRequest, NewResource, SlotRequest};
use loket_api::office::ProfileSource;
use loket_api::Loket;
use loket_domain::booking::ResourceKind;

fn at(day: NaiveDate, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    day.and_hms_opt(hour, minute, 0)
        .unwrap()
        .and_local_timezone(FixedOffset::east_opt(7 * 3600).unwrap())
        .unwrap()
}

fn percentile(samples: &mut [f64], p: f64) -> f64 {
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let now = at(NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), 9, 0);
    let mut loket = Loket::open(&dir.path().join("bench.db")).unwrap();
    loket
        .office_init(&ProfileSource::Shipped("demak".into()), now)
        .unwrap();
    let admin = loket
        .account_bootstrap("admin", "Admin Bench", "kata-sandi-panjang-123", now)
        .unwrap();
    let pools = [
        ("command-center", ResourceKind::Ruang, 1, 30),
        ("vicon", ResourceKind::Peralatan, 3, 15),
        ("jammer", ResourceKind::Peralatan, 4, 15),
        ("streaming", ResourceKind::Peralatan, 2, 30),
        ("sound-system", ResourceKind::Peralatan, 2, 30),
    ];
    for (id, kind, quantity, buffer) in pools {
        let r = NewResource {
            id: id.into(),
            name: id.into(),
            kind,
            quantity,
            setup_minutes: buffer,
            teardown_minutes: buffer,
            unit: None,
            operators_needed: 0,
            skill: None,
        };
        loket.resource_add(&r, &admin, now).unwrap();
    }
    let started = Instant::now();
    let count = loket_api::booking::bench_fill(
        &mut loket,
        NaiveDate::from_ymd_opt(2016, 12, 1).unwrap(),
        3652,
        &pools.map(|p| p.0),
        now,
    )
    .unwrap();
    println!(
        "dataset: {count} pemesanan dalam 10 tahun, dibuat dalam {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // Conflict check: new bookings in the last year, half landing on busy hours (refused), half on free evenings (accepted).
    let mut check_ms = Vec::new();
    let mut refused = 0;
    let mut day = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
    for i in 0..400 {
        while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            day += Duration::days(1);
        }
        let (start, end, outside) = if i % 2 == 0 {
            (at(day, 10, 0), at(day, 11, 0), false)
        } else {
            (at(day, 19, 0), at(day, 20, 0), true)
        };
        let request = BookingRequest {
            title: format!("Uji {i}"),
            case_id: None,
            location: "Kantor".into(),
            outside_office: false,
            outside_hours: outside,
            start,
            end,
            resources: vec![("command-center".into(), 1), ("vicon".into(), 1)],
            operators: vec![],
            rundown: String::new(),
            requested_by: "bench".into(),
        };
        let t = Instant::now();
        if loket.booking_create(&request, &admin, now).is_err() {
            refused += 1;
        }
        check_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        day += Duration::days(1);
    }
    println!(
        "cek bentrok (booking.create, {} percobaan, {refused} ditolak): p50 {:.3} ms, p95 {:.3} ms",
        check_ms.len(),
        percentile(&mut check_ms, 0.5),
        percentile(&mut check_ms, 0.95)
    );

    let mut slot_ms = Vec::new();
    let mut from = NaiveDate::from_ymd_opt(2025, 1, 6).unwrap();
    for _ in 0..200 {
        let t = Instant::now();
        let slots = loket
            .booking_free_slots(&SlotRequest {
                duration_minutes: 120,
                resources: vec![("command-center".into(), 1), ("streaming".into(), 1)],
                operators: vec![],
                from,
                to: from + Duration::days(6),
                outside_hours: false,
                limit: 10,
            })
            .unwrap();
        slot_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(
            !slots.is_empty(),
            "a week always has some free slot in this dataset"
        );
        from += Duration::days(7);
    }
    println!(
        "cari slot kosong satu minggu (200 minggu): p50 {:.3} ms, p95 {:.3} ms",
        percentile(&mut slot_ms, 0.5),
        percentile(&mut slot_ms, 0.95)
    );
}
