//! The kinds of room and equipment a Diskominfo lends, and how a service's Standar
//! Pelayanan text shows that it books one. The vocabulary is shared by every office; which
//! of them an office needs, and under which unit, comes from its own catalog.

use super::ResourceKind;
use crate::catalog::ServiceVersion;

/// A kind of bookable room or equipment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Equipment {
    /// The resource id it is proposed under ("command-center").
    pub id: &'static str,
    pub name: &'static str,
    pub kind: ResourceKind,
    /// Minutes of preparation and packing up proposed for it.
    pub buffer_minutes: u32,
    /// Lower-case phrases that name it in a service's text.
    words: &'static [&'static str],
}

/// Every kind Loket recognises, in the order the checklist lists them.
pub const EQUIPMENT: [Equipment; 5] = [
    Equipment {
        id: "command-center",
        name: "Command Center",
        kind: ResourceKind::Ruang,
        buffer_minutes: 30,
        words: &["command center"],
    },
    Equipment {
        id: "vicon",
        name: "Perangkat video conference",
        kind: ResourceKind::Peralatan,
        buffer_minutes: 30,
        words: &[
            "video conference",
            "vicon",
            "video konferensi",
            "telekonferensi",
        ],
    },
    Equipment {
        id: "jammer",
        name: "Jammer (pengacak sinyal)",
        kind: ResourceKind::Peralatan,
        buffer_minutes: 30,
        words: &["jammer", "pengacak sinyal"],
    },
    Equipment {
        id: "streaming",
        name: "Perangkat live streaming",
        kind: ResourceKind::Peralatan,
        buffer_minutes: 30,
        words: &["streaming"],
    },
    Equipment {
        id: "sound-system",
        name: "Sound system",
        kind: ResourceKind::Peralatan,
        buffer_minutes: 60,
        words: &["sound system", "soundsystem"],
    },
];

impl Equipment {
    /// True when `text` names this kind.
    pub fn named_in(&self, text: &str) -> bool {
        let t = text.to_lowercase();
        self.words.iter().any(|w| t.contains(w))
    }

    /// True when the service's name, products, facilities, requirements or procedure steps
    /// name this kind: the service books it.
    pub fn booked_by(&self, s: &ServiceVersion) -> bool {
        std::iter::once(&s.name)
            .chain(s.group.iter())
            .chain(&s.products)
            .chain(&s.facilities)
            .chain(&s.requirements)
            .chain(s.steps.iter().map(|st| &st.text))
            .any(|t| self.named_in(t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_find_the_equipment_in_any_case() {
        let vicon = EQUIPMENT[1];
        assert!(
            vicon.named_in("Terselenggaranya Video Conference di Perangkat Daerah"),
            "the product line of a vicon service names the kit"
        );
        assert!(
            EQUIPMENT[4].named_in("Pemasangan perangkat Soundsystem"),
            "the spelling without a space is recognised"
        );
        assert!(
            !EQUIPMENT[0].named_in("Pelayanan Permohonan Informasi Publik"),
            "a service that books nothing proposes nothing"
        );
    }
}
