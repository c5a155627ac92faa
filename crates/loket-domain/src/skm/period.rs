//! The evaluation periods the Standar Pelayanan name: triwulan, semester, tahun.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Period {
    /// Triwulan 1–4.
    Quarter(i32, u8),
    /// Semester 1–2.
    Semester(i32, u8),
    Year(i32),
}

const ROMAN: [&str; 4] = ["I", "II", "III", "IV"];

impl Period {
    /// Reads "2026-T1" … "2026-T4" (triwulan), "2026-S1"/"2026-S2" (semester) or "2026".
    pub fn parse(text: &str) -> Result<Period, String> {
        let t = text.trim().to_uppercase();
        let bad = || {
            format!(
                "periode `{text}` tidak dikenal; tulis 2026-T1 … 2026-T4 (triwulan), 2026-S1 atau 2026-S2 (semester), atau 2026 (tahun)"
            )
        };
        let (year, part) = match t.split_once('-') {
            Some((y, p)) => (y, Some(p)),
            None => (t.as_str(), None),
        };
        let year: i32 = year
            .parse()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
            .ok_or_else(bad)?;
        let Some(part) = part else {
            return Ok(Period::Year(year));
        };
        let number = |p: &str| p.parse::<u8>().ok();
        if let Some(q) = part
            .strip_prefix("TW")
            .or(part.strip_prefix('T'))
            .and_then(number)
        {
            if (1..=4).contains(&q) {
                return Ok(Period::Quarter(year, q));
            }
        }
        if let Some(s) = part.strip_prefix('S').and_then(number) {
            if (1..=2).contains(&s) {
                return Ok(Period::Semester(year, s));
            }
        }
        Err(bad())
    }

    /// The code `parse` reads back ("2026-T1").
    pub fn code(self) -> String {
        match self {
            Period::Quarter(y, q) => format!("{y}-T{q}"),
            Period::Semester(y, s) => format!("{y}-S{s}"),
            Period::Year(y) => y.to_string(),
        }
    }

    /// "Triwulan I 2026", "Semester II 2026", "Tahun 2026".
    pub fn label(self) -> String {
        match self {
            Period::Quarter(y, q) => format!("Triwulan {} {y}", ROMAN[usize::from(q - 1)]),
            Period::Semester(y, s) => format!("Semester {} {y}", ROMAN[usize::from(s - 1)]),
            Period::Year(y) => format!("Tahun {y}"),
        }
    }

    fn months(self) -> (i32, u32, u32) {
        match self {
            Period::Quarter(y, q) => (y, u32::from(q) * 3 - 2, u32::from(q) * 3),
            Period::Semester(y, s) => (y, u32::from(s) * 6 - 5, u32::from(s) * 6),
            Period::Year(y) => (y, 1, 12),
        }
    }

    /// The first day.
    pub fn from(self) -> NaiveDate {
        let (y, m, _) = self.months();
        NaiveDate::from_ymd_opt(y, m, 1).unwrap_or_default()
    }

    /// The last day.
    pub fn to(self) -> NaiveDate {
        let (y, _, m) = self.months();
        let next = if m == 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(y, m + 1, 1)
        };
        next.and_then(|d| d.pred_opt()).unwrap_or_default()
    }

    /// The quarters of the period's year up to the period's last one (the trend line).
    pub fn quarters_of_year(self) -> Vec<Period> {
        let (y, _, last) = self.months();
        (1..=last.div_ceil(3) as u8)
            .map(|q| Period::Quarter(y, q))
            .collect()
    }

    /// The quarter a day falls in.
    pub fn quarter_of(day: NaiveDate) -> Period {
        Period::Quarter(day.year(), (day.month0() / 3 + 1) as u8)
    }
}
