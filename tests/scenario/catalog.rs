//! The four shipped catalogs through loket-api: counts pinned, fields spot-checked against the
//! seed documents, versions by effective date, re-import keeping retired services.

use chrono::{DateTime, FixedOffset, NaiveDate};
use loket_api::office::ProfileSource;
use loket_api::Loket;
use loket_domain::catalog::{Counting, TimeUnit};
use loket_tests::backend;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-23T09:00:00+07:00").unwrap()
}

/// The office `id` in memory on SQLite, or in a fresh server database on PostgreSQL.
fn office(id: &str) -> Loket {
    let mut loket = if backend::is_postgres() {
        Loket::open(std::path::Path::new(&backend::fresh_server_database()))
    } else {
        Loket::open_in_memory()
    }
    .unwrap();
    loket
        .office_init(&ProfileSource::Shipped(id.to_string()), now())
        .unwrap();
    loket
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[test]
fn service_counts_per_office_are_pinned() {
    for (id, count) in [
        ("demak", 21),
        ("kediri", 15),
        ("jember", 7),
        ("denpasar", 5),
    ] {
        assert_eq!(
            office(id).catalog_list(None).unwrap().len(),
            count,
            "{id}: every service its Standar Pelayanan establishes"
        );
    }
}

#[test]
fn demak_ppid_is_ten_plus_seven_working_days() {
    let d = office("demak")
        .catalog_show("ppid-permohonan-informasi", None)
        .unwrap();
    assert_eq!(
        (d.service.time.amount, d.service.time.unit),
        (Some(10), TimeUnit::HariKerja),
        "Demak PPID: 10 hari kerja"
    );
    let ext = d
        .service
        .time
        .extension
        .as_ref()
        .expect("PPID may be extended");
    assert_eq!(
        (ext.amount, ext.unit),
        (Some(7), TimeUnit::HariKerja),
        "UU 14/2008: extension of 7 hari kerja"
    );
    assert_eq!(
        d.time_words, "10 (sepuluh) hari kerja, dapat diperpanjang 7 (tujuh) hari kerja",
        "time in words for the service page"
    );
    assert!(
        d.letters.iter().any(|l| l.label.contains("perpanjangan")),
        "PPID produces the extension notice"
    );
}

#[test]
fn demak_tte_times_follow_the_2025_booklet_from_its_effective_day() {
    let demak = office("demak");
    let renew_2024 = demak
        .catalog_show("tte-pembaruan", Some(day("2024-12-31")))
        .unwrap();
    let renew_2025 = demak
        .catalog_show("tte-pembaruan", Some(day("2025-02-01")))
        .unwrap();
    assert_eq!(
        (renew_2024.service.time.amount, renew_2024.service.time.unit),
        (Some(30), TimeUnit::Menit),
        "March 2024: renewal 30 menit"
    );
    assert_eq!(
        (renew_2025.service.time.amount, renew_2025.service.time.unit),
        (Some(1), TimeUnit::Jam),
        "February 2025: renewal 1 jam"
    );
    let revoke_2024 = demak
        .catalog_show("tte-pencabutan", Some(day("2024-06-01")))
        .unwrap();
    let revoke_2025 = demak.catalog_show("tte-pencabutan", None).unwrap();
    assert_eq!(
        revoke_2024.service.time.amount,
        Some(30),
        "March 2024: revocation 30 menit"
    );
    assert_eq!(
        revoke_2025.service.time.amount,
        Some(15),
        "February 2025: revocation 15 menit"
    );
    assert_eq!(
        revoke_2025.versions.len(),
        2,
        "both versions are kept with their dates"
    );
    let sop = &demak.catalog_show("tte-penerbitan", None).unwrap().sops;
    assert_eq!(
        sop.len(),
        1,
        "the SOP Dinkominfo/4/3/82 details certificate issuance"
    );
    let numbers: Vec<u32> = sop[0].steps.iter().map(|s| s.number).collect();
    assert_eq!(
        numbers,
        vec![1, 2, 3, 6, 7, 8, 9],
        "SOP step numbers are kept as printed, gap included"
    );
    assert!(
        sop[0].steps.iter().all(|s| s.actor_name.is_some()),
        "each SOP step has its actor (OPD, Dinkominfo, BSrE)"
    );
}

#[test]
fn demak_subdomain_procedure_names_the_disposition_chain() {
    let d = office("demak")
        .catalog_show("subdomain-hosting", None)
        .unwrap();
    let actors: Vec<String> = d
        .steps
        .iter()
        .filter_map(|s| s.actor_name.clone())
        .collect();
    for post in [
        "Kepala Dinas",
        "Sekretaris",
        "Kepala Bidang Aplikasi Informatika",
    ] {
        assert!(
            actors.iter().any(|a| a.contains(post)),
            "subdomain procedure passes through {post}: {actors:?}"
        );
    }
    assert_eq!(
        d.service.time.unit,
        TimeUnit::SesuaiJadwal,
        "Demak's subdomain time is set by schedule"
    );
}

#[test]
fn kediri_bandwidth_is_24_wall_clock_hours_with_a_days_notice() {
    let kediri = office("kediri");
    let d = kediri.catalog_show("penambahan-bandwidth", None).unwrap();
    assert_eq!(
        (d.service.time.amount, d.service.time.unit),
        (Some(24), TimeUnit::Jam),
        "Kediri bandwidth: 24 jam"
    );
    assert_eq!(
        d.service.time.counting,
        Counting::TerusMenerus,
        "24 jam runs around the clock"
    );
    let notice = d
        .service
        .time
        .notice
        .as_ref()
        .expect("request one day before");
    assert_eq!(
        (notice.amount, notice.unit),
        (Some(1), TimeUnit::Hari),
        "one day's notice"
    );
    let list = kediri.catalog_list(None).unwrap();
    let renewals = list
        .iter()
        .filter(|s| {
            s.name
                .starts_with("Pelayanan Pembaruan Sertifikat Elektronik")
        })
        .count();
    assert_eq!(
        renewals, 2,
        "Kediri's decision lists the BSrE renewal twice; both are kept"
    );
    let people = kediri.people_list().unwrap();
    assert_eq!(people.len(), 56, "Kediri's staff list with jabatan and NIP");
    let head = people
        .iter()
        .find(|p| p.nip == "198112032006041014")
        .expect("the signing official");
    assert!(
        head.jabatan.starts_with("Plt."),
        "the Kepala Dinas acts as Plt.: {}",
        head.jabatan
    );
    assert_eq!(
        head.nip_formatted, "19811203 200604 1 014",
        "NIP grouped for print"
    );
    let hours = kediri.office_view().unwrap().office_hours_words;
    assert!(
        hours[0].starts_with("Senin–Kamis 08.00–15.45"),
        "Kediri's document gives Mon–Thu 08.00–15.45: {hours:?}"
    );
    assert!(
        hours.iter().any(|h| h.starts_with("Jumat 08.00–11.00")),
        "and Fri 08.00–11.00: {hours:?}"
    );
}

#[test]
fn jember_application_development_is_68_working_days() {
    let d = office("jember")
        .catalog_show("pembangunan-aplikasi", None)
        .unwrap();
    assert_eq!(
        (d.service.time.amount, d.service.time.unit),
        (Some(68), TimeUnit::HariKerja),
        "Jember: 68 hari kerja"
    );
    assert_eq!(
        d.time_words, "68 (enam puluh delapan) hari kerja",
        "in words"
    );
    let ppid = office("jember")
        .catalog_show("informasi-publik", None)
        .unwrap();
    let actors: Vec<String> = ppid
        .steps
        .iter()
        .filter_map(|s| s.actor_id.clone())
        .collect();
    assert!(
        actors.iter().any(|a| a.contains("ppid-utama"))
            && actors.iter().any(|a| a.contains("ppid-pelaksana")),
        "PPID Utama → PPID Pelaksana: {actors:?}"
    );
}

#[test]
fn denpasar_sectoral_data_is_3_or_7_working_days_in_wita() {
    let denpasar = office("denpasar");
    let d = denpasar
        .catalog_show("layanan-data-sektoral", None)
        .unwrap();
    assert_eq!(
        (d.service.time.amount, d.service.time.unit),
        (Some(3), TimeUnit::HariKerja),
        "Denpasar sectoral data: 3 hari kerja"
    );
    assert_eq!(
        d.service.time.alternatives.len(),
        1,
        "or 7 under a condition"
    );
    assert_eq!(
        d.service.time.alternatives[0].amount,
        Some(7),
        "the alternative is 7 hari kerja"
    );
    let view = denpasar.office_view().unwrap();
    assert_eq!(view.time_zone_label, "WITA", "Denpasar is in WITA");
    assert!(
        !view.standards[0].revokes.is_empty(),
        "the 2023 decision revokes the 2022 one"
    );
    assert!(
        denpasar
            .catalog_list(None)
            .unwrap()
            .iter()
            .all(|s| s.group.is_some()),
        "Denpasar's services are its five groups"
    );
}

#[test]
fn search_matches_every_word() {
    let demak = office("demak");
    let hits = demak.catalog_list(Some("sertifikat")).unwrap();
    assert!(
        hits.len() >= 6,
        "a single word finds every certificate service: {}",
        hits.len()
    );
    let hits = demak.catalog_list(Some("SERTIFIKAT pencabutan")).unwrap();
    assert_eq!(hits.len(), 1, "case-insensitive, all words: {hits:?}");
}

#[test]
fn reimport_updates_and_keeps_retired_services() {
    let dir = tempfile::tempdir().unwrap();
    let db = backend::db_location_named(dir.path(), "jember.db");
    let mut loket = Loket::open(&db).unwrap();
    loket
        .office_init(&ProfileSource::Shipped("jember".into()), now())
        .unwrap();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../data/offices/jember.toml"
    ))
    .unwrap();
    let start = text
        .find("id = \"liputan-kegiatan\"")
        .expect("liputan in Jember");
    let block_start = text[..start].rfind("[[services]]").unwrap();
    let block_end = text[start..]
        .find("\n[[services]]\n")
        .map(|i| start + i + 1)
        .unwrap();
    let edited = format!("{}{}", &text[..block_start], &text[block_end..])
        .replace("68 (enam puluh delapan)", "60 (enam puluh)");
    let file = dir.path().join("jember-revisi.toml");
    std::fs::write(&file, edited).unwrap();
    let report = loket
        .office_init(&ProfileSource::File(file), now())
        .unwrap();
    assert!(
        report.updated,
        "a second import of the same office is an update"
    );
    assert_eq!(
        report.services, 6,
        "the edited profile has one service fewer"
    );
    assert_eq!(
        loket.catalog_list(None).unwrap().len(),
        6,
        "the catalog no longer offers the removed service"
    );
    let retired = loket
        .catalog_show("liputan-kegiatan", None)
        .expect("cases that reference a removed service can still read it");
    assert_eq!(
        retired.service.time.amount,
        Some(3),
        "the retired service keeps its time"
    );
    let apps = loket.catalog_show("pembangunan-aplikasi", None).unwrap();
    assert!(
        apps.service
            .time
            .text
            .as_deref()
            .unwrap_or("")
            .contains("60 (enam puluh)"),
        "the edited wording replaced the old one"
    );
}
