//! Indonesia's three time zones. None observes daylight saving, so each is a fixed offset.

use chrono::FixedOffset;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

/// An Indonesian time zone as offices name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub enum TimeZone {
    /// Waktu Indonesia Barat, UTC+7.
    #[serde(rename = "WIB")]
    Wib,
    /// Waktu Indonesia Tengah, UTC+8.
    #[serde(rename = "WITA")]
    Wita,
    /// Waktu Indonesia Timur, UTC+9.
    #[serde(rename = "WIT")]
    Wit,
}

/// `h` hours east of UTC, computed when the program is compiled (an out-of-range offset
/// fails the build, never a running program).
const fn hours_east(h: i32) -> FixedOffset {
    match FixedOffset::east_opt(h * 3600) {
        Some(o) => o,
        None => panic!("an Indonesian time zone is 7 to 9 hours east of UTC"),
    }
}

const WIB: FixedOffset = hours_east(7);
const WITA: FixedOffset = hours_east(8);
const WIT: FixedOffset = hours_east(9);

impl TimeZone {
    /// Hours east of UTC.
    pub fn utc_offset_hours(self) -> i32 {
        match self {
            TimeZone::Wib => 7,
            TimeZone::Wita => 8,
            TimeZone::Wit => 9,
        }
    }

    /// The zone as a chrono offset, for RFC 3339 output.
    pub fn offset(self) -> FixedOffset {
        match self {
            TimeZone::Wib => WIB,
            TimeZone::Wita => WITA,
            TimeZone::Wit => WIT,
        }
    }

    /// The abbreviation used in letters and the UI.
    pub fn label(self) -> &'static str {
        match self {
            TimeZone::Wib => "WIB",
            TimeZone::Wita => "WITA",
            TimeZone::Wit => "WIT",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_follow_indonesian_zones() {
        assert_eq!(
            TimeZone::Wib.offset().local_minus_utc(),
            7 * 3600,
            "WIB is UTC+7"
        );
        assert_eq!(
            TimeZone::Wita.offset().local_minus_utc(),
            8 * 3600,
            "WITA is UTC+8 (Denpasar)"
        );
        assert_eq!(
            TimeZone::Wit.offset().local_minus_utc(),
            9 * 3600,
            "WIT is UTC+9"
        );
    }
}
