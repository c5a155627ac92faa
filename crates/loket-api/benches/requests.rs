//! Requests benchmark on a generated 10-year dataset (60 000 cases, 240 000 dispositions):
//! the Kotak Masuk of a head of division (plain, and with deadline states as the window
//! shows it), agenda-book filters and full-text search, through
//! loket-api. Prints p50/p95. Run: `cargo bench -p loket-api --bench requests`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::time::Instant;

use chrono::{DateTime, Duration, FixedOffset};
use loket_api::account::NewAccount;
use loket_api::case::CaseFilter;
use loket_api::office::ProfileSource;
use loket_api::Loket;
use loket_db::cases::CaseRow;
use loket_db::dispositions::DispositionRow;
use loket_db::Db;

const CASES: usize = 60_000;
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

fn percentile(samples: &mut [f64], p: f64) -> f64 {
    samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

fn generate(db: &mut Db, start: DateTime<FixedOffset>) {
    let standard = db.service_history("subdomain-hosting").unwrap()[0]
        .standard
        .clone();
    let tx = db.begin().unwrap();
    for i in 0..CASES {
        let received = start + Duration::minutes((i as i64) * 87);
        let stamp = received.to_rfc3339();
        let open = i + 1200 > CASES;
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
            status: if open { "didisposisi" } else { "selesai" }.into(),
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
        if !open {
            for d in tx.case_dispositions(case.id).unwrap() {
                tx.mark_completed(d.id, "admin", &stamp).unwrap();
            }
        }
    }
    tx.commit().unwrap();
}

fn time<T>(label: &str, runs: usize, mut f: impl FnMut() -> T, count: impl Fn(&T) -> usize) {
    let mut samples = Vec::with_capacity(runs);
    let mut n = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let out = f();
        samples.push(t.elapsed().as_secs_f64() * 1000.0);
        n = count(&out);
    }
    let p50 = percentile(&mut samples, 0.50);
    let p95 = percentile(&mut samples, 0.95);
    println!("{label:<42} {n:>6} baris   p50 {p50:>8.2} ms   p95 {p95:>8.2} ms");
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let now = DateTime::parse_from_rfc3339("2026-11-23T09:00:00+07:00").unwrap();
    let mut loket = Loket::open(&path).unwrap();
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
    drop(loket);
    let t = Instant::now();
    let mut db = Db::open(&path).unwrap();
    generate(
        &mut db,
        DateTime::parse_from_rfc3339("2016-11-23T08:00:00+07:00").unwrap(),
    );
    drop(db);
    println!(
        "dataset: {CASES} permohonan, {} disposisi, dibuat dalam {:.1} s",
        CASES * 4,
        t.elapsed().as_secs_f64()
    );
    let mut loket = Loket::open(&path).unwrap();
    let kabid = loket.sign_in("kabid", PASSWORD).unwrap();
    time(
        "kotak masuk Kepala Bidang (disposition.inbox)",
        30,
        || loket.disposition_inbox(&kabid, now).unwrap(),
        Vec::len,
    );
    time(
        "Kotak Masuk + tenggat (inbox.kotak_masuk)",
        30,
        || loket.kotak_masuk(&kabid, now).unwrap(),
        |k| k.dispositions.len(),
    );
    time(
        "Kotak Masuk pencatat (+ verifikasi)",
        30,
        || loket.kotak_masuk(&admin, now).unwrap(),
        |k| k.dispositions.len() + k.to_verify.len(),
    );
    let filter = CaseFilter {
        year: Some(2024),
        service_id: "subdomain-hosting".into(),
        sifat: "segera".into(),
        ..CaseFilter::default()
    };
    time(
        "buku agenda: tahun+layanan+sifat",
        30,
        || loket.case_list(&admin, &filter, now).unwrap(),
        Vec::len,
    );
    let range = CaseFilter {
        from: "2025-01-01".into(),
        to: "2025-03-31".into(),
        status: "selesai".into(),
        limit: Some(200),
        ..CaseFilter::default()
    };
    time(
        "buku agenda: rentang tanggal+status (200)",
        30,
        || loket.case_list(&admin, &range, now).unwrap(),
        Vec::len,
    );
    let search = CaseFilter {
        text: "fiber optik Mranggen".into(),
        ..CaseFilter::default()
    };
    time(
        "pencarian teks: \"fiber optik Mranggen\"",
        30,
        || loket.case_list(&admin, &search, now).unwrap(),
        Vec::len,
    );
    let search = CaseFilter {
        text: "subdom".into(),
        limit: Some(100),
        ..CaseFilter::default()
    };
    time(
        "pencarian teks: \"subdom\" (100)",
        30,
        || loket.case_list(&admin, &search, now).unwrap(),
        Vec::len,
    );
    let window = CaseFilter {
        year: Some(2025),
        limit: Some(500),
        ..CaseFilter::default()
    };
    time(
        "buku agenda di jendela: satu tahun (500 terbaru)",
        30,
        || loket.case_list(&admin, &window, now).unwrap(),
        Vec::len,
    );
    let year = CaseFilter {
        year: Some(2025),
        ..CaseFilter::default()
    };
    let lines = loket.case_list(&admin, &year, now).unwrap().len();
    time(
        "ekspor Excel buku agenda satu tahun",
        5,
        || loket.case_export_xlsx(&admin, &year, now).unwrap(),
        |_| lines,
    );
}
