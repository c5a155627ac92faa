//! Data shapes the front doors receive. Generated into TypeScript for the UI (`ts` feature).

use loket_domain::catalog::{
    Acting, LetterKind, Office, OfficeHours, Party, Position, ServiceVersion, Sop, Standard, Unit,
};
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

/// A shipped office profile the first-run screen offers.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ShippedOffice {
    pub id: String,
    pub name: String,
    pub short_name: String,
    pub kota: String,
    pub time_zone: String,
    pub services: u32,
}

/// What `loket init` did.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct InitReport {
    pub office_id: String,
    pub office_name: String,
    /// True when the office already existed and was updated from the new profile.
    pub updated: bool,
    pub services: u32,
    pub service_versions: u32,
    pub people: u32,
    pub db_path: String,
}

/// One line of the service catalog.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ServiceSummary {
    pub id: String,
    pub name: String,
    pub group: Option<String>,
    pub unit_id: String,
    pub unit_name: String,
    /// The service time in words: "10 (sepuluh) hari kerja, dapat diperpanjang 7 (tujuh) hari kerja".
    pub time_words: String,
    pub fee: String,
    /// Standard (decision) of the version shown.
    pub standard_id: String,
    pub effective: String,
    /// `effective` as words: "27 Maret 2024".
    pub effective_words: String,
    /// How many versions (standards) define this service.
    pub versions: u32,
}

/// A procedure step ready to show: actor resolved to its name, time in words.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct StepView {
    pub number: u32,
    pub text: String,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    pub time_words: Option<String>,
    pub requirements: Vec<String>,
    pub outputs: Vec<String>,
}

/// One version of a service in its history.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct VersionView {
    pub standard_id: String,
    pub standard_number: String,
    pub standard_title: String,
    pub effective: String,
    /// `effective` as words: "27 Maret 2024".
    pub effective_words: String,
    pub time_words: String,
    /// True for the version shown in the detail.
    pub shown: bool,
}

/// A letter kind with its name.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct LetterView {
    pub kind: LetterKind,
    pub label: String,
}

/// The service page: everything its standard says, ready to read.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ServiceDetail {
    pub service: ServiceVersion,
    pub unit_name: String,
    pub time_words: String,
    pub steps: Vec<StepView>,
    pub letters: Vec<LetterView>,
    pub versions: Vec<VersionView>,
    pub standard: Standard,
    /// The standard's effective date as words: "27 Maret 2024".
    pub standard_effective_words: String,
    /// SOP step tables that detail this service.
    pub sops: Vec<SopView>,
}

/// An SOP with resolved steps.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SopView {
    pub sop: Sop,
    pub steps: Vec<StepView>,
}

/// A person as lists show them.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct PersonView {
    pub id: String,
    pub name: String,
    /// 18 digits, or empty.
    pub nip: String,
    /// "19700512 199403 1 007".
    pub nip_formatted: String,
    pub pangkat: Option<String>,
    pub golongan: Option<String>,
    pub position_id: Option<String>,
    /// Post title with "Plt."/"Plh." when acting.
    pub jabatan: String,
    pub acting: Option<Acting>,
}

/// Pengaturan → Profil Kantor: the office as stored.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct OfficeProfileView {
    pub office: Office,
    pub time_zone_label: String,
    pub office_hours: OfficeHours,
    /// "Senin–Kamis 07.30–16.00 (istirahat 12.00–13.00)" lines.
    pub office_hours_words: Vec<String>,
    pub units: Vec<Unit>,
    pub positions: Vec<Position>,
    pub parties: Vec<Party>,
    pub people: Vec<PersonView>,
    pub standards: Vec<Standard>,
    pub imported_at: String,
    /// The day of the import as words: "27 Maret 2024".
    pub imported_at_words: String,
    pub db_path: String,
}

/// Result of `loket check`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct CheckView {
    pub ok: bool,
    pub schema_version: i64,
    pub known_schema_version: i64,
    pub integrity: Vec<String>,
    pub foreign_keys: Vec<String>,
    /// Broken links of the audit hash chain (history edited or deleted), and every checkpoint
    /// the trail no longer matches. Empty when intact.
    pub audit: Vec<String>,
    /// The checkpoints the trail still matches, one line each.
    pub checkpoints: Vec<String>,
    /// Protected rows that differ from their last audited state (changed outside Loket).
    pub rows: Vec<String>,
    /// Attachments whose stored bytes do not match their SHA-256, or are not in the database
    /// (kept by an older Loket in a folder and missing or altered there), each named with its
    /// case and file name. Empty when every attachment is intact.
    pub attachments: Vec<String>,
    pub office_id: Option<String>,
}
