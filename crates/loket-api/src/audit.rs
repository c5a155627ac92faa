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
