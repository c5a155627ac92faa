//! The window's database choice: where the desktop app starts (`--db`/`LOKET_DB`, else the
//! server this person connected last time, else the file in the app-data folder), switching
//! to the office's server from the first-run screen, back to the file on this computer, the
//! header's name for the database in use and the cheap check the window polls while offline.

use std::path::{Path, PathBuf};

use super::connection::ServerSettings;
use super::saved::ConnectionStore;
use super::Session;
use crate::{ApiError, Loket};

/// "Server kantor: server-kantor/loket" for a server address (port only when not 5432),
/// "Basis data lokal: loket.db" for a file.
pub fn location_label(location: &Path) -> String {
    if !loket_db::is_server_location(location) {
        let name = location
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| location.display().to_string());
        return format!("Basis data lokal: {name}");
    }
    let shown = loket_db::display_location(location);
    let rest = shown.split_once("://").map_or(shown.as_str(), |(_, r)| r);
    let at_host = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    let (host, db) = at_host.split_once('/').unwrap_or((at_host, ""));
    let host = host.strip_suffix(":5432").unwrap_or(host);
    format!("Server kantor: {host}/{db}")
}

impl Session {
    /// The desktop app's session: `explicit` (`--db` or `LOKET_DB`) when given, else the
    /// server this person connected to last time, else the default file. A saved server that
    /// cannot be read is reported on standard error and the default file is used; the
    /// first-run form then shows the reason ([`Session::saved_server`]).
    pub fn desktop(explicit: Option<PathBuf>) -> Session {
        let store = ConnectionStore::for_user();
        let saved = match (&explicit, &store) {
            (None, Some(store)) => match store.load() {
                Ok(s) => s.and_then(|s| s.url().ok()),
                Err(e) => {
                    eprintln!("peringatan: {}", e.message);
                    None
                }
            },
            _ => None,
        };
        let location = explicit
            .or_else(|| saved.map(PathBuf::from))
            .unwrap_or_else(crate::paths::default_db_path);
        Session::with_store(location, store)
    }

    /// The header's name for the database in use.
    pub fn location_label(&self) -> String {
        location_label(&self.db_path())
    }

    /// `app.connect`: switches this window to the office's server. The settings are checked,
    /// the server is connected to as Loket works on it (schema guard included) and the
    /// settings are kept for the next start; only then does the window change database, and
    /// whoever was signed in is signed out.
    ///
    /// Errors: `BadInput` naming each wrong field, or for a wrong password, a missing
    /// database or refused TLS; `Offline` when the server does not answer; `NewerSchema` for
    /// a server prepared by another version or not prepared at all; `Internal` when the
    /// settings cannot be saved. Nothing changes in any of these cases.
    pub fn connect_server(&self, settings: &ServerSettings) -> Result<(), ApiError> {
        let url = settings.url()?;
        let loket = Loket::open(Path::new(&url))?;
        if let Some(store) = &self.store {
            store.save(settings)?;
        }
        let mut guard = self.lock()?;
        *guard = Some(loket);
        self.set_location(PathBuf::from(url));
        drop(guard);
        self.sign_out()
    }

    /// Back to the database file on this computer: the saved server is forgotten, whoever
    /// was signed in is signed out.
    ///
    /// Errors: `Internal` when the saved settings cannot be removed.
    pub fn use_local_file(&self) -> Result<(), ApiError> {
        if let Some(store) = &self.store {
            store.forget()?;
        }
        let mut guard = self.lock()?;
        *guard = None;
        self.set_location(crate::paths::default_db_path());
        drop(guard);
        self.sign_out()
    }

    /// The server this person saved, without its password (the form asks for it again);
    /// the form's starting values when none is saved.
    ///
    /// Errors: those of [`ConnectionStore::load`], so the form can say why a saved server
    /// was not used.
    pub fn saved_server(&self) -> Result<ServerSettings, ApiError> {
        let saved = match &self.store {
            Some(store) => store.load()?,
            None => None,
        };
        Ok(match saved {
            Some(s) => ServerSettings {
                password: String::new(),
                ..s
            },
            None => ServerSettings::blank(),
        })
    }

    /// The cheap check the window polls while the server is away: one statement on the
    /// open database (connecting again when the connection was lost).
    ///
    /// Errors: `Offline` while the server does not answer; `NotInitialised` before first run.
    pub fn ping(&self) -> Result<(), ApiError> {
        self.with(|l| l.db.schema_version().map(|_| ()).map_err(ApiError::from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn the_header_names_the_file_or_the_server_without_the_password() {
        assert_eq!(
            location_label(Path::new(
                "/home/sri/.local/share/id.loket.desktop/loket.db"
            )),
            "Basis data lokal: loket.db",
            "a file is named by its file name"
        );
        assert_eq!(
            location_label(Path::new(
                "postgres://loket_app:rahasia@server-kantor:5432/loket?sslmode=require"
            )),
            "Server kantor: server-kantor/loket",
            "a server by host and database, the standard port and the password left out"
        );
        assert_eq!(
            location_label(Path::new("postgres://loket_app:x@10.0.0.5:6543/dinas")),
            "Server kantor: 10.0.0.5:6543/dinas",
            "another port is shown"
        );
    }

    #[test]
    fn a_server_that_does_not_answer_leaves_the_window_on_its_database() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("loket.db");
        let store = ConnectionStore::at(dir.path().join("config"));
        let session = Session::with_store(&file, Some(store.clone()));
        let settings = ServerSettings {
            host: "127.0.0.1".into(),
            port: "1".into(),
            password: "rahasia".into(),
            ..ServerSettings::blank()
        };
        let err = session.connect_server(&settings).unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::Offline,
            "nobody listens on port 1: the server is unreachable"
        );
        assert_eq!(
            session.db_path(),
            file,
            "the window keeps the database it had"
        );
        assert!(
            store.load().unwrap().is_none(),
            "and nothing is saved for a server that failed"
        );
        let empty = ServerSettings::blank();
        assert_eq!(
            session.connect_server(&empty).unwrap_err().code,
            ErrorCode::BadInput,
            "an empty form is bad input"
        );
    }

    #[test]
    fn the_saved_server_is_offered_without_its_password_and_local_use_forgets_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = ConnectionStore::at(dir.path().join("config"));
        let settings = ServerSettings {
            host: "server-kantor".into(),
            password: "rahasia".into(),
            ..ServerSettings::blank()
        };
        store.save(&settings).unwrap();
        let session = Session::with_store(settings.url().unwrap(), Some(store.clone()));
        assert!(session.is_server(), "a postgres:// location is a server");
        assert_eq!(
            session.location_label(),
            "Server kantor: server-kantor/loket",
            "the header names the server"
        );
        let offered = session.saved_server().unwrap();
        assert_eq!(
            (offered.host.as_str(), offered.password.as_str()),
            ("server-kantor", ""),
            "the form gets the server back but never the password"
        );
        let out = session.output_dir().display().to_string();
        assert!(
            !out.contains("postgres") && !out.contains("rahasia"),
            "printouts from a server never go to a folder made from its address: {out}"
        );
        session.use_local_file().unwrap();
        assert!(
            !session.is_server(),
            "the window is on the local file again"
        );
        assert!(
            store.load().unwrap().is_none(),
            "and the next start no longer connects to the server"
        );
    }

    /// On the throwaway cluster of scripts/with-postgres.sh (`LOKET_TEST_PG`); skipped
    /// without it.
    #[test]
    fn the_window_connects_to_a_prepared_server_sets_up_the_office_and_starts_there_again() {
        let Ok(base) = std::env::var("LOKET_TEST_PG") else {
            eprintln!(
                "dilewati: LOKET_TEST_PG tidak diatur (jalankan lewat scripts/with-postgres.sh)"
            );
            return;
        };
        let (head, _) = base.rsplit_once('/').unwrap();
        let host_port = head.rsplit_once('@').unwrap().1;
        let (host, port) = host_port.rsplit_once(':').unwrap();
        let db = format!("loket_sesi_{}", std::process::id());
        loket_db::server::init_server(
            &format!("{head}/{db}?sslmode=disable"),
            &loket_db::server::AppRole {
                name: "loket_sesi",
                password: Some("sandi-sesi-uji"),
            },
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let store = ConnectionStore::at(dir.path().join("config"));
        let session = Session::with_store(dir.path().join("loket.db"), Some(store.clone()));
        let settings = ServerSettings {
            host: host.into(),
            port: port.into(),
            database: db.clone(),
            user: "loket_sesi".into(),
            password: "sandi-sesi-uji".into(),
            ..ServerSettings::blank()
        };
        let wrong = ServerSettings {
            password: "keliru".into(),
            ..settings.clone()
        };
        assert_eq!(
            wrong.test().failure,
            Some(super::super::ConnectionFailure::Rejected),
            "a wrong password is named as such"
        );
        let missing = ServerSettings {
            database: format!("{db}_tidak_ada"),
            ..settings.clone()
        };
        assert_eq!(
            missing.test().failure,
            Some(super::super::ConnectionFailure::NoDatabase),
            "a database that is not there is named as such"
        );
        let t = settings.test();
        assert!(
            t.ok && t.office_name.is_none(),
            "a prepared, empty server: {t:?}"
        );
        session.connect_server(&settings).unwrap();
        assert!(session.is_server(), "the window is on the server now");
        let status = session.status().unwrap();
        assert!(
            !status.initialised && status.db_server,
            "the server has no office yet"
        );
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00+07:00").unwrap();
        session
            .setup(&crate::office::ProfileSource::Shipped("demak".into()), now)
            .unwrap();
        session
            .create_first_admin("admin", "Sri Wahyuni", "sandi-admin-kantor", now)
            .unwrap();
        session.ping().unwrap();
        let again = Session::with_store(
            store.load().unwrap().unwrap().url().unwrap(),
            Some(store.clone()),
        );
        let status = again.status().unwrap();
        assert!(
            status.initialised && status.has_accounts,
            "a second start on the saved server finds the office and its administrator"
        );
        assert!(
            !status.db_path.contains("sandi-sesi-uji"),
            "the status never carries the password: {}",
            status.db_path
        );
    }
}
