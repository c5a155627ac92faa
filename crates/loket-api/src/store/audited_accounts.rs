//! Accounts and acting appointments against their audited state: a role, an active flag or a
//! post edited in the file is privilege escalation, a password hash replaced there is a
//! stolen account, a Plt./Plh. appointment added there lets someone dispose and sign for a
//! post they do not hold.

use loket_db::audit::AuditRow;
use loket_db::Db;
use serde_json::Value;

use super::audited_rows::{as_json, differing, edited, entity_id, newest_snapshots, unaudited};
use crate::account::{self, password};
use crate::ApiError;

/// What `account.create`, `account.bootstrap`, `account.set_roles` and `account.set_active`
/// record of the row (the hash is compared through its fingerprint, below).
const ACCOUNT_FIELDS: &[&str] = &[
    "name",
    "nip",
    "position_id",
    "roles",
    "active",
    "created_at",
];

/// What `account.acting` records of an appointment.
const ACTING_FIELDS: &[&str] = &["account_id", "position_id", "kind", "starts", "ends"];

/// One line per account or appointment that differs from its newest snapshot or has none.
pub(crate) fn accounts(db: &Db, trail: &[AuditRow]) -> Result<Vec<String>, ApiError> {
    // Row snapshots carry the roles and the flag; sign-in and password entries do not.
    let rows = newest_snapshots(trail, |e, v| {
        (v.get("roles").is_some() && v.get("active").is_some())
            .then(|| entity_id(e, "account:"))
            .flatten()
    });
    // The newest act that set the password; since the fingerprint is recorded, it has one.
    let passwords = newest_snapshots(trail, |e, _| {
        [account::CREATE, account::BOOTSTRAP, account::RESET_PASSWORD]
            .contains(&e.action.as_str())
            .then(|| entity_id(e, "account:"))
            .flatten()
    });
    let mut problems = Vec::new();
    for row in db.accounts()? {
        let label = format!("akun {}", row.id);
        let Some(audited) = rows.get(&row.id) else {
            problems.push(unaudited(&label));
            continue;
        };
        let now = as_json(&label, &row)?;
        let mut differ = differing(ACCOUNT_FIELDS, &now, audited);
        let recorded = passwords
            .get(&row.id)
            .and_then(|v| v.get("password_sha256"));
        if let Some(recorded) = recorded {
            let hash = db
                .account_with_hash(&row.id)?
                .map(|(_, h)| h)
                .unwrap_or_default();
            if *recorded != Value::String(password::fingerprint(&hash)) {
                differ.push("password_hash");
            }
        }
        if !differ.is_empty() {
            problems.push(edited(&label, &differ));
        }
    }
    // Entries written before the act recorded the stored id (0) are tied by their content.
    let actings = newest_snapshots(trail, |e, v| {
        (e.action == account::ACTING)
            .then(|| match v.get("id").and_then(Value::as_i64) {
                Some(0) => Some(acting_content(v)),
                id => id.map(|i| i.to_string()),
            })
            .flatten()
    });
    for a in db.actings()? {
        let label = format!("penugasan Plt./Plh. {} (akun {})", a.id, a.account_id);
        let now = as_json(&label, &a)?;
        let audited = actings
            .get(&a.id.to_string())
            .or_else(|| actings.get(&acting_content(&now)));
        match audited {
            None => problems.push(unaudited(&label)),
            Some(audited) => {
                let differ = differing(ACTING_FIELDS, &now, audited);
                if !differ.is_empty() {
                    problems.push(edited(&label, &differ));
                }
            }
        }
    }
    Ok(problems)
}

/// An appointment's content as one key.
fn acting_content(v: &Value) -> String {
    ACTING_FIELDS
        .iter()
        .map(|f| v.get(f).map(Value::to_string).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("|")
}
