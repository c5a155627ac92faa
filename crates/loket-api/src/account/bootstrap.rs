//! `account.bootstrap`: the first run creates the administrator, without signing in.

use chrono::{DateTime, FixedOffset};
use loket_db::accounts::AccountRow;
use loket_domain::roles::Role;

use super::{password, Actor};
use crate::account::create::check_login;
use crate::{audit, ApiError, ErrorCode, Loket};

pub const ID: &str = "account.bootstrap";

impl Loket {
    /// Creates the first account, an administrator, and returns it signed in.
    ///
    /// Errors: `Conflict` once any account exists (an admin then creates the others);
    /// `BadInput` for a bad login name or a short password; `NotInitialised` before the
    /// office profile is imported.
    pub fn account_bootstrap(
        &mut self,
        login: &str,
        name: &str,
        password: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Actor, ApiError> {
        self.db.office()?;
        check_login(login)?;
        if name.trim().is_empty() {
            return Err(ApiError::bad_input(
                "nama administrator kosong; isi nama lengkapnya",
            ));
        }
        let hash = password::hash(login, password)?;
        let row = AccountRow {
            id: login.to_string(),
            name: name.trim().to_string(),
            nip: String::new(),
            position_id: None,
            roles: Role::ALL
                .iter()
                .map(|r| r.code())
                .collect::<Vec<_>>()
                .join(","),
            active: true,
            created_at: now.to_rfc3339(),
        };
        let tx = self.db.begin()?;
        if tx.account_count()? > 0 {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                "administrator pertama sudah ada; masuk sebagai admin lalu buat akun baru (loket user add)",
            ));
        }
        tx.insert_account(&row, &hash)?;
        audit::record(
            &tx,
            now,
            login,
            ID,
            &format!("account:{login}"),
            None::<&()>,
            Some(&super::WithPassword::new(&row, &hash)),
        )?;
        tx.commit()?;
        Ok(Actor::from_row(&row))
    }
}
