//! Loket's use cases: one module each, each with a stable id that the audit log also uses.
//!
//! Front doors (the desktop shell, the CLI, tests) open a [`Loket`] and call its use cases.
//! Every error leaves as one [`ApiError`] `{code, message}` with the message in Bahasa Indonesia.

mod audit;
mod error;
mod loket;
pub mod paths;
pub mod profiles;

pub mod account;
pub mod app;
pub mod booking;
pub mod calendar;
pub mod case;
pub mod catalog;
pub mod disposition;
pub mod dto;
pub mod evaluation;
pub mod instruction;
pub mod letter;
pub mod office;
pub mod people;
pub mod report;
pub mod signer;
pub mod skm;
pub mod sla;
pub mod store;
pub mod text;

pub use audit::{AuditView, CHANGES, LIST as AUDIT_LIST};
pub use error::{ApiError, ErrorCode};
pub use loket::Loket;
