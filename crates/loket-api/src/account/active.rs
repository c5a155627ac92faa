//! `account.set_active`: an administrator deactivates an account (it can no longer sign in;
//! its history stays) or activates it again.

use chrono::{DateTime, FixedOffset};
use loket_domain::roles::Role;

use super::reset::unknown;
use super::Actor;
use crate::{ApiError, ErrorCode, Loket};

pub const ID: &str = "account.set_active";

impl Loket {
    /// Activates (`active = true`) or deactivates `login`.
    ///
    /// Errors: `Forbidden` without the administer role; `NotFound` for an unknown login;
    /// `Conflict` when administrators would deactivate their own account.
    pub fn account_set_active(
        &mut self,
        actor: &Actor,
        login: &str,
        active: bool,
        now: DateTime<FixedOffset>,
    ) -> Result<(), ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        if login == actor.id() && !active {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                "akun sendiri tidak dapat dinonaktifkan; minta admin lain melakukannya",
            ));
        }
        let tx = self.db.begin()?;
        let before = tx.account(login)?.ok_or_else(|| unknown(login))?;
        tx.set_active(login, active)?;
        super::record_change(&tx, now, actor.id(), ID, &before)?;
        tx.commit()?;
        Ok(())
    }
}
