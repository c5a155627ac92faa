//! `account.sign_in`: login name and password against the stored Argon2id hash.

use chrono::{DateTime, FixedOffset};

use super::{password, Actor};
use crate::{audit, ApiError, ErrorCode, Loket};

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
        let Some((row, hash)) = found else {
            password::verify_nothing(password);
            return Err(wrong());
        };
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

impl Loket {
    /// Writes "`actor` signed in at `now`" to the audit trail (the desktop window does this
    /// at every sign-in; the CLI signs in per command and does not).
    pub fn record_sign_in(
        &mut self,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<(), ApiError> {
        let tx = self.db.begin()?;
        audit::record(
            &tx,
            now,
            actor.id(),
            ID,
            &format!("account:{}", actor.id()),
            None::<&()>,
            None::<&()>,
        )?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use crate::office::ProfileSource;
    use crate::{ErrorCode, Loket};

    fn timed(l: &Loket, login: &str, password: &str) -> (Duration, ErrorCode) {
        let start = Instant::now();
        let code = l.sign_in(login, password).unwrap_err().code;
        (start.elapsed(), code)
    }

    #[test]
    fn an_unknown_login_costs_what_a_wrong_password_costs() {
        let mut l = Loket::open_in_memory().unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-02T09:00:00+07:00").unwrap();
        l.office_init(&ProfileSource::Shipped("demak".into()), now)
            .unwrap();
        l.account_bootstrap("admin", "Admin", "sandi-admin-kantor", now)
            .unwrap();
        timed(&l, "siapa", "apa saja");
        let (wrong, wrong_code) = timed(&l, "admin", "bukan-sandinya");
        let (unknown, unknown_code) = timed(&l, "tidak-ada", "bukan-sandinya");
        assert_eq!(
            wrong_code, unknown_code,
            "an unknown login and a wrong password answer alike"
        );
        assert!(
            unknown * 3 >= wrong,
            "an unknown login spends a password verification too ({unknown:?} vs {wrong:?}), so login names cannot be found by timing"
        );
    }
}
