//! Loket's domain: the office profile and its service catalog, and the rules that need no I/O.
//!
//! Nothing here reads the clock, the disk or a database; callers pass what is needed.

pub mod attachment;
pub mod booking;
pub mod calendar;
pub mod case_status;
pub mod catalog;
pub mod deadline;
pub mod intake;
pub mod nip;
pub mod numbering;
pub mod pangkat;
pub mod roles;
pub mod skm;
pub mod tanggal;
pub mod terbilang;
pub mod time_zone;

pub use catalog::{
    load_profile, OfficeProfile, ProfileError, ProfileErrors, ServiceTime, ServiceVersion,
};
