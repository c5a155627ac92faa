//! `catalog.show`: one service with everything its standard says, as in force on a day.

use chrono::NaiveDate;
use loket_domain::catalog::describe_time;

use crate::dto::{LetterView, ServiceDetail, SopView, VersionView};
use crate::{ApiError, Loket};

pub const ID: &str = "catalog.show";

impl Loket {
    /// Service `id` as defined by the version in force on `on` (the newest when `None`).
    ///
    /// Errors: `NotFound` for an unknown id or a day before the service existed.
    pub fn catalog_show(&self, id: &str, on: Option<NaiveDate>) -> Result<ServiceDetail, ApiError> {
        let profile = self.db.profile()?;
        let history = self.db.service_history(id)?;
        if history.is_empty() {
            return Err(ApiError::not_found(format!(
                "layanan `{id}` tidak ada di katalog kantor ini; lihat daftar id dengan `loket services`"
            )));
        }
        let chosen = match on {
            Some(day) => history
                .iter()
                .filter(|v| v.effective <= day)
                .max_by_key(|v| v.effective)
                .ok_or_else(|| {
                    ApiError::not_found(format!(
                    "layanan `{id}` belum berlaku pada {day}; standar pertamanya berlaku sejak {}",
                    history[0].effective
                ))
                })?,
            None => history
                .iter()
                .max_by_key(|v| v.effective)
                .unwrap_or(&history[0]),
        };
        let standard = self
            .db
            .standards()?
            .into_iter()
            .find(|s| s.id == chosen.standard)
            .ok_or_else(|| {
                ApiError::not_found(format!(
                    "standar `{}` untuk layanan `{id}` tidak ditemukan",
                    chosen.standard
                ))
            })?;
        let standards = self.db.standards()?;
        let versions = history
            .iter()
            .map(|v| {
                let st = standards.iter().find(|s| s.id == v.standard);
                VersionView {
                    standard_id: v.standard.clone(),
                    standard_number: st.map(|s| s.number.clone()).unwrap_or_default(),
                    standard_title: st.map(|s| s.title.clone()).unwrap_or_default(),
                    effective: v.effective.to_string(),
                    effective_words: loket_domain::tanggal::tanggal(v.effective),
                    time_words: describe_time(&v.time),
                    shown: v.standard == chosen.standard,
                }
            })
            .collect();
        let sops = profile
            .sops
            .iter()
            .filter(|s| s.service.as_deref() == Some(id))
            .map(|s| SopView {
                sop: s.clone(),
                steps: s
                    .steps
                    .iter()
                    .map(|st| super::view::step_view(&profile, st))
                    .collect(),
            })
            .collect();
        Ok(ServiceDetail {
            unit_name: profile
                .unit_name(&chosen.unit)
                .unwrap_or(&chosen.unit)
                .to_string(),
            time_words: describe_time(&chosen.time),
            steps: chosen
                .steps
                .iter()
                .map(|s| super::view::step_view(&profile, s))
                .collect(),
            letters: chosen
                .letters
                .iter()
                .map(|k| LetterView {
                    kind: *k,
                    label: k.label().to_string(),
                })
                .collect(),
            versions,
            standard_effective_words: loket_domain::tanggal::tanggal(standard.effective),
            standard,
            sops,
            service: chosen.clone(),
        })
    }
}
