//! Bookings against their audited state: a booking's status, time, resources or operators
//! edited in the file (an approval nobody gave, a room taken from another booking) or a
//! booking added there without an act.

use loket_db::audit::AuditRow;
use loket_db::Db;

use super::audited_rows::{as_json, differing, edited, entity_id, newest_snapshots, unaudited};
use crate::ApiError;

/// What every booking act records: the whole row with its resources, operators and handovers.
const BOOKING_FIELDS: &[&str] = &[
    "title",
    "case_id",
    "location",
    "outside_office",
    "outside_hours",
    "span",
    "status",
    "series_id",
    "rundown",
    "requested_by",
    "approved_by",
    "approved_at",
    "cancel_reason",
    "created_at",
    "updated_at",
    "resources",
    "operators",
    "handovers",
];

/// One line per booking that differs from its newest snapshot or has none.
pub(crate) fn bookings(db: &Db, trail: &[AuditRow]) -> Result<Vec<String>, ApiError> {
    let last = newest_snapshots(trail, |e, v| {
        (v.get("span").is_some() && v.get("status").is_some())
            .then(|| entity_id(e, "booking:"))
            .flatten()
    });
    let mut problems = Vec::new();
    for b in db.all_bookings()? {
        let label = format!("pemesanan #{}", b.id);
        let now = as_json(&label, &b)?;
        match last.get(&b.id.to_string()) {
            None => problems.push(unaudited(&label)),
            Some(audited) => {
                let differ = differing(BOOKING_FIELDS, &now, audited);
                if !differ.is_empty() {
                    problems.push(edited(&label, &differ));
                }
            }
        }
    }
    Ok(problems)
}
