//! Counts and files bounded with clear messages: a weekly series longer than one request
//! may make is refused with its count (not cut short silently), and a holiday file listing
//! a date twice is refused with both lines; nothing is written either way. Every typed text
//! field (case notes, bookings, accounts, officials, letter drafts, SKM and complaints,
//! disposition instructions) refuses a too long value and control characters, naming the
//! field.

#[path = "authorisation_world.rs"]
mod world;

use chrono::NaiveDate;
use loket_api::letter::dto::{LetterContent, NumberPatternView};
use loket_api::letter::flow::dto::NewDraft;
use loket_api::office::officials::OfficialForm;
use loket_api::skm::{ComplaintEntry, SkmEntry};
use loket_api::{ErrorCode, Loket};
use loket_domain::booking::WeeklyRule;
use loket_domain::catalog::Weekday;
use world::{booking_request, now, World};

#[test]
fn a_series_until_2999_is_refused_with_its_count() {
    let w = World::build();
    let (_dir, path) = w.copy();
    let before = world::digest(&path);
    let mut l = Loket::open(&path).unwrap();
    let rule = WeeklyRule {
        weekdays: vec![Weekday::Selasa],
        every_weeks: 1,
        until: NaiveDate::from_ymd_opt(2999, 12, 31).unwrap(),
    };
    let err = l
        .booking_create_series(&booking_request(), &rule, &w.admin, now())
        .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput
            && err.message.contains("50")
            && err.message.contains("paling banyak 1000"),
        "a weekly series to 2999 is refused with its count and the limit: {}",
        err.message
    );
    drop(l);
    assert_eq!(world::digest(&path), before, "nothing is booked");
}

#[test]
fn a_holiday_file_with_a_date_twice_is_refused_with_the_lines() {
    let w = World::build();
    let (dir, path) = w.copy();
    let file = dir.path().join("libur-2026.json");
    std::fs::write(
        &file,
        "[\n  {\"date\": \"2026-05-14\", \"name\": \"Kenaikan Yesus Kristus\", \"kind\": \"libur_nasional\"},\n  {\"date\": \"2026-05-14\", \"name\": \"Libur daerah\", \"kind\": \"libur_daerah\"}\n]\n",
    )
    .unwrap();
    let before = world::digest(&path);
    let mut l = Loket::open(&path).unwrap();
    let err = l
        .calendar_replace_holidays(&w.admin, 2026, &file, now())
        .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput && err.message.contains("baris 2 dan baris 3"),
        "a date listed twice is refused naming both lines: {}",
        err.message
    );
    drop(l);
    assert_eq!(
        world::digest(&path),
        before,
        "the year's holidays stay as they were"
    );
}

/// One typed field: its name in the message, its limit, and the act that stores it.
type Probe = fn(&mut Loket, &World, &str) -> Result<(), loket_api::ApiError>;

/// The Kepala Dinas as an administrator types them, with `edit` applied.
fn official(edit: impl FnOnce(&mut OfficialForm)) -> OfficialForm {
    let mut f = OfficialForm {
        position_id: "kepala-dinas".into(),
        name: "Dr. Hartono, M.Si.".into(),
        nip: "19700512 200112 1 007".into(),
        pangkat: "Pembina Utama Muda".into(),
        golongan: "IV/c".into(),
        acting: None,
    };
    edit(&mut f);
    f
}

/// A complete surat balasan as its preparer saves it, with `edit` applied.
fn letter(edit: impl FnOnce(&mut LetterContent)) -> LetterContent {
    let mut c = LetterContent {
        tanggal: Some(NaiveDate::from_ymd_opt(2026, 3, 3).unwrap()),
        sifat: "Biasa".into(),
        lampiran: "-".into(),
        hal: "Jawaban permohonan subdomain".into(),
        kepada: vec![
            "Kepala Dinas Pendidikan dan Kebudayaan".into(),
            "Kabupaten Demak".into(),
        ],
        di: "Demak".into(),
        tembusan: vec!["Bupati Demak (sebagai laporan)".into(), "Arsip".into()],
        ..LetterContent::default()
    };
    c.isi.insert("surat_nomor".into(), "400.3/512/2026".into());
    c.isi.insert("surat_tanggal".into(), "2026-02-27".into());
    c.isi.insert(
        "surat_hal".into(),
        "Permohonan subdomain dan hosting".into(),
    );
    c.isi.insert(
        "isi".into(),
        serde_json::json!(["Subdomain telah dibuat.", "Demikian untuk diketahui."]),
    );
    edit(&mut c);
    c
}

/// The world's draft saved by its preparer with `edit` applied.
fn save_letter(
    l: &mut Loket,
    w: &World,
    edit: impl FnOnce(&mut LetterContent),
) -> Result<(), loket_api::ApiError> {
    l.letter_update(&w.sekretaris, w.ids.draft, &letter(edit), now())
        .map(|_| ())
}

/// A walk-in questionnaire with `edit` applied.
fn questionnaire(edit: impl FnOnce(&mut SkmEntry)) -> SkmEntry {
    let mut e = SkmEntry {
        service_id: Some("subdomain-hosting".into()),
        answered_on: "2026-03-03".into(),
        age: 35,
        sex: "P".into(),
        education: "s1".into(),
        occupation: "pns".into(),
        answers: "444444444".into(),
        source: "kertas".into(),
        ..SkmEntry::default()
    };
    edit(&mut e);
    e
}

/// A complaint about the hosting service with `edit` applied.
fn complaint(edit: impl FnOnce(&mut ComplaintEntry)) -> ComplaintEntry {
    let mut e = ComplaintEntry {
        kind: "pengaduan".into(),
        service_id: "subdomain-hosting".into(),
        channel: "1".into(),
        from_name: "Budi".into(),
        contact: "0812 3456 7890".into(),
        body: "Layanan lambat".into(),
        ..ComplaintEntry::default()
    };
    edit(&mut e);
    e
}

/// Every free-text field checked here, with the limit its message must name.
const FIELDS: &[(&str, usize, Probe)] = &[
    ("catatan disposisi", 4000, |l, w, v| {
        let mut d = world::send(&["sekretaris"], "Untuk diketahui", w.ids.case);
        d.note = v.into();
        l.disposition_send(&w.kadis, &d, now()).map(|_| ())
    }),
    ("laporan disposisi", 4000, |l, w, v| {
        l.disposition_report(&w.sekretaris, w.ids.to_sekretaris, v, now())
            .map(|_| ())
    }),
    ("catatan pengembalian", 4000, |l, w, v| {
        l.letter_return(&w.kadis, w.ids.draft, v, now()).map(|_| ())
    }),
    ("judul pemesanan", 200, |l, w, v| {
        let r = loket_api::booking::BookingRequest {
            title: v.into(),
            ..booking_request()
        };
        l.booking_create(&r, &w.admin, now()).map(|_| ())
    }),
    ("lokasi", 200, |l, w, v| {
        let r = loket_api::booking::BookingRequest {
            location: v.into(),
            ..booking_request()
        };
        l.booking_create(&r, &w.admin, now()).map(|_| ())
    }),
    ("pemesan", 200, |l, w, v| {
        let r = loket_api::booking::BookingRequest {
            requested_by: v.into(),
            ..booking_request()
        };
        l.booking_create(&r, &w.admin, now()).map(|_| ())
    }),
    ("rundown", 4000, |l, w, v| {
        let r = loket_api::booking::BookingRequest {
            rundown: v.into(),
            ..booking_request()
        };
        l.booking_create(&r, &w.admin, now()).map(|_| ())
    }),
    ("nama sumber daya", 200, |l, w, v| {
        let r = loket_api::booking::NewResource {
            id: "studio".into(),
            name: v.into(),
            kind: loket_domain::booking::ResourceKind::Ruang,
            quantity: 1,
            setup_minutes: 0,
            teardown_minutes: 0,
            unit: None,
            operators_needed: 0,
            skill: None,
        };
        l.resource_add(&r, &w.admin, now()).map(|_| ())
    }),
    ("alasan masa tutup", 500, |l, w, v| {
        let (s, e) = (
            world::at("2026-03-25T08:00:00+07:00"),
            world::at("2026-03-25T12:00:00+07:00"),
        );
        l.blackout_add(Some("command-center"), s, e, v, &w.admin, now())
            .map(|_| ())
    }),
    ("nama pemilik akun", 200, |l, w, v| {
        let new = loket_api::account::NewAccount {
            login: "baru".into(),
            name: v.into(),
            position_id: "staf-jaringan".into(),
            password: "sandi-pegawai-baru-1".into(),
            ..Default::default()
        };
        l.account_create(&w.admin, &new, now()).map(|_| ())
    }),
    ("NIP", 100, |l, w, v| {
        let new = loket_api::account::NewAccount {
            login: "baru".into(),
            name: "Pegawai Baru".into(),
            nip: v.into(),
            position_id: "staf-jaringan".into(),
            password: "sandi-pegawai-baru-1".into(),
            ..Default::default()
        };
        l.account_create(&w.admin, &new, now()).map(|_| ())
    }),
    ("nama pejabat", 200, |l, w, v| {
        l.office_official_set(&w.admin, &official(|f| f.name = v.into()), now())
            .map(|_| ())
    }),
    ("NIP pejabat", 100, |l, w, v| {
        l.office_official_set(&w.admin, &official(|f| f.nip = v.into()), now())
            .map(|_| ())
    }),
    ("pangkat pejabat", 100, |l, w, v| {
        l.office_official_set(&w.admin, &official(|f| f.pangkat = v.into()), now())
            .map(|_| ())
    }),
    ("golongan pejabat", 100, |l, w, v| {
        l.office_official_set(&w.admin, &official(|f| f.golongan = v.into()), now())
            .map(|_| ())
    }),
    ("hal", 150, |l, w, v| {
        save_letter(l, w, |c| c.hal = v.into())
    }),
    ("sifat", 100, |l, w, v| {
        save_letter(l, w, |c| c.sifat = v.into())
    }),
    ("lampiran", 200, |l, w, v| {
        save_letter(l, w, |c| c.lampiran = v.into())
    }),
    ("kepada baris 2", 200, |l, w, v| {
        save_letter(l, w, |c| c.kepada[1] = v.into())
    }),
    ("di", 200, |l, w, v| save_letter(l, w, |c| c.di = v.into())),
    ("tembusan baris 2", 200, |l, w, v| {
        save_letter(l, w, |c| c.tembusan[1] = v.into())
    }),
    ("isi.surat_hal", 4000, |l, w, v| {
        save_letter(l, w, |c| {
            c.isi.insert("surat_hal".into(), v.into());
        })
    }),
    ("isi.isi baris 2", 4000, |l, w, v| {
        save_letter(l, w, |c| {
            c.isi
                .insert("isi".into(), serde_json::json!(["Paragraf pertama.", v]));
        })
    }),
    ("isi.surat_tanggal", 100, |l, w, v| {
        save_letter(l, w, |c| {
            c.isi.insert("surat_tanggal".into(), v.into());
        })
    }),
    ("saran responden", 2000, |l, w, v| {
        let e = questionnaire(|e| e.suggestion = v.into());
        l.skm_record(&w.admin, &e, now()).map(|_| ())
    }),
    ("jenis kelamin", 100, |l, w, v| {
        let e = questionnaire(|e| e.sex = v.into());
        l.skm_record(&w.admin, &e, now()).map(|_| ())
    }),
    ("nama pengirim", 200, |l, w, v| {
        let e = complaint(|e| e.from_name = v.into());
        l.complaint_register(&w.admin, &e, now()).map(|_| ())
    }),
    ("kontak pengirim", 200, |l, w, v| {
        let e = complaint(|e| e.contact = v.into());
        l.complaint_register(&w.admin, &e, now()).map(|_| ())
    }),
    ("isi pengaduan", 2000, |l, w, v| {
        let e = complaint(|e| e.body = v.into());
        l.complaint_register(&w.admin, &e, now()).map(|_| ())
    }),
    ("saluran pengaduan", 200, |l, w, v| {
        let e = complaint(|e| e.channel = v.into());
        l.complaint_register(&w.admin, &e, now()).map(|_| ())
    }),
    ("petunjuk disposisi baris 2", 80, |l, w, v| {
        l.instruction_set(&w.admin, &["Untuk diketahui".into(), v.into()], now())
            .map(|_| ())
    }),
];

#[test]
fn every_typed_field_refuses_too_long_text_and_control_characters_writing_nothing() {
    let w = World::build();
    for (field, max, probe) in FIELDS {
        for (what, value, expect) in [
            (
                "one character too long",
                "a".repeat(max + 1),
                format!("paling banyak {max}"),
            ),
            (
                "100 000 characters",
                "a".repeat(100_000),
                format!("paling banyak {max}"),
            ),
            (
                "an ANSI escape",
                "Rapat \u{1b}[31mmerah".to_string(),
                "kode escape terminal".to_string(),
            ),
            (
                "a right-to-left override",
                "gpj.exe\u{202e}fdp".to_string(),
                "pengubah arah teks".to_string(),
            ),
        ] {
            let (_dir, path) = w.copy();
            let before = world::digest(&path);
            let mut l = Loket::open(&path).unwrap();
            let err = probe(&mut l, &w, &value).unwrap_err();
            assert!(
                err.code == ErrorCode::BadInput
                    && (err.message.contains(&format!("{field} terlalu panjang"))
                        || err.message.contains(&format!("{field} memuat")))
                    && err.message.contains(&expect),
                "{field}: {what} is refused naming the field ({expect}): {}",
                err.message
            );
            drop(l);
            assert_eq!(
                world::digest(&path),
                before,
                "{field}: nothing is written when {what} is refused"
            );
        }
    }
}

#[test]
fn a_holiday_file_for_2026_with_a_2027_date_is_refused_with_its_line() {
    let w = World::build();
    let (dir, path) = w.copy();
    let file = dir.path().join("libur-2026.json");
    std::fs::write(
        &file,
        "[\n  {\"date\": \"2026-05-14\", \"name\": \"Kenaikan Yesus Kristus\", \"kind\": \"libur_nasional\"},\n  {\"date\": \"2027-01-02\", \"name\": \"Cuti bersama\", \"kind\": \"cuti_bersama\"}\n]\n",
    )
    .unwrap();
    let before = world::digest(&path);
    let mut l = Loket::open(&path).unwrap();
    let err = l
        .calendar_replace_holidays(&w.admin, 2026, &file, now())
        .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput
            && err.message.contains("2027-01-02")
            && err.message.contains("baris 3")
            && err.message.contains("bukan tahun 2026"),
        "a date outside the file's year is refused naming the date and its line: {}",
        err.message
    );
    drop(l);
    assert_eq!(
        world::digest(&path),
        before,
        "the year's holidays stay as they were"
    );
}

#[test]
fn a_holiday_name_with_a_terminal_escape_is_refused() {
    let w = World::build();
    let (dir, path) = w.copy();
    let file = dir.path().join("libur-2026.json");
    std::fs::write(
        &file,
        "[{\"date\": \"2026-05-14\", \"name\": \"Kenaikan \\u001b[2J\", \"kind\": \"libur_nasional\"}]",
    )
    .unwrap();
    let before = world::digest(&path);
    let mut l = Loket::open(&path).unwrap();
    let err = l
        .calendar_replace_holidays(&w.admin, 2026, &file, now())
        .unwrap_err();
    assert!(
        err.code == ErrorCode::BadInput
            && err.message.contains("nama hari libur 2026-05-14")
            && err.message.contains("escape"),
        "an escape in a holiday name is refused naming the entry: {}",
        err.message
    );
    drop(l);
    assert_eq!(world::digest(&path), before, "nothing is written");
}

#[test]
fn a_table_cell_a_party_and_a_complaint_answer_are_refused_where_they_are() {
    let w = World::build();
    let (_dir, path) = w.copy();
    let mut l = Loket::open(&path).unwrap();
    l.letter_pattern_set(
        &w.admin,
        &NumberPatternView {
            id: "teknis".into(),
            pattern: "{klasifikasi}/{urut}/{unit}/{tahun}".into(),
            klasifikasi: "500.12.4".into(),
            unit: "DKIS".into(),
            kinds: vec![
                "rekomendasi_teknis_fo".into(),
                "berita_acara_hosting".into(),
            ],
        },
        now(),
    )
    .unwrap();
    let mut draft = |kind: &str| {
        l.letter_draft(
            &w.sekretaris,
            &NewDraft {
                kind: kind.into(),
                case_id: Some(w.ids.case),
            },
            now(),
        )
        .unwrap()
    };
    let fo = draft("rekomendasi_teknis_fo");
    let ba = draft("berita_acara_hosting");
    let complaint_id = l
        .complaint_register(&w.admin, &complaint(|_| {}), now())
        .unwrap()
        .id;
    drop(l);
    let before = world::digest(&path);
    let mut l = Loket::open(&path).unwrap();
    for (what, value, expect) in [
        ("100 000 characters", "a".repeat(100_000), "paling banyak"),
        (
            "an ANSI escape",
            "Jalan \u{1b}[31mmerah".to_string(),
            "kode escape terminal",
        ),
        (
            "a right-to-left override",
            "gpj.exe\u{202e}fdp".to_string(),
            "pengubah arah teks",
        ),
    ] {
        let mut c = fo.content.clone();
        c.isi.insert(
            "ruas".into(),
            serde_json::json!([
                {"lokasi": "Jalan Sultan Fatah", "panjang": "1.200 meter", "metode": "HDD"},
                {"lokasi": value, "panjang": "300 meter", "metode": "HDD"},
            ]),
        );
        let err = l
            .letter_update(&w.sekretaris, fo.id, &c, now())
            .unwrap_err();
        assert!(
            err.code == ErrorCode::BadInput
                && err.message.contains("isi.ruas baris 2 kolom lokasi")
                && err.message.contains(expect),
            "a table cell with {what} is refused naming its row and column: {}",
            err.message
        );
        let mut c = ba.content.clone();
        c.isi.insert(
            "pihak_kedua".into(),
            serde_json::json!({"nama": value, "jabatan": "Kepala Dinas", "instansi": "Dinas Pendidikan", "nip": ""}),
        );
        let err = l
            .letter_update(&w.sekretaris, ba.id, &c, now())
            .unwrap_err();
        assert!(
            err.code == ErrorCode::BadInput
                && err.message.contains("isi.pihak_kedua.nama")
                && err.message.contains(expect),
            "a party's name with {what} is refused naming the party and its part: {}",
            err.message
        );
        let err = l
            .complaint_answer(&w.admin, complaint_id, &value, now())
            .unwrap_err();
        assert!(
            err.code == ErrorCode::BadInput
                && err.message.contains("jawaban pengaduan")
                && err.message.contains(expect),
            "a complaint answer with {what} is refused naming the field: {}",
            err.message
        );
    }
    drop(l);
    assert_eq!(
        world::digest(&path),
        before,
        "no draft, complaint or audit entry changes when the text is refused"
    );
}
