//! `app.setup`: first run — import the chosen profile, creating the database only when the
//! profile is valid.

use chrono::{DateTime, FixedOffset};

use super::Session;
use crate::dto::InitReport;
use crate::office::ProfileSource;
use crate::profiles::shipped;
use crate::{ApiError, Loket};

pub const ID: &str = "app.setup";

impl Session {
    /// Checks the whole profile before touching the disk, then creates (or opens) the
    /// database and imports it in one transaction. A bad profile leaves no file behind.
    ///
    /// Errors: `BadInput` with file, line and field for a bad profile or an unknown shipped
    /// id; `OfficeMismatch` when the database already holds another office.
    pub fn setup(
        &self,
        source: &ProfileSource,
        now: DateTime<FixedOffset>,
    ) -> Result<InitReport, ApiError> {
        match source {
            ProfileSource::Shipped(id) if shipped(id).is_none() => {
                return Err(ApiError::bad_input(format!(
                    "profil kantor `{id}` tidak dikenal; pilih Demak, Kediri, Jember atau Denpasar"
                )));
            }
            ProfileSource::Text { name, text } => {
                if text.trim().is_empty() {
                    return Err(ApiError::bad_input(format!(
                        "berkas profil {name} kosong; pilih berkas .toml profil kantor"
                    )));
                }
                loket_domain::load_profile(name, text)?;
            }
            _ => {}
        }
        let mut guard = self.lock()?;
        if guard.is_none() {
            *guard = Some(Loket::open(&self.db_path())?);
        }
        match guard.as_mut() {
            Some(loket) => loket.office_init(source, now),
            None => Err(ApiError::new(
                crate::ErrorCode::Internal,
                "basis data tidak terbuka",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-03-02T09:00:00+07:00").unwrap()
    }

    #[test]
    fn looking_before_first_run_creates_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("loket.db");
        let session = Session::new(&path);
        let status = session.status().unwrap();
        assert!(!status.initialised, "a missing database is not set up");
        assert!(
            !path.exists(),
            "asking for the status must not create the database"
        );
        let err = session.with(|l| l.catalog_list(None)).unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::NotInitialised,
            "use cases before first run say the office is not set up"
        );
    }

    #[test]
    fn a_bad_profile_file_is_reported_and_leaves_no_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("loket.db");
        let session = Session::new(&path);
        let bad = ProfileSource::Text {
            name: "kantor-rusak.toml".into(),
            text: "[office]\nid = \"x\"\nname = 12\n".into(),
        };
        let err = session.setup(&bad, now()).unwrap_err();
        assert_eq!(err.code, ErrorCode::BadInput, "a bad profile is bad input");
        assert!(
            err.message.contains("kantor-rusak.toml"),
            "the message names the file: {}",
            err.message
        );
        assert!(!path.exists(), "a bad profile must not create the database");
        let empty = ProfileSource::Text {
            name: "kosong.toml".into(),
            text: "  \n".into(),
        };
        let err = session.setup(&empty, now()).unwrap_err();
        assert!(
            err.message.contains("kosong"),
            "an empty file is named as empty"
        );
    }

    #[test]
    fn first_run_with_a_shipped_profile_sets_up_the_office() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("loket.db");
        let session = Session::new(&path);
        let report = session
            .setup(&ProfileSource::Shipped("kediri".into()), now())
            .unwrap();
        assert!(report.services > 0, "the catalog is imported");
        let status = session.status().unwrap();
        assert!(status.initialised, "after first run the office is set up");
        assert_eq!(
            status.office_id.as_deref(),
            Some("kediri"),
            "status names the imported office"
        );
        let services = session.with(|l| l.catalog_list(None)).unwrap();
        assert_eq!(
            services.len() as u32,
            report.services,
            "the session serves the imported catalog"
        );
        let reopened = Session::new(&path).status().unwrap();
        assert!(
            reopened.initialised,
            "a new session finds the existing office"
        );
    }

    #[test]
    fn an_unknown_shipped_profile_is_refused_before_creating_anything() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("loket.db");
        let err = Session::new(&path)
            .setup(&ProfileSource::Shipped("atlantis".into()), now())
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::BadInput, "unknown office is bad input");
        assert!(!path.exists(), "nothing is created for an unknown office");
    }
}
