//! What every CLI command shares: who acts (the sign-in options) and when (the one clock).
//!
//! Who acts: `--user LOGIN` (or `LOKET_USER`) with the password from `--password-stdin` or
//! `LOKET_PASSWORD`. The moment: the computer's clock in the office's time zone; in debug and
//! test builds `LOKET_NOW` (RFC 3339) replaces it for scripted replays and tests.

use std::io::BufRead;

use chrono::{DateTime, FixedOffset, Local, Timelike, Utc};
use clap::Args;
use loket_api::account::Actor;
use loket_api::sla::parse_received;
use loket_api::{ApiError, Loket};

/// Sign-in options shared by every command that changes something.
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
        .unwrap_or_else(|| *system_now().with_timezone(&Local).offset());
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
    let t = system_now().with_timezone(&zone);
    Ok(t.with_nanosecond(0).unwrap_or(t))
}

/// `--now` when given (office time "TTTT-BB-HH JJ:MM" or RFC 3339, read against the working
/// calendar's zone), else [`now`].
pub(crate) fn now_or(
    loket: &mut Loket,
    given: Option<&str>,
) -> Result<DateTime<FixedOffset>, ApiError> {
    match given {
        Some(text) => parse_received(text, &loket.working_calendar()?),
        None => now(),
    }
}

/// The computer's clock: the only place the CLI reads it (clippy.toml forbids it elsewhere).
#[allow(clippy::disallowed_methods)]
pub(crate) fn system_now() -> DateTime<Utc> {
    Utc::now()
}
