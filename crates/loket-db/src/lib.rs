//! Loket's SQLite store. The only crate that knows SQL.
//!
//! One database file per office, WAL, foreign keys on, append-only migrations, a guard that
//! makes an older binary refuse a newer database, a quick integrity check on open and an
//! online backup. One module per table, its migration beside its functions.

mod error;
mod migrations;
mod open;
mod tx;

pub mod accounts;
pub mod attachments;
pub mod audit;
pub mod backup;
pub mod blackouts;
pub mod bookings;
pub mod case_extensions;
pub mod cases;
pub mod check;
pub mod closures;
pub mod complaints;
pub mod counters;
pub mod deadline_items;
pub mod dispositions;
pub mod due_soon;
pub mod fired_thresholds;
pub mod holidays;
pub mod hours_variants;
pub mod issued_letters;
pub mod letter_corrections;
pub mod letter_drafts;
pub mod letter_files;
pub mod letter_numbers;
pub mod letter_templates;
pub mod notification_events;
pub mod number_patterns;
pub mod office;
pub mod office_settings;
pub mod officials;
pub mod parties;
pub mod people;
pub mod positions;
pub mod profile;
pub mod resources;
pub mod services;
pub mod signer_certificates;
pub mod skm_responses;
pub mod sops;
pub mod standards;
pub mod units;
pub mod weekly_hours;

pub use error::DbError;
pub use migrations::{known_schema_version, schema_version};
pub use open::Db;
pub use tx::Tx;
