//! `office.setup.patterns`, `office.setup.resources`: what the first-run checklist proposes
//! from the office's own catalog — a numbering pattern for each letter kind its services
//! produce (the kode klasifikasi left for the administrator to fill in) and a room or
//! equipment pool for each kind of equipment its services book (quantities to confirm).
//! Creating them goes through `letter.pattern.set` and `resource.add`.

use loket_domain::booking::equipment::{Equipment, EQUIPMENT};
use loket_domain::booking::ResourceKind;
use loket_domain::catalog::{LetterKind, OfficeProfile};
use loket_letters::spec;
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::letter::dto::NumberPatternView;
use crate::{ApiError, Loket};

pub const PATTERNS: &str = "office.setup.patterns";
pub const RESOURCES: &str = "office.setup.resources";

/// The pattern proposed for every kind: kode klasifikasi, running number, unit code, Roman
/// month and year, as in `005/001/SETDA/VI/2026`.
pub const PROPOSED_PATTERN: &str = "{klasifikasi}/{urut:3}/{unit}/{bulan_romawi}/{tahun}";

/// Who produces the evaluation report (laporan evaluasi kinerja pelaksana), in a proposal.
pub const EVALUATION_BY: &str = "Evaluasi kinerja pelaksana (semua layanan)";

/// A numbering pattern proposed for one letter kind.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct PatternProposal {
    /// Klasifikasi empty: the administrator fills it in from the office's classification.
    pub pattern: NumberPatternView,
    pub kind_label: String,
    /// Services whose Standar Pelayanan produce this letter.
    pub services: Vec<String>,
}

/// A room or equipment pool proposed from the services that book it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ResourceProposal {
    pub id: String,
    pub name: String,
    /// "ruang" or "peralatan".
    pub kind: String,
    /// 1 to confirm; a room is always 1.
    pub quantity: u32,
    pub setup_minutes: u32,
    pub teardown_minutes: u32,
    /// The unit of the first service that books it (its head approves bookings).
    pub unit_id: String,
    pub unit_name: String,
    pub services: Vec<String>,
    /// True when a resource of this kind already exists (nothing to create).
    pub exists: bool,
}

/// The letter kinds the catalog's current services produce, in the order of the kinds, with
/// the services producing each. A surat bukti peminjaman is produced when a service books
/// equipment; the evaluation report is produced by every office. The lembar disposisi takes
/// no number.
pub(crate) fn produced_kinds(profile: &OfficeProfile) -> Vec<(LetterKind, Vec<String>)> {
    let services = profile.current_services();
    spec::ALL_KINDS
        .into_iter()
        .filter(|k| *k != LetterKind::LembarDisposisi)
        .filter_map(|k| {
            if k == LetterKind::LaporanEvaluasi {
                // Every standard ends with the evaluation of the service's performance: each
                // office signs its evaluation report, whatever its catalog produces.
                return Some((k, vec![EVALUATION_BY.to_string()]));
            }
            let by: Vec<String> = services
                .iter()
                .filter(|s| {
                    s.letters.contains(&k)
                        || (k == LetterKind::BuktiPeminjamanCc
                            && EQUIPMENT.iter().any(|e| e.booked_by(s)))
                })
                .map(|s| s.name.clone())
                .collect();
            (!by.is_empty()).then_some((k, by))
        })
        .collect()
}

/// The unit code proposed for numbers: the initials of the agency's name without "dan"
/// ("DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK" → "DKIS").
fn unit_code(profile: &OfficeProfile) -> String {
    profile
        .office
        .nama_dinas
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("dan"))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The equipment kinds the catalog books, each with the services booking it.
pub(crate) fn booked_equipment(profile: &OfficeProfile) -> Vec<(Equipment, Vec<String>, String)> {
    let services = profile.current_services();
    EQUIPMENT
        .into_iter()
        .filter_map(|e| {
            let by: Vec<_> = services.iter().filter(|s| e.booked_by(s)).collect();
            let unit = by.first().map(|s| s.unit.clone())?;
            Some((e, by.iter().map(|s| s.name.clone()).collect(), unit))
        })
        .collect()
}

impl Loket {
    /// A pattern for each letter kind the catalog produces that no pattern numbers yet.
    pub fn office_setup_patterns(&self) -> Result<Vec<PatternProposal>, ApiError> {
        let profile = self.db.profile()?;
        let existing = self.letter_pattern_list()?;
        let unit = unit_code(&profile);
        Ok(produced_kinds(&profile)
            .into_iter()
            .filter(|(k, _)| {
                let id = spec::kind_id(*k);
                !existing.iter().any(|p| p.kinds.iter().any(|x| x == id))
            })
            .map(|(k, services)| PatternProposal {
                pattern: NumberPatternView {
                    id: spec::kind_id(k).replace('_', "-"),
                    pattern: PROPOSED_PATTERN.to_string(),
                    klasifikasi: String::new(),
                    unit: unit.clone(),
                    kinds: vec![spec::kind_id(k).to_string()],
                },
                kind_label: k.label().to_string(),
                services,
            })
            .collect())
    }

    /// A room or pool for each kind of equipment the catalog's services book; `exists` when
    /// the office already has one of that kind (by id or by name).
    pub fn office_setup_resources(&self) -> Result<Vec<ResourceProposal>, ApiError> {
        let profile = self.db.profile()?;
        let have = self.resource_list()?;
        Ok(booked_equipment(&profile)
            .into_iter()
            .map(|(e, services, unit)| ResourceProposal {
                id: e.id.to_string(),
                name: e.name.to_string(),
                kind: match e.kind {
                    ResourceKind::Ruang => "ruang",
                    ResourceKind::Peralatan => "peralatan",
                }
                .to_string(),
                quantity: 1,
                setup_minutes: e.buffer_minutes,
                teardown_minutes: e.buffer_minutes,
                unit_name: profile
                    .units
                    .iter()
                    .find(|u| u.id == unit)
                    .map(|u| u.name.clone())
                    .unwrap_or_default(),
                unit_id: unit,
                services,
                exists: have.iter().any(|r| r.id == e.id || e.named_in(&r.name)),
            })
            .collect())
    }
}
