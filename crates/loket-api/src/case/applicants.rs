//! `case.applicants`: previous applicants for the register form's suggestions, so a returning
//! OPD or person is typed once and their contacts filled in.

use chrono::{DateTime, FixedOffset};
use loket_domain::roles::Role;
use serde::Serialize;

use crate::account::Actor;
use crate::{ApiError, Loket};

pub const ID: &str = "case.applicants";

/// How many previous applicants the form suggests.
pub const SUGGESTED: i64 = 200;

/// A previous applicant with the contacts of their latest request.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct ApplicantView {
    /// "opd", "instansi" or "perorangan".
    pub kind: String,
    pub name: String,
    pub phone: String,
    pub email: String,
    pub address: String,
}

impl Loket {
    /// Distinct previous applicants, most recent first.
    ///
    /// Errors: `Forbidden` without the register role.
    pub fn case_applicants(
        &self,
        actor: &Actor,
        _now: DateTime<FixedOffset>,
    ) -> Result<Vec<ApplicantView>, ApiError> {
        self.current(actor)?.require(Role::Register)?;
        Ok(self
            .db
            .recent_applicants(SUGGESTED)?
            .into_iter()
            .map(|(kind, name, phone, email, address)| ApplicantView {
                kind,
                name,
                phone,
                email,
                address,
            })
            .collect())
    }
}
