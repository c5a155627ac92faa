//! Loket's domain: the office profile and its service catalog, and the rules that need no I/O.
//!
//! Nothing here reads the clock, the disk or a database; callers pass what is needed.

pub mod catalog;
pub mod nip;
pub mod tanggal;
pub mod terbilang;
pub mod time_zone;

pub use catalog::{
    load_profile, OfficeProfile, ProfileError, ProfileErrors, ServiceTime, ServiceVersion,
};
