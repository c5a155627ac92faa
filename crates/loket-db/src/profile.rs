//! Importing a whole office profile in one transaction, and reading it back.

use loket_domain::catalog::OfficeProfile;

use crate::sql::Conn;
use crate::{
    office, parties, people, positions, services, sops, standards, units, Db, DbError, Tx,
};

/// What an import changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub office_id: String,
    /// True when the office was already in the database (a re-import).
    pub updated: bool,
    pub services: usize,
    pub service_versions: usize,
    pub people: usize,
}

impl Db {
    /// Writes the profile, units, positions, parties, people, standards, services and SOPs in
    /// one transaction. Re-importing the same office updates it; what the new file no longer
    /// has is kept but marked inactive, so records that reference it stay valid.
    ///
    /// Errors: `OfficeMismatch` when the database holds another office (nothing written).
    pub fn import_profile(
        &mut self,
        profile: &OfficeProfile,
        source_sha256: &str,
        now: &str,
    ) -> Result<ImportSummary, DbError> {
        let tx = self.begin()?;
        let summary = import(tx.tx, profile, source_sha256, now)?;
        tx.commit()?;
        Ok(summary)
    }

    /// The active profile as stored.
    pub fn profile(&self) -> Result<OfficeProfile, DbError> {
        let row = self.office()?;
        Ok(OfficeProfile {
            office: row.office,
            office_hours: row.hours,
            units: self.units()?,
            positions: self.positions()?,
            parties: self.parties()?,
            people: self.people()?,
            standards: self.standards()?,
            services: self.service_versions()?,
            sops: self.sops()?,
        })
    }
}

impl Tx<'_> {
    /// [`Db::import_profile`] inside this transaction (a re-import audited with it).
    pub fn import_profile(
        &self,
        profile: &OfficeProfile,
        source_sha256: &str,
        now: &str,
    ) -> Result<ImportSummary, DbError> {
        import(self.tx, profile, source_sha256, now)
    }
}

fn import(
    tx: &Conn,
    profile: &OfficeProfile,
    source_sha256: &str,
    now: &str,
) -> Result<ImportSummary, DbError> {
    let existing = office::existing_id(tx)?;
    if let Some(existing) = &existing {
        if *existing != profile.office.id {
            return Err(DbError::OfficeMismatch {
                existing: existing.clone(),
                incoming: profile.office.id.clone(),
            });
        }
    }
    office::upsert(
        tx,
        &profile.office,
        &profile.office_hours,
        source_sha256,
        now,
    )?;
    units::replace_all(tx, &profile.units)?;
    positions::replace_all(tx, &profile.positions)?;
    parties::replace_all(tx, &profile.parties)?;
    people::replace_all(tx, &profile.people)?;
    standards::replace_all(tx, &profile.standards)?;
    services::replace_all(tx, &profile.services)?;
    sops::replace_all(tx, &profile.sops)?;
    let mut ids: Vec<&str> = profile.services.iter().map(|s| s.id.as_str()).collect();
    ids.dedup();
    ids.sort_unstable();
    ids.dedup();
    Ok(ImportSummary {
        office_id: profile.office.id.clone(),
        updated: existing.is_some(),
        services: ids.len(),
        service_versions: profile.services.len(),
        people: profile.people.len(),
    })
}
