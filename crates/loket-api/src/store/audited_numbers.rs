//! The numbering register against its audited state: a number's text or status edited in
//! the file (a voided number revived, a reserved one marked fixed) or a number added there.

use std::collections::HashMap;

use loket_db::audit::AuditRow;
use loket_db::Db;
use serde_json::Value;

use super::audited_rows::{as_json, differing, edited, entity_id, newest_snapshots, unaudited};
use crate::letter::numbering::view;
use crate::ApiError;

/// What `letter.number.reserve` and `letter.number.void` record of a register row.
const NUMBER_FIELDS: &[&str] = &[
    "pattern_id",
    "year",
    "seq",
    "number",
    "kind",
    "hal",
    "case_id",
    "status",
    "reserved_at",
    "fixed_at",
    "voided_at",
    "void_reason",
];

/// The register: a number issued as a letter is `tetap` under the number its issuing
/// recorded (`register`: number id → text, from [`super::audited_letters`]); a number
/// reserved or voided on its own equals its newest snapshot; a draft's number follows the
/// draft's audited state (`batal` when the draft was cancelled, `tetap` when it was signed,
/// else `dipesan`).
pub(crate) fn numbers(
    db: &Db,
    trail: &[AuditRow],
    register: &HashMap<i64, String>,
) -> Result<Vec<String>, ApiError> {
    let own = newest_snapshots(trail, |e, _| entity_id(e, "nomor-surat:"));
    let drafts = newest_snapshots(trail, |e, v| {
        v.get("status")
            .is_some()
            .then(|| entity_id(e, "letter_draft:"))
            .flatten()
    });
    let all = [
        "konsep",
        "menunggu_paraf",
        "menunggu_tanda_tangan",
        "dikembalikan",
        "terbit",
        "batal",
    ];
    let draft_of: HashMap<i64, String> = db
        .drafts_in(&all)?
        .into_iter()
        .map(|d| (d.number_id, d.id.to_string()))
        .collect();
    let mut problems = Vec::new();
    for n in db.registered_numbers(None)? {
        let label = format!("nomor surat {} (id {})", n.number, n.id);
        let letter = register.get(&n.id);
        let draft = draft_of.get(&n.id).and_then(|d| drafts.get(d));
        let now = as_json(&label, &view(n.clone()))?;
        let snapshot = own.get(&n.id.to_string());
        if snapshot.is_none() && letter.is_none() && draft.is_none() {
            problems.push(unaudited(&label));
            continue;
        }
        let mut differ = match snapshot {
            // Issuing fixes a reserved number after its snapshot.
            Some(s) if letter.is_some() => differing(NUMBER_FIELDS, &now, s)
                .into_iter()
                .filter(|f| !matches!(*f, "status" | "fixed_at"))
                .collect(),
            Some(s) => differing(NUMBER_FIELDS, &now, s),
            None => Vec::new(),
        };
        let expected = match (letter, draft) {
            (Some(_), _) => Some("tetap"),
            (None, Some(d)) => Some(match d.get("status").and_then(Value::as_str) {
                Some("batal") => "batal",
                Some("terbit") => "tetap",
                _ => "dipesan",
            }),
            (None, None) => None,
        };
        if expected.is_some_and(|s| s != n.status) && !differ.contains(&"status") {
            differ.push("status");
        }
        if letter.is_some_and(|nomor| *nomor != n.number) && !differ.contains(&"number") {
            differ.push("number");
        }
        if !differ.is_empty() {
            problems.push(edited(&label, &differ));
        }
    }
    Ok(problems)
}
