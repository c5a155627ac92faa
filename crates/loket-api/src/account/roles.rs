//! `account.set_roles`: an administrator edits what an account may do.

use chrono::{DateTime, FixedOffset};
use loket_domain::roles::Role;

use super::create::role_codes;
use super::reset::unknown;
use super::Actor;
use crate::{ApiError, ErrorCode, Loket};

pub const ID: &str = "account.set_roles";

impl Loket {
    /// Replaces the roles of `login`.
    ///
    /// Errors: `Forbidden` without the administer role; `NotFound` for an unknown login;
    /// `Conflict` when an administrator would remove their own administer role (the office
    /// would be left without one who can undo it).
    pub fn account_set_roles(
        &mut self,
        actor: &Actor,
        login: &str,
        roles: &[Role],
        now: DateTime<FixedOffset>,
    ) -> Result<(), ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        if login == actor.id() && !roles.contains(&Role::Administer) {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                "peran administer tidak dapat dicabut dari akun sendiri; minta admin lain melakukannya",
            ));
        }
        let mut sorted = roles.to_vec();
        sorted.sort();
        sorted.dedup();
        let tx = self.db.begin()?;
        let before = tx.account(login)?.ok_or_else(|| unknown(login))?;
        tx.set_roles(login, &role_codes(&sorted))?;
        super::record_change(&tx, now, actor.id(), ID, &before)?;
        tx.commit()?;
        Ok(())
    }
}
