//! `account.list`: every account with its post and roles.

use loket_domain::roles::Role;

use super::{AccountView, Actor};
use crate::{ApiError, Loket};

pub const ID: &str = "account.list";

impl Loket {
    /// Every account (administrators only; others see people through `people.list`).
    ///
    /// Errors: `Forbidden` without the administer role.
    pub fn account_list(&self, actor: &Actor) -> Result<Vec<AccountView>, ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        let positions = self.db.positions()?;
        self.db
            .accounts()?
            .into_iter()
            .map(|a| {
                let streak = self.sign_in_streak(&a.id)?;
                Ok(AccountView {
                    failed_sign_ins: streak.count,
                    locked_until: streak.locked_until().map(|t| t.to_rfc3339()),
                    position_title: a
                        .position_id
                        .as_deref()
                        .and_then(|id| positions.iter().find(|p| p.id == id))
                        .map(|p| p.title.clone()),
                    roles: Role::parse_list(&a.roles).unwrap_or_default(),
                    id: a.id,
                    name: a.name,
                    nip: a.nip,
                    position_id: a.position_id,
                    active: a.active,
                })
            })
            .collect()
    }
}
