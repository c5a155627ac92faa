//! The four office profiles shipped with Loket, built into the binary.

/// A shipped profile: its id, file name and text.
pub struct ShippedProfile {
    pub id: &'static str,
    pub file: &'static str,
    pub text: &'static str,
}

/// Demak, Kediri, Jember and Denpasar, from their Standar Pelayanan documents.
pub const SHIPPED: [ShippedProfile; 4] = [
    ShippedProfile {
        id: "demak",
        file: "data/offices/demak.toml",
        text: include_str!("../../../data/offices/demak.toml"),
    },
    ShippedProfile {
        id: "kediri",
        file: "data/offices/kediri.toml",
        text: include_str!("../../../data/offices/kediri.toml"),
    },
    ShippedProfile {
        id: "jember",
        file: "data/offices/jember.toml",
        text: include_str!("../../../data/offices/jember.toml"),
    },
    ShippedProfile {
        id: "denpasar",
        file: "data/offices/denpasar.toml",
        text: include_str!("../../../data/offices/denpasar.toml"),
    },
];

/// The shipped profile with this id.
pub fn shipped(id: &str) -> Option<&'static ShippedProfile> {
    SHIPPED.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_profile_loads_without_errors() {
        for p in &SHIPPED {
            let profile =
                loket_domain::load_profile(p.file, p.text).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                profile.office.id, p.id,
                "a shipped profile's office id matches its file name"
            );
        }
    }
}
