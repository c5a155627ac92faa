//! Schedule benchmark on a generated office history (full mode: ten years, ≈20 000 approved
//! bookings of the Command Center and equipment): the conflict check of a new booking through
//! `booking.create` (refused for a collision, and accepted and stored), and the free-slot
//! search for a week. p50/p95 on SQLite and, when a server is named, on PostgreSQL holding the
//! same rows (see `common`).
//!
//! Full mode (figures): `cargo bench --workspace --bench booking`, with
//! `LOKET_BENCH_PG=postgres://…` or inside `scripts/with-postgres.sh` for PostgreSQL too.
//! Short mode (the test command): `LOKET_BENCH_SHORT=1 cargo test --workspace --bench booking`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

mod common;

use std::path::Path;
use std::time::Instant;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use common::{figure_of, Figure, Run, ServerDb};
use loket_api::booking::{BookingRequest, NewResource, SlotRequest};
use loket_api::office::ProfileSource;
use loket_api::{ErrorCode, Loket};
use loket_domain::booking::ResourceKind;

const PASSWORD: &str = "kata-sandi-panjang-123";
/// The pools of the office: id, kind, quantity, setup and teardown minutes.
const POOLS: [(&str, ResourceKind, u32, u32); 5] = [
    ("command-center", ResourceKind::Ruang, 1, 30),
    ("vicon", ResourceKind::Peralatan, 3, 15),
    ("jammer", ResourceKind::Peralatan, 4, 15),
    ("streaming", ResourceKind::Peralatan, 2, 30),
    ("sound-system", ResourceKind::Peralatan, 2, 30),
];
/// The dataset's file name (in `LOKET_BENCH_DIR` when kept).
const DATABASE: &str = "bench-booking.db";
/// The conflict check's goal (issue 15): p95 under 2 ms on both backends.
const CHECK_MS: Option<f64> = Some(2.0);
/// The free-slot search's goal for a week: under 20 ms.
const SLOTS_MS: Option<f64> = Some(20.0);

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(day: NaiveDate, hour: u32, minute: u32) -> DateTime<FixedOffset> {
    day.and_hms_opt(hour, minute, 0)
        .unwrap()
        .and_local_timezone(FixedOffset::east_opt(7 * 3600).unwrap())
        .unwrap()
}

/// The bookings' first day and how many days they cover: ten years, or one in short mode.
fn history() -> (NaiveDate, i64) {
    if common::short() {
        (day(2025, 12, 1), 365)
    } else {
        (day(2016, 12, 1), 3652)
    }
}

/// The Demak office with the five pools and the booking history; the number of bookings.
fn prepare(path: &Path, now: DateTime<FixedOffset>) -> usize {
    let mut loket = Loket::open(path).unwrap();
    loket
        .office_init(&ProfileSource::Shipped("demak".into()), now)
        .unwrap();
    let admin = loket
        .account_bootstrap("admin", "Admin Bench", PASSWORD, now)
        .unwrap();
    for (id, kind, quantity, buffer) in POOLS {
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
    // The shipped holidays are seeded on first use; do it before the copy.
    loket.working_calendar().unwrap();
    let (first, days) = history();
    loket_api::booking::bench_fill(&mut loket, first, days, &POOLS.map(|p| p.0), now).unwrap()
}

/// New bookings on the working days of 2026: every other one at 10.00 in office hours (where
/// the Command Center is often taken: refused), the others at 19.00 outside office hours
/// (accepted and stored). Figures for the refused and the accepted ones; each must be one of
/// the two (a validation refusal would measure something else).
fn conflict_checks(loket: &mut Loket, now: DateTime<FixedOffset>) -> Vec<Figure> {
    let admin = loket.sign_in("admin", PASSWORD).unwrap();
    let cal = loket.working_calendar_stored().unwrap();
    let (mut refused, mut accepted) = (Vec::new(), Vec::new());
    let mut d = day(2026, 1, 5);
    for i in 0..common::size(400, 30) {
        while !cal.is_working_day(d) {
            d += Duration::days(1);
        }
        let (start, end, outside) = if i % 2 == 0 {
            (at(d, 10, 0), at(d, 11, 0), false)
        } else {
            (at(d, 19, 0), at(d, 20, 0), true)
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
        let result = loket.booking_create(&request, &admin, now);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        match result {
            Ok(_) => accepted.push(ms),
            Err(e) if e.code == ErrorCode::ScheduleConflict => refused.push(ms),
            Err(e) => {
                panic!("booking {i} on {d} is refused for a collision or accepted, not: {e:?}")
            }
        }
        d += Duration::days(1);
    }
    vec![
        figure_of(
            "cek bentrok, ditolak (booking.create)",
            refused.len(),
            refused,
            CHECK_MS,
        ),
        figure_of(
            "cek bentrok + simpan, diterima (booking.create)",
            accepted.len(),
            accepted,
            CHECK_MS,
        ),
    ]
}

/// Free two-hour slots for the Command Center with a streaming kit, one week at a time. A week
/// of holidays and cuti bersama (Lebaran) has none, and that is an answer too: it is measured
/// like the others. Returns the figure (rows: slots found in all weeks) and the empty weeks.
fn free_slots(loket: &Loket) -> (Figure, Vec<NaiveDate>) {
    let mut from = if common::short() {
        day(2026, 1, 5)
    } else {
        day(2022, 11, 7)
    };
    let cal = loket.working_calendar_stored().unwrap();
    let (mut samples, mut found, mut empty) = (Vec::new(), 0, Vec::new());
    for _ in 0..common::size(200, 8) {
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
        samples.push(t.elapsed().as_secs_f64() * 1000.0);
        if slots.is_empty() {
            empty.push(from);
        }
        found += slots.len();
        from += Duration::days(7);
    }
    for week in &empty {
        let working = (0..7).filter(|i| cal.is_working_day(*week + Duration::days(*i)));
        println!(
            "   minggu {week} tanpa slot kosong ({} hari kerja di kalender)",
            working.count()
        );
    }
    let label = "cari slot kosong satu minggu (10 pertama)";
    (figure_of(label, found, samples, SLOTS_MS), empty)
}

fn main() {
    let (first, days) = history();
    common::heading(
        "booking",
        &format!(
            "pemesanan {first} s.d. {} (8 per hari kerja, 5 kelompok sumber daya)",
            first + Duration::days(days - 1)
        ),
    );
    let now = at(day(2026, 11, 23), 9, 0);
    let dir = common::WorkDir::new();
    let path = dir.database(DATABASE);
    let t = Instant::now();
    let count = prepare(&path, now);
    println!(
        "   SQLite: {count} pemesanan, dibuat dalam {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let server = common::server_url().map(|url| {
        let server = ServerDb::create(&url, "booking");
        let took = server.fill_from(&path);
        println!(
            "   PostgreSQL: {} (disalin dari SQLite dalam {:.1} s)",
            server.shown(),
            took.as_secs_f64()
        );
        server
    });
    let mut backends = vec![("SQLite", path.clone())];
    if let Some(s) = &server {
        backends.push(("PostgreSQL", s.location()));
    }
    let mut empty_weeks = Vec::new();
    let runs: Vec<Run> = backends
        .iter()
        .map(|(name, location)| {
            println!("-- {name}");
            let mut loket = Loket::open(location).unwrap();
            let mut figures = conflict_checks(&mut loket, now);
            let (slots, empty) = free_slots(&loket);
            figures.push(slots);
            empty_weeks.push(empty);
            Run {
                backend: name.to_string(),
                figures,
            }
        })
        .collect();
    assert!(
        empty_weeks.windows(2).all(|w| w[0] == w[1]),
        "both backends find the same weeks without a free slot on the same data"
    );
    common::print_side_by_side(&runs);
}
