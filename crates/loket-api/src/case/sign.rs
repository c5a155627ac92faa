//! `case.await_signature` and `case.sign`: the result goes to an official for signature, and
//! the official's signature closes the case (selesai).

use chrono::{DateTime, FixedOffset};
use loket_domain::case_status::CaseEvent;
use loket_domain::roles::Role;

use super::{advance, load, record, CaseView};
use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

pub const ID_AWAIT: &str = "case.await_signature";
pub const ID_SIGN: &str = "case.sign";

impl Loket {
    /// Sends the case for signature. Only someone the case was handed to may.
    ///
    /// Errors: `NotFound`; `Forbidden` for someone not involved; `Conflict` from the state
    /// machine (e.g. before any disposition).
    pub fn case_await_signature(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        self.case_move(actor, id, None, CaseEvent::AwaitSignature, ID_AWAIT, now)
    }

    /// Signs and closes the case. Needs the sign role and a post the case was handed to.
    ///
    /// Errors: `Forbidden` without the sign role or for someone not involved; `Conflict`
    /// unless the case awaits signature.
    pub fn case_sign(
        &mut self,
        actor: &Actor,
        id: i64,
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        self.case_move(actor, id, Some(Role::Sign), CaseEvent::Sign, ID_SIGN, now)
    }

    fn case_move(
        &mut self,
        actor: &Actor,
        id: i64,
        role: Option<Role>,
        event: CaseEvent,
        action: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<CaseView, ApiError> {
        let actor = self.current(actor)?;
        if let Some(role) = role {
            actor.require(role)?;
        }
        let posts = self.posts_of(&actor, now)?;
        if self.db.case(id)?.is_none() {
            return Err(super::not_found(id));
        }
        if self.involved_posts(id, &posts)?.is_empty() {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!("akun {} tidak memegang permohonan {id}; hanya penerima disposisinya yang dapat melakukannya", actor.id()),
            ));
        }
        let tx = self.db.begin()?;
        let before = load(&tx, id)?;
        advance(&tx, &before, event, now)?;
        record(&tx, now, actor.id(), action, Some(&before), id)?;
        tx.commit()?;
        self.case_show(&actor, id, now)
    }
}
