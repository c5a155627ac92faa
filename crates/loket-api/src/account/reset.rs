//! `account.reset_password`: an administrator sets a new password for an account.

use chrono::{DateTime, FixedOffset};
use loket_domain::roles::Role;

use super::{password, Actor};
use crate::{audit, ApiError, Loket};

pub const ID: &str = "account.reset_password";

impl Loket {
    /// Replaces the password of `login`. The audit entry records that it changed and the
    /// fingerprint of the new hash (so `loket check` sees a hash replaced in the file), never
    /// the password or the hash.
    ///
    /// Errors: `Forbidden` without the administer role; `NotFound` for an unknown login;
    /// `BadInput` for a short password.
    pub fn account_reset_password(
        &mut self,
        actor: &Actor,
        login: &str,
        new_password: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<(), ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        let hash = password::hash(login, new_password)?;
        let tx = self.db.begin()?;
        tx.account(login)?.ok_or_else(|| unknown(login))?;
        tx.set_password_hash(login, &hash)?;
        let what = serde_json::json!({
            "password": "diatur ulang",
            "password_sha256": password::fingerprint(&hash),
        });
        audit::record(
            &tx,
            now,
            actor.id(),
            ID,
            &format!("account:{login}"),
            None::<&()>,
            Some(&what),
        )?;
        tx.commit()?;
        Ok(())
    }
}

pub(crate) fn unknown(login: &str) -> crate::ApiError {
    crate::ApiError::not_found(format!(
        "akun `{login}` tidak ada; lihat daftar akun dengan `loket user list`"
    ))
}
