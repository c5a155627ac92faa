//! `signer.list`: the registered signer certificates with their validity now, and the
//! trusted roots.

use chrono::{DateTime, FixedOffset};

use super::{state_at, SignerCertificateView, TrustedRootView};
use crate::account::Actor;
use crate::{ApiError, Loket};

pub const LIST: &str = "signer.list";

impl Loket {
    /// Every registered certificate, by account, with its state at `now`.
    ///
    /// Errors: an actor who is not signed in.
    pub fn signer_list(
        &self,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<SignerCertificateView>, ApiError> {
        self.current(actor)?;
        let names: std::collections::HashMap<String, String> = self
            .db
            .accounts()?
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect();
        Ok(self
            .db
            .signer_certificates()?
            .into_iter()
            .map(|r| SignerCertificateView {
                id: r.id,
                account_name: names.get(&r.account_id).cloned().unwrap_or_default(),
                state: state_at(&r.not_before, &r.not_after, now),
                account_id: r.account_id,
                subject: r.subject,
                issuer: r.issuer,
                issuer_name: r.issuer_name,
                serial_number: r.serial_number,
                not_before: r.not_before,
                not_after: r.not_after,
                names_nip: r.names_nip,
                fingerprint: r.fingerprint,
                registered_by: r.registered_by,
                registered_at: r.registered_at,
            })
            .collect())
    }

    /// The roots the office trusts. Errors: an actor who is not signed in.
    pub fn signer_roots(&self, actor: &Actor) -> Result<Vec<TrustedRootView>, ApiError> {
        self.current(actor)?;
        Ok(self
            .db
            .trusted_roots()?
            .into_iter()
            .map(|r| TrustedRootView {
                subject: r.subject,
                not_after: r.not_after,
                fingerprint: r.fingerprint,
                imported_by: r.imported_by,
                imported_at: r.imported_at,
            })
            .collect())
    }
}
