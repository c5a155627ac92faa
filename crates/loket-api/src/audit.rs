//! Writing the audit entry of a use case inside its transaction, and reading the trail.

use chrono::{DateTime, FixedOffset};
use loket_db::audit::AuditEntry;
use loket_db::Tx;
use serde::Serialize;

use crate::{ApiError, ErrorCode};

/// Serialises a before/after snapshot for the audit trail.
pub(crate) fn snapshot<T: Serialize>(value: &T) -> Result<String, ApiError> {
    serde_json::to_string(value).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("jejak audit tidak dapat ditulis: {e}"),
        )
    })
}

/// Appends "`actor` did `action` on `entity` at `now`" with before/after snapshots.
pub(crate) fn record<B: Serialize, A: Serialize>(
    tx: &Tx,
    now: DateTime<FixedOffset>,
    actor: &str,
    action: &str,
    entity: &str,
    before: Option<&B>,
    after: Option<&A>,
) -> Result<(), ApiError> {
    tx.audit(&AuditEntry {
        at: now.to_rfc3339(),
        actor: actor.to_string(),
        action: action.to_string(),
        entity: entity.to_string(),
        before: before.map(snapshot).transpose()?,
        after: after.map(snapshot).transpose()?,
    })?;
    Ok(())
}

/// One entry of the audit trail as the history view shows it.
#[derive(Debug, Clone, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AuditView {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    /// Use-case id ("case.register").
    pub action: String,
    /// "case:12", "disposition:40", "account:sri".
    pub entity: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// `audit.list`: the audit trail, for administrators.
pub const LIST: &str = "audit.list";

/// `changes.head`: the change marker a window polls.
pub const CHANGES: &str = "changes.head";

impl crate::Loket {
    /// Entries about `entity` ("case:12"), or all, oldest first.
    ///
    /// Errors: `Forbidden` without the administer role.
    pub fn audit_trail(
        &self,
        actor: &crate::account::Actor,
        entity: Option<&str>,
    ) -> Result<Vec<AuditView>, ApiError> {
        self.current(actor)?
            .require(loket_domain::roles::Role::Administer)?;
        Ok(self
            .db
            .audit_entries(entity)?
            .into_iter()
            .map(|r| AuditView {
                seq: r.seq,
                at: r.entry.at,
                actor: r.entry.actor,
                action: r.entry.action,
                entity: r.entry.entity,
                before: r.entry.before,
                after: r.entry.after,
            })
            .collect())
    }

    /// The office's change marker: the newest audit entry's sequence number (0 before any).
    /// Every change on any laptop appends its audit entry in its own transaction, so a window
    /// that polls this (one primary-key look-up) learns that something changed and reloads
    /// only then.
    pub fn changes_head(&self) -> Result<i64, ApiError> {
        Ok(self.db.audit_head()?.map_or(0, |(seq, _)| seq))
    }
}
