//! `signer.add`: an administrator registers a signing account's certificate from its
//! PKCS#12 file. The passphrase opens the file to prove the key belongs to the certificate;
//! only the certificate is stored. Refused: a key that does not match, a certificate not
//! valid now, one that names someone else's NIP/NIK, one that does not chain to a trusted
//! root, a wrong passphrase.

use chrono::{DateTime, FixedOffset};
use loket_db::signer_certificates::SignerCertificateRow;
use loket_domain::roles::Role;
use loket_letters::pades::certificate::verify_chain;

use super::{open_key, utc_text, Pkcs12Input, SignerCertificateView};
use crate::account::Actor;
use crate::audit::record;
use crate::{ApiError, ErrorCode, Loket};

pub const ADD: &str = "signer.add";

/// What `signer.add` is given.
pub struct NewSignerCertificate<'a> {
    /// Login of the account that signs with this certificate.
    pub account: &'a str,
    pub key: Pkcs12Input<'a>,
}

impl Loket {
    /// Registers the certificate of `new.account` from its PKCS#12 file.
    ///
    /// Errors: `Forbidden` without the administer role; `NotFound` for an unknown account;
    /// `BadInput` for a wrong passphrase, a key not matching its certificate, a certificate
    /// expired or not yet valid at `now`, one naming another NIP/NIK or another name, one
    /// not chaining to a trusted root; `Conflict` when it is already registered.
    pub fn signer_add(
        &mut self,
        actor: &Actor,
        new: &NewSignerCertificate,
        now: DateTime<FixedOffset>,
    ) -> Result<SignerCertificateView, ApiError> {
        let me = self.current(actor)?;
        me.require(Role::Administer)?;
        let (account, _) = self.db.account_with_hash(new.account)?.ok_or_else(|| {
            ApiError::not_found(format!(
                "akun '{}' tidak ada; lihat daftar akun di Pengaturan → Akun & Peran",
                new.account
            ))
        })?;
        let (key, info) = open_key(&new.key)?;
        info.check_valid_at(now)?;
        let names_nip = !account.nip.is_empty() && info.names_number(&account.nip);
        if !account.nip.is_empty() && !names_nip && has_long_number(&info.subject) {
            return Err(ApiError::bad_input(format!(
                "sertifikat ini milik orang lain: subjeknya ({}) tidak memuat NIP {} milik akun {}; daftarkan sertifikat atas nama {}",
                info.subject, account.nip, account.id, account.name
            )));
        }
        if !names_nip && !same_name(&info.subject_cn, &account.name) {
            return Err(ApiError::bad_input(format!(
                "sertifikat ini atas nama '{}', bukan '{}' (akun {}); daftarkan sertifikat pemilik akun",
                info.subject_cn, account.name, account.id
            )));
        }
        let roots: Vec<Vec<u8>> = self
            .db
            .trusted_roots()?
            .into_iter()
            .map(|r| r.der)
            .collect();
        verify_chain(key.certificate(), key.chain(), &roots, now)?;
        if let Some(existing) = self.db.signer_certificate(&info.fingerprint)? {
            return Err(ApiError::new(
                ErrorCode::Conflict,
                format!(
                    "sertifikat ini sudah terdaftar untuk akun {} sejak {}",
                    existing.account_id, existing.registered_at
                ),
            ));
        }
        let mut row = SignerCertificateRow {
            id: 0,
            account_id: account.id.clone(),
            fingerprint: info.fingerprint.clone(),
            subject: info.subject.clone(),
            issuer: info.issuer.clone(),
            issuer_name: info.issuer_name.clone(),
            serial_number: info.serial_number.clone(),
            not_before: utc_text(info.not_before),
            not_after: utc_text(info.not_after),
            names_nip,
            der: info.der.clone(),
            registered_by: me.id().to_string(),
            registered_at: now.to_rfc3339(),
        };
        let tx = self.db.begin()?;
        row.id = tx.add_signer_certificate(&row)?;
        let mut audited = row.clone();
        audited.der = Vec::new();
        record(
            &tx,
            now,
            me.id(),
            ADD,
            &format!("sertifikat:{}", row.fingerprint),
            None::<&()>,
            Some(&audited),
        )?;
        tx.commit()?;
        self.signer_list(&me, now)?
            .into_iter()
            .find(|c| c.id == row.id)
            .ok_or_else(|| {
                ApiError::new(
                    ErrorCode::Internal,
                    "sertifikat yang baru didaftarkan tidak terbaca kembali",
                )
            })
    }
}

/// Whether a subject carries a NIK/NIP-like number (16 digits or more in one field).
fn has_long_number(subject: &str) -> bool {
    subject
        .split(',')
        .any(|part| part.chars().filter(char::is_ascii_digit).count() >= 16)
}

/// Names compared without case, titles' punctuation and extra spaces.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    norm(a) == norm(b)
}
