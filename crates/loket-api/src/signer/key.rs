//! The key a letter is signed with: the signer's PKCS#12 file opened with the passphrase
//! typed at signing, accepted only when its certificate is the one registered for the
//! signing account, valid at the moment of signing and chaining to a trusted root.

use chrono::{DateTime, FixedOffset};
use loket_letters::pades::certificate::verify_chain;
use loket_letters::pades::Pkcs12Signer;

use super::{open_key, Pkcs12Input};
use crate::account::Actor;
use crate::{ApiError, Loket};

impl Loket {
    /// Opens `input` for `actor` and returns the signer and the certificate's fingerprint.
    ///
    /// Errors (`BadInput`, nothing stored): wrong passphrase, key not matching, a
    /// certificate not registered or registered for another account, expired or not yet
    /// valid at `now`, or not chaining to a trusted root.
    pub(crate) fn signer_key(
        &self,
        actor: &Actor,
        input: &Pkcs12Input,
        now: DateTime<FixedOffset>,
    ) -> Result<(Pkcs12Signer, String), ApiError> {
        let (key, info) = open_key(input)?;
        let registered = self.db.signer_certificate(&info.fingerprint)?;
        match registered {
            None => {
                return Err(ApiError::bad_input(format!(
                    "sertifikat {} belum didaftarkan untuk akun {}; administrator mendaftarkannya sekali di Pengaturan → Tanda Tangan Elektronik atau dengan `loket signer add --person {} --p12 BERKAS.p12`",
                    info.subject_cn,
                    actor.id(),
                    actor.id()
                )))
            }
            Some(r) if r.account_id != actor.id() => {
                return Err(ApiError::bad_input(format!(
                    "sertifikat {} terdaftar untuk akun {}, bukan {}; setiap penanda tangan memakai sertifikatnya sendiri",
                    info.subject_cn,
                    r.account_id,
                    actor.id()
                )))
            }
            Some(_) => {}
        }
        info.check_valid_at(now)?;
        let roots: Vec<Vec<u8>> = self
            .db
            .trusted_roots()?
            .into_iter()
            .map(|r| r.der)
            .collect();
        verify_chain(key.certificate(), key.chain(), &roots, now)?;
        Ok((Pkcs12Signer::new(key)?, info.fingerprint))
    }
}
