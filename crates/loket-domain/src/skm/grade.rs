//! The quality grade (mutu pelayanan) of an IKM value, with the regulation's intervals:
//!
//! | nilai persepsi | nilai interval (NI) | nilai interval konversi (NIK) | mutu | kinerja unit |
//! |---|---|---|---|---|
//! | 1 | 1,00 – 2,5996 | 25,00 – 64,99 | D | Tidak baik |
//! | 2 | 2,60 – 3,064 | 65,00 – 76,60 | C | Kurang baik |
//! | 3 | 3,0644 – 3,532 | 76,61 – 88,30 | B | Baik |
//! | 4 | 3,5324 – 4,00 | 88,31 – 100,00 | A | Sangat baik |
//!
//! The converted intervals are written to two decimals, so an IKM is graded after rounding to
//! two decimals (64,994 is 64,99 and so D; 64,995 is 65,00 and so C).

use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub enum Grade {
    A,
    B,
    C,
    D,
}

/// The grades from best to worst.
pub const GRADES: [Grade; 4] = [Grade::A, Grade::B, Grade::C, Grade::D];

impl Grade {
    /// The grade of `ikm` (25–100 scale).
    pub fn of(ikm: f64) -> Grade {
        let hundredths = (ikm * 100.0).round() as i64;
        if hundredths >= 8831 {
            Grade::A
        } else if hundredths >= 7661 {
            Grade::B
        } else if hundredths >= 6500 {
            Grade::C
        } else {
            Grade::D
        }
    }

    /// "A".
    pub fn letter(self) -> &'static str {
        match self {
            Grade::A => "A",
            Grade::B => "B",
            Grade::C => "C",
            Grade::D => "D",
        }
    }

    /// The unit's performance in words (kinerja unit pelayanan).
    pub fn words(self) -> &'static str {
        match self {
            Grade::A => "Sangat baik",
            Grade::B => "Baik",
            Grade::C => "Kurang baik",
            Grade::D => "Tidak baik",
        }
    }

    /// The converted interval in Indonesian notation ("76,61 – 88,30").
    pub fn interval(self) -> &'static str {
        match self {
            Grade::A => "88,31 – 100,00",
            Grade::B => "76,61 – 88,30",
            Grade::C => "65,00 – 76,60",
            Grade::D => "25,00 – 64,99",
        }
    }
}
