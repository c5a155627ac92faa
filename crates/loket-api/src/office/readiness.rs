//! `office.readiness`: what a new office still lacks before it can issue letters and take
//! bookings, computed from the data each time (not from a "wizard done" flag): the officials
//! who sign, the region's emblem, the paper size, numbering patterns for the letters the
//! catalog produces, and the rooms and equipment its services book. Kotak Masuk shows the
//! missing steps; the first-run checklist (Pengaturan → Persiapan Kantor) does them.

use loket_domain::nip;
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::{ApiError, Loket};

pub const ID: &str = "office.readiness";

/// One step of the checklist.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ReadinessStep {
    /// "pejabat", "lambang", "kertas", "penomoran", "sumber_daya".
    pub id: String,
    pub label: String,
    pub done: bool,
    /// What is missing, or what is set, in one sentence.
    pub detail: String,
    /// True when letters cannot be drafted or issued until it is done.
    pub blocks_letters: bool,
}

/// The office's readiness.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Readiness {
    pub steps: Vec<ReadinessStep>,
    /// Steps not done.
    pub missing: u32,
}

fn step(id: &str, label: &str, done: bool, detail: String, blocks: bool) -> ReadinessStep {
    ReadinessStep {
        id: id.to_string(),
        label: label.to_string(),
        done,
        detail,
        blocks_letters: blocks,
    }
}

impl Loket {
    /// Each checklist step, done or not, from the data as it is now.
    pub fn office_readiness(&self) -> Result<Readiness, ApiError> {
        let profile = self.db.profile()?;
        let mut steps = Vec::new();

        let signer = loket_letters::signer::resolve(&profile, None, None).ok();
        let signer_ok = signer
            .as_ref()
            .is_some_and(|s| nip::normalize(&s.nip).is_some());
        steps.push(step(
            "pejabat",
            "Pejabat penanda tangan",
            signer_ok,
            match &signer {
                Some(s) if signer_ok => format!("{} — {}", s.jabatan, s.nama),
                Some(s) => format!(
                    "{} belum memiliki NIP 18 angka; lengkapi agar blok tanda tangan benar",
                    s.nama
                ),
                None => "Kepala Dinas belum ditetapkan: surat belum dapat disusun".into(),
            },
            true,
        ));

        let placeholder = self.emblem_is_placeholder()?;
        steps.push(step(
            "lambang",
            "Lambang daerah",
            !placeholder,
            if placeholder {
                "kop surat masih memakai lambang pengganti netral bawaan Loket".into()
            } else {
                "lambang daerah kantor terpasang pada kop surat".into()
            },
            false,
        ));

        let paper = self.office_paper()?;
        steps.push(step(
            "kertas",
            "Ukuran kertas",
            paper.chosen,
            if paper.chosen {
                format!("surat dimulai pada kertas {}", paper.kertas.to_uppercase())
            } else {
                "belum dipilih (sementara A4)".into()
            },
            false,
        ));

        let unnumbered = self.office_setup_patterns()?;
        steps.push(step(
            "penomoran",
            "Pola nomor surat",
            unnumbered.is_empty(),
            if unnumbered.is_empty() {
                "setiap jenis surat dari katalog layanan sudah memiliki pola nomor".into()
            } else {
                let names: Vec<&str> = unnumbered.iter().map(|p| p.kind_label.as_str()).collect();
                format!("belum ada pola nomor untuk: {}", names.join(", "))
            },
            true,
        ));

        let resources = self.office_setup_resources()?;
        let lacking: Vec<&str> = resources
            .iter()
            .filter(|r| !r.exists)
            .map(|r| r.name.as_str())
            .collect();
        steps.push(step(
            "sumber_daya",
            "Ruang dan peralatan",
            lacking.is_empty(),
            if lacking.is_empty() {
                "ruang dan peralatan yang dipesan layanan sudah terdaftar".into()
            } else {
                format!("belum terdaftar: {}", lacking.join(", "))
            },
            false,
        ));

        let missing = steps.iter().filter(|s| !s.done).count() as u32;
        Ok(Readiness { steps, missing })
    }
}
