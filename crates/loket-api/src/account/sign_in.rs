//! `account.sign_in`: login name and password against the stored Argon2id hash.

use chrono::{DateTime, FixedOffset};

use super::{password, Actor};
use crate::{audit, ApiError, ErrorCode, Loket};

pub const ID: &str = "account.sign_in";

impl Loket {
    /// Returns the actor when `login` exists, is active and `password` matches.
    ///
    /// Errors: `Unauthorised` with one message for an unknown login and a wrong password
    /// (so logins cannot be guessed); `Forbidden` for a deactivated account.
    pub fn sign_in(&self, login: &str, password: &str) -> Result<Actor, ApiError> {
        let found = self.db.account_with_hash(login.trim())?;
        let wrong = || {
            ApiError::new(
                ErrorCode::Unauthorised,
                "nama akun atau kata sandi salah; periksa lalu coba lagi, atau minta admin mengatur ulang kata sandi",
            )
        };
        let (row, hash) = found.ok_or_else(wrong)?;
        if !password::verify(password, &hash) {
            return Err(wrong());
        }
        if !row.active {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!("akun {} dinonaktifkan; hubungi admin", row.id),
            ));
        }
        Ok(Actor::from_row(&row))
    }
}

impl Loket {
    /// Writes "`actor` signed in at `now`" to the audit trail (the desktop window does this
    /// at every sign-in; the CLI signs in per command and does not).
    pub fn record_sign_in(
        &mut self,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<(), ApiError> {
        let tx = self.db.begin()?;
        audit::record(
            &tx,
            now,
            actor.id(),
            ID,
            &format!("account:{}", actor.id()),
            None::<&()>,
            None::<&()>,
        )?;
        tx.commit()?;
        Ok(())
    }
}
