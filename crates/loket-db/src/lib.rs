//! Loket's store: the only crate that knows SQL.
//!
//! Two backends behind one [`Db`]: an embedded SQLite file for one laptop (WAL, foreign keys
//! on, quick integrity check on open, online backup) and the office's shared PostgreSQL
//! server for many laptops (`postgres://` address, prepared by `loket server init`). One
//! module per table, its migration for each backend beside its functions; statements are
//! written once in SQL both understand ([`sql`]). Append-only migrations and a guard that makes
//! an older binary refuse a newer schema, on both.

mod error;
mod migrations;
mod open;
pub mod sql;
mod tx;

pub mod accounts;
pub mod attachment_files;
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
pub mod copy;
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
pub mod server;
pub mod services;
pub mod signer_certificates;
pub mod skm_responses;
pub mod sops;
pub mod standards;
pub mod units;
pub mod weekly_hours;

pub use error::DbError;
pub use migrations::known_schema_version;
pub use open::{display_location, is_server_location, Db};
pub use tx::Tx;
