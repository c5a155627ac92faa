//! Use cases over the office profile.

mod hours;
mod init;
mod shipped;
mod view;

pub use hours::hours_words;
pub use init::{LoadedProfile, ProfileSource, ID as INIT};
pub use shipped::{shipped_offices, ID as SHIPPED};
pub use view::ID as VIEW;
