//! `office.shipped`: the office profiles Loket ships, for the first-run screen.

use crate::dto::ShippedOffice;
use crate::profiles::SHIPPED;
use crate::ApiError;

pub const ID: &str = "office.shipped";

/// The four shipped profiles with their names and service counts. Needs no database.
pub fn shipped_offices() -> Result<Vec<ShippedOffice>, ApiError> {
    SHIPPED
        .iter()
        .map(|p| {
            let profile = loket_domain::load_profile(p.file, p.text)?;
            Ok(ShippedOffice {
                id: profile.office.id.clone(),
                name: profile.office.name.clone(),
                short_name: profile.office.short_name.clone(),
                kota: profile.office.kota.clone(),
                time_zone: profile.office.time_zone.label().to_string(),
                services: profile.current_services().len() as u32,
            })
        })
        .collect()
}
