//! PostgreSQL-only tests of the office's shared database (issue 15): many laptops writing at
//! once, the database's own refusals, a server lost in the middle of work, and the ways
//! connecting can fail. They need the throwaway cluster of `scripts/with-postgres.sh`
//! (`LOKET_TEST_PG`) and fail, saying so, without it:
//!
//! ```sh
//! bash scripts/with-postgres.sh cargo test --workspace --test postgres
//! ```

#[path = "../scenario/office.rs"]
mod office;

#[path = "../scenario/fo_letter.rs"]
mod fo_letter;

mod booking_race;
mod cluster;
mod concurrency;
mod connection_errors;
mod lost_server;
mod proxy;
mod refusals;
