//! Area C through loket-api: the agenda book as an Excel workbook (read back), registering
//! with uploaded bytes, previous applicants, the editable disposition instruction list,
//! activating and deactivating accounts, acting appointments, and every refusal.

#[path = "office.rs"]
mod office;

use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use loket_api::case::{CaseFilter, NewCase, Upload};
use loket_api::ErrorCode;
use loket_domain::catalog::Acting;
use loket_domain::roles::Role;
use office::{at, hosting_request, Office, PASSWORD};
use sha2::{Digest, Sha256};

/// A small but real PDF head (the store checks the magic bytes).
fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".to_vec()
}

fn upload(name: &str, bytes: Vec<u8>) -> Upload {
    Upload {
        name: name.into(),
        sha256: hex(&Sha256::digest(&bytes)),
        bytes,
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn second_request() -> NewCase {
    NewCase {
        applicant_name: "Dinas Kesehatan Kabupaten Demak".into(),
        letter_number: "440/77/2026".into(),
        hal: "Permohonan hosting, sistem \"antrian\", puskesmas".into(),
        received_at: "2026-03-03 10:30".into(),
        letter_date: "2026-03-02".into(),
        ..hosting_request()
    }
}

#[test]
fn agenda_book_exports_as_a_workbook_that_reads_back() {
    let mut o = Office::new("demak");
    let now = at("2026-03-04T09:00:00+07:00");
    o.loket
        .case_register(&o.admin, &hosting_request(), now)
        .unwrap();
    o.loket
        .case_register(&o.admin, &second_request(), now)
        .unwrap();
    let bytes = o
        .loket
        .case_export_xlsx(&o.admin, &CaseFilter::default(), now)
        .unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    let sheet = book.worksheet_range("Buku Agenda").unwrap();
    let rows: Vec<&[Data]> = sheet.rows().collect();
    assert_eq!(rows.len(), 3, "a heading row and one row per request");
    assert_eq!(
        rows[0][0].to_string(),
        "Nomor Agenda",
        "the heading row comes first"
    );
    assert_eq!(
        rows[0].len(),
        loket_api::case::EXPORT_HEADINGS.len(),
        "the same columns as the CSV export"
    );
    assert_eq!(
        rows[1][0].to_string(),
        "0001/2026",
        "oldest agenda number first"
    );
    assert!(
        matches!(rows[1][1], Data::DateTime(_)),
        "the receipt moment is a real date-time cell: {:?}",
        rows[1][1]
    );
    assert!(
        matches!(rows[1][4], Data::DateTime(_)),
        "the letter date is a real date cell: {:?}",
        rows[1][4]
    );
    assert_eq!(
        rows[2][5].to_string(),
        "Permohonan hosting, sistem \"antrian\", puskesmas",
        "commas and quotes survive unchanged"
    );

    let sheet_xml = zip_entry(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet_xml.contains("ySplit=\"1\"") && sheet_xml.contains("state=\"frozen\""),
        "the heading row is frozen"
    );
    assert!(
        sheet_xml.contains("<col ") && sheet_xml.contains("customWidth=\"1\""),
        "columns have set widths"
    );
    assert!(
        sheet_xml.contains("<autoFilter"),
        "the heading has a filter"
    );
    let styles = zip_entry(&bytes, "xl/styles.xml");
    assert!(
        styles.contains("<b/>"),
        "a bold font exists for the heading"
    );

    let filtered = o
        .loket
        .case_export_xlsx(
            &o.admin,
            &CaseFilter {
                text: "antrian".into(),
                ..CaseFilter::default()
            },
            now,
        )
        .unwrap();
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(filtered)).unwrap();
    assert_eq!(
        book.worksheet_range("Buku Agenda").unwrap().rows().count(),
        2,
        "the export follows the full-text filter"
    );
    let err = o
        .loket
        .case_export_xlsx(
            &o.admin,
            &CaseFilter {
                from: "kemarin".into(),
                ..CaseFilter::default()
            },
            now,
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::BadInput, "a bad date is refused");
    assert!(
        err.message.contains("tanggal awal"),
        "the refusal names the field: {}",
        err.message
    );
}

fn zip_entry(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn registering_with_uploaded_bytes_checks_their_hash_and_size() {
    let mut o = Office::new("demak");
    let now = at("2026-03-02T09:00:00+07:00");
    let mut bad = upload("surat.pdf", pdf());
    bad.sha256 = "00".repeat(32);
    let err = o
        .loket
        .case_register_uploads(&o.admin, &hosting_request(), &[bad], now)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::BadInput, "a changed file is refused");
    assert!(
        err.message.contains("SHA-256"),
        "the refusal says why: {}",
        err.message
    );
    let err = o
        .loket
        .case_register_uploads(
            &o.admin,
            &hosting_request(),
            &[upload("../surat.pdf", pdf())],
            now,
        )
        .unwrap_err();
    assert!(
        err.message.contains("tidak sah"),
        "a name with a folder is refused: {}",
        err.message
    );
    let err = o
        .loket
        .case_register_uploads(
            &o.admin,
            &hosting_request(),
            &[upload("surat.pdf", b"bukan pdf".to_vec())],
            now,
        )
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::BadInput,
        "a non-PDF named .pdf is refused by the store's checks: {}",
        err.message
    );
    assert!(
        o.loket
            .case_list(&o.admin, &CaseFilter::default(), now)
            .unwrap()
            .is_empty(),
        "nothing was registered by the refused attempts"
    );

    let c = o
        .loket
        .case_register_uploads(
            &o.admin,
            &hosting_request(),
            &[upload("surat-permohonan.pdf", pdf())],
            now,
        )
        .unwrap();
    assert_eq!(
        c.agenda_number, "0001/2026",
        "refusals consumed no agenda number"
    );
    assert_eq!(c.attachments.len(), 1, "the upload is attached");
    assert_eq!(
        c.attachments[0].name, "surat-permohonan.pdf",
        "the original name is kept"
    );
    assert_eq!(
        c.attachments[0].sha256,
        hex(&Sha256::digest(pdf())),
        "stored under its SHA-256"
    );

    let known = o.loket.case_applicants(&o.admin, now).unwrap();
    assert_eq!(known.len(), 1, "one previous applicant");
    assert_eq!(
        known[0].email, "disdikbud@demakkab.go.id",
        "their contacts come along for the form"
    );
    let staf = o.account("staf.umum", "administrator", Some(vec![Role::Book]));
    assert_eq!(
        o.loket.case_applicants(&staf, now).unwrap_err().code,
        ErrorCode::Forbidden,
        "applicant suggestions need the register role"
    );
}

#[test]
fn instruction_list_is_edited_by_administrators_only_and_audited() {
    let mut o = Office::new("demak");
    let now = at("2026-03-02T09:00:00+07:00");
    let preset = o.loket.instruction_list().unwrap();
    assert_eq!(
        preset,
        vec![
            "Tanggapan dan saran",
            "Proses lebih lanjut",
            "Koordinasikan/konfirmasikan",
            "Untuk diketahui",
            "Siapkan jawaban",
            "Hadiri/wakili"
        ],
        "the six preset instructions ship in this order"
    );
    let kadis = o.account("umar", "kepala-dinas", None);
    let err = o
        .loket
        .instruction_set(&kadis, &["Segera".into()], now)
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "a Kepala Dinas without administer cannot edit the list"
    );
    let err = o
        .loket
        .instruction_set(&o.admin, &["Untuk diketahui".into(), " ".into()], now)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::BadInput, "an empty line is refused");
    assert_eq!(
        o.loket.instruction_list().unwrap(),
        preset,
        "a refused edit changes nothing"
    );

    let mut new = preset.clone();
    new.swap(0, 1);
    new.push("Pantau dan laporkan".into());
    let saved = o.loket.instruction_set(&o.admin, &new, now).unwrap();
    assert_eq!(saved, new, "the new list is saved in the given order");
    assert_eq!(
        o.loket.instruction_list().unwrap(),
        new,
        "the dispose dialog reads the new list"
    );
    let trail = o.loket.audit_trail(&o.admin, Some("instructions")).unwrap();
    assert_eq!(trail.len(), 1, "the edit is audited once");
    assert_eq!(trail[0].action, "instruction.set", "under its use-case id");
}

#[test]
fn accounts_are_deactivated_reactivated_and_appointed_acting() {
    let mut o = Office::new("demak");
    let now = at("2026-03-02T09:00:00+07:00");
    let sek = o.account("sekretaris", "sekretaris", None);
    let err = o
        .loket
        .account_set_active(&sek, "admin", false, now)
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "only administrators deactivate accounts"
    );
    let err = o
        .loket
        .account_set_active(&o.admin.clone(), "admin", false, now)
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Conflict,
        "an administrator cannot lock themselves out"
    );
    let err = o
        .loket
        .account_set_active(&o.admin.clone(), "tidak.ada", false, now)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound, "an unknown login is named");

    let admin = o.admin.clone();
    o.loket
        .account_set_active(&admin, "sekretaris", false, now)
        .unwrap();
    assert_eq!(
        o.loket.sign_in("sekretaris", PASSWORD).unwrap_err().code,
        ErrorCode::Forbidden,
        "a deactivated account cannot sign in"
    );
    assert_eq!(
        o.loket.instruction_list().map(|_| ()).ok(),
        Some(()),
        "reading the list needs no account"
    );
    assert!(
        o.loket
            .case_register(&sek, &hosting_request(), now)
            .is_err(),
        "a session of a deactivated account is refused at once"
    );
    o.loket
        .account_set_active(&admin, "sekretaris", true, now)
        .unwrap();
    assert!(
        o.loket.sign_in("sekretaris", PASSWORD).is_ok(),
        "reactivated, the account signs in again"
    );

    let start = chrono::NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
    let end = chrono::NaiveDate::from_ymd_opt(2026, 3, 13).unwrap();
    o.loket
        .account_acting(
            &admin,
            "sekretaris",
            "kepala-dinas",
            Acting::Plh,
            start,
            end,
            now,
        )
        .unwrap();
    let acting = o.loket.account_acting_list(&admin).unwrap();
    assert_eq!(acting.len(), 1, "the appointment is listed");
    assert_eq!(acting[0].kind, "Plh.", "with its prefix in words");
    assert!(
        acting[0].position_title.starts_with("Kepala Dinas"),
        "and the post's title, not its id: {}",
        acting[0].position_title
    );
    assert_eq!(
        o.loket.account_acting_list(&sek).unwrap_err().code,
        ErrorCode::Forbidden,
        "only administrators see the appointments"
    );
    let posts = o.loket.account_posts(&admin).unwrap();
    let kadis = posts.iter().find(|p| p.id == "kepala-dinas").unwrap();
    assert!(
        kadis.default_roles.contains(&Role::Sign),
        "a Kepala Dinas post pre-ticks signing"
    );
    let trail = o
        .loket
        .audit_trail(&admin, Some("account:sekretaris"))
        .unwrap();
    assert!(
        trail
            .iter()
            .filter(|e| e.action == "account.set_active")
            .count()
            == 2,
        "both status changes are audited"
    );
}
