//! `loket user`, `loket case`, `loket disposition`: accounts, the agenda book and the
//! disposition chain from the command line.
//!
//! Who acts and when: see `crate::context`.

mod case;
mod disposition;
mod user;

use loket_api::{ApiError, Loket};

// Kept for the area modules that still import them from here; the one definition is in
// `crate::context`.
pub(crate) use crate::context::{now, SignIn};

pub use case::CaseArgs;
pub use disposition::DispositionArgs;
pub use user::UserArgs;

/// Reads "1,2,3" into numbers.
pub(crate) fn numbers(field: &str, text: &str) -> Result<Vec<i64>, ApiError> {
    text.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.parse().map_err(|_| {
                ApiError::bad_input(format!("{field}: `{w}` bukan nomor; tulis misalnya 1,3"))
            })
        })
        .collect()
}

/// Runs `loket user|case|disposition`.
pub fn run(
    loket: &mut Loket,
    command: crate::args::Command,
    as_json: bool,
) -> Result<(), ApiError> {
    use crate::args::Command;
    match command {
        Command::User(args) => user::run(loket, args, as_json),
        Command::Case(args) => case::run(loket, args, as_json),
        Command::Disposition(args) => disposition::run(loket, args, as_json),
        _ => Ok(()),
    }
}
