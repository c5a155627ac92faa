//! Every refusal of the request and disposition use cases: roles (a staf cannot register,
//! dispose, dispose upward or sign), holding the case, the state machine, withdrawal after
//! reading, bad input that writes nothing (missing fields, a wrong date, an unknown service,
//! a 2 GB attachment, a non-PDF named .pdf), sign-in, acting appointments and the audit chain.

#[path = "office.rs"]
mod office;

use chrono::NaiveDate;
use loket_api::account::NewAccount;
use loket_api::case::CaseFilter;
use loket_api::ErrorCode;
use loket_domain::catalog::Acting;
use loket_domain::roles::Role;
use loket_tests::backend;
use office::{at, hosting_request, open_to, send, Office, PASSWORD};

/// A Demak case verified and disposed to the Sekretaris; returns (office, case id).
fn disposed() -> (Office, i64) {
    let mut o = Office::new("demak");
    let kadis = o.account("umar", "kepala-dinas", None);
    o.account("sekretaris", "sekretaris", None);
    let admin = o.admin.clone();
    let l = &mut o.loket;
    let c = l
        .case_register(&admin, &hosting_request(), at("2026-03-02T08:30:00+07:00"))
        .unwrap();
    l.case_verify(&admin, c.id, &[1, 2, 3], at("2026-03-02T08:40:00+07:00"))
        .unwrap();
    l.disposition_send(
        &kadis,
        &send(&["sekretaris"], "Proses lebih lanjut", c.id),
        at("2026-03-02T09:00:00+07:00"),
    )
    .unwrap();
    (o, c.id)
}

#[test]
fn a_staf_cannot_register_dispose_upward_or_sign() {
    let (mut o, id) = disposed();
    let staf = o.account("staf", "staf-jaringan", None);
    let now = at("2026-03-02T10:00:00+07:00");
    let err = o
        .loket
        .case_register(&staf, &hosting_request(), now)
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "a staf cannot register letters"
    );
    let err = o
        .loket
        .disposition_send(&staf, &send(&["kepala-dinas"], "Untuk diketahui", id), now)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden, "a staf has no dispose role");
    assert!(
        err.message.contains("dispose"),
        "the refusal names the role: {}",
        err.message
    );
    let err = o.loket.case_sign(&staf, id, now).unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden, "a staf cannot sign");
    assert!(
        err.message.contains("sign"),
        "the refusal names the role: {}",
        err.message
    );

    // Even with the dispose role, a staf holding a disposition cannot send it upward.
    let sub = o.account("subkoor", "subkoordinator-infrastruktur-jaringan", None);
    let staf2 = o.account("staf2", "staf-jaringan", Some(vec![Role::Dispose]));
    let c = o.loket.case_show(&sub, id, now).unwrap();
    let sekretaris = o.loket.sign_in("sekretaris", PASSWORD).unwrap();
    o.loket
        .disposition_send(
            &sekretaris,
            &send(
                &["subkoordinator-infrastruktur-jaringan"],
                "Proses lebih lanjut",
                c.id,
            ),
            now,
        )
        .unwrap();
    o.loket
        .disposition_send(
            &sub,
            &send(&["staf-jaringan"], "Proses lebih lanjut", id),
            now,
        )
        .unwrap();
    let err = o
        .loket
        .disposition_send(
            &staf2,
            &send(
                &["subkoordinator-infrastruktur-jaringan"],
                "Untuk diketahui",
                id,
            ),
            now,
        )
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "disposing upward is refused"
    );
    assert!(
        err.message.contains("ke atas"),
        "the refusal says why: {}",
        err.message
    );
}

#[test]
fn holding_reading_withdrawing_and_the_state_machine() {
    let (mut o, id) = disposed();
    let kabid = o.account("kabid", "kepala-bidang-aptika", None);
    let kadis = o.loket.sign_in("umar", PASSWORD).unwrap();
    let sekretaris = o.loket.sign_in("sekretaris", PASSWORD).unwrap();
    let now = at("2026-03-02T11:00:00+07:00");
    let l = &mut o.loket;
    let err = l
        .disposition_send(
            &kabid,
            &send(&["ketua-tim-spa"], "Proses lebih lanjut", id),
            now,
        )
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "only a holder of the case may dispose it"
    );
    let c = l.case_show(&kadis, id, now).unwrap();
    let to_sek = open_to(&c, "sekretaris");
    let err = l.disposition_read(&kabid, to_sek, now).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "a disposition is read only by its recipient"
    );
    let err = l.case_sign(&kadis, id, now).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Conflict,
        "a disposed case cannot be signed before it awaits signature"
    );
    let err = l
        .disposition_complete(&kadis, open_to(&c, "kepala-dinas"), None, now)
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Conflict,
        "a disposition with open forwards cannot be completed"
    );

    // Unread: the sender withdraws it; it leaves the recipient's inbox.
    l.disposition_withdraw(&kadis, to_sek, now).unwrap();
    assert!(
        l.disposition_inbox(&sekretaris, now).unwrap().is_empty(),
        "a withdrawn disposition leaves the inbox"
    );
    let c = l
        .disposition_send(
            &kadis,
            &send(&["sekretaris"], "Tanggapan dan saran", id),
            now,
        )
        .unwrap();
    let again = open_to(&c, "sekretaris");
    l.disposition_read(&sekretaris, again, now).unwrap();
    let err = l.disposition_withdraw(&kadis, again, now).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Conflict,
        "a read disposition cannot be withdrawn"
    );
    let err = l.disposition_withdraw(&sekretaris, again, now).unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden, "only the sender withdraws");
    let err = l
        .disposition_send(
            &sekretaris,
            &send(&["kepala-bidang-aptika"], "Terbangkan", id),
            now,
        )
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::BadInput,
        "an instruction outside the list is refused"
    );
    let mut late = send(&["kepala-bidang-aptika"], "Proses lebih lanjut", id);
    late.batas_waktu = "2026-02-01".into();
    let err = l.disposition_send(&sekretaris, &late, now).unwrap_err();
    assert!(
        err.message.contains("sudah lewat"),
        "a past batas waktu is refused: {}",
        err.message
    );
}

fn audit_len(o: &Office) -> usize {
    loket_api::store::check_file(o.loket.db_path(), &[]).unwrap();
    o.loket.audit_trail(&o.admin, None).unwrap().len()
}

#[test]
fn bad_input_is_explained_and_writes_nothing() {
    let mut o = Office::new("demak");
    let now = at("2026-03-02T10:00:00+07:00");
    let before = audit_len(&o);
    let admin = o.admin.clone();
    let mut missing = hosting_request();
    missing.applicant_name = " ".into();
    missing.hal = String::new();
    missing.letter_date = "27 Februari 2026".into();
    let err = o.loket.case_register(&admin, &missing, now).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::BadInput,
        "missing fields are bad input"
    );
    for part in [
        "nama pemohon belum diisi",
        "hal belum diisi",
        "tanggal surat",
        "TTTT-BB-HH",
    ] {
        assert!(
            err.message.contains(part),
            "the message names `{part}`: {}",
            err.message
        );
    }
    let mut unknown = hosting_request();
    unknown.service_id = "sewa-helikopter".into();
    let err = o.loket.case_register(&admin, &unknown, now).unwrap_err();
    assert!(
        err.message.contains("sewa-helikopter") && err.message.contains("loket services"),
        "an unknown service is named with where to look: {}",
        err.message
    );
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("pindaian-besar.pdf");
    let f = std::fs::File::create(&huge).unwrap();
    f.set_len(2 * 1024 * 1024 * 1024).unwrap();
    let fake = dir.path().join("surat.pdf");
    std::fs::write(&fake, b"MZ\x90\x00 this is a program, not a PDF").unwrap();
    for (path, words) in [(&huge, "melebihi batas"), (&fake, "isinya bukan PDF")] {
        let mut with = hosting_request();
        with.attachments = vec![path.clone()];
        let err = o.loket.case_register(&admin, &with, now).unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::BadInput,
            "a refused attachment is bad input"
        );
        assert!(
            err.message.contains(words),
            "{}: {}",
            path.display(),
            err.message
        );
    }
    assert!(
        o.loket
            .case_list(&admin, &CaseFilter::default(), now)
            .unwrap()
            .is_empty(),
        "no case was written by refused input"
    );
    assert_eq!(audit_len(&o), before, "no audit entry for refused input");
    let stored_files = |location: &std::path::Path| {
        loket_db::Db::open(location)
            .unwrap()
            .row_count("attachment_files")
            .unwrap()
    };
    assert_eq!(
        stored_files(o.loket.db_path()),
        0,
        "no attachment bytes were stored for refused input"
    );

    let real = dir.path().join("surat-permohonan.pdf");
    std::fs::write(
        &real,
        b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n",
    )
    .unwrap();
    let mut with = hosting_request();
    with.attachments = vec![real.clone()];
    let c = o.loket.case_register(&admin, &with, now).unwrap();
    assert_eq!(c.attachments.len(), 1, "a real PDF is attached");
    assert_eq!(
        c.attachments[0].name, "surat-permohonan.pdf",
        "the original name is kept"
    );
    let stored = o
        .loket
        .case_attachment_file(&admin, c.attachments[0].id, now)
        .unwrap();
    assert_eq!(
        stored.bytes,
        std::fs::read(&real).unwrap(),
        "the database holds the same bytes under their SHA-256"
    );
    assert_eq!(
        stored_files(o.loket.db_path()),
        1,
        "the bytes are stored once, in the database"
    );
    assert!(
        !o.loket.db_path().with_file_name("lampiran").exists()
            && !std::path::Path::new("postgres:").exists(),
        "no attachment folder is made beside the database (nor a `postgres:` folder for a server)"
    );
}

#[test]
fn sign_in_accounts_and_acting_appointments() {
    let mut o = Office::new("demak");
    let now = at("2026-03-02T10:00:00+07:00");
    let err = o.loket.sign_in("admin", "salah-sandi").unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Unauthorised,
        "a wrong password is refused"
    );
    let err = o.loket.sign_in("tidak-ada", PASSWORD).unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Unauthorised,
        "an unknown login gets the same refusal"
    );
    let err = o
        .loket
        .account_bootstrap("admin2", "Admin Kedua", PASSWORD, now)
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Conflict,
        "the first-run admin is created once"
    );
    let staf = o.account("staf", "staf-jaringan", None);
    let err = o
        .loket
        .account_create(
            &staf,
            &NewAccount {
                login: "baru".into(),
                name: "Baru".into(),
                position_id: "sekretaris".into(),
                password: PASSWORD.into(),
                ..NewAccount::default()
            },
            now,
        )
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "only an administrator creates accounts"
    );
    let err = o
        .loket
        .account_reset_password(&staf, "admin", "sandi-baru-123", now)
        .unwrap_err();
    assert_eq!(
        err.code,
        ErrorCode::Forbidden,
        "only an administrator resets passwords"
    );
    let admin = o.admin.clone();
    o.loket
        .account_reset_password(&admin, "staf", "sandi-baru-123", now)
        .unwrap();
    assert!(
        o.loket.sign_in("staf", PASSWORD).is_err(),
        "the old password stops working"
    );
    assert!(
        o.loket.sign_in("staf", "sandi-baru-123").is_ok(),
        "the new one works"
    );

    // Plh. Kepala Dinas for two days: the head's inbox is theirs within the range only.
    let sek = o.account("sekretaris", "sekretaris", None);
    o.loket
        .account_acting(
            &admin,
            "sekretaris",
            "kepala-dinas",
            Acting::Plh,
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
            now,
        )
        .unwrap();
    let c = o
        .loket
        .case_register(&admin, &hosting_request(), now)
        .unwrap();
    o.loket.case_verify(&admin, c.id, &[1, 2, 3], now).unwrap();
    assert_eq!(
        o.loket.disposition_inbox(&sek, now).unwrap().len(),
        1,
        "the Plh. sees the head's inbox during the appointment"
    );
    assert!(
        o.loket
            .disposition_inbox(&sek, at("2026-03-04T08:00:00+07:00"))
            .unwrap()
            .is_empty(),
        "after the appointment the head's inbox is no longer theirs"
    );

    let entries = o.loket.audit_trail(&admin, None).unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e.action == "case.verify" && e.actor == "admin"),
        "use cases write who and what"
    );
    assert!(
        entries
            .iter()
            .all(|e| !e.after.as_deref().unwrap_or("").contains("argon2")),
        "password hashes never enter the audit trail"
    );
}

/// Editing the audit trail in the database file is a laptop's threat, so this office is an
/// SQLite file whichever backend the run uses; on the office's server the application role
/// Loket logs in as may not change the audit trail at all (tests/postgres).
#[test]
fn a_history_edited_in_the_file_fails_the_check_naming_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    let mut o = Office::on("demak", &backend::sqlite_location(dir.path()));
    let admin = o.admin.clone();
    o.loket
        .case_register(&admin, &hosting_request(), at("2026-03-02T10:00:00+07:00"))
        .unwrap();
    let entries = o.loket.audit_trail(&admin, None).unwrap();
    let seq = entries
        .iter()
        .find(|e| e.action == "case.register")
        .unwrap()
        .seq;
    rusqlite::Connection::open(o.loket.db_path())
        .unwrap()
        .execute(
            "UPDATE audit SET after = '{\"hal\":\"diubah\"}' WHERE seq = ?1",
            [seq],
        )
        .unwrap();
    let check = loket_api::store::check_file(o.loket.db_path(), &[]).unwrap();
    assert!(!check.ok, "loket check fails on edited history");
    assert!(
        check
            .audit
            .iter()
            .any(|p| p.contains(&format!("entri {seq}"))),
        "the broken entry is named: {:?}",
        check.audit
    );
}

#[test]
fn overlong_text_and_terminal_escapes_are_refused_naming_the_field() {
    let mut o = Office::new("demak");
    let admin = o.admin.clone();
    let now = at("2026-03-02T10:00:00+07:00");
    let mut long = hosting_request();
    long.applicant_name = "Dinas ".repeat(12_000);
    let err = o.loket.case_register(&admin, &long, now).unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput
            && err.message.contains("nama pemohon terlalu panjang")
            && err.message.contains("paling banyak 200"),
        "a 72 000-character applicant name is refused with the field and the limit: {}",
        err.message
    );
    let mut escape = hosting_request();
    escape.hal = "Permohonan \u{1b}[2J hosting".into();
    let err = o.loket.case_register(&admin, &escape, now).unwrap_err();
    assert!(
        err.message.contains("hal memuat kode escape terminal"),
        "an ANSI escape in the hal is refused naming the field: {}",
        err.message
    );
    let mut bidi = hosting_request();
    bidi.applicant_name = "Dinas \u{202e}naknidideP".into();
    let err = o.loket.case_register(&admin, &bidi, now).unwrap_err();
    assert!(
        err.message.contains("pengubah arah teks"),
        "a right-to-left override is refused: {}",
        err.message
    );
    let list = o
        .loket
        .case_list(&admin, &CaseFilter::default(), now)
        .unwrap();
    assert!(list.is_empty(), "refused registrations store nothing");
}
