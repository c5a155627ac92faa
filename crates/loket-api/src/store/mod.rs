//! Use cases over the database file itself: backup, check and audit checkpoints.

mod audited_accounts;
mod audited_bookings;
mod audited_letters;
mod audited_numbers;
mod audited_rows;
mod backup;
mod check;
mod checkpoint;

pub use backup::{checkpoint_path, ID as BACKUP};
pub use check::{check_file, ID as CHECK};
pub use checkpoint::{Checkpoint, ID as CHECKPOINT};
