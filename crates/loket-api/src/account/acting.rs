//! `account.acting`: appoint an account Plt. or Plh. of another post for a date range.

use chrono::{DateTime, FixedOffset, NaiveDate};
use loket_db::accounts::ActingRow;
use loket_domain::catalog::Acting;
use loket_domain::roles::Role;

use super::reset::unknown;
use super::Actor;
use crate::{audit, ApiError, Loket};

pub const ID: &str = "account.acting";

impl Loket {
    /// Records that `login` acts as `position_id` from `starts` to `ends` (inclusive); within
    /// that range the post's inbox is theirs and they may dispose as that post.
    ///
    /// Errors: `Forbidden` without the administer role; `NotFound` for an unknown login;
    /// `BadInput` for an unknown post or an end before the start.
    #[allow(clippy::too_many_arguments)]
    pub fn account_acting(
        &mut self,
        actor: &Actor,
        login: &str,
        position_id: &str,
        kind: Acting,
        starts: NaiveDate,
        ends: NaiveDate,
        now: DateTime<FixedOffset>,
    ) -> Result<i64, ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        if ends < starts {
            return Err(ApiError::bad_input(format!(
                "tanggal akhir {ends} sebelum tanggal mulai {starts}; periksa rentang penugasan {}",
                kind.prefix()
            )));
        }
        if !self.db.positions()?.iter().any(|p| p.id == position_id) {
            return Err(ApiError::bad_input(format!(
                "jabatan `{position_id}` tidak ada di profil kantor"
            )));
        }
        let row = ActingRow {
            id: 0,
            account_id: login.to_string(),
            position_id: position_id.to_string(),
            kind: match kind {
                Acting::Plt => "plt",
                Acting::Plh => "plh",
            }
            .to_string(),
            starts: starts.to_string(),
            ends: ends.to_string(),
        };
        let tx = self.db.begin()?;
        tx.account(login)?.ok_or_else(|| unknown(login))?;
        let id = tx.insert_acting(&row)?;
        // The snapshot carries the stored id, so `loket check` can tie the row to it.
        let row = ActingRow { id, ..row };
        audit::record(
            &tx,
            now,
            actor.id(),
            ID,
            &format!("account:{login}"),
            None::<&()>,
            Some(&row),
        )?;
        tx.commit()?;
        Ok(id)
    }
}

/// An acting appointment as the accounts page lists it.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ActingView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub account_id: String,
    pub position_id: String,
    pub position_title: String,
    /// "Plt." or "Plh.".
    pub kind: String,
    pub starts: String,
    pub ends: String,
}

impl Loket {
    /// Every acting appointment, newest start first (administrators only).
    ///
    /// Errors: `Forbidden` without the administer role.
    pub fn account_acting_list(&self, actor: &Actor) -> Result<Vec<ActingView>, ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        let positions = self.db.positions()?;
        Ok(self
            .db
            .actings()?
            .into_iter()
            .map(|a| ActingView {
                position_title: positions
                    .iter()
                    .find(|p| p.id == a.position_id)
                    .map(|p| p.title.clone())
                    .unwrap_or_else(|| a.position_id.clone()),
                kind: if a.kind == "plt" { "Plt." } else { "Plh." }.to_string(),
                id: a.id,
                account_id: a.account_id,
                position_id: a.position_id,
                starts: a.starts,
                ends: a.ends,
            })
            .collect())
    }
}
