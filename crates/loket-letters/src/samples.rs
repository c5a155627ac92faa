//! Sample content for every letter kind (`templates/contoh.json`): the live preview of an
//! edited template, the compile check before a template becomes active, tests and the
//! benchmark all render these.

use loket_domain::catalog::{LetterKind, OfficeProfile};
use serde_json::Value;

use crate::model::{Letter, LetterContent};
use crate::signer::{self, Signatory};
use crate::spec;

const SAMPLES: &str = include_str!("../../../templates/contoh.json");

/// The sample content of a kind; `None` only if the bundled file lacks the kind (a test
/// guards that it never does).
pub fn content(kind: LetterKind) -> Option<LetterContent> {
    let all: Value = serde_json::from_str(SAMPLES).ok()?;
    serde_json::from_value(all.get(spec::kind_id(kind))?.clone()).ok()
}

/// Signer used for a sample when the office names nobody (e.g. Denpasar's profile).
pub fn placeholder_signer(profile: &OfficeProfile) -> Signatory {
    let jabatan = profile
        .positions
        .iter()
        .find(|p| p.kind == loket_domain::catalog::PositionKind::KepalaDinas)
        .map(|p| p.title.clone())
        .unwrap_or_else(|| "Kepala Dinas".to_string());
    Signatory {
        jabatan,
        nama: "NAMA PENANDATANGAN".into(),
        pangkat: "Pembina Utama Muda (IV/c)".into(),
        nip: "19700101 199001 1 001".into(),
    }
}

/// A complete sample letter of `kind` for an office: its kop, its Kepala Dinas (or the
/// placeholder signer), the sample content, and `nomor`.
pub fn letter(kind: LetterKind, profile: &OfficeProfile, nomor: Option<&str>) -> Option<Letter> {
    let content = content(kind)?;
    let penandatangan =
        signer::resolve(profile, None, None).unwrap_or_else(|_| placeholder_signer(profile));
    Some(Letter {
        kind,
        office: profile.office.clone(),
        penandatangan,
        nomor: nomor.map(str::to_string),
        content,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_sample_content() {
        for kind in spec::ALL_KINDS {
            assert!(
                content(kind).is_some(),
                "templates/contoh.json must hold a sample for {kind:?}: previews and checks need it"
            );
        }
    }
}
