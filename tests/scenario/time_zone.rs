//! Every stored moment is in the office's time zone, whatever the caller's clock or the
//! offset a person typed: a Denpasar (WITA) office on a machine set to UTC, near New Year.

#[path = "office.rs"]
mod office;

use loket_api::case::NewCase;
use office::{at, Office};

fn request(received: &str) -> NewCase {
    NewCase {
        service_id: "layanan-tik".into(),
        applicant_kind: "OPD".into(),
        applicant_name: "Dinas Pendidikan".into(),
        letter_number: "400/1/2026".into(),
        letter_date: "2026-12-30".into(),
        hal: "Permohonan subdomain".into(),
        sifat: "biasa".into(),
        channel: "srikandi".into(),
        received_at: received.into(),
        ..NewCase::default()
    }
}

#[test]
fn moments_are_stored_in_the_office_zone_and_the_agenda_year_is_the_offices() {
    let mut o = Office::new("denpasar");
    let admin = o.admin.clone();
    // 31 Dec 2026 17:30 UTC is 1 Jan 2027 01:30 WITA.
    let utc_now = at("2026-12-31T17:30:00+00:00");
    let typed = o
        .loket
        .case_register(&admin, &request("2026-12-31T17:00:00+00:00"), utc_now)
        .unwrap_or_else(|e| panic!("register: {e}"));
    assert_eq!(
        typed.received_at, "2027-01-01T01:00:00+08:00",
        "a moment typed with another offset is converted to WITA"
    );
    assert_eq!(
        typed.year, 2027,
        "the case lands in the office's 2027 agenda book, not the machine's 2026"
    );
    let by_clock = o
        .loket
        .case_register(&admin, &request(""), utc_now)
        .unwrap();
    assert_eq!(
        by_clock.received_at, "2027-01-01T01:30:00+08:00",
        "a receipt taken from a UTC clock is stored in WITA"
    );
}
