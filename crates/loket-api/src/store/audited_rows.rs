//! `loket check`: protected rows against their last audited state. Every act that writes a
//! protected row writes a snapshot of it into the audit trail in the same transaction; a row
//! changed in the file without an act (someone with the disk editing an applicant's name, an
//! account's roles, an issued letter's number or a booking's time) no longer equals that
//! snapshot, and the check names the row and the fields that differ. A row no act wrote has
//! no snapshot and is named as added to the file.
//!
//! One module per table: cases here, [`super::audited_accounts`] (with acting appointments),
//! [`super::audited_letters`] (with the stored PDFs), [`super::audited_numbers`],
//! [`super::audited_bookings`].

use std::collections::HashMap;

use loket_db::audit::{AuditEntry, AuditRow};
use loket_db::cases::CaseQuery;
use loket_db::Db;
use serde_json::Value;

use crate::{ApiError, ErrorCode};

/// Every protected table against the audit trail, one line per row that differs.
pub(crate) fn against_audit(db: &Db) -> Result<Vec<String>, ApiError> {
    let trail = db.audit_entries(None)?;
    let mut problems = cases(db, &trail)?;
    problems.extend(super::audited_accounts::accounts(db, &trail)?);
    problems.extend(super::audited_letters::letters(db, &trail)?);
    problems.extend(super::audited_bookings::bookings(db, &trail)?);
    Ok(problems)
}

/// The newest audited snapshot (`after`, parsed) per key, oldest entries first so later ones
/// win. `key` picks the entries that snapshot a row and says which row (`None`: not one).
pub(crate) fn newest_snapshots(
    trail: &[AuditRow],
    key: impl Fn(&AuditEntry, &Value) -> Option<String>,
) -> HashMap<String, Value> {
    let mut last = HashMap::new();
    for row in trail {
        let Some(after) = row.entry.after.as_deref() else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<Value>(after) else {
            continue;
        };
        if let Some(k) = key(&row.entry, &v) {
            last.insert(k, v);
        }
    }
    last
}

/// The id after `prefix` in the entity of `e` ("case:12" → "12").
pub(crate) fn entity_id(e: &AuditEntry, prefix: &str) -> Option<String> {
    e.entity.strip_prefix(prefix).map(str::to_string)
}

/// The `fields` the snapshot records whose value in the row differs from it. A field the
/// snapshot does not have (an entry written before the act recorded it) is not compared.
pub(crate) fn differing<'a>(fields: &[&'a str], row: &Value, audited: &Value) -> Vec<&'a str> {
    fields
        .iter()
        .copied()
        .filter(|f| audited.get(f).is_some_and(|a| row.get(f) != Some(a)))
        .collect()
}

/// The row as JSON, for comparing with its snapshot.
pub(crate) fn as_json<T: serde::Serialize>(label: &str, row: &T) -> Result<Value, ApiError> {
    serde_json::to_value(row)
        .map_err(|e| ApiError::new(ErrorCode::Internal, format!("{label}: {e}")))
}

/// The problem line of a row whose `fields` differ from its newest snapshot.
pub(crate) fn edited(label: &str, fields: &[&str]) -> String {
    format!(
        "data: {label}: kolom {} berbeda dari keadaan teraudit terakhir; baris diubah di luar Loket",
        fields.join(", ")
    )
}

/// The problem line of a row no audited act wrote.
pub(crate) fn unaudited(label: &str) -> String {
    format!("data: {label} tidak punya entri audit; baris ditambahkan langsung ke berkas")
}

/// Fields of a case that only audited case acts write. Status, due moment and `updated_at`
/// also move with dispositions, extensions and calendar changes, audited under their own
/// entities, so they are not compared here.
const CASE_FIELDS: &[&str] = &[
    "year",
    "agenda_seq",
    "service_id",
    "standard_id",
    "addressed_to",
    "received_at",
    "channel",
    "sifat",
    "applicant_kind",
    "applicant_name",
    "applicant_phone",
    "applicant_email",
    "applicant_address",
    "letter_number",
    "letter_date",
    "hal",
    "notes",
    "registered_by",
    "registered_at",
];

/// One line per case whose row differs from its newest audited snapshot (or has none).
fn cases(db: &Db, trail: &[AuditRow]) -> Result<Vec<String>, ApiError> {
    // Only snapshots of the case row itself (attachments and extensions record other shapes).
    let last = newest_snapshots(trail, |e, v| {
        (v.get("agenda_seq").is_some() && v.get("applicant_name").is_some())
            .then(|| entity_id(e, "case:"))
            .flatten()
    });
    let mut problems = Vec::new();
    for case in db.cases(&CaseQuery::default())? {
        let label = format!(
            "permohonan {}/{} (id {})",
            case.agenda_seq, case.year, case.id
        );
        let now = as_json(&label, &case)?;
        match last.get(&case.id.to_string()) {
            None => problems.push(unaudited(&label)),
            Some(audited) => {
                let differ = differing(CASE_FIELDS, &now, audited);
                if !differ.is_empty() {
                    problems.push(edited(&label, &differ));
                }
            }
        }
    }
    Ok(problems)
}
