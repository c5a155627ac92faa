//! `signer.list`: the registered signer certificates with their validity now, and the
//! trusted roots.

use chrono::{DateTime, FixedOffset};

use loket_domain::calendar::WorkingCalendar;

use super::{state_at, SignerCertificateView, TrustedRootView, EXPIRY_WARNING_WORKING_DAYS};
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
        let calendar = self.working_calendar_stored()?;
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
            .map(|r| {
                let left = working_days_left(&calendar, &r.not_after, now);
                let state = match state_at(&r.not_before, &r.not_after, now).as_str() {
                    "berlaku" if left <= EXPIRY_WARNING_WORKING_DAYS => "segera kedaluwarsa".into(),
                    s => s.to_string(),
                };
                (r, left, state)
            })
            .map(|(r, left, state)| SignerCertificateView {
                id: r.id,
                account_name: names.get(&r.account_id).cloned().unwrap_or_default(),
                state,
                working_days_left: left,
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

    /// The certificates expiring within [`EXPIRY_WARNING_WORKING_DAYS`] working days (or
    /// already expired) at `now`, soonest first: what the Tenggat view warns about.
    ///
    /// Errors: an actor who is not signed in.
    pub fn signer_expiring(
        &self,
        actor: &Actor,
        now: DateTime<FixedOffset>,
    ) -> Result<Vec<SignerCertificateView>, ApiError> {
        let mut list: Vec<SignerCertificateView> = self
            .signer_list(actor, now)?
            .into_iter()
            .filter(|c| c.state == "segera kedaluwarsa" || c.state == "kedaluwarsa")
            .collect();
        list.sort_by(|a, b| a.not_after.cmp(&b.not_after));
        Ok(list)
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

/// Working days after `now`'s day up to and including the last day of validity (in the
/// office's time zone); 0 when it has passed. Counted day by day on the office's calendar.
fn working_days_left(
    calendar: &WorkingCalendar,
    not_after: &str,
    now: DateTime<FixedOffset>,
) -> i64 {
    let Ok(end) = DateTime::parse_from_rfc3339(not_after) else {
        return 0;
    };
    let last = end.with_timezone(now.offset()).date_naive();
    let mut day = now.date_naive();
    let mut n = 0;
    while day < last {
        match day.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
        if calendar.is_working_day(day) {
            n += 1;
        }
    }
    n
}
