//! The profile file as written: TOML with source positions on every field that is checked
//! after parsing, so errors can name the line.

use serde::Deserialize;
use serde_spanned::Spanned;

use super::types::{Acting, Counting, PositionKind, TimeUnit, UnitKind, Weekday};
use crate::time_zone::TimeZone;

pub type S<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProfile {
    pub schema: S<u32>,
    pub office: RawOffice,
    pub office_hours: Option<RawOfficeHours>,
    #[serde(default)]
    pub units: Vec<RawUnit>,
    #[serde(default)]
    pub positions: Vec<RawPosition>,
    #[serde(default)]
    pub parties: Vec<RawParty>,
    #[serde(default)]
    pub people: Vec<RawPerson>,
    #[serde(default)]
    pub standards: Vec<RawStandard>,
    #[serde(default)]
    pub services: Vec<RawService>,
    #[serde(default)]
    pub sops: Vec<RawSop>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOffice {
    pub id: S<String>,
    pub pemerintah: S<String>,
    pub nama_dinas: S<String>,
    pub name: S<String>,
    pub short_name: S<String>,
    pub alamat: String,
    pub telepon: String,
    pub faksimile: String,
    pub pos_el: String,
    pub laman: String,
    pub kode_pos: String,
    pub kota: S<String>,
    pub time_zone: TimeZone,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOfficeHours {
    pub source: super::types::HoursSource,
    pub days: Vec<RawDayHours>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDayHours {
    pub days: S<Vec<Weekday>>,
    pub open: S<String>,
    pub close: S<String>,
    #[serde(default)]
    pub breaks: Vec<RawBreak>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBreak {
    pub start: S<String>,
    pub end: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    pub id: S<String>,
    pub name: S<String>,
    pub kind: UnitKind,
    pub parent: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPosition {
    pub id: S<String>,
    pub title: S<String>,
    pub kind: PositionKind,
    pub unit: Option<S<String>>,
    pub reports_to: Option<S<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawParty {
    pub id: S<String>,
    pub name: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    pub id: S<String>,
    pub name: S<String>,
    pub nip: S<String>,
    pub pangkat: Option<String>,
    pub golongan: Option<String>,
    pub position: Option<S<String>>,
    pub jabatan: Option<String>,
    pub acting: Option<Acting>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStandard {
    pub id: S<String>,
    pub number: String,
    pub title: S<String>,
    pub effective: S<String>,
    pub signed_by: Option<S<String>>,
    #[serde(default)]
    pub revokes: Vec<String>,
    #[serde(default)]
    pub notes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDuration {
    pub amount: Option<S<u32>>,
    pub unit: S<TimeUnit>,
    pub text: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAlternative {
    pub amount: Option<S<u32>>,
    pub unit: S<TimeUnit>,
    pub condition: S<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTime {
    pub amount: Option<S<u32>>,
    pub unit: S<TimeUnit>,
    pub counting: Option<S<Counting>>,
    pub extension: Option<RawDuration>,
    pub notice: Option<RawDuration>,
    #[serde(default)]
    pub alternatives: Vec<RawAlternative>,
    pub text: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub number: Option<S<u32>>,
    pub text: S<String>,
    pub actor: Option<S<String>>,
    pub time: Option<S<RawTime>>,
    #[serde(default)]
    pub requirements: Vec<String>,
    #[serde(default)]
    pub outputs: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawService {
    pub id: S<String>,
    pub standard: S<String>,
    pub name: S<String>,
    pub group: Option<String>,
    pub unit: S<String>,
    pub legal_basis: Vec<String>,
    pub requirements: Vec<String>,
    pub fee: S<String>,
    pub products: Vec<String>,
    pub letters: Vec<S<String>>,
    pub complaints: Vec<String>,
    #[serde(default)]
    pub facilities: Vec<String>,
    pub staff: Option<String>,
    #[serde(default)]
    pub notes: Vec<String>,
    pub time: S<RawTime>,
    #[serde(default)]
    pub steps: Vec<RawStep>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSop {
    pub id: S<String>,
    pub number: String,
    pub title: S<String>,
    pub service: Option<S<String>>,
    pub created: Option<String>,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    #[serde(default)]
    pub qualifications: Vec<String>,
    #[serde(default)]
    pub equipment: Vec<String>,
    #[serde(default)]
    pub warnings: Vec<String>,
    #[serde(default)]
    pub records: Vec<String>,
    pub steps: Vec<RawStep>,
}
