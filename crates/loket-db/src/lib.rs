//! Loket's SQLite store. The only crate that knows SQL.
//!
//! One database file per office, WAL, foreign keys on, append-only migrations, a guard that
//! makes an older binary refuse a newer database, a quick integrity check on open and an
//! online backup. One module per table, its migration beside its functions.

mod error;
mod migrations;
mod open;

pub mod backup;
pub mod check;
pub mod office;
pub mod parties;
pub mod people;
pub mod positions;
pub mod profile;
pub mod services;
pub mod sops;
pub mod standards;
pub mod units;

pub use error::DbError;
pub use migrations::{known_schema_version, schema_version};
pub use open::Db;
