//! Shared by the request scenarios: an office in a temporary directory with its first
//! administrator, accounts for posts, and the Demak hosting request.

#![allow(dead_code)]

use chrono::{DateTime, FixedOffset};
use loket_api::account::{Actor, NewAccount};
use loket_api::case::{CaseView, NewCase};
use loket_api::disposition::Dispatch;
use loket_api::office::ProfileSource;
use loket_api::Loket;
use loket_domain::roles::Role;

pub const PASSWORD: &str = "sandi-rahasia-1";

pub fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

pub struct Office {
    pub loket: Loket,
    pub admin: Actor,
    _dir: tempfile::TempDir,
}

impl Office {
    pub fn new(id: &str) -> Office {
        let dir = tempfile::tempdir().unwrap();
        let location = loket_tests::backend::db_location(dir.path());
        Office::in_database(id, &location, dir)
    }

    /// The office in the database at `location` (a file, or a server address as the
    /// PostgreSQL-only tests give), with its first administrator.
    pub fn on(id: &str, location: &std::path::Path) -> Office {
        Office::in_database(id, location, tempfile::tempdir().unwrap())
    }

    fn in_database(id: &str, location: &std::path::Path, dir: tempfile::TempDir) -> Office {
        let mut loket = Loket::open(location).unwrap();
        let now = at("2026-03-02T07:00:00+07:00");
        loket
            .office_init(&ProfileSource::Shipped(id.into()), now)
            .unwrap();
        let admin = loket
            .account_bootstrap("admin", "Admin Loket", PASSWORD, now)
            .unwrap();
        Office {
            loket,
            admin,
            _dir: dir,
        }
    }

    pub fn account(&mut self, login: &str, post: &str, roles: Option<Vec<Role>>) -> Actor {
        self.loket
            .account_create(
                &self.admin,
                &NewAccount {
                    login: login.into(),
                    name: format!("Pegawai {login}"),
                    nip: String::new(),
                    position_id: post.into(),
                    roles,
                    password: PASSWORD.into(),
                },
                at("2026-03-02T07:05:00+07:00"),
            )
            .unwrap();
        self.loket.sign_in(login, PASSWORD).unwrap()
    }
}

pub fn hosting_request() -> NewCase {
    NewCase {
        service_id: "subdomain-hosting".into(),
        applicant_kind: "OPD".into(),
        applicant_name: "Dinas Pendidikan dan Kebudayaan Kabupaten Demak".into(),
        applicant_phone: "(0291) 685123".into(),
        applicant_email: "disdikbud@demakkab.go.id".into(),
        letter_number: "400.3/512/2026".into(),
        letter_date: "2026-02-27".into(),
        hal: "Permohonan subdomain dan hosting aplikasi PPDB".into(),
        sifat: "segera".into(),
        channel: "srikandi".into(),
        received_at: "2026-03-02 08:15".into(),
        ..NewCase::default()
    }
}

pub fn send(to: &[&str], instruction: &str, case_id: i64) -> Dispatch {
    Dispatch {
        case_id,
        to: to.iter().map(|s| s.to_string()).collect(),
        instructions: vec![instruction.into()],
        note: String::new(),
        batas_waktu: "2026-03-06".into(),
        sifat: String::new(),
    }
}

/// The id of the open disposition to `post`.
pub fn open_to(view: &CaseView, post: &str) -> i64 {
    view.dispositions
        .iter()
        .rev()
        .find(|d| d.to_position == post && d.completed_at.is_none() && d.withdrawn_at.is_none())
        .map(|d| d.id)
        .unwrap_or_else(|| panic!("an open disposition to {post}"))
}

/// A notifier that keeps what the watcher showed to the person at the screen.
#[derive(Default)]
pub struct Shown(pub Vec<loket_api::sla::Notification>);

impl loket_api::sla::Notifier for Shown {
    fn show(&mut self, n: &loket_api::sla::Notification) -> Result<(), loket_api::ApiError> {
        self.0.push(n.clone());
        Ok(())
    }
}
