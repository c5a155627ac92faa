//! `office.view`: Pengaturan → Profil Kantor.

use crate::dto::OfficeProfileView;
use crate::{ApiError, Loket};

pub const ID: &str = "office.view";

impl Loket {
    /// The office identity, hours, units, positions, parties, people and standards as stored.
    pub fn office_view(&self) -> Result<OfficeProfileView, ApiError> {
        let row = self.db.office()?;
        let profile = self.db.profile()?;
        Ok(OfficeProfileView {
            time_zone_label: row.office.time_zone.label().to_string(),
            office_hours_words: super::hours_words(&row.hours),
            office_hours: row.hours,
            office: row.office,
            people: crate::people::views(&profile),
            units: profile.units,
            positions: profile.positions,
            parties: profile.parties,
            standards: profile.standards,
            imported_at_words: loket_domain::tanggal::tanggal_teks(&row.imported_at),
            imported_at: row.imported_at,
            db_path: loket_db::display_location(self.db_path()),
        })
    }
}
