//! Use cases over the database file itself: backup and check.

mod backup;
mod check;

pub use backup::ID as BACKUP;
pub use check::{check_file, ID as CHECK};
