//! `catalog.list`: every service of the office, newest version of each, optionally filtered.

use crate::dto::ServiceSummary;
use crate::{ApiError, Loket};

pub const ID: &str = "catalog.list";

impl Loket {
    /// Services in catalog order. `query` matches name, unit, group or id, case-insensitively,
    /// every word of it somewhere (so "sertifikat baru" finds "Pembaruan Sertifikat").
    pub fn catalog_list(&self, query: Option<&str>) -> Result<Vec<ServiceSummary>, ApiError> {
        let profile = self.db.profile()?;
        let words: Vec<String> = query
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        Ok(profile
            .current_services()
            .into_iter()
            .map(|s| super::view::summary(&profile, s))
            .filter(|s| {
                let hay = format!(
                    "{} {} {} {}",
                    s.name,
                    s.unit_name,
                    s.group.as_deref().unwrap_or(""),
                    s.id
                )
                .to_lowercase();
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect())
    }
}
