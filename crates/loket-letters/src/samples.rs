//! Sample content for every letter kind (`templates/contoh.json`): the live preview of an
//! edited template, the compile check before a template becomes active, tests and the
//! benchmark all render these.

use loket_domain::catalog::{LetterKind, Office, OfficeProfile};
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

/// The head of the region as letters name them: "Wali Kota" for a Kota, "Bupati" for a
/// Kabupaten (read from the kop's "PEMERINTAH KOTA …" / "PEMERINTAH KABUPATEN …").
pub fn kepala_daerah(office: &Office) -> &'static str {
    let p = office.pemerintah.to_uppercase();
    if p.contains("KOTA") && !p.contains("KABUPATEN") {
        "Wali Kota"
    } else {
        "Bupati"
    }
}

/// The sample content of a kind made fit for one office: the region's head in the tembusan
/// ("Wali Kota" for a Kota), and the office's own Kepala Dinas in the sample disposition
/// history, so no office's samples or drafts carry another office's names.
pub fn content_for(kind: LetterKind, profile: &OfficeProfile) -> Option<LetterContent> {
    let mut c = content(kind)?;
    let head = kepala_daerah(&profile.office);
    for t in c.tembusan.iter_mut() {
        if let Some(rest) = t.strip_prefix("Bupati") {
            *t = format!("{head}{rest}");
        }
    }
    let kadis =
        signer::resolve(profile, None, None).unwrap_or_else(|_| placeholder_signer(profile));
    // The disposition slip lists the office's own posts under its head, two of them ticked.
    let posts = disposition_posts(profile);
    if kind == LetterKind::LembarDisposisi && !posts.is_empty() {
        let chosen: Vec<String> = posts.iter().take(2).cloned().collect();
        c.isi
            .insert("pilihan_diteruskan".into(), posts.clone().into());
        c.isi.insert("diteruskan".into(), chosen.clone().into());
        if let Some(Value::Array(rows)) = c.isi.get_mut("riwayat") {
            for r in rows.iter_mut().filter_map(Value::as_object_mut) {
                r.insert("kepada".into(), Value::String(chosen.join(", ")));
            }
        }
    }
    if let Some(Value::Array(rows)) = c.isi.get_mut("riwayat") {
        for r in rows.iter_mut().filter_map(Value::as_object_mut) {
            r.insert("jabatan".into(), Value::String(kadis.jabatan.clone()));
            r.insert("nama".into(), Value::String(kadis.nama.clone()));
        }
    }
    Some(c)
}

/// Titles of the posts reporting directly to the office's head, in the profile's order: the
/// "Diteruskan kepada" checklist of a lembar disposisi the head fills.
pub fn disposition_posts(profile: &OfficeProfile) -> Vec<String> {
    let head = profile
        .positions
        .iter()
        .find(|p| p.kind == loket_domain::catalog::PositionKind::KepalaDinas);
    match head {
        Some(h) => profile
            .positions
            .iter()
            .filter(|p| p.reports_to.as_deref() == Some(h.id.as_str()))
            .map(|p| p.title.clone())
            .collect(),
        None => Vec::new(),
    }
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
    let content = content_for(kind, profile)?;
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
