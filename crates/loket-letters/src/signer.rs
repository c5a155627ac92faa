//! Who signs: the signature block of a person of the office, or one written out.

use loket_domain::catalog::{OfficeProfile, Person, PositionKind};
use loket_domain::nip;
use serde::{Deserialize, Serialize};

use crate::error::LetterError;

/// The signer as the signature block prints them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signatory {
    /// With "Plt." / "Plh." in front when acting.
    pub jabatan: String,
    pub nama: String,
    /// "Pembina Utama Muda (IV/c)", or empty.
    pub pangkat: String,
    /// Grouped "19700512 199403 1 007", or empty.
    pub nip: String,
}

impl Signatory {
    /// The signature block of a person of the profile: the title of their position (or the
    /// jabatan as the document words it), prefixed with Plt./Plh. when acting.
    pub fn of(person: &Person, profile: &OfficeProfile) -> Signatory {
        // Same rule as the people list: the position's title, else the jabatan as written.
        let post = person
            .position
            .as_deref()
            .and_then(|id| profile.positions.iter().find(|p| p.id == id))
            .map(|p| p.title.clone())
            .or_else(|| person.jabatan.clone())
            .unwrap_or_default();
        let jabatan = match person.acting {
            Some(a) if !post.starts_with(a.prefix()) => format!("{} {post}", a.prefix()),
            _ => post,
        };
        let pangkat = match (&person.pangkat, &person.golongan) {
            (Some(p), Some(g)) => format!("{p} ({g})"),
            // The profile named only the pangkat: its golongan follows from the rank table.
            (Some(p), None) => match loket_domain::pangkat::golongan_of(p) {
                Some(g) => format!("{p} ({g})"),
                None => p.clone(),
            },
            (None, Some(g)) => g.clone(),
            (None, None) => String::new(),
        };
        Signatory {
            jabatan,
            nama: person.name.clone(),
            pangkat,
            nip: nip::format(&person.nip),
        }
    }
}

/// The signer of a letter: `explicit` when given, else the person `person_id` of the
/// profile, else the profile's Kepala Dinas (the first one listed).
///
/// Errors: an unknown person id, or an office that names nobody to sign.
pub fn resolve(
    profile: &OfficeProfile,
    person_id: Option<&str>,
    explicit: Option<&Signatory>,
) -> Result<Signatory, LetterError> {
    if let Some(s) = explicit {
        return Ok(s.clone());
    }
    let person = match person_id {
        Some(id) => {
            profile
                .people
                .iter()
                .find(|p| p.id == id)
                .ok_or_else(|| LetterError::BadField {
                    field: "penandatangan".into(),
                    label: "penandatangan surat",
                    why: format!(
                    "orang '{id}' tidak ada di profil kantor; lihat daftar dengan `loket people`"
                ),
                })?
        }
        None => head_of_office(profile).ok_or(LetterError::NoSigner)?,
    };
    Ok(Signatory::of(person, profile))
}

fn head_of_office(profile: &OfficeProfile) -> Option<&Person> {
    profile.people.iter().find(|p| {
        let Some(pos) = p.position.as_deref() else {
            return false;
        };
        profile
            .positions
            .iter()
            .any(|x| x.id == pos && x.kind == PositionKind::KepalaDinas)
    })
}
