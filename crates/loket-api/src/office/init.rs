//! `office.init`: import an office profile (shipped or from a file) in one transaction.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use sha2::{Digest, Sha256};

use crate::dto::InitReport;
use crate::profiles::shipped;
use crate::{ApiError, Loket};

pub const ID: &str = "office.init";

/// Where the profile comes from.
#[derive(Debug, Clone)]
pub enum ProfileSource {
    /// One of the four shipped profiles, by id.
    Shipped(String),
    /// A TOML file in the format of `data/offices/SCHEMA.md`.
    File(PathBuf),
}

impl Loket {
    /// Validates the whole profile first, then writes it in one transaction: a bad file leaves
    /// the database exactly as it was. Re-importing the same office updates it.
    ///
    /// Errors: `BadInput` for an unknown shipped id, an unreadable file or any profile error
    /// (each with file, line and field); `OfficeMismatch` when the database holds another office.
    pub fn office_init(
        &mut self,
        source: &ProfileSource,
        now: DateTime<FixedOffset>,
    ) -> Result<InitReport, ApiError> {
        let (file, text) = match source {
            ProfileSource::Shipped(id) => {
                let p = shipped(id).ok_or_else(|| {
                    ApiError::bad_input(format!(
                        "kantor `{id}` tidak dikenal; pilih salah satu: demak, kediri, jember, denpasar (atau --profile BERKAS.toml)"
                    ))
                })?;
                (p.file.to_string(), p.text.to_string())
            }
            ProfileSource::File(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| {
                    ApiError::bad_input(format!(
                        "berkas profil {} tidak dapat dibaca ({e}); periksa nama dan lokasinya",
                        path.display()
                    ))
                })?;
                (path.display().to_string(), text)
            }
        };
        let profile = loket_domain::load_profile(&file, &text)?;
        let sha = hex::encode(Sha256::digest(text.as_bytes()));
        let summary = self.db.import_profile(&profile, &sha, &now.to_rfc3339())?;
        Ok(InitReport {
            office_id: summary.office_id,
            office_name: profile.office.name.clone(),
            updated: summary.updated,
            services: summary.services as u32,
            service_versions: summary.service_versions as u32,
            people: summary.people as u32,
            db_path: self.db_path().display().to_string(),
        })
    }
}
