//! The nine elements (unsur) of the survey with the regulation's questionnaire wording.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

/// One element of the survey, in the order of PermenPANRB 14/2017's list of the survey's scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum Element {
    Persyaratan,
    Prosedur,
    Waktu,
    Biaya,
    Produk,
    Kompetensi,
    Perilaku,
    Pengaduan,
    Sarana,
}

/// The elements in order: U1 … U9.
pub const ELEMENTS: [Element; 9] = [
    Element::Persyaratan,
    Element::Prosedur,
    Element::Waktu,
    Element::Biaya,
    Element::Produk,
    Element::Kompetensi,
    Element::Perilaku,
    Element::Pengaduan,
    Element::Sarana,
];

impl Element {
    /// "U1" … "U9".
    pub fn code(self) -> &'static str {
        match self {
            Element::Persyaratan => "U1",
            Element::Prosedur => "U2",
            Element::Waktu => "U3",
            Element::Biaya => "U4",
            Element::Produk => "U5",
            Element::Kompetensi => "U6",
            Element::Perilaku => "U7",
            Element::Pengaduan => "U8",
            Element::Sarana => "U9",
        }
    }

    /// The element's name as the regulation lists it.
    pub fn label(self) -> &'static str {
        match self {
            Element::Persyaratan => "Persyaratan",
            Element::Prosedur => "Sistem, mekanisme, dan prosedur",
            Element::Waktu => "Waktu penyelesaian",
            Element::Biaya => "Biaya/tarif",
            Element::Produk => "Produk spesifikasi jenis pelayanan",
            Element::Kompetensi => "Kompetensi pelaksana",
            Element::Perilaku => "Perilaku pelaksana",
            Element::Pengaduan => "Penanganan pengaduan, saran dan masukan",
            Element::Sarana => "Sarana dan prasarana",
        }
    }

    /// The question of the questionnaire.
    pub fn question(self) -> &'static str {
        match self {
            Element::Persyaratan => {
                "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?"
            }
            Element::Prosedur => {
                "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?"
            }
            Element::Waktu => {
                "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?"
            }
            Element::Biaya => "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
            Element::Produk => {
                "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?"
            }
            Element::Kompetensi => {
                "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?"
            }
            Element::Perilaku => {
                "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?"
            }
            Element::Pengaduan => {
                "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?"
            }
            Element::Sarana => "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        }
    }

    /// The four answers, value 1 to 4.
    pub fn answers(self) -> [&'static str; 4] {
        match self {
            Element::Persyaratan | Element::Produk => {
                ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"]
            }
            Element::Prosedur => ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
            Element::Waktu => ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
            Element::Biaya => ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
            Element::Kompetensi => [
                "Tidak kompeten",
                "Kurang kompeten",
                "Kompeten",
                "Sangat kompeten",
            ],
            Element::Perilaku => [
                "Tidak sopan dan ramah",
                "Kurang sopan dan ramah",
                "Sopan dan ramah",
                "Sangat sopan dan ramah",
            ],
            Element::Pengaduan => [
                "Tidak ada",
                "Ada tetapi tidak berfungsi",
                "Berfungsi kurang maksimal",
                "Dikelola dengan baik",
            ],
            Element::Sarana => ["Buruk", "Cukup", "Baik", "Sangat baik"],
        }
    }
}
