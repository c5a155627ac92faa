//! Use cases over the database itself: backup, check, audit checkpoints, and the IT staff's
//! server preparation and whole-office copy.

mod address;
mod audited_accounts;
mod audited_bookings;
mod audited_letters;
mod audited_numbers;
mod audited_rows;
mod backup;
mod check;
mod checkpoint;
mod copy;
mod server_init;

pub use backup::{checkpoint_path, ID as BACKUP};
pub use check::{check_file, ID as CHECK};
pub use checkpoint::{Checkpoint, ID as CHECKPOINT};
pub use copy::{copy, CopyView, TableRows, ID as COPY, TABLES as COPY_TABLES};
/// A `--db` value as shown to people: a file's path, or a server's address without password.
pub use loket_db::display_location;
pub use server_init::{server_init, ServerInitView, ID as SERVER_INIT, MIN_APP_PASSWORD};
