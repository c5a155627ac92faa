//! The office the authorisation table runs in: a Demak database with a case in the chain, a
//! booking, a blackout, a closure, a Ramadan schedule, a letter draft and a reserved number,
//! copied fresh for every use case so one refusal can never hide behind another's change.
//! On SQLite the world is a backup file copied per use case; on PostgreSQL it is the office's
//! own server database, copied per use case with `CREATE DATABASE … TEMPLATE` (tests/backend.rs).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use loket_api::account::Actor;
use loket_api::booking::{BookingRequest, NewResource};
use loket_api::letter::dto::{LetterRequest, NumberPatternView};
use loket_api::letter::flow::dto::NewDraft;
use loket_api::letter::Reservation;
use loket_domain::booking::ResourceKind;
use loket_domain::roles::Role;
use loket_tests::backend::{self, TestDatabase};

#[path = "office.rs"]
mod office;

pub use office::{at, hosting_request, open_to, send};

/// Ids of what the world holds (the same in every copy).
#[derive(Debug, Clone)]
pub struct Ids {
    /// Verified and disposed by the Kepala Dinas to the Sekretaris.
    pub case: i64,
    /// Registered, not yet verified.
    pub fresh_case: i64,
    /// The unread disposition of `case` to the Sekretaris.
    pub to_sekretaris: i64,
    pub booking: i64,
    pub blackout: i64,
    pub variant: i64,
    /// A konsep of a surat balasan prepared by the Sekretaris.
    pub draft: i64,
    /// A number reserved on its own (not held by a draft).
    pub number: i64,
    /// The number of a surat balasan the Kepala Dinas issued directly (a ralat can start
    /// from it).
    pub issued: String,
    /// A holiday file for 2026 and an attachment, both outside the database.
    pub holidays_file: PathBuf,
    pub attachment: PathBuf,
}

/// The template database and the people in it.
pub struct World {
    _dir: tempfile::TempDir,
    /// The database every copy is made from; nothing is connected to it once built.
    template: TestDatabase,
    pub admin: Actor,
    pub kadis: Actor,
    pub sekretaris: Actor,
    /// A staf account holding no role at all and no part in any case, draft or booking.
    pub tamu: Actor,
    /// An account holding every role, deactivated after it signed in.
    pub mantan: Actor,
    pub ids: Ids,
}

/// The moment every probe acts at.
pub fn now() -> DateTime<FixedOffset> {
    at("2026-03-03T10:00:00+07:00")
}

impl World {
    pub fn build() -> World {
        let mut o = office::Office::new("demak");
        let kadis = o.account("kadis", "kepala-dinas", None);
        let sekretaris = o.account("sekretaris", "sekretaris", None);
        let tamu = o.account("tamu", "staf-jaringan", Some(vec![]));
        let mantan = o.account("mantan", "staf-fo", Some(Role::ALL.to_vec()));
        let admin = o.admin.clone();
        let t = at("2026-03-02T09:00:00+07:00");
        let l = &mut o.loket;
        l.account_set_active(&admin, "mantan", false, t).unwrap();

        let case = l.case_register(&admin, &hosting_request(), t).unwrap().id;
        l.case_verify(&admin, case, &[1, 2, 3], t).unwrap();
        let c = l
            .disposition_send(
                &kadis,
                &send(&["sekretaris"], "Proses lebih lanjut", case),
                t,
            )
            .unwrap();
        let to_sekretaris = open_to(&c, "sekretaris");
        let fresh_case = l.case_register(&admin, &hosting_request(), t).unwrap().id;

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
            &admin,
            t,
        )
        .unwrap();
        let booking = l.booking_create(&booking_request(), &admin, t).unwrap().id;
        let blackout = l
            .blackout_add(
                Some("command-center"),
                at("2026-03-20T08:00:00+07:00"),
                at("2026-03-20T12:00:00+07:00"),
                "Perawatan AC",
                &admin,
                t,
            )
            .unwrap();
        l.calendar_add_closure(&admin, "2026-05-04", "pindah gedung", t)
            .unwrap();
        let variant = l
            .calendar_add_variant(
                &admin,
                "Ramadan 1447 H",
                "2026-02-18",
                "2026-03-19",
                "senin-kamis 08:00-14:30; jumat 08:00-11:00",
                t,
            )
            .unwrap();
        l.letter_pattern_set(&admin, &pattern(), t).unwrap();
        let draft = l
            .letter_draft(
                &sekretaris,
                &NewDraft {
                    kind: "surat_balasan".into(),
                    case_id: Some(case),
                },
                t,
            )
            .unwrap()
            .id;
        let number = l
            .letter_number_reserve(
                &sekretaris,
                &Reservation {
                    kind: "penolakan",
                    tanggal: t.date_naive(),
                    hal: "Penolakan permohonan",
                    case_id: None,
                    reserved_by: None,
                },
                t,
            )
            .unwrap()
            .id;
        let mut content = loket_api::Loket::letter_sample("surat_balasan").unwrap();
        content.tanggal = Some(t.date_naive());
        content.hal = "Jawaban atas permohonan data jaringan".into();
        let issued = l
            .letter_issue(
                &kadis,
                &LetterRequest {
                    kind: "surat_balasan".into(),
                    content,
                    signer: None,
                    case_id: None,
                },
                None,
                t,
            )
            .unwrap()
            .letter
            .nomor;
        // Seed the shipped holiday years now, so that reading the calendar later writes nothing.
        l.working_calendar().unwrap();

        let dir = tempfile::tempdir().unwrap();
        let holidays_file = dir.path().join("libur-2026.json");
        std::fs::write(
            &holidays_file,
            r#"[{"date":"2026-01-01","name":"Tahun Baru 2026 Masehi","kind":"libur_nasional"}]"#,
        )
        .unwrap();
        let attachment = dir.path().join("surat.txt");
        std::fs::write(&attachment, "lampiran permohonan").unwrap();
        let template = if backend::is_postgres() {
            // The office's own server database; its connection closes with `o` below, as a
            // server database with a session open on it cannot be a template.
            TestDatabase::adopt(l.db_path())
        } else {
            // A backup is one complete file (no write-ahead log beside it) to copy.
            let file = dir.path().join("template.db");
            l.store_backup(&file, |_, _| {}, at("2026-03-20T18:00:00+07:00"))
                .unwrap();
            TestDatabase::adopt(&file)
        };
        drop(o);
        World {
            _dir: dir,
            template,
            admin,
            kadis,
            sekretaris,
            tamu,
            mantan,
            ids: Ids {
                case,
                fresh_case,
                to_sekretaris,
                booking,
                blackout,
                variant,
                draft,
                number,
                issued,
                holidays_file,
                attachment,
            },
        }
    }

    /// A fresh copy of the template database with its own directory, and its location.
    pub fn copy(&self) -> (WorldCopy, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let db = backend::copy_database(self.template.location(), dir.path());
        let path = db.location().to_path_buf();
        assert_eq!(
            loket_db::is_server_location(&path),
            backend::is_postgres(),
            "the copy is on the run's backend"
        );
        (WorldCopy { _db: db, dir }, path)
    }
}

/// One copy of the world: its database (dropped from the server with it) and a directory
/// for the files a probe writes.
pub struct WorldCopy {
    _db: TestDatabase,
    dir: tempfile::TempDir,
}

impl WorldCopy {
    /// The copy's own directory.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }
}

pub fn booking_request() -> BookingRequest {
    BookingRequest {
        title: "Rapat koordinasi".into(),
        case_id: None,
        location: "Command Center".into(),
        outside_office: false,
        outside_hours: false,
        start: at("2026-03-10T09:00:00+07:00"),
        end: at("2026-03-10T11:00:00+07:00"),
        resources: vec![("command-center".into(), 1)],
        operators: vec![],
        rundown: String::new(),
        requested_by: "admin".into(),
    }
}

pub fn pattern() -> NumberPatternView {
    NumberPatternView {
        id: "keluar".into(),
        pattern: "{klasifikasi}/{urut}/{unit}/{tahun}".into(),
        klasifikasi: "000.9".into(),
        unit: "DKIS".into(),
        kinds: vec![
            "surat_balasan".into(),
            "penolakan".into(),
            "laporan_evaluasi".into(),
        ],
    }
}

/// Every table's row count and a hash of its rows, on either backend: any write shows as a
/// difference.
pub fn digest(db: &Path) -> BTreeMap<String, (i64, u64)> {
    backend::digest(db)
}

/// Rows in the audit trail.
pub fn audit_len(db: &Path) -> i64 {
    loket_db::Db::open_existing(db)
        .unwrap()
        .row_count("audit")
        .unwrap()
}
