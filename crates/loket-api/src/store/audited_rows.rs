//! `loket check`: protected rows against their last audited state. Every act on a case writes
//! the case row into the audit trail; a row changed in the file without an act (someone with
//! the disk editing an applicant's name, a receipt time or an agenda number) no longer equals
//! that snapshot, and the check names the row and the fields that differ.

use std::collections::HashMap;

use loket_db::cases::CaseQuery;
use loket_db::Db;
use serde_json::Value;

use crate::ApiError;

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
pub(crate) fn cases_against_audit(db: &Db) -> Result<Vec<String>, ApiError> {
    let mut last: HashMap<String, Value> = HashMap::new();
    for row in db.audit_entries(None)? {
        if !row.entry.entity.starts_with("case:") {
            continue;
        }
        let Some(after) = row.entry.after.as_deref() else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<Value>(after) else {
            continue;
        };
        // Only snapshots of the case row itself (attachments and extensions record other shapes).
        if v.get("agenda_seq").is_some() && v.get("applicant_name").is_some() {
            last.insert(row.entry.entity.clone(), v);
        }
    }
    let mut problems = Vec::new();
    for case in db.cases(&CaseQuery::default())? {
        let label = format!(
            "permohonan {}/{} (id {})",
            case.agenda_seq, case.year, case.id
        );
        let now = serde_json::to_value(&case)
            .map_err(|e| ApiError::new(crate::ErrorCode::Internal, format!("{label}: {e}")))?;
        let Some(audited) = last.get(&format!("case:{}", case.id)) else {
            problems.push(format!(
                "data: {label} tidak punya entri audit; baris ditambahkan langsung ke berkas"
            ));
            continue;
        };
        let differ: Vec<&str> = CASE_FIELDS
            .iter()
            .copied()
            .filter(|f| now.get(f) != audited.get(f))
            .collect();
        if !differ.is_empty() {
            problems.push(format!(
                "data: {label} berbeda dari keadaan teraudit terakhir pada kolom {}; baris diubah di luar Loket",
                differ.join(", ")
            ));
        }
    }
    Ok(problems)
}
