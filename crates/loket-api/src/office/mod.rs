//! Use cases over the office profile and the office's own settings (the first-run checklist).

pub mod emblem;
mod hours;
mod init;
pub mod officials;
pub mod paper;
pub mod proposals;
pub mod readiness;
mod shipped;
mod view;

pub use hours::hours_words;
pub use init::{LoadedProfile, ProfileSource, ID as INIT};
pub use shipped::{shipped_offices, ID as SHIPPED};
pub use view::ID as VIEW;
