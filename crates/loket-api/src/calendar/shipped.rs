//! Holidays shipped inside the binary (data/holidays/<year>.json), seeded on first use.

use loket_db::Db;
use loket_domain::calendar::{parse_holiday_file, Holiday};
use sha2::{Digest, Sha256};

use crate::{ApiError, ErrorCode};

/// Every shipped year with its file text.
pub(crate) const SHIPPED: [(i32, &str); 4] = [
    (2024, include_str!("../../../../data/holidays/2024.json")),
    (2025, include_str!("../../../../data/holidays/2025.json")),
    (2026, include_str!("../../../../data/holidays/2026.json")),
    (2027, include_str!("../../../../data/holidays/2027.json")),
];

pub(crate) fn sha256(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// The shipped holidays of every year, parsed.
pub(crate) fn shipped_holidays() -> Result<Vec<(i32, Vec<Holiday>, String)>, ApiError> {
    SHIPPED
        .iter()
        .map(|(year, text)| {
            let days = parse_holiday_file(&format!("data/holidays/{year}.json"), text)
                .map_err(|e| ApiError::new(ErrorCode::Internal, e.to_string()))?;
            Ok((*year, days, sha256(text)))
        })
        .collect()
}

/// Seeds every shipped year the database has no holiday set for, in one transaction.
pub(crate) fn seed_missing_years(db: &mut Db) -> Result<(), ApiError> {
    let present: Vec<i32> = db.holiday_years()?.iter().map(|y| y.year).collect();
    if SHIPPED.iter().all(|(y, _)| present.contains(y)) {
        return Ok(());
    }
    let tx = db.begin()?;
    for (year, days, sha) in shipped_holidays()? {
        if !present.contains(&year) {
            tx.replace_holiday_year(year, &days, "bawaan", &sha, "")?;
        }
    }
    tx.commit()?;
    Ok(())
}
