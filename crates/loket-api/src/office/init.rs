//! `office.init`: import an office profile (shipped or from a file) in one transaction.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use sha2::{Digest, Sha256};

use loket_domain::roles::Role;

use crate::account::Actor;
use crate::dto::InitReport;
use crate::profiles::shipped;
use crate::{audit, ApiError, ErrorCode, Loket};

pub const ID: &str = "office.init";

/// Where the profile comes from.
#[derive(Debug, Clone)]
pub enum ProfileSource {
    /// One of the four shipped profiles, by id.
    Shipped(String),
    /// A TOML file in the format of `data/offices/SCHEMA.md`.
    File(PathBuf),
    /// A profile's text that a front door already read (the desktop app's file picker);
    /// `name` is the file name errors point at.
    Text { name: String, text: String },
}

/// A profile read and validated, not yet written anywhere.
#[derive(Debug, Clone)]
pub struct LoadedProfile {
    pub profile: loket_domain::OfficeProfile,
    pub sha256: String,
}

impl LoadedProfile {
    /// Reads and validates a profile without touching any database, so a bad file can be
    /// refused before a database is even created.
    ///
    /// Errors: `BadInput` for an unknown shipped id, an unreadable file or any profile error
    /// (each with file, line and field).
    pub fn read(source: &ProfileSource) -> Result<LoadedProfile, ApiError> {
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
            ProfileSource::Text { name, text } => (name.clone(), text.clone()),
        };
        let profile = loket_domain::load_profile(&file, &text)?;
        Ok(LoadedProfile {
            profile,
            sha256: hex::encode(Sha256::digest(text.as_bytes())),
        })
    }
}

impl Loket {
    /// Writes a validated profile in one transaction on first run: into an empty database,
    /// or again while no account exists yet (the setup screen before the first
    /// administrator). Once anyone can sign in, only an administrator re-imports
    /// ([`Loket::office_reimport`]).
    ///
    /// Errors: `Forbidden` once accounts exist; `OfficeMismatch` when the database holds
    /// another office (nothing written).
    pub fn office_import(
        &mut self,
        loaded: &LoadedProfile,
        now: DateTime<FixedOffset>,
    ) -> Result<InitReport, ApiError> {
        if !self.db.accounts()?.is_empty() {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                "kantor ini sudah diatur dan memiliki akun; impor ulang profil hanya oleh administrator yang masuk (`loket init --profile BERKAS.toml --user ADMIN`)",
            ));
        }
        let summary = self
            .db
            .import_profile(&loaded.profile, &loaded.sha256, &now.to_rfc3339())?;
        Ok(self.init_report(loaded, summary))
    }

    /// Re-imports the office's profile as an administrator, audited in the same transaction
    /// with the identity and officials before and after (the Kepala Dinas printed on the
    /// next letters comes from here).
    ///
    /// Errors: `Forbidden` without the administer role; `OfficeMismatch` for another
    /// office's profile (nothing written).
    pub fn office_reimport(
        &mut self,
        actor: &Actor,
        loaded: &LoadedProfile,
        now: DateTime<FixedOffset>,
    ) -> Result<InitReport, ApiError> {
        let me = self.current(actor)?;
        me.require(Role::Administer)?;
        let before = self.db.profile()?;
        let shape = |p: &loket_domain::OfficeProfile, sha: &str| {
            serde_json::json!({
                "kantor": p.office,
                "pejabat": p.people,
                "sumber_sha256": sha,
            })
        };
        let before = shape(&before, &self.db.office()?.source_sha256);
        let tx = self.db.begin()?;
        let summary = tx.import_profile(&loaded.profile, &loaded.sha256, &now.to_rfc3339())?;
        audit::record(
            &tx,
            now,
            me.id(),
            ID,
            &format!("kantor:{}", summary.office_id),
            Some(&before),
            Some(&shape(&loaded.profile, &loaded.sha256)),
        )?;
        tx.commit()?;
        Ok(self.init_report(loaded, summary))
    }

    fn init_report(
        &self,
        loaded: &LoadedProfile,
        summary: loket_db::profile::ImportSummary,
    ) -> InitReport {
        InitReport {
            office_id: summary.office_id,
            office_name: loaded.profile.office.name.clone(),
            updated: summary.updated,
            services: summary.services as u32,
            service_versions: summary.service_versions as u32,
            people: summary.people as u32,
            db_path: loket_db::display_location(self.db_path()),
        }
    }

    /// Reads, validates and imports in one call on first run: a bad profile leaves the
    /// database as it was. Errors as [`Loket::office_import`].
    pub fn office_init(
        &mut self,
        source: &ProfileSource,
        now: DateTime<FixedOffset>,
    ) -> Result<InitReport, ApiError> {
        let loaded = LoadedProfile::read(source)?;
        self.office_import(&loaded, now)
    }
}
