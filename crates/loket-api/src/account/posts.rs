//! `account.posts`: the office's posts for the new-account form, each with the roles its kind
//! gets by default (`loket_domain::roles::default_roles`), so the form can pre-tick them.

use loket_domain::roles::{default_roles, Role};
use serde::Serialize;

use super::Actor;
use crate::{ApiError, Loket};

pub const ID: &str = "account.posts";

/// A post an account can hold.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct PostChoice {
    pub id: String,
    pub title: String,
    pub default_roles: Vec<Role>,
}

impl Loket {
    /// Every post of the office profile, in profile order (administrators only).
    ///
    /// Errors: `Forbidden` without the administer role.
    pub fn account_posts(&self, actor: &Actor) -> Result<Vec<PostChoice>, ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        Ok(self
            .db
            .positions()?
            .into_iter()
            .map(|p| PostChoice {
                default_roles: default_roles(p.kind),
                id: p.id,
                title: p.title,
            })
            .collect())
    }
}
