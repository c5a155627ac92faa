//! `signer.trust`: an administrator imports the root certificates (PEM or DER) whose
//! chains the office accepts, e.g. BSrE's root, or a test CA.

use chrono::{DateTime, FixedOffset};
use loket_db::signer_certificates::TrustedRootRow;
use loket_domain::roles::Role;
use loket_letters::pades::certificate::x509_all;
use loket_letters::pades::CertificateInfo;

use super::{utc_text, TrustedRootView};
use crate::account::Actor;
use crate::audit::record;
use crate::{ApiError, Loket};

pub const TRUST: &str = "signer.trust";

impl Loket {
    /// Imports every certificate in `bytes` as a trusted root; returns those newly added
    /// (one already trusted is skipped).
    ///
    /// Errors: `Forbidden` without the administer role; `BadInput` for a file that holds no
    /// certificate, or a certificate that is not a CA.
    pub fn signer_trust(
        &mut self,
        actor: &Actor,
        bytes: &[u8],
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<TrustedRootView>, ApiError> {
        let me = self.current(actor)?;
        me.require(Role::Administer)?;
        let certs = x509_all(bytes)?;
        let mut rows = Vec::new();
        for c in &certs {
            let info = CertificateInfo::of(c)?;
            if c.subject_name().to_der().ok() != c.issuer_name().to_der().ok() {
                return Err(ApiError::bad_input(format!(
                    "sertifikat {} bukan sertifikat akar (diterbitkan oleh {}); impor sertifikat akar penerbitnya",
                    info.subject, info.issuer
                )));
            }
            rows.push(TrustedRootRow {
                fingerprint: info.fingerprint,
                subject: info.subject,
                not_after: utc_text(info.not_after),
                der: info.der,
                imported_by: me.id().to_string(),
                imported_at: now.to_rfc3339(),
            });
        }
        let tx = self.db.begin()?;
        let mut added = Vec::new();
        for r in rows {
            if tx.add_trusted_root(&r)? {
                let view = TrustedRootView {
                    subject: r.subject.clone(),
                    not_after: r.not_after.clone(),
                    fingerprint: r.fingerprint.clone(),
                    imported_by: r.imported_by.clone(),
                    imported_at: r.imported_at.clone(),
                };
                record(
                    &tx,
                    now,
                    me.id(),
                    TRUST,
                    &format!("akar:{}", r.fingerprint),
                    None::<&()>,
                    Some(&view),
                )?;
                added.push(view);
            }
        }
        tx.commit()?;
        Ok(added)
    }
}
