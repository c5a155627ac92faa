//! The words of an incoming letter: sifat, channel and applicant kind, with their Indonesian
//! names and parsing from what a person types.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

/// Defines a closed vocabulary: serde names, a label and `parse` that accepts the serde name,
/// the label in any case, and spaces or hyphens for underscores.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident, $what:literal { $($variant:ident => $label:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(TS))]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The word shown to people ("Sangat Segera").
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label),+
                }
            }

            /// Reads what a person typed. Errors name the field and list the accepted words.
            pub fn parse(text: &str) -> Result<$name, VocabularyError> {
                let norm = text.trim().to_lowercase().replace([' ', '-'], "_");
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.label().to_lowercase().replace([' ', '-'], "_") == norm)
                    .ok_or_else(|| VocabularyError {
                        field: $what,
                        value: text.to_string(),
                        accepted: $name::ALL.iter().map(|v| v.label().to_lowercase()).collect(),
                    })
            }
        }
    };
}

/// A word outside a closed list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field} `{value}` tidak dikenal; pilih salah satu: {}", accepted.join(", "))]
pub struct VocabularyError {
    pub field: &'static str,
    pub value: String,
    pub accepted: Vec<String>,
}

vocabulary!(
    /// Sifat surat: how urgent or confidential the letter is.
    Sifat, "sifat" {
        Biasa => "Biasa",
        Segera => "Segera",
        SangatSegera => "Sangat Segera",
        Rahasia => "Rahasia",
    }
);

vocabulary!(
    /// How the letter reached the office.
    Channel, "saluran" {
        Langsung => "Langsung",
        Surat => "Surat",
        Email => "Email",
        Srikandi => "Srikandi",
        Website => "Website",
    }
);

vocabulary!(
    /// Who is asking: an OPD of the same government, another institution, or a person.
    ApplicantKind, "jenis pemohon" {
        Opd => "OPD",
        Instansi => "Instansi",
        Perorangan => "Perorangan",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_read_the_way_people_type_them() {
        assert_eq!(
            Sifat::parse("sangat segera"),
            Ok(Sifat::SangatSegera),
            "a label with a space is accepted"
        );
        assert_eq!(
            Sifat::parse("SANGAT_SEGERA"),
            Ok(Sifat::SangatSegera),
            "the serde name is accepted in any case"
        );
        assert_eq!(
            Channel::parse("srikandi"),
            Ok(Channel::Srikandi),
            "channel Srikandi"
        );
        let err = Sifat::parse("kilat").unwrap_err();
        assert!(
            err.to_string().contains("sangat segera") && err.to_string().contains("sifat"),
            "an unknown word names the field and lists the choices: {err}"
        );
    }
}
