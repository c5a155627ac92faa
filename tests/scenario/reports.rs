//! The Laporan recap through loket-api: Demak's PPID requests of March 2026 — one completed on
//! time, one completed late, one still open and overdue, one open within its time, one
//! returned, one rejected — plus one received in February that the March recap leaves out;
//! and the same recap as an Excel workbook.

#[path = "office.rs"]
mod office;

use calamine::{Data, Reader, Xlsx};
use chrono::{DateTime, FixedOffset, NaiveDate};
use loket_api::account::Actor;
use loket_api::booking::{BookingRequest, NewResource};
use loket_api::case::NewCase;
use loket_api::letter::dto::{LetterRequest, NumberPatternView};
use loket_api::report::dto::{RecapRow, ServiceReport};
use loket_api::{ErrorCode, Loket};
use loket_domain::booking::ResourceKind;
use office::{at, send, Office};

const SERVICE: &str = "ppid-permohonan-informasi";

fn request(received: &str, hal: &str) -> NewCase {
    NewCase {
        service_id: SERVICE.into(),
        applicant_kind: "perorangan".into(),
        applicant_name: "Siti Aminah".into(),
        applicant_email: "siti@example.id".into(),
        letter_number: "-".into(),
        letter_date: received[..10].into(),
        hal: hal.into(),
        channel: "website".into(),
        received_at: received.into(),
        ..NewCase::default()
    }
}

fn register(o: &mut Office, received: &str, hal: &str) -> i64 {
    let admin = o.admin.clone();
    let when = at(&format!("{}:00+07:00", received.replace(' ', "T")));
    o.loket
        .case_register(&admin, &request(received, hal), when)
        .unwrap()
        .id
}

/// Verified, disposed to the Sekretaris, signed by the Kepala Dinas at `signed`.
fn complete(o: &mut Office, kadis: &Actor, id: i64, verified: &str, signed: &str) {
    let admin = o.admin.clone();
    let l = &mut o.loket;
    l.case_verify(&admin, id, &[1, 2], at(verified)).unwrap();
    l.disposition_send(
        kadis,
        &send(&["sekretaris"], "Proses lebih lanjut", id),
        at(verified),
    )
    .unwrap();
    l.case_await_signature(kadis, id, at(signed)).unwrap();
    let c = l.case_sign(kadis, id, at(signed)).unwrap();
    assert_eq!(c.status, "selesai", "case {id} is signed and closed");
}

/// The office at 8 April 2026 10.00 with its March requests.
fn march() -> (Office, Actor) {
    let mut o = Office::new("demak");
    let kadis = o.account("kadis", "kepala-dinas", None);
    o.account("sekretaris", "sekretaris", None);
    let admin = o.admin.clone();

    let feb = register(&mut o, "2026-02-27 09:00", "Salinan DPA 2025");
    complete(
        &mut o,
        &kadis,
        feb,
        "2026-03-02T08:00:00+07:00",
        "2026-03-02T10:00:00+07:00",
    );
    let on_time = register(&mut o, "2026-03-02 08:15", "Salinan DPA 2026");
    complete(
        &mut o,
        &kadis,
        on_time,
        "2026-03-02T09:00:00+07:00",
        "2026-03-04T10:00:00+07:00",
    );
    let late = register(&mut o, "2026-03-03 09:00", "Data jaringan kecamatan");
    complete(
        &mut o,
        &kadis,
        late,
        "2026-03-03T10:00:00+07:00",
        "2026-04-07T10:00:00+07:00",
    );
    register(&mut o, "2026-03-09 09:00", "Daftar aplikasi OPD");
    let returned = register(&mut o, "2026-03-10 09:00", "Rekap aduan SP4N");
    o.loket
        .case_give_back(&admin, returned, &[2], at("2026-03-10T09:30:00+07:00"))
        .unwrap();
    let rejected = register(&mut o, "2026-03-11 09:00", "Data pribadi pegawai");
    o.loket
        .case_reject(
            &admin,
            rejected,
            "informasi yang dikecualikan (data pribadi)",
            at("2026-03-11T10:00:00+07:00"),
        )
        .unwrap();
    register(&mut o, "2026-03-31 09:00", "Jadwal siaran RSKW");
    (o, kadis)
}

fn now() -> DateTime<FixedOffset> {
    at("2026-04-08T10:00:00+07:00")
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn recap(l: &mut Loket, kadis: &Actor) -> ServiceReport {
    l.report_services(kadis, day("2026-03-01"), day("2026-03-31"), now())
        .unwrap()
}

fn service_row<'a>(r: &'a ServiceReport, id: &str) -> &'a RecapRow {
    r.services.iter().find(|s| s.key == id).unwrap()
}

#[test]
fn march_recap_counts_what_became_of_each_request() {
    let (mut o, kadis) = march();
    let r = recap(&mut o.loket, &kadis);
    assert_eq!(
        r.period_words, "1 Maret 2026 s.d. 31 Maret 2026",
        "the period in Indonesian words"
    );
    let ppid = service_row(&r, SERVICE);
    assert_eq!(
        ppid.received, 6,
        "six requests were received in March; the February one is left out"
    );
    assert_eq!(ppid.completed, 2, "two were signed");
    assert_eq!(
        ppid.on_time, 1,
        "signed two working days after receipt, within 10 hari kerja"
    );
    assert_eq!(
        ppid.late, 1,
        "signed on 7 April, long after the 10 hari kerja from 3 March"
    );
    assert_eq!(ppid.on_time_percent, Some(50.0), "1 of the 2 measured");
    assert_eq!(ppid.returned, 1, "one waits for the applicant's KTP");
    assert_eq!(ppid.rejected, 1, "one asked for excepted information");
    assert_eq!(
        ppid.open, 2,
        "9 March and 31 March are still being worked on"
    );
    assert_eq!(
        ppid.open_overdue, 1,
        "on 8 April the 9 March request is past its 10 hari kerja; the 31 March one is not"
    );
    assert_eq!(
        ppid.median_days,
        Some(10.5),
        "median of 2 working days (2 to 4 March) and 19 (3 March to 7 April: 25 weekdays less \
         Nyepi, Idul Fitri, their cuti bersama and Good Friday)"
    );
    assert_eq!(
        ppid.received,
        ppid.completed + ppid.returned + ppid.rejected + ppid.open,
        "each request counts once"
    );
    assert_eq!(
        r.total.received, 6,
        "the total counts only March, every service"
    );
    let ikp = r.units.iter().find(|u| u.key == "ikp").unwrap();
    assert_eq!(ikp.received, 6, "PPID belongs to Bidang IKP");
    assert_eq!(ikp.late, 1, "the unit carries the service's late one");
    let hosting = service_row(&r, "subdomain-hosting");
    assert_eq!(
        hosting.received, 0,
        "every catalog service has a line, even with nothing received"
    );
    assert_eq!(
        hosting.on_time_percent, None,
        "nothing measured, no percentage"
    );
}

#[test]
fn february_holds_only_the_february_request_and_a_reversed_period_is_refused() {
    let (mut o, kadis) = march();
    let r = o
        .loket
        .report_services(&kadis, day("2026-02-01"), day("2026-02-28"), now())
        .unwrap();
    let ppid = service_row(&r, SERVICE);
    assert_eq!(
        (ppid.received, ppid.on_time),
        (1, 1),
        "signed the next working day: on time"
    );
    let err = o
        .loket
        .report_services(&kadis, day("2026-03-31"), day("2026-03-01"), now())
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::BadInput, "from after to is refused");
    assert!(
        err.message.contains("tukar"),
        "the message says how to fix it: {}",
        err.message
    );
}

#[test]
fn the_workbook_holds_the_same_tables() {
    let (mut o, kadis) = march();
    let bytes = o
        .loket
        .report_export_xlsx(&kadis, day("2026-03-01"), day("2026-03-31"), now())
        .unwrap();
    let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        book.sheet_names(),
        vec!["Layanan", "Bidang", "Peralatan", "Surat"],
        "four sheets in the order of the view"
    );
    let sheet = book.worksheet_range("Layanan").unwrap();
    let title = sheet.get_value((0, 0)).unwrap().to_string();
    assert!(
        title.contains("1 Maret 2026 s.d. 31 Maret 2026"),
        "the title names the period: {title}"
    );
    assert_eq!(
        sheet.get_value((2, 1)),
        Some(&Data::String("Diterima".into())),
        "the headings are in row 3"
    );
    let row = (3..sheet.height() as u32)
        .find(|r| {
            sheet.get_value((*r, 0))
                == Some(&Data::String("Layanan Permohonan Informasi Publik".into()))
        })
        .expect("a line for the PPID service");
    let num = |c: u32| match sheet.get_value((row, c)) {
        Some(Data::Float(f)) => *f,
        other => panic!("a number in column {c}: {other:?}"),
    };
    assert_eq!(num(1), 6.0, "received, as a number");
    assert_eq!(num(4), 1.0, "late, as a number");
    assert_eq!(num(5), 50.0, "% tepat waktu, as a number");
}

#[test]
fn bookings_are_counted_per_resource_with_their_hours_and_cancellations() {
    let mut o = Office::new("demak");
    let ketua = o.account("ketua.spa", "ketua-tim-spa", None);
    let l = &mut o.loket;
    let t = at("2026-03-02T10:00:00+07:00");
    l.resource_add(
        &NewResource {
            id: "command-center".into(),
            name: "Command Center".into(),
            kind: ResourceKind::Ruang,
            quantity: 1,
            setup_minutes: 0,
            teardown_minutes: 0,
            unit: Some("tim-spa".into()),
            operators_needed: 0,
            skill: None,
        },
        &o.admin,
        t,
    )
    .unwrap();
    let mut book = |title: &str, start: &str, end: &str| {
        l.booking_create(
            &BookingRequest {
                title: title.into(),
                case_id: None,
                location: "Command Center".into(),
                outside_office: false,
                outside_hours: false,
                start: at(start),
                end: at(end),
                resources: vec![("command-center".into(), 1)],
                operators: vec![],
                rundown: String::new(),
                requested_by: "Bappeda".into(),
            },
            &ketua,
            t,
        )
        .unwrap()
        .id
    };
    book(
        "Musrenbang",
        "2026-03-05T09:00:00+07:00",
        "2026-03-05T12:00:00+07:00",
    );
    let cancelled = book(
        "Rapat koordinasi",
        "2026-03-10T13:00:00+07:00",
        "2026-03-10T15:00:00+07:00",
    );
    book(
        "Zoom Kominfo",
        "2026-03-12T09:00:00+07:00",
        "2026-03-12T10:30:00+07:00",
    );
    book(
        "Rapat April",
        "2026-04-02T09:00:00+07:00",
        "2026-04-02T10:00:00+07:00",
    );
    l.booking_cancel(cancelled, "rapat ditunda", &ketua, t)
        .unwrap();
    let r = l
        .report_services(&ketua, day("2026-03-01"), day("2026-03-31"), now())
        .unwrap();
    let cc = r
        .resources
        .iter()
        .find(|u| u.resource_id == "command-center")
        .unwrap();
    assert_eq!(
        (cc.bookings, cc.cancelled),
        (2, 1),
        "two bookings held in March, one cancelled; the April one is left out"
    );
    assert_eq!(cc.hours, 4.5, "3 hours on 5 March and 1.5 on 12 March");
    assert!(
        r.letters.is_empty() && r.letters_total == 0,
        "no letter was issued in March"
    );
}

#[test]
fn letters_are_counted_per_kind_by_their_date() {
    let (mut o, kadis) = march();
    let admin = o.admin.clone();
    let l = &mut o.loket;
    l.letter_pattern_set(
        &admin,
        &NumberPatternView {
            id: "keluar".into(),
            pattern: "{klasifikasi}/{urut}/{unit}/{tahun}".into(),
            klasifikasi: "000.9".into(),
            unit: "DKIS".into(),
            kinds: vec!["surat_balasan".into(), "penolakan".into()],
        },
        at("2026-03-02T07:10:00+07:00"),
    )
    .unwrap();
    for (kind, date) in [
        ("surat_balasan", "2026-03-04"),
        ("surat_balasan", "2026-03-20"),
        ("penolakan", "2026-03-11"),
        ("surat_balasan", "2026-04-01"),
    ] {
        let mut content = Loket::letter_sample(kind).unwrap();
        content.tanggal = Some(day(date));
        let req = LetterRequest {
            kind: kind.into(),
            content,
            signer: None,
            case_id: None,
        };
        l.letter_issue(&kadis, &req, None, at(&format!("{date}T14:00:00+07:00")))
            .unwrap_or_else(|e| panic!("issuing {kind} of {date}: {e}"));
    }
    let r = recap(l, &kadis);
    let count = |kind: &str| r.letters.iter().find(|c| c.kind == kind).map(|c| c.count);
    assert_eq!(
        count("surat_balasan"),
        Some(2),
        "two answers dated in March; the 1 April one is left out"
    );
    assert_eq!(count("penolakan"), Some(1), "one refusal");
    assert_eq!(r.letters_total, 3, "three letters in March");
    assert!(
        r.letters.iter().all(|c| !c.label.contains('_')),
        "kinds are named in words: {:?}",
        r.letters
    );
}
