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

    fn profile(id: &str) -> loket_domain::catalog::OfficeProfile {
        let p = shipped(id).expect("shipped profile");
        loket_domain::load_profile(p.file, p.text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn kediri_domain_takes_the_seven_working_days_its_own_row_gives() {
        let kediri = profile("kediri");
        let domain = kediri
            .services
            .iter()
            .find(|s| s.id == "domain")
            .expect("Kediri has a domain service");
        assert_eq!(
            domain.time.amount,
            Some(7),
            "the Kediri decision gives 'Durasi Penyelesaian : 7 hari kerja' for Pelayanan Domain"
        );
    }

    #[test]
    fn no_shipped_note_claims_a_component_the_document_has_is_missing() {
        let demak = profile("demak");
        let notes = demak
            .standards
            .iter()
            .flat_map(|s| s.notes.iter())
            .chain(demak.services.iter().flat_map(|s| s.notes.iter()));
        for n in notes {
            assert!(
                !(n.contains("komponen 14") && n.contains("tidak ada")),
                "Demak's module-test pages do have component 14 (Evaluasi Kinerja Pelaksana): {n}"
            );
        }
    }
}
