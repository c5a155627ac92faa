//! The Survei Kepuasan Masyarakat (SKM) as PermenPANRB 14/2017 defines it for a public service
//! unit: nine elements (unsur), four answer values each, the respondent's profile, the mean
//! value per element (NRR), the weighted index (each element weighs 1/9), the index converted to
//! the 25–100 scale (IKM) and its quality grade (mutu pelayanan A/B/C/D); the minimum sample of
//! the regulation's table (Krejcie & Morgan) for a population; and the evaluation periods.
//!
//! Pure functions: no clock, no I/O.

mod element;
mod grade;
mod period;
mod profile;
mod sample;

pub use element::{Element, ELEMENTS};
pub use grade::{Grade, GRADES};
pub use period::Period;
pub use profile::{Education, Occupation, Profile, Sex};
pub use sample::{minimum_sample, KREJCIE_MORGAN};

/// One answer value: 1 (tidak sesuai/tidak puas) to 4 (sangat sesuai/sangat puas).
pub type Answer = u8;

/// The weight of each element: the regulation's "bobot nilai rata-rata tertimbang =
/// jumlah bobot / jumlah unsur = 1/9".
pub const WEIGHT: f64 = 1.0 / 9.0;

/// The base of the conversion to the 25–100 scale ("nilai dasar 25").
pub const BASE: f64 = 25.0;

/// The answers of one respondent, element by element in the order of [`ELEMENTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answers(pub [Answer; 9]);

impl Answers {
    /// Checks that every answer is 1–4; the error names the element ("U3 Waktu penyelesaian").
    pub fn new(values: [Answer; 9]) -> Result<Answers, String> {
        for (e, v) in ELEMENTS.iter().zip(values) {
            if !(1..=4).contains(&v) {
                return Err(format!(
                    "jawaban {} {} bernilai {v}; pilih 1, 2, 3 atau 4",
                    e.code(),
                    e.label()
                ));
            }
        }
        Ok(Answers(values))
    }

    /// Reads nine digits ("433443344"), the fast entry from a paper form.
    pub fn parse(text: &str) -> Result<Answers, String> {
        let digits: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() != 9 {
            return Err(format!(
                "jawaban `{text}` berisi {} angka; tulis 9 angka 1–4 berurutan U1 sampai U9, misalnya 433443344",
                digits.len()
            ));
        }
        let mut values = [0u8; 9];
        for (i, c) in digits.iter().enumerate() {
            values[i] = c.to_digit(10).map(|d| d as u8).unwrap_or(0);
        }
        Answers::new(values)
    }
}

/// The mean answer value (NRR, nilai rata-rata) of each element over `responses`; `None` for
/// all nine when there is no response.
pub fn nrr(responses: &[Answers]) -> Option<[f64; 9]> {
    if responses.is_empty() {
        return None;
    }
    let mut sums = [0u32; 9];
    for r in responses {
        for (s, v) in sums.iter_mut().zip(r.0) {
            *s += u32::from(v);
        }
    }
    let n = responses.len() as f64;
    Some(sums.map(|s| f64::from(s) / n))
}

/// The weighted index (nilai indeks, 1–4): the sum of each NRR times 1/9.
pub fn index(nrr: &[f64; 9]) -> f64 {
    nrr.iter().map(|v| v * WEIGHT).sum()
}

/// The index converted to the 25–100 scale ("SKM unit pelayanan × 25"), rounded to two
/// decimals as the regulation's intervals are written.
pub fn ikm(nrr: &[f64; 9]) -> f64 {
    round2(index(nrr) * BASE)
}

/// Rounds to two decimals.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// The elements from the lowest NRR up (ties in the regulation's order): the priorities for
/// improvement.
pub fn lowest_first(nrr: &[f64; 9]) -> Vec<(Element, f64)> {
    let mut out: Vec<(Element, f64)> = ELEMENTS.iter().copied().zip(nrr.iter().copied()).collect();
    out.sort_by(|a, b| a.1.total_cmp(&b.1));
    out
}

#[cfg(test)]
mod tests;
