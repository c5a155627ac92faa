//! Loading a profile: a valid file loads; every kind of mistake is reported with file, line and
//! field, in Bahasa Indonesia.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use loket_domain::catalog::TimeUnit;
use loket_domain::load_profile;

const MINIMAL: &str = include_str!("fixtures/minimal.toml");

fn errors_of(text: &str) -> Vec<loket_domain::ProfileError> {
    load_profile("contoh.toml", text)
        .expect_err("the broken profile must be refused")
        .0
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .expect("needle in text")
        + 1
}

#[test]
fn minimal_profile_loads_with_versions_and_defaults() {
    let p = load_profile("contoh.toml", MINIMAL).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.services.len(), 2, "two versions of one service are kept");
    assert_eq!(
        p.current_services().len(),
        1,
        "the catalog shows one service per id"
    );
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert_eq!(
        p.service_on("permohonan-informasi", day("2024-06-01"))
            .unwrap()
            .time
            .amount,
        Some(10),
        "before the 2025 revision the 2024 time applies"
    );
    assert_eq!(
        p.service_on("permohonan-informasi", day("2025-02-01"))
            .unwrap()
            .time
            .amount,
        Some(5),
        "from its effective day the revision applies"
    );
    assert!(
        p.service_on("permohonan-informasi", day("2024-01-01"))
            .is_none(),
        "no version is in force before the first standard"
    );
    assert_eq!(
        p.people[0].nip, "197106021992031005",
        "NIP is stored without spaces"
    );
    assert_eq!(
        p.services[0].steps[1].time.as_ref().unwrap().unit,
        TimeUnit::Menit,
        "step times are structured"
    );
    assert_eq!(
        p.office_hours.weekly_minutes(),
        37 * 60 + 30,
        "no [office_hours]: the documented 37,5-hour default applies"
    );
}

#[test]
fn broken_toml_names_the_line() {
    let text = MINIMAL.replace("kode_pos = \"59511\"", "kode_pos = \"59511");
    let errs = errors_of(&text);
    assert_eq!(errs.len(), 1, "a syntax error stops parsing: {errs:?}");
    assert_eq!(
        errs[0].line,
        line_of(&text, "kode_pos"),
        "the line of the unterminated string is named"
    );
    assert!(
        errs[0].message.contains("TOML tidak dapat dibaca"),
        "the message is Indonesian: {}",
        errs[0].message
    );
    assert!(
        errs[0].to_string().starts_with("contoh.toml, baris "),
        "the file is named first: {}",
        errs[0]
    );
}

#[test]
fn unknown_time_unit_names_field_and_choices() {
    let text = MINIMAL.replace(
        "time = { amount = 5, unit = \"hari_kerja\" }",
        "time = { amount = 5, unit = \"pekan\" }",
    );
    let errs = errors_of(&text);
    assert_eq!(
        errs[0].line,
        line_of(&text, "\"pekan\""),
        "the line of the bad unit"
    );
    assert_eq!(errs[0].field, "services.time.unit", "the dotted field path");
    assert!(
        errs[0].message.contains("`pekan` tidak dikenal") && errs[0].message.contains("hari_kerja"),
        "names the value and the choices: {}",
        errs[0].message
    );
}

#[test]
fn duplicate_id_is_reported_at_the_second_use() {
    let text = MINIMAL
        .replace("id = \"ppid\"", "id = \"kepala-dinas\"")
        .replace("actor = \"ppid\"", "actor = \"kepala-dinas\"")
        .replace("reports_to = \"kepala-dinas\"\n", "");
    let errs = errors_of(&text);
    let dup = errs
        .iter()
        .find(|e| e.message.contains("dipakai dua kali"))
        .unwrap_or_else(|| panic!("duplicate reported: {errs:?}"));
    assert_eq!(dup.field, "positions.id", "the field is the id");
    assert_eq!(
        dup.line,
        text.match_indices("id = \"kepala-dinas\"")
            .nth(1)
            .map(|(i, _)| text[..i].lines().count() + 1)
            .unwrap(),
        "the second occurrence is the one named"
    );
}

#[test]
fn duplicate_service_in_one_standard_is_refused() {
    let text = MINIMAL.replace("standard = \"sp-2025\"", "standard = \"sp-2024\"");
    let errs = errors_of(&text);
    assert!(
        errs.iter()
            .any(|e| e.field == "services.id"
                && e.message.contains("sudah ada untuk standar `sp-2024`")),
        "same id twice in one standard: {errs:?}"
    );
}

#[test]
fn missing_required_field_is_named() {
    let text = MINIMAL.replace(
        "fee = \"Gratis\"\nproducts = [\"Informasi publik\"]",
        "products = [\"Informasi publik\"]",
    );
    let errs = errors_of(&text);
    assert_eq!(
        errs[0].field, "services.fee",
        "the missing field is named with its table: {errs:?}"
    );
    assert!(
        errs[0].message.contains("wajib diisi"),
        "says it is required: {}",
        errs[0].message
    );
    assert!(errs[0].line > 0, "a line is given");
}

#[test]
fn unknown_actor_and_unit_are_reported_together() {
    let text = MINIMAL
        .replace("actor = \"ppid\"", "actor = \"kasi-ppid\"")
        .replace(
            "unit = \"ikp\"\nlegal_basis = []",
            "unit = \"aptika\"\nlegal_basis = []",
        );
    let errs = errors_of(&text);
    let actor = errs
        .iter()
        .find(|e| e.field == "services.steps.actor")
        .unwrap_or_else(|| panic!("actor error: {errs:?}"));
    assert_eq!(
        actor.line,
        line_of(&text, "kasi-ppid"),
        "the step's actor line"
    );
    assert!(
        actor.message.contains("`kasi-ppid` tidak dikenal"),
        "names the unknown actor: {}",
        actor.message
    );
    assert!(
        errs.iter()
            .any(|e| e.field == "services.unit" && e.message.contains("`aptika`")),
        "all problems are collected, not just the first: {errs:?}"
    );
}

#[test]
fn amount_must_fit_the_unit() {
    let text = MINIMAL.replace(
        "time = { amount = 5, unit = \"hari_kerja\" }",
        "time = { amount = 5, unit = \"sesuai_jadwal\" }",
    );
    let errs = errors_of(&text);
    assert!(
        errs[0].message.contains("tidak memakai `amount`"),
        "a schedule-set time has no amount: {errs:?}"
    );
}

#[test]
fn bad_nip_date_and_hours_are_explained() {
    let text = MINIMAL
        .replace("nip = \"19710602 199203 1 005\"", "nip = \"1971\"")
        .replace("effective = \"2025-02-01\"", "effective = \"1 Februari 2025\"")
        .replace("time_zone = \"WIB\"", "time_zone = \"WIB\"\n\n[office_hours]\nsource = \"dokumen\"\n[[office_hours.days]]\ndays = [\"senin\"]\nopen = \"16:00\"\nclose = \"08:00\"");
    let errs = errors_of(&text);
    assert!(
        errs.iter()
            .any(|e| e.field == "people.nip" && e.message.contains("18 angka")),
        "NIP length: {errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.field == "standards.effective" && e.message.contains("TTTT-BB-HH")),
        "date format: {errs:?}"
    );
    assert!(errs.iter().any(|e| e.field == "office_hours.days.close" && e.message.contains("sesudah jam buka")), "closing before opening: {errs:?}");
}
