//! `people.list`: officials and staff of the office.

use loket_domain::catalog::OfficeProfile;
use loket_domain::nip;

use crate::dto::PersonView;
use crate::{ApiError, Loket};

pub const LIST: &str = "people.list";

/// People with their posts resolved, in profile order.
pub(crate) fn views(profile: &OfficeProfile) -> Vec<PersonView> {
    profile
        .people
        .iter()
        .map(|p| {
            let title = p
                .position
                .as_deref()
                .and_then(|id| profile.positions.iter().find(|x| x.id == id))
                .map(|x| x.title.clone())
                .or_else(|| p.jabatan.clone())
                .unwrap_or_default();
            let jabatan = match p.acting {
                Some(a) => format!("{} {title}", a.prefix()),
                None => title,
            };
            PersonView {
                id: p.id.clone(),
                name: p.name.clone(),
                nip_formatted: nip::format(&p.nip),
                nip: p.nip.clone(),
                pangkat: p.pangkat.clone(),
                golongan: p.golongan.clone(),
                position_id: p.position.clone(),
                jabatan,
                acting: p.acting,
            }
        })
        .collect()
}

impl Loket {
    /// Everyone the office profile names.
    pub fn people_list(&self) -> Result<Vec<PersonView>, ApiError> {
        Ok(views(&self.db.profile()?))
    }
}
