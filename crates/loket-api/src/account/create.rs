//! `account.create`: an administrator gives a person a login for a post.

use chrono::{DateTime, FixedOffset};
use loket_db::accounts::AccountRow;
use loket_domain::nip;
use loket_domain::roles::{default_roles, Role};

use super::{password, Actor};
use crate::{audit, ApiError, ErrorCode, Loket};

pub const ID: &str = "account.create";

/// What the administrator types.
#[derive(Debug, Clone, Default)]
pub struct NewAccount {
    pub login: String,
    pub name: String,
    pub nip: String,
    /// Post id from the office profile.
    pub position_id: String,
    /// `None`: the defaults of the post's kind.
    pub roles: Option<Vec<Role>>,
    pub password: String,
}

/// Login names: 3–32 lowercase letters, digits, '.', '-' or '_'.
pub(crate) fn check_login(login: &str) -> Result<(), ApiError> {
    let ok = (3..=32).contains(&login.len())
        && login
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'));
    if ok {
        Ok(())
    } else {
        Err(ApiError::bad_input(format!(
            "nama akun `{login}` tidak valid; gunakan 3–32 huruf kecil, angka, titik, tanda hubung atau garis bawah (misalnya sri.wahyuni)"
        )))
    }
}

/// The NIP of an account as stored: empty when none is typed, else the 18 digits by the
/// rule officials follow ([`nip::from_input`]: spaces and a leading "NIP."/"NIP:" label
/// dropped), so that the signature block prints it grouped and once.
///
/// Errors: `BadInput` naming the field, for a control character or anything but 18 digits.
pub(crate) fn account_nip(written: &str) -> Result<String, ApiError> {
    crate::text::check("NIP", written.trim(), crate::text::SHORT_MAX)?;
    if written.trim().is_empty() {
        return Ok(String::new());
    }
    nip::from_input(written).map_err(|e| {
        ApiError::bad_input(format!(
            "{e}; isian NIP akun (kosongkan bila pemilik akun bukan PNS)"
        ))
    })
}

pub(crate) fn role_codes(roles: &[Role]) -> String {
    roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(",")
}

impl Loket {
    /// Creates an account holding `position_id` with the default roles of that post unless
    /// roles are given.
    ///
    /// Errors: `Forbidden` without the administer role; `BadInput` for a bad login, empty
    /// name, a NIP that is not 18 digits (empty is allowed), unknown post or short password;
    /// `Conflict` when the login is taken.
    pub fn account_create(
        &mut self,
        actor: &Actor,
        new: &NewAccount,
        now: DateTime<FixedOffset>,
    ) -> Result<super::AccountView, ApiError> {
        self.current(actor)?.require(Role::Administer)?;
        check_login(&new.login)?;
        if new.name.trim().is_empty() {
            return Err(ApiError::bad_input(
                "nama pemilik akun kosong; isi nama lengkapnya",
            ));
        }
        crate::text::check("nama pemilik akun", new.name.trim(), crate::text::NAME_MAX)?;
        let nip = account_nip(&new.nip)?;
        let positions = self.db.positions()?;
        let position = positions
            .iter()
            .find(|p| p.id == new.position_id)
            .ok_or_else(|| {
                ApiError::bad_input(format!(
                    "jabatan `{}` tidak ada di profil kantor; lihat daftar jabatan dengan `loket office --json`",
                    new.position_id
                ))
            })?;
        let roles = new
            .roles
            .clone()
            .unwrap_or_else(|| default_roles(position.kind));
        let hash = password::hash(&new.login, &new.password)?;
        let row = AccountRow {
            id: new.login.clone(),
            name: new.name.trim().to_string(),
            nip,
            position_id: Some(position.id.clone()),
            roles: role_codes(&roles),
            active: true,
            created_at: now.to_rfc3339(),
        };
        let tx = self.db.begin()?;
        if tx.account(&new.login)?.is_some() {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!("nama akun {} sudah dipakai; pilih nama lain", new.login),
            ));
        }
        tx.insert_account(&row, &hash)?;
        audit::record(
            &tx,
            now,
            actor.id(),
            ID,
            &format!("account:{}", row.id),
            None::<&()>,
            Some(&super::WithPassword::new(&row, &hash)),
        )?;
        tx.commit()?;
        Ok(super::AccountView {
            id: row.id,
            name: row.name,
            nip: row.nip,
            position_id: row.position_id,
            position_title: Some(position.title.clone()),
            roles,
            active: true,
            failed_sign_ins: 0,
            locked_until: None,
        })
    }
}
