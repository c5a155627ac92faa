//! `account.sign_in`: login name and password against the stored Argon2id hash, with a
//! growing wait after repeated failures. Every failed attempt is audited
//! (`account.sign_in_failed`); the failures in a row since the last success (or password
//! reset) are counted from the audit trail itself, so no separate counter can drift from it.

use chrono::{DateTime, Duration, FixedOffset};

use super::{password, Actor};
use crate::{audit, ApiError, ErrorCode, Loket};

pub const ID: &str = "account.sign_in";
/// The audit action of a failed attempt.
pub const FAILED: &str = "account.sign_in_failed";
/// Failures in a row after which an account waits before the next attempt.
pub const LOCK_AFTER: u32 = 5;

/// The wait after `streak` failures in a row: none below [`LOCK_AFTER`], then 30 seconds,
/// doubling with every further failure, at most one hour.
pub fn lock_delay(streak: u32) -> Duration {
    if streak < LOCK_AFTER {
        return Duration::zero();
    }
    let doublings = (streak - LOCK_AFTER).min(7);
    Duration::seconds((30i64 << doublings).min(3600))
}

/// Failed attempts in a row and the moment of the last one.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Streak {
    pub(crate) count: u32,
    pub(crate) last: Option<DateTime<FixedOffset>>,
}

impl Streak {
    /// Until when the account waits, if it does.
    pub(crate) fn locked_until(&self) -> Option<DateTime<FixedOffset>> {
        if self.count < LOCK_AFTER {
            return None;
        }
        self.last.map(|l| l + lock_delay(self.count))
    }
}

fn wrong() -> ApiError {
    ApiError::new(
        ErrorCode::Unauthorised,
        "nama akun atau kata sandi salah; periksa lalu coba lagi, atau minta admin mengatur ulang kata sandi",
    )
}

impl Loket {
    /// The failed sign-ins of `login` since its last success or password reset.
    pub(crate) fn sign_in_streak(&self, login: &str) -> Result<Streak, ApiError> {
        let mut s = Streak::default();
        for r in self.db.audit_entries(Some(&format!("account:{login}")))? {
            match r.entry.action.as_str() {
                FAILED => {
                    s.count += 1;
                    s.last = DateTime::parse_from_rfc3339(&r.entry.at).ok().or(s.last);
                }
                ID | super::RESET_PASSWORD | super::BOOTSTRAP => s = Streak::default(),
                _ => {}
            }
        }
        Ok(s)
    }

    /// The password check itself. Errors: `Unauthorised` with one message for an unknown
    /// login and a wrong password (an unknown login spends the same verification time);
    /// `Forbidden` for a deactivated account.
    fn check_password(&self, login: &str, password: &str) -> Result<Actor, ApiError> {
        let Some((row, hash)) = self.db.account_with_hash(login)? else {
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

    /// Returns the actor when `login` exists, is active, is not waiting after failed
    /// attempts, and `password` matches. Without a clock this cannot tell when a wait is
    /// over, so a waiting account is refused until a front door signs it in with
    /// [`Loket::sign_in_at`].
    ///
    /// Errors: `Unauthorised` for a wrong login or password; `Forbidden` for a deactivated
    /// or waiting account.
    pub fn sign_in(&self, login: &str, password: &str) -> Result<Actor, ApiError> {
        let login = login.trim();
        if self.sign_in_streak(login)?.locked_until().is_some() {
            password::verify_nothing(password);
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!("akun {login} menunggu setelah beberapa kali gagal masuk; masuk lagi melalui jendela Loket atau perintah `loket`"),
            ));
        }
        self.check_password(login, password)
    }

    /// Sign-in at a front door at `now`: a failure is audited, and after [`LOCK_AFTER`]
    /// failures in a row the account waits ([`lock_delay`], growing with each further
    /// failure, attempts while waiting included); a success after failures is audited and
    /// ends the streak.
    ///
    /// Errors: as [`Loket::sign_in`]; `Forbidden` naming the moment the wait ends.
    pub fn sign_in_at(
        &self,
        login: &str,
        password: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<Actor, ApiError> {
        let login = login.trim();
        let streak = self.sign_in_streak(login)?;
        let waiting = streak.locked_until().filter(|until| *until > now);
        let result = match waiting {
            Some(until) => {
                password::verify_nothing(password);
                Err(ApiError::new(
                    ErrorCode::Forbidden,
                    format!(
                        "akun {login} dikunci sementara setelah {} kali gagal masuk berturut-turut; coba lagi setelah pukul {}, atau minta admin mengatur ulang kata sandi",
                        streak.count,
                        until.format("%H:%M:%S")
                    ),
                ))
            }
            None => self.check_password(login, password),
        };
        match &result {
            Ok(actor) if streak.count > 0 => {
                let tx = self.db.begin_shared()?;
                audit::record(
                    &tx,
                    now,
                    actor.id(),
                    ID,
                    &format!("account:{login}"),
                    None::<&()>,
                    Some(&serde_json::json!({ "setelah_gagal": streak.count })),
                )?;
                tx.commit()?;
            }
            Err(e) if waiting.is_some() || e.code == ErrorCode::Unauthorised => {
                let tx = self.db.begin_shared()?;
                audit::record::<(), _>(
                    &tx,
                    now,
                    login,
                    FAILED,
                    &format!("account:{login}"),
                    None,
                    Some(&serde_json::json!({ "gagal_berturut": streak.count + 1 })),
                )?;
                tx.commit()?;
            }
            _ => {}
        }
        result
    }
}

impl Loket {
    /// Writes "`actor` signed in at `now`" to the audit trail (the desktop window does this
    /// at every sign-in; the CLI signs in per command and writes it only after failures, to
    /// end their streak).
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

    #[test]
    fn five_failures_make_the_account_wait_longer_each_time_and_are_audited() {
        let mut l = Loket::open_in_memory().unwrap();
        let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
        let t0 = at("2026-03-02T09:00:00+07:00");
        l.office_init(&ProfileSource::Shipped("demak".into()), t0)
            .unwrap();
        let admin = l
            .account_bootstrap("admin", "Admin", "sandi-admin-kantor", t0)
            .unwrap();
        for _ in 0..super::LOCK_AFTER {
            let e = l.sign_in_at("admin", "salah-salah-salah", t0).unwrap_err();
            assert_eq!(
                e.code,
                ErrorCode::Unauthorised,
                "a wrong password is refused"
            );
        }
        let e = l.sign_in_at("admin", "sandi-admin-kantor", t0).unwrap_err();
        assert!(
            e.code == ErrorCode::Forbidden
                && e.message.contains("coba lagi setelah pukul 09:00:30"),
            "after 5 failures even the right password waits 30 seconds: {}",
            e.message
        );
        let later = at("2026-03-02T09:00:40+07:00");
        let e = l
            .sign_in_at("admin", "sandi-admin-kantor", later)
            .unwrap_err();
        assert!(
            e.message.contains("09:01:00"),
            "the attempt while waiting counted: the wait doubled to a minute: {}",
            e.message
        );
        assert_eq!(
            l.sign_in("admin", "sandi-admin-kantor").unwrap_err().code,
            ErrorCode::Forbidden,
            "a door without a clock refuses a waiting account too"
        );
        let listed = l.account_list(&admin).unwrap();
        assert!(
            listed.iter().any(|a| a.id == "admin"
                && a.locked_until.as_deref() == Some("2026-03-02T09:02:40+07:00")),
            "the administrator sees the wait in the account list: {listed:?}"
        );
        let after = at("2026-03-02T09:03:00+07:00");
        let back = l.sign_in_at("admin", "sandi-admin-kantor", after).unwrap();
        let trail = l.audit_trail(&back, Some("account:admin")).unwrap();
        assert_eq!(
            trail.iter().filter(|e| e.action == super::FAILED).count(),
            7,
            "every failed attempt is audited, the refused ones while waiting included"
        );
        assert_eq!(
            trail.last().map(|e| e.action.as_str()),
            Some(super::ID),
            "the success after the wait is audited and ends the streak"
        );
        assert!(
            l.sign_in("admin", "sandi-admin-kantor").is_ok(),
            "the streak is over"
        );
    }
}
