//! `account.sign_in`: login name and password against the stored Argon2id hash.

use super::{password, Actor};
use crate::{ApiError, ErrorCode, Loket};

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
