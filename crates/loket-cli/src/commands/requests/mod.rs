//! `loket user`, `loket case`, `loket disposition`: accounts, the agenda book and the
//! disposition chain from the command line.
//!
//! Who acts: `--user LOGIN` (or `LOKET_USER`) with the password from `--password-stdin` or
//! `LOKET_PASSWORD`. The moment: now, or `LOKET_NOW` (RFC 3339) for scripted replays and tests.

mod case;
mod disposition;
mod user;

use std::io::BufRead;

use chrono::{DateTime, FixedOffset, Local, Timelike};
use clap::Args;
use loket_api::account::Actor;
use loket_api::{ApiError, Loket};

pub use case::CaseArgs;
pub use disposition::DispositionArgs;
pub use user::UserArgs;

/// Sign-in options shared by the three commands.
#[derive(Debug, Clone, Args)]
pub struct SignIn {
    /// Nama akun yang bertindak (bawaan: variabel LOKET_USER)
    #[arg(long, global = true, value_name = "AKUN")]
    pub user: Option<String>,
    /// Baca kata sandi dari stdin (bawaan: variabel LOKET_PASSWORD)
    #[arg(long, global = true)]
    pub password_stdin: bool,
}

impl SignIn {
    /// The password: one line of stdin with `--password-stdin`, else `LOKET_PASSWORD`.
    pub(crate) fn password(&self) -> Result<String, ApiError> {
        if self.password_stdin {
            let mut line = String::new();
            std::io::stdin().lock().read_line(&mut line).map_err(|e| {
                ApiError::bad_input(format!("kata sandi tidak dapat dibaca dari stdin: {e}"))
            })?;
            let p = line.trim_end_matches(['\r', '\n']).to_string();
            if p.is_empty() {
                return Err(ApiError::bad_input("kata sandi kosong pada stdin"));
            }
            return Ok(p);
        }
        std::env::var("LOKET_PASSWORD").map_err(|_| {
            ApiError::bad_input(
                "kata sandi belum diberikan; pakai --password-stdin atau variabel LOKET_PASSWORD",
            )
        })
    }

    /// The login named by `--user`, else `LOKET_USER`, if any.
    pub(crate) fn login(&self) -> Option<String> {
        self.user
            .clone()
            .or_else(|| std::env::var("LOKET_USER").ok())
            .filter(|u| !u.trim().is_empty())
    }

    /// Signs in the acting account.
    ///
    /// Errors: `Unauthorised` when no account is named (every change is made by a signed-in
    /// person), and whatever sign-in refuses.
    pub(crate) fn actor(&self, loket: &Loket) -> Result<Actor, ApiError> {
        let user = self.login().ok_or_else(|| {
            ApiError::new(
                loket_api::ErrorCode::Unauthorised,
                "perubahan ini memerlukan akun yang masuk; sebutkan --user AKUN (atau variabel LOKET_USER) dengan kata sandi dari --password-stdin atau LOKET_PASSWORD",
            )
        })?;
        let password = self.password()?;
        let now = now()?;
        loket.sign_in_at(&user, &password, now)
    }
}

/// The office's zone, set once the database is open (see [`set_office_zone`]).
static OFFICE_ZONE: std::sync::OnceLock<chrono::FixedOffset> = std::sync::OnceLock::new();

/// Makes [`now`] answer in the office's zone (WIB/WITA/WIT), whatever the machine's zone.
pub(crate) fn set_office_zone(loket: &Loket) {
    if let Ok(v) = loket.office_view() {
        let _ = OFFICE_ZONE.set(v.office.time_zone.offset());
    }
}

/// Now in the office's time zone, whole seconds. In debug and test builds `LOKET_NOW`
/// (RFC 3339) replaces the clock for scripted replays and tests; a release build refuses it,
/// so nobody can set the time of their own acts.
pub(crate) fn now() -> Result<DateTime<FixedOffset>, ApiError> {
    let zone = OFFICE_ZONE
        .get()
        .copied()
        .unwrap_or_else(|| *Local::now().offset());
    if let Ok(t) = std::env::var("LOKET_NOW") {
        if !cfg!(debug_assertions) {
            return Err(ApiError::bad_input(
                "LOKET_NOW hanya untuk pengujian dan tidak berlaku pada Loket rilis; hapus variabel LOKET_NOW lalu ulangi",
            ));
        }
        return DateTime::parse_from_rfc3339(&t)
            .map(|d| d.with_timezone(&zone))
            .map_err(|_| {
                ApiError::bad_input(format!(
                    "LOKET_NOW `{t}` bukan waktu RFC 3339 (misalnya 2026-03-02T09:00:00+07:00)"
                ))
            });
    }
    let t = chrono::Utc::now().with_timezone(&zone);
    Ok(t.with_nanosecond(0).unwrap_or(t))
}

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
