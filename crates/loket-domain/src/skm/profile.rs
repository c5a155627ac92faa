//! The respondent's profile the questionnaire asks: age, sex, education, occupation.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

/// Youngest and oldest age accepted (the questionnaire asks the age in years).
pub const AGES: std::ops::RangeInclusive<u8> = 15..=100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub enum Sex {
    #[serde(rename = "L")]
    L,
    #[serde(rename = "P")]
    P,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum Education {
    Sd,
    Smp,
    Sma,
    Diploma,
    S1,
    S2,
    S3,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum Occupation {
    Pns,
    Tni,
    Polri,
    Swasta,
    Wirausaha,
    Pelajar,
    Lainnya,
}

impl Sex {
    pub const ALL: [Sex; 2] = [Sex::L, Sex::P];
    pub fn code(self) -> &'static str {
        match self {
            Sex::L => "L",
            Sex::P => "P",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Sex::L => "Laki-laki",
            Sex::P => "Perempuan",
        }
    }
}

impl Education {
    pub const ALL: [Education; 7] = [
        Education::Sd,
        Education::Smp,
        Education::Sma,
        Education::Diploma,
        Education::S1,
        Education::S2,
        Education::S3,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Education::Sd => "sd",
            Education::Smp => "smp",
            Education::Sma => "sma",
            Education::Diploma => "diploma",
            Education::S1 => "s1",
            Education::S2 => "s2",
            Education::S3 => "s3",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Education::Sd => "SD ke bawah",
            Education::Smp => "SMP",
            Education::Sma => "SMA/SMK",
            Education::Diploma => "D1–D3",
            Education::S1 => "D4/S1",
            Education::S2 => "S2",
            Education::S3 => "S3",
        }
    }
}

impl Occupation {
    pub const ALL: [Occupation; 7] = [
        Occupation::Pns,
        Occupation::Tni,
        Occupation::Polri,
        Occupation::Swasta,
        Occupation::Wirausaha,
        Occupation::Pelajar,
        Occupation::Lainnya,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Occupation::Pns => "pns",
            Occupation::Tni => "tni",
            Occupation::Polri => "polri",
            Occupation::Swasta => "swasta",
            Occupation::Wirausaha => "wirausaha",
            Occupation::Pelajar => "pelajar",
            Occupation::Lainnya => "lainnya",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Occupation::Pns => "PNS",
            Occupation::Tni => "TNI",
            Occupation::Polri => "Polri",
            Occupation::Swasta => "Pegawai swasta",
            Occupation::Wirausaha => "Wirausaha",
            Occupation::Pelajar => "Pelajar/mahasiswa",
            Occupation::Lainnya => "Lainnya",
        }
    }
}

/// A respondent's profile, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Profile {
    pub age: u8,
    pub sex: Sex,
    pub education: Education,
    pub occupation: Occupation,
}

fn choice<T: Copy>(all: &[T], code: fn(T) -> &'static str, text: &str) -> Option<T> {
    let t = text.trim().to_lowercase();
    all.iter().copied().find(|v| code(*v).to_lowercase() == t)
}

impl Profile {
    /// Reads a profile from its codes (`sex` L/P, `education` sd…s3, `occupation` pns…lainnya);
    /// the error names the field, the value and the choices.
    pub fn parse(
        age: u32,
        sex: &str,
        education: &str,
        occupation: &str,
    ) -> Result<Profile, String> {
        let age = u8::try_from(age)
            .ok()
            .filter(|a| AGES.contains(a))
            .ok_or_else(|| {
                format!(
                    "umur {age} tidak wajar; isi umur responden dalam tahun ({}–{})",
                    AGES.start(),
                    AGES.end()
                )
            })?;
        let list = |codes: Vec<&str>| codes.join(", ");
        let sex = choice(&Sex::ALL, Sex::code, sex)
            .ok_or_else(|| format!("jenis kelamin `{sex}` tidak dikenal; pilih L atau P"))?;
        let education = choice(&Education::ALL, Education::code, education).ok_or_else(|| {
            format!(
                "pendidikan `{education}` tidak dikenal; pilih salah satu: {}",
                list(Education::ALL.iter().map(|e| e.code()).collect())
            )
        })?;
        let occupation =
            choice(&Occupation::ALL, Occupation::code, occupation).ok_or_else(|| {
                format!(
                    "pekerjaan `{occupation}` tidak dikenal; pilih salah satu: {}",
                    list(Occupation::ALL.iter().map(|o| o.code()).collect())
                )
            })?;
        Ok(Profile {
            age,
            sex,
            education,
            occupation,
        })
    }
}
