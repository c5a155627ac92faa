//! Who is signed in to the desktop window: sign-in, first administrator, sign-out, and
//! running a use case as the signed-in person.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use super::Session;
use crate::account::Actor;
use crate::{ApiError, ErrorCode, Loket};

/// The signed-in person as the window's header shows them.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct UserView {
    /// Login name.
    pub id: String,
    pub name: String,
    /// "Kepala Bidang Aplikasi Informatika"; none for an account without a post.
    pub position_title: Option<String>,
    /// Role codes: register, dispose, paraf, sign, book, administer.
    pub roles: Vec<String>,
}

impl Session {
    /// Signs `login` in for this window; the sign-in is written to the audit trail.
    ///
    /// Errors: `Unauthorised` for a wrong login or password, `Forbidden` for a deactivated
    /// account, `NotInitialised` before first run.
    pub fn sign_in(
        &self,
        login: &str,
        password: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<UserView, ApiError> {
        let actor = self.with(|l| {
            let actor = l.sign_in_at(login, password, now)?;
            l.record_sign_in(&actor, now)?;
            Ok(actor)
        })?;
        self.remember(actor)
    }

    /// First run: creates the administrator (only while no account exists) and signs them in.
    pub fn create_first_admin(
        &self,
        login: &str,
        name: &str,
        password: &str,
        now: DateTime<FixedOffset>,
    ) -> Result<UserView, ApiError> {
        let actor = self.with(|l| l.account_bootstrap(login, name, password, now))?;
        self.remember(actor)
    }

    /// Forgets the signed-in person; the window returns to the sign-in screen.
    pub fn sign_out(&self) -> Result<(), ApiError> {
        *self.lock_actor()? = None;
        Ok(())
    }

    /// The signed-in person, if any.
    pub fn signed_in(&self) -> Result<Option<Actor>, ApiError> {
        Ok(self.lock_actor()?.clone())
    }

    /// Runs a use case as the signed-in person.
    ///
    /// Errors: `Unauthorised` when nobody is signed in, and whatever the use case returns.
    pub fn as_user<T>(
        &self,
        f: impl FnOnce(&mut Loket, &Actor) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let actor = self.signed_in()?.ok_or_else(|| {
            ApiError::new(
                ErrorCode::Unauthorised,
                "belum masuk; masukkan nama akun dan kata sandi pada layar Masuk",
            )
        })?;
        self.with(|l| f(l, &actor))
    }

    /// The header's view of the signed-in person.
    pub(super) fn user_view(&self, loket: &Loket) -> Result<Option<UserView>, ApiError> {
        let Some(actor) = self.signed_in()? else {
            return Ok(None);
        };
        let title = match actor.position_id() {
            Some(id) => loket
                .db
                .positions()?
                .into_iter()
                .find(|p| p.id == id)
                .map(|p| p.title),
            None => None,
        };
        Ok(Some(UserView {
            id: actor.id().to_string(),
            name: actor.name().to_string(),
            position_title: title,
            roles: actor.roles().iter().map(|r| r.code().to_string()).collect(),
        }))
    }

    fn remember(&self, actor: Actor) -> Result<UserView, ApiError> {
        *self.lock_actor()? = Some(actor);
        let view = self.with(|l| self.user_view(l))?;
        view.ok_or_else(|| ApiError::new(ErrorCode::Internal, "sesi masuk tidak tersimpan"))
    }

    fn lock_actor(&self) -> Result<std::sync::MutexGuard<'_, Option<Actor>>, ApiError> {
        self.actor.lock().map_err(|_| {
            ApiError::new(
                ErrorCode::Internal,
                "sesi masuk terganggu oleh galat sebelumnya; tutup dan buka kembali Loket",
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::office::ProfileSource;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-03-02T09:00:00+07:00").unwrap()
    }

    fn office() -> (tempfile::TempDir, Session) {
        let dir = tempfile::tempdir().unwrap();
        let session = Session::new(dir.path().join("loket.db"));
        session
            .setup(&ProfileSource::Shipped("demak".into()), now())
            .unwrap();
        (dir, session)
    }

    #[test]
    fn use_cases_as_a_user_need_a_sign_in() {
        let (_dir, session) = office();
        let err = session.as_user(|_, a| Ok(a.id().to_string())).unwrap_err();
        assert_eq!(
            err.code,
            ErrorCode::Unauthorised,
            "nobody is signed in before the first administrator exists"
        );
        let status = session.status().unwrap();
        assert!(!status.has_accounts, "a new office has no account yet");
        assert!(status.user.is_none(), "and nobody is signed in");
    }

    #[test]
    fn the_first_administrator_is_signed_in_and_can_sign_out_and_back_in() {
        let (_dir, session) = office();
        let user = session
            .create_first_admin("admin", "Sri Wahyuni", "rahasia-kantor-1", now())
            .unwrap();
        assert_eq!(user.name, "Sri Wahyuni", "the creator is signed in at once");
        assert!(
            user.roles.iter().any(|r| r == "administer"),
            "the first account administers"
        );
        assert!(
            session.status().unwrap().has_accounts,
            "an account exists now"
        );
        session.sign_out().unwrap();
        assert!(
            session.status().unwrap().user.is_none(),
            "signing out forgets the person"
        );
        let wrong = session.sign_in("admin", "salah", now()).unwrap_err();
        assert_eq!(
            wrong.code,
            ErrorCode::Unauthorised,
            "a wrong password is refused"
        );
        assert!(
            session.signed_in().unwrap().is_none(),
            "and signs nobody in"
        );
        session.sign_in("admin", "rahasia-kantor-1", now()).unwrap();
        let who = session.as_user(|_, a| Ok(a.id().to_string())).unwrap();
        assert_eq!(who, "admin", "use cases run as the signed-in person");
        let trail = session
            .with(|l| {
                let actor = l.sign_in("admin", "rahasia-kantor-1")?;
                l.audit_trail(&actor, Some("account:admin"))
            })
            .unwrap();
        assert!(
            trail.iter().any(|e| e.action == crate::account::SIGN_IN),
            "the sign-in is in the audit trail"
        );
    }
}
