//! Signer certificates (Pengaturan → Tanda Tangan Elektronik): each signing account's X.509
//! certificate registered once from its PKCS#12 file (the key is never stored), the roots
//! the office trusts, and the opened key a letter is signed with.

mod add;
mod key;
mod list;
mod trust;

pub use add::{NewSignerCertificate, ADD};
pub use list::LIST;
pub use trust::TRUST;

use chrono::{DateTime, FixedOffset};
use loket_letters::pades::{CertificateError, CertificateInfo, SigningKey};
use serde::Serialize;

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::{ApiError, ErrorCode};

/// A registered signer certificate as Pengaturan and `loket signer list` show it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct SignerCertificateView {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub id: i64,
    pub account_id: String,
    pub account_name: String,
    pub subject: String,
    pub issuer: String,
    /// The issuer as the TTE footer names it.
    pub issuer_name: String,
    /// Subject serialNumber (BSrE: the NIK), or empty.
    pub serial_number: String,
    /// RFC 3339 UTC.
    pub not_before: String,
    pub not_after: String,
    /// Whether the certificate names the account's NIP (or NIK).
    pub names_nip: bool,
    pub fingerprint: String,
    /// "berlaku", "segera kedaluwarsa" (within [`EXPIRY_WARNING_WORKING_DAYS`] working
    /// days), "kedaluwarsa" or "belum berlaku" at the moment asked.
    pub state: String,
    /// Working days (the office's calendar) from the day asked to the last day of validity;
    /// 0 once expired.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub working_days_left: i64,
    pub registered_by: String,
    pub registered_at: String,
}

/// A trusted root certificate.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct TrustedRootView {
    pub subject: String,
    pub not_after: String,
    pub fingerprint: String,
    pub imported_by: String,
    pub imported_at: String,
}

impl From<CertificateError> for ApiError {
    fn from(e: CertificateError) -> Self {
        match e {
            CertificateError::Openssl(_) => ApiError::new(ErrorCode::Internal, e.to_string()),
            _ => ApiError::bad_input(e.to_string()),
        }
    }
}

/// How many working days before expiry a certificate is announced as expiring soon: a
/// renewal needs the office's recommendation letter and BSrE's approval.
pub const EXPIRY_WARNING_WORKING_DAYS: i64 = 20;

/// The PKCS#12 file and passphrase a signer gives at registration or at signing; neither
/// is ever stored.
pub struct Pkcs12Input<'a> {
    pub p12: &'a [u8],
    pub passphrase: &'a str,
}

pub(crate) fn open_key(input: &Pkcs12Input) -> Result<(SigningKey, CertificateInfo), ApiError> {
    let key = SigningKey::open(input.p12, input.passphrase)?;
    let info = key.info()?;
    Ok((key, info))
}

fn utc_text(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// "berlaku", "kedaluwarsa" or "belum berlaku" for stored validity bounds at `now`.
pub(crate) fn state_at(not_before: &str, not_after: &str, now: DateTime<FixedOffset>) -> String {
    let parse = |t: &str| DateTime::parse_from_rfc3339(t).ok();
    match (parse(not_before), parse(not_after)) {
        (Some(b), _) if now < b => "belum berlaku",
        (_, Some(a)) if now > a => "kedaluwarsa",
        _ => "berlaku",
    }
    .to_string()
}
