//! `bench.deadlines`: deadline states for a generated office history (open cases received
//! over ten years, one or two dispositions each), computed and listed, with the time taken.
//! Measurement only: the generated data is deterministic and never touches a database file.

use std::time::Instant;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone};
use loket_db::deadline_items::{OpenCase, OpenDisposition};
use loket_domain::deadline::DeadlineState;
use serde::Serialize;

use super::list::{evaluate, ServiceTimes};
use crate::office::{LoadedProfile, ProfileSource};
use crate::{ApiError, Loket};

pub const ID: &str = "bench.deadlines";

/// Figures of one run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchReport {
    pub office: String,
    pub cases: usize,
    pub dispositions: usize,
    pub first_receipt: String,
    pub last_receipt: String,
    pub now: String,
    pub millis: u128,
    pub micros_per_case: f64,
    /// Items per state, least urgent first: dalam batas, segera, hari ini, terlambat.
    pub by_state: [usize; 4],
    pub paused: usize,
}

/// A small deterministic generator (xorshift), so every run measures the same data.
struct Seq(u64);

impl Seq {
    fn next(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

/// Runs the benchmark on `cases` generated cases for shipped office `office`.
///
/// Errors: `NotFound` for an unknown office.
pub fn bench_deadlines(office: &str, cases: usize) -> Result<BenchReport, ApiError> {
    let loaded = LoadedProfile::read(&ProfileSource::Shipped(office.to_string()))?;
    let zone = loaded.profile.office.time_zone.offset();
    let epoch: DateTime<FixedOffset> = zone
        .from_local_datetime(
            &NaiveDate::from_ymd_opt(2017, 1, 2)
                .unwrap_or_default()
                .and_hms_opt(8, 0, 0)
                .unwrap_or_default(),
        )
        .single()
        .ok_or_else(|| ApiError::bad_input("zona waktu kantor tidak valid"))?;
    let mut loket = Loket::open_in_memory()?;
    loket.office_import(&loaded, epoch)?;
    let cal = loket.working_calendar()?;
    let services = loaded.profile.services.clone();
    let mut times = ServiceTimes::new();
    for v in &services {
        times.insert(
            (v.id.clone(), v.standard.clone()),
            (v.time.clone(), v.name.clone()),
        );
    }
    let span_minutes = 10 * 365 * 24 * 60;
    let mut seq = Seq(0x9E37_79B9_7F4A_7C15);
    let mut open_cases = Vec::with_capacity(cases);
    let mut dispositions = Vec::with_capacity(cases * 3 / 2);
    for i in 0..cases {
        let at = epoch
            + Duration::minutes((i as i64) * span_minutes / cases as i64 + seq.next(600) as i64);
        let v = &services[seq.next(services.len() as u64) as usize];
        let id = i as i64 + 1;
        let pauses = if seq.next(10) == 0 {
            vec![(
                (at + Duration::hours(2)).to_rfc3339(),
                (seq.next(4) != 0).then(|| (at + Duration::hours(30)).to_rfc3339()),
            )]
        } else {
            Vec::new()
        };
        open_cases.push(OpenCase {
            id,
            year: i64::from(chrono::Datelike::year(&at)),
            agenda_seq: id,
            service_id: v.id.clone(),
            standard_id: v.standard.clone(),
            received_at: at.to_rfc3339(),
            status: "diproses".into(),
            hal: format!("Permohonan {id}"),
            applicant_name: "OPD".into(),
            due_at: None,
            pauses,
        });
        for k in 0..=seq.next(2) {
            let sent = at + Duration::hours(1 + k as i64);
            dispositions.push(OpenDisposition {
                id: dispositions.len() as i64 + 1,
                case_id: id,
                to_position: "kepala-bidang".into(),
                sent_at: sent.to_rfc3339(),
                batas_waktu: Some(
                    (sent.date_naive() + Duration::days(3 + seq.next(5) as i64)).to_string(),
                ),
                sifat: "biasa".into(),
                read_at: None,
            });
        }
    }
    let last = open_cases
        .last()
        .map(|c| c.received_at.clone())
        .unwrap_or_default();
    let now = epoch + Duration::minutes(span_minutes);
    let started = Instant::now();
    let items = evaluate(
        &open_cases,
        &Default::default(),
        &dispositions,
        &times,
        &cal,
        now,
    );
    let listed = items
        .iter()
        .filter(|i| i.state.is_some_and(|s| s != DeadlineState::DalamBatas))
        .count();
    let elapsed = started.elapsed();
    let mut by_state = [0usize; 4];
    for i in &items {
        if let Some(s) = i.state {
            by_state[s as usize] += 1;
        }
    }
    debug_assert!(listed <= items.len());
    Ok(BenchReport {
        office: office.to_string(),
        cases,
        dispositions: dispositions.len(),
        first_receipt: epoch.to_rfc3339(),
        last_receipt: last,
        now: now.to_rfc3339(),
        millis: elapsed.as_millis(),
        micros_per_case: elapsed.as_secs_f64() * 1e6 / cases.max(1) as f64,
        by_state,
        paused: items.iter().filter(|i| i.paused).count(),
    })
}
