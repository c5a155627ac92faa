//! Requests benchmark on a generated 10-year office history (full mode: 60 000 cases, 240 000
//! dispositions, 1 200 still open): Kotak Masuk of a head of division (plain, and with deadline
//! states as the window shows it), the registrar's Kotak Masuk, agenda-book filters, full-text
//! search, the Tenggat view of every open case and disposition, and the year's Excel export,
//! through loket-api; then registrations per second with 4 writers at once. p50/p95 on SQLite
//! and, when a server is named, on PostgreSQL holding the same rows (see `common`).
//!
//! Full mode (figures): `cargo bench --workspace --bench requests`, with
//! `LOKET_BENCH_PG=postgres://…` or inside `scripts/with-postgres.sh` for PostgreSQL too.
//! Short mode (the test command): `LOKET_BENCH_SHORT=1 cargo test --workspace --bench requests`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Barrier;
use std::time::Instant;

use chrono::{DateTime, Duration, FixedOffset};
use common::{measure, Figure, Run, ServerDb};
use loket_api::account::NewAccount;
use loket_api::case::{CaseFilter, NewCase};
use loket_api::office::ProfileSource;
use loket_api::Loket;
use loket_db::cases::CaseRow;
use loket_db::dispositions::DispositionRow;
use loket_db::Db;

const PASSWORD: &str = "sandi-rahasia-1";
const HAL: &[&str] = &[
    "Permohonan subdomain dan hosting aplikasi",
    "Permohonan fasilitasi video conference rapat koordinasi",
    "Permohonan informasi publik anggaran",
    "Permohonan rekomendasi teknis galian kabel fiber optik",
    "Permohonan sertifikat elektronik pejabat",
    "Permohonan peliputan kegiatan bupati",
];
const APPLICANTS: &[&str] = &[
    "Dinas Pendidikan dan Kebudayaan",
    "Dinas Kesehatan",
    "Badan Perencanaan Pembangunan Daerah",
    "Kecamatan Mranggen",
    "RSUD Sunan Kalijaga",
];
const SERVICES: &[&str] = &[
    "subdomain-hosting",
    "video-conference",
    "ppid-permohonan-informasi",
];
const CHAIN: &[(&str, &str)] = &[
    ("kepala-dinas", "sekretaris"),
    ("sekretaris", "kepala-bidang-aptika"),
    ("kepala-bidang-aptika", "ketua-tim-spa"),
];
/// Ten years in minutes: the generated receipts are spread evenly over them.
const SPAN_MINUTES: i64 = 10 * 365 * 24 * 60;
/// Every interactive query's goal (issue 15): p95 under 50 ms on both backends.
const INTERACTIVE_MS: Option<f64> = Some(50.0);
/// The dataset's file name (in `LOKET_BENCH_DIR` when kept).
const DATABASE: &str = "bench-requests.db";
/// Concurrent writers for the registration figure, as four laptops.
const WRITERS: usize = 4;

/// Dataset size: (cases, of which the newest this many are still open).
fn dataset() -> (usize, usize) {
    (common::size(60_000, 2_000), common::size(1_200, 120))
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// Cases received over ten years from `start`, each handed on down the chain (four
/// dispositions); the newest `open` are still being worked on, the others completed.
fn generate(db: &mut Db, start: DateTime<FixedOffset>, cases: usize, open: usize) {
    let standard = db.service_history("subdomain-hosting").unwrap()[0]
        .standard
        .clone();
    let step = SPAN_MINUTES / cases as i64;
    let tx = db.begin().unwrap();
    for i in 0..cases {
        let received = start + Duration::minutes(i as i64 * step);
        let stamp = received.to_rfc3339();
        let is_open = i + open >= cases;
        let row = CaseRow {
            id: 0,
            year: received.format("%Y").to_string().parse().unwrap(),
            agenda_seq: 0,
            service_id: SERVICES[i % SERVICES.len()].into(),
            standard_id: standard.clone(),
            addressed_to: "kepala-dinas".into(),
            received_at: stamp.clone(),
            channel: "surat".into(),
            sifat: if i % 7 == 0 { "segera" } else { "biasa" }.into(),
            status: if is_open { "didisposisi" } else { "selesai" }.into(),
            applicant_kind: "opd".into(),
            applicant_name: format!("{} Kabupaten Demak", APPLICANTS[i % APPLICANTS.len()]),
            applicant_phone: String::new(),
            applicant_email: String::new(),
            applicant_address: String::new(),
            letter_number: format!("400/{i}/2026"),
            letter_date: received.date_naive().to_string(),
            hal: format!("{} nomor {i}", HAL[i % HAL.len()]),
            notes: String::new(),
            due_at: None,
            registered_by: "admin".into(),
            registered_at: stamp.clone(),
            updated_at: stamp.clone(),
        };
        let case = tx.insert_case(&row, &[], &[]).unwrap();
        let mut base =
            DispositionRow::outgoing(case.id, "penerusan", None, "admin", &row.sifat, &stamp);
        let mut ids = tx
            .insert_dispositions(&base, &["kepala-dinas".to_string()])
            .unwrap();
        for (from, to) in CHAIN {
            base = DispositionRow {
                parent_id: ids.first().copied(),
                batas_waktu: Some((received + Duration::days(3)).date_naive().to_string()),
                instructions: vec!["Proses lebih lanjut".into()],
                ..DispositionRow::outgoing(
                    case.id,
                    "disposisi",
                    Some(from.to_string()),
                    "admin",
                    &row.sifat,
                    &stamp,
                )
            };
            ids = tx.insert_dispositions(&base, &[to.to_string()]).unwrap();
        }
        if !is_open {
            for d in tx.case_dispositions(case.id).unwrap() {
                tx.mark_completed(d.id, "admin", &stamp).unwrap();
            }
        }
    }
    tx.commit().unwrap();
}

/// The Demak office with its administrator and a Kepala Bidang Aptika, and the history.
fn prepare(path: &Path, now: DateTime<FixedOffset>, cases: usize, open: usize) {
    let mut loket = Loket::open(path).unwrap();
    loket
        .office_init(&ProfileSource::Shipped("demak".into()), now)
        .unwrap();
    let admin = loket
        .account_bootstrap("admin", "Admin", PASSWORD, now)
        .unwrap();
    loket
        .account_create(
            &admin,
            &NewAccount {
                login: "kabid".into(),
                name: "Kepala Bidang Aptika".into(),
                position_id: "kepala-bidang-aptika".into(),
                password: PASSWORD.into(),
                ..NewAccount::default()
            },
            now,
        )
        .unwrap();
    // The calendar's shipped holidays are seeded on first use; do it before the copy.
    loket.working_calendar().unwrap();
    drop(loket);
    let mut db = Db::open(path).unwrap();
    generate(&mut db, at("2016-11-23T08:00:00+07:00"), cases, open);
}

/// Every query of the run on the database at `location`.
fn queries(location: &Path, now: DateTime<FixedOffset>) -> Vec<Figure> {
    let rounds = common::size(50, 3);
    let mut loket = Loket::open(location).unwrap();
    let admin = loket.sign_in("admin", PASSWORD).unwrap();
    let kabid = loket.sign_in("kabid", PASSWORD).unwrap();
    let mut out = vec![
        measure(
            "kotak masuk Kepala Bidang (disposition.inbox)",
            rounds,
            INTERACTIVE_MS,
            || loket.disposition_inbox(&kabid, now).unwrap(),
            Vec::len,
        ),
        measure(
            "Kotak Masuk + tenggat (inbox.kotak_masuk)",
            rounds,
            INTERACTIVE_MS,
            || loket.kotak_masuk(&kabid, now).unwrap(),
            |k| k.dispositions.len(),
        ),
        measure(
            "Kotak Masuk pencatat (+ verifikasi)",
            rounds,
            INTERACTIVE_MS,
            || loket.kotak_masuk(&admin, now).unwrap(),
            |k| k.dispositions.len() + k.to_verify.len(),
        ),
        measure(
            "Tenggat: semua terbuka (deadlines.view)",
            rounds,
            INTERACTIVE_MS,
            || loket.deadlines_view(&admin, now).unwrap(),
            |v| v.rows.len(),
        ),
    ];
    let filters = [
        (
            "buku agenda: tahun+layanan+sifat",
            CaseFilter {
                year: Some(2024),
                service_id: "subdomain-hosting".into(),
                sifat: "segera".into(),
                ..CaseFilter::default()
            },
        ),
        (
            "buku agenda: rentang tanggal+status (200)",
            CaseFilter {
                from: "2025-01-01".into(),
                to: "2025-03-31".into(),
                status: "selesai".into(),
                limit: Some(200),
                ..CaseFilter::default()
            },
        ),
        (
            "pencarian teks: \"fiber optik Mranggen\"",
            CaseFilter {
                text: "fiber optik Mranggen".into(),
                ..CaseFilter::default()
            },
        ),
        (
            "pencarian teks: \"subdom\" (100)",
            CaseFilter {
                text: "subdom".into(),
                limit: Some(100),
                ..CaseFilter::default()
            },
        ),
        (
            "buku agenda di jendela: satu tahun (500)",
            CaseFilter {
                year: Some(2025),
                limit: Some(500),
                ..CaseFilter::default()
            },
        ),
    ];
    for (label, filter) in &filters {
        out.push(measure(
            label,
            rounds,
            INTERACTIVE_MS,
            || loket.case_list(&admin, filter, now).unwrap(),
            Vec::len,
        ));
    }
    let year = CaseFilter {
        year: Some(2025),
        ..CaseFilter::default()
    };
    let lines = loket.case_list(&admin, &year, now).unwrap().len();
    out.push(measure(
        "ekspor Excel buku agenda satu tahun",
        common::size(5, 1),
        None,
        || loket.case_export_xlsx(&admin, &year, now).unwrap(),
        |_| lines,
    ));
    out
}

/// `WRITERS` connections registering `each` requests at the same moment through
/// `case.register`; registrations per second. Every agenda number must come out once.
fn registrations(location: &Path, each: usize, now: DateTime<FixedOffset>) -> f64 {
    let start = Barrier::new(WRITERS + 1);
    let (numbers, seconds) = std::thread::scope(|s| {
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let start = &start;
                s.spawn(move || {
                    let mut loket = Loket::open(location).unwrap();
                    let me = loket.sign_in("admin", PASSWORD).unwrap();
                    start.wait();
                    (0..each)
                        .map(|i| {
                            let new = NewCase {
                                service_id: "subdomain-hosting".into(),
                                applicant_kind: "OPD".into(),
                                applicant_name: format!("Dinas Kesehatan (laptop {w})"),
                                letter_number: format!("400.3/{i}/{w}/2026"),
                                letter_date: "2026-11-20".into(),
                                hal: format!("Permohonan subdomain nomor {i} dari laptop {w}"),
                                channel: "surat".into(),
                                ..NewCase::default()
                            };
                            let case = loket.case_register(&me, &new, now).unwrap();
                            (case.year, case.agenda_seq)
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        start.wait();
        let t = Instant::now();
        let numbers: Vec<(i64, i64)> = writers
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect();
        (numbers, t.elapsed().as_secs_f64())
    });
    let distinct: BTreeSet<_> = numbers.iter().collect();
    assert_eq!(
        distinct.len(),
        WRITERS * each,
        "concurrent registrations never share an agenda number"
    );
    (WRITERS * each) as f64 / seconds
}

/// `loket bench deadlines`: the states of 100 000 open cases and their dispositions computed
/// from a generated history (no database: the computation every list of deadlines shares).
/// The median of three runs; goal (issue 15) under 200 ms.
fn deadline_states() {
    let cases = common::size(100_000, 5_000);
    let mut runs: Vec<_> = (0..common::size(3, 1))
        .map(|_| loket_api::sla::bench_deadlines("kediri", cases).unwrap())
        .collect();
    runs.sort_by(|a, b| a.micros_per_case.total_cmp(&b.micros_per_case));
    let r = &runs[runs.len() / 2];
    let ms = r.micros_per_case * r.cases as f64 / 1000.0;
    let goal = match (common::short(), ms < 200.0) {
        (true, _) => "mode singkat",
        (false, true) => "tercapai",
        (false, false) => "TIDAK tercapai",
    };
    println!(
        "status tenggat {} permohonan + {} disposisi (loket bench deadlines): {ms:.0} ms (sasaran < 200 ms: {goal})",
        r.cases, r.dispositions
    );
}

fn main() {
    let (cases, open) = dataset();
    common::heading(
        "requests",
        &format!(
            "{cases} permohonan dalam 10 tahun, {} disposisi, {open} masih terbuka",
            cases * 4
        ),
    );
    deadline_states();
    let now = at("2026-11-23T09:00:00+07:00");
    let dir = common::WorkDir::new();
    let path = dir.database(DATABASE);
    let t = Instant::now();
    prepare(&path, now, cases, open);
    println!("   SQLite: dibuat dalam {:.1} s", t.elapsed().as_secs_f64());
    let server = common::server_url().map(|url| {
        let server = ServerDb::create(&url, "requests");
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
    let runs: Vec<Run> = backends
        .iter()
        .map(|(name, location)| Run {
            backend: name.to_string(),
            figures: queries(location, now),
        })
        .collect();
    common::print_side_by_side(&runs);
    let each = common::size(250, 10);
    for (name, location) in &backends {
        let rate = registrations(location, each, now);
        let goal = match *name {
            "PostgreSQL" if common::short() => " (sasaran ≥ 200/s: mode singkat)",
            "PostgreSQL" if rate >= 200.0 => " (sasaran ≥ 200/s: tercapai)",
            "PostgreSQL" => " (sasaran ≥ 200/s: TIDAK tercapai)",
            _ => "",
        };
        println!(
            "pendaftaran serentak, {WRITERS} penulis × {each}, {name}: {rate:.0} per detik{goal}"
        );
    }
}
