//! Validated office-profile types. Every reference between them has been checked on load.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::time_zone::TimeZone;

#[cfg(feature = "ts")]
use ts_rs::TS;

/// A whole office profile as imported from `data/offices/<office>.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct OfficeProfile {
    pub office: Office,
    pub office_hours: OfficeHours,
    pub units: Vec<Unit>,
    pub positions: Vec<Position>,
    pub parties: Vec<Party>,
    pub people: Vec<Person>,
    pub standards: Vec<Standard>,
    pub services: Vec<ServiceVersion>,
    pub sops: Vec<Sop>,
}

/// Identity of the office, as printed in the kop surat.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Office {
    pub id: String,
    pub pemerintah: String,
    pub nama_dinas: String,
    pub name: String,
    pub short_name: String,
    pub alamat: String,
    pub telepon: String,
    pub faksimile: String,
    pub pos_el: String,
    pub laman: String,
    pub kode_pos: String,
    pub kota: String,
    pub time_zone: TimeZone,
    pub notes: Vec<String>,
}

/// Weekday of the Indonesian week, in the words office documents use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    Senin,
    Selasa,
    Rabu,
    Kamis,
    Jumat,
    Sabtu,
    Minggu,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Senin,
        Weekday::Selasa,
        Weekday::Rabu,
        Weekday::Kamis,
        Weekday::Jumat,
        Weekday::Sabtu,
        Weekday::Minggu,
    ];

    /// The day's name with a capital, as the UI shows it.
    pub fn label(self) -> &'static str {
        match self {
            Weekday::Senin => "Senin",
            Weekday::Selasa => "Selasa",
            Weekday::Rabu => "Rabu",
            Weekday::Kamis => "Kamis",
            Weekday::Jumat => "Jumat",
            Weekday::Sabtu => "Sabtu",
            Weekday::Minggu => "Minggu",
        }
    }

    /// The same day in chrono's terms.
    pub fn from_chrono(day: chrono::Weekday) -> Self {
        Weekday::ALL[day.num_days_from_monday() as usize]
    }
}

/// A time of day in minutes after midnight (08:00 → 480).
pub type MinuteOfDay = u16;

/// One interval of a day, `start` inclusive, `end` exclusive, in minutes after midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DaySpan {
    pub start: MinuteOfDay,
    pub end: MinuteOfDay,
}

/// Opening hours of one weekday: open to close, minus breaks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct DayHours {
    pub day: Weekday,
    pub open: MinuteOfDay,
    pub close: MinuteOfDay,
    pub breaks: Vec<DaySpan>,
}

/// Where the office hours came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "lowercase")]
pub enum HoursSource {
    /// Given by the office's own document.
    Dokumen,
    /// Loket's documented default (37,5 jam seminggu, Perpres 21/2023).
    Bawaan,
}

/// Office hours per weekday; days not listed are closed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct OfficeHours {
    pub source: HoursSource,
    pub days: Vec<DayHours>,
}

impl OfficeHours {
    /// Senin–Kamis 07.30–16.00 (istirahat 12.00–13.00), Jumat 07.30–16.30 (istirahat
    /// 11.30–13.00): 37,5 jam a week, the Perpres 21/2023 total, used when a document gives none.
    pub fn default_hours() -> Self {
        let weekday = |day| DayHours {
            day,
            open: 7 * 60 + 30,
            close: 16 * 60,
            breaks: vec![DaySpan {
                start: 12 * 60,
                end: 13 * 60,
            }],
        };
        let mut days: Vec<DayHours> = [
            Weekday::Senin,
            Weekday::Selasa,
            Weekday::Rabu,
            Weekday::Kamis,
        ]
        .into_iter()
        .map(weekday)
        .collect();
        days.push(DayHours {
            day: Weekday::Jumat,
            open: 7 * 60 + 30,
            close: 16 * 60 + 30,
            breaks: vec![DaySpan {
                start: 11 * 60 + 30,
                end: 13 * 60,
            }],
        });
        OfficeHours {
            source: HoursSource::Bawaan,
            days,
        }
    }

    /// Minutes of work in the week (open time minus breaks).
    pub fn weekly_minutes(&self) -> u32 {
        self.days
            .iter()
            .map(|d| {
                let breaks: u32 = d.breaks.iter().map(|b| u32::from(b.end - b.start)).sum();
                u32::from(d.close - d.open) - breaks
            })
            .sum()
    }
}

/// Kind of organisational unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    Sekretariat,
    Bidang,
    Subbagian,
    Seksi,
    Tim,
    Upt,
    Lainnya,
}

impl UnitKind {
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Sekretariat => "Sekretariat",
            UnitKind::Bidang => "Bidang",
            UnitKind::Subbagian => "Subbagian",
            UnitKind::Seksi => "Seksi",
            UnitKind::Tim => "Tim",
            UnitKind::Upt => "UPT",
            UnitKind::Lainnya => "Lainnya",
        }
    }
}

/// A bidang, seksi, tim, ... of the office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: UnitKind,
    pub parent: Option<String>,
}

/// Kind of post; later decides the default roles of whoever holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum PositionKind {
    KepalaDinas,
    Sekretaris,
    KepalaBidang,
    KepalaSubbagian,
    KepalaSeksi,
    KetuaTim,
    Fungsional,
    Staf,
    PencatatSurat,
    Operator,
    Admin,
    Ppid,
    Lainnya,
}

/// A post (jabatan) inside the office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Position {
    pub id: String,
    pub title: String,
    pub kind: PositionKind,
    pub unit: Option<String>,
    pub reports_to: Option<String>,
}

/// An actor outside the office named by procedures (pemohon, OPD, BSrE, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Party {
    pub id: String,
    pub name: String,
}

/// Acting appointment: Pelaksana Tugas or Pelaksana Harian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "lowercase")]
pub enum Acting {
    Plt,
    Plh,
}

impl Acting {
    /// The prefix written before the jabatan: "Plt." or "Plh.".
    pub fn prefix(self) -> &'static str {
        match self {
            Acting::Plt => "Plt.",
            Acting::Plh => "Plh.",
        }
    }
}

/// A person named by the office's documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Person {
    pub id: String,
    pub name: String,
    /// 18 digits without spaces, or empty when the document gives none.
    pub nip: String,
    pub pangkat: Option<String>,
    pub golongan: Option<String>,
    pub position: Option<String>,
    pub jabatan: Option<String>,
    pub acting: Option<Acting>,
}

/// A decision or booklet that sets service standards, with the day it took effect.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Standard {
    pub id: String,
    pub number: String,
    pub title: String,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub effective: NaiveDate,
    pub signed_by: Option<String>,
    pub revokes: Vec<String>,
    pub notes: Vec<String>,
}

/// Unit of a service time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    Menit,
    Jam,
    HariKerja,
    /// Calendar days.
    Hari,
    /// Set by a booking or an agreed schedule.
    SesuaiJadwal,
    /// The standard gives no time.
    TidakDitentukan,
}

impl TimeUnit {
    /// Whether the unit needs an amount.
    pub fn takes_amount(self) -> bool {
        !matches!(self, TimeUnit::SesuaiJadwal | TimeUnit::TidakDitentukan)
    }

    /// The unit as words ("hari kerja").
    pub fn words(self) -> &'static str {
        match self {
            TimeUnit::Menit => "menit",
            TimeUnit::Jam => "jam",
            TimeUnit::HariKerja => "hari kerja",
            TimeUnit::Hari => "hari",
            TimeUnit::SesuaiJadwal => "sesuai jadwal",
            TimeUnit::TidakDitentukan => "tidak ditentukan",
        }
    }
}

/// Whether minutes and hours run only in office hours or around the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum Counting {
    #[default]
    JamKerja,
    TerusMenerus,
}

/// An amount of time ("7 hari kerja") with the document's wording.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Duration {
    pub amount: Option<u32>,
    pub unit: TimeUnit,
    pub text: Option<String>,
}

/// A different time that applies under a stated condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct AlternativeTime {
    pub amount: Option<u32>,
    pub unit: TimeUnit,
    pub condition: String,
}

/// A service or step time as structured data.
///
/// Invariant (checked on load): `amount` is present exactly when `unit` takes one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ServiceTime {
    pub amount: Option<u32>,
    pub unit: TimeUnit,
    pub counting: Counting,
    pub extension: Option<Duration>,
    pub notice: Option<Duration>,
    pub alternatives: Vec<AlternativeTime>,
    pub text: Option<String>,
}

/// One step of a procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Step {
    /// Number as printed (SOP tables keep their gaps); otherwise 1, 2, 3, ...
    pub number: u32,
    pub text: String,
    /// Position or party id.
    pub actor: Option<String>,
    pub time: Option<ServiceTime>,
    pub requirements: Vec<String>,
    pub outputs: Vec<String>,
}

/// Kinds of letter Loket renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    SuratBalasan,
    RekomendasiTeknisFo,
    UndanganPaparanFo,
    BeritaAcaraHosting,
    SerahTerimaAkses,
    RekomendasiTtePendaftaran,
    RekomendasiTtePembaruan,
    RekomendasiTtePencabutan,
    PemberitahuanPerpanjangan,
    Penolakan,
    BuktiPeminjamanCc,
    LaporanGangguanJaringan,
    LembarDisposisi,
    /// The quarterly (semester, yearly) evaluation of the service's performance, drafted from
    /// the Evaluasi page with its figures frozen, signed by the Kepala Dinas.
    LaporanEvaluasi,
}

impl LetterKind {
    /// The letter's name as staff say it.
    pub fn label(self) -> &'static str {
        match self {
            LetterKind::SuratBalasan => "Surat balasan",
            LetterKind::RekomendasiTeknisFo => "Surat rekomendasi teknis jaringan fiber optik",
            LetterKind::UndanganPaparanFo => "Undangan paparan (fiber optik)",
            LetterKind::BeritaAcaraHosting => "Berita acara pembuatan hosting/subdomain",
            LetterKind::SerahTerimaAkses => "Berita acara serah terima akses",
            LetterKind::RekomendasiTtePendaftaran => {
                "Surat rekomendasi pendaftaran sertifikat elektronik"
            }
            LetterKind::RekomendasiTtePembaruan => {
                "Surat rekomendasi pembaruan sertifikat elektronik"
            }
            LetterKind::RekomendasiTtePencabutan => {
                "Surat rekomendasi pencabutan sertifikat elektronik"
            }
            LetterKind::PemberitahuanPerpanjangan => "Surat pemberitahuan perpanjangan waktu",
            LetterKind::Penolakan => "Surat penolakan / pengembalian berkas",
            LetterKind::BuktiPeminjamanCc => "Surat bukti peminjaman Command Center",
            LetterKind::LaporanGangguanJaringan => "Laporan penanganan gangguan jaringan",
            LetterKind::LembarDisposisi => "Lembar disposisi",
            LetterKind::LaporanEvaluasi => "Laporan evaluasi kinerja pelaksana pelayanan",
        }
    }
}

/// One version of a service: the service as one standard defines it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ServiceVersion {
    pub id: String,
    pub standard: String,
    /// The day the standard took effect; a request is measured against the newest
    /// version in force on the day it was received.
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub effective: NaiveDate,
    pub name: String,
    pub group: Option<String>,
    pub unit: String,
    pub legal_basis: Vec<String>,
    pub requirements: Vec<String>,
    pub steps: Vec<Step>,
    pub time: ServiceTime,
    pub fee: String,
    pub products: Vec<String>,
    pub letters: Vec<LetterKind>,
    pub complaints: Vec<String>,
    pub facilities: Vec<String>,
    pub staff: Option<String>,
    pub notes: Vec<String>,
}

/// A standard operating procedure with its step table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Sop {
    pub id: String,
    pub number: String,
    pub title: String,
    pub service: Option<String>,
    pub created: Option<String>,
    pub legal_basis: Vec<String>,
    pub qualifications: Vec<String>,
    pub equipment: Vec<String>,
    pub warnings: Vec<String>,
    pub records: Vec<String>,
    pub steps: Vec<Step>,
}

impl OfficeProfile {
    /// The version of service `id` in force on `day`: the one with the latest effective date
    /// not after `day`. `None` when the service is unknown or not yet in force.
    pub fn service_on(&self, id: &str, day: NaiveDate) -> Option<&ServiceVersion> {
        self.services
            .iter()
            .filter(|s| s.id == id && s.effective <= day)
            .max_by_key(|s| s.effective)
    }

    /// The newest version of every service, in catalog order (first appearance in the file).
    pub fn current_services(&self) -> Vec<&ServiceVersion> {
        let mut out: Vec<&ServiceVersion> = Vec::new();
        for s in &self.services {
            match out.iter_mut().find(|o| o.id == s.id) {
                Some(o) if o.effective < s.effective => *o = s,
                Some(_) => {}
                None => out.push(s),
            }
        }
        out
    }

    /// Name of a position or party, for showing a step's actor.
    pub fn actor_name(&self, id: &str) -> Option<&str> {
        self.positions
            .iter()
            .find(|p| p.id == id)
            .map(|p| p.title.as_str())
            .or_else(|| {
                self.parties
                    .iter()
                    .find(|p| p.id == id)
                    .map(|p| p.name.as_str())
            })
    }

    /// Name of a unit.
    pub fn unit_name(&self, id: &str) -> Option<&str> {
        self.units
            .iter()
            .find(|u| u.id == id)
            .map(|u| u.name.as_str())
    }
}
