//! Accounts, sign-in and roles. An [`Actor`] is who performs a use case; it exists only
//! after a successful sign-in (or the first-run bootstrap), and every use case that changes
//! something takes one and checks its roles here in loket-api, not only in the UI.

mod acting;
mod active;
mod bootstrap;
mod create;
mod list;
pub(crate) mod password;
mod posts;
mod reset;
mod roles;
mod sign_in;

use chrono::{DateTime, FixedOffset};
use loket_db::accounts::AccountRow;
use loket_domain::roles::Role;
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::{ApiError, ErrorCode, Loket};

pub use acting::{ActingView, ID as ACTING};
pub use active::ID as SET_ACTIVE;
pub use bootstrap::ID as BOOTSTRAP;
pub use create::{NewAccount, ID as CREATE};
pub use list::ID as LIST;
pub use posts::{PostChoice, ID as POSTS};
pub use reset::ID as RESET_PASSWORD;
pub use roles::ID as SET_ROLES;
pub use sign_in::{lock_delay, FAILED as SIGN_IN_FAILED, ID as SIGN_IN, LOCK_AFTER};

/// A signed-in person. Fields are private: only sign-in makes one.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Actor {
    id: String,
    name: String,
    position_id: Option<String>,
    roles: Vec<Role>,
}

impl Actor {
    pub(crate) fn from_row(row: &AccountRow) -> Actor {
        Actor {
            id: row.id.clone(),
            name: row.name.clone(),
            position_id: row.position_id.clone(),
            roles: Role::parse_list(&row.roles).unwrap_or_default(),
        }
    }

    /// The login name.
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The post the account holds permanently.
    pub fn position_id(&self) -> Option<&str> {
        self.position_id.as_deref()
    }

    pub fn roles(&self) -> &[Role] {
        &self.roles
    }

    /// Refuses with a message naming what the role allows.
    pub(crate) fn require(&self, role: Role) -> Result<(), ApiError> {
        if self.roles.contains(&role) {
            Ok(())
        } else {
            Err(ApiError::new(
                ErrorCode::Forbidden,
                format!(
                    "akun {} tidak berwenang {}; minta admin menambahkan peran `{}`",
                    self.id,
                    role.verb(),
                    role.code()
                ),
            ))
        }
    }
}

/// An account as lists show it (never the hash).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct AccountView {
    pub id: String,
    pub name: String,
    pub nip: String,
    pub position_id: Option<String>,
    pub position_title: Option<String>,
    pub roles: Vec<Role>,
    pub active: bool,
    /// Failed sign-ins in a row since the last success.
    pub failed_sign_ins: u32,
    /// When the account may try again after [`sign_in::LOCK_AFTER`] failures (RFC 3339).
    pub locked_until: Option<String>,
}

/// What the acts that set a password record: the account row and the fingerprint of its
/// password hash ([`password::fingerprint`]), never the hash.
#[derive(Serialize)]
pub(crate) struct WithPassword<'a> {
    #[serde(flatten)]
    pub row: &'a AccountRow,
    pub password_sha256: String,
}

impl<'a> WithPassword<'a> {
    pub(crate) fn new(row: &'a AccountRow, hash: &str) -> WithPassword<'a> {
        WithPassword {
            row,
            password_sha256: password::fingerprint(hash),
        }
    }
}

/// Writes the audit entry of a change to account `before.id`, reading the after state in `tx`.
pub(crate) fn record_change(
    tx: &loket_db::Tx,
    now: DateTime<FixedOffset>,
    actor: &str,
    action: &str,
    before: &AccountRow,
) -> Result<(), ApiError> {
    let after = tx.account(&before.id)?;
    crate::audit::record(
        tx,
        now,
        actor,
        action,
        &format!("account:{}", before.id),
        Some(before),
        after.as_ref(),
    )
}

impl Loket {
    /// The posts `actor` holds on the day of `now`: their own, then acting ones (Plt./Plh.).
    pub(crate) fn posts_of(
        &self,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<String>, ApiError> {
        let mut posts: Vec<String> = actor.position_id.iter().cloned().collect();
        let day = now.date_naive().to_string();
        for a in self.db.acting_on(&actor.id, &day)? {
            if !posts.contains(&a.position_id) {
                posts.push(a.position_id);
            }
        }
        Ok(posts)
    }

    /// Re-reads the actor's account so a role change or deactivation takes effect at once.
    pub(crate) fn current(&self, actor: &Actor) -> Result<Actor, ApiError> {
        match self.db.account_with_hash(&actor.id)? {
            Some((row, _)) if row.active => Ok(Actor::from_row(&row)),
            _ => Err(ApiError::new(
                ErrorCode::Forbidden,
                format!("akun {} tidak aktif lagi; masuk dengan akun lain", actor.id),
            )),
        }
    }
}
