//! `store.check`: integrity, foreign keys and schema version of a database file, the audit
//! trail against its checkpoints, protected rows against the trail, and every attachment's
//! stored bytes against their SHA-256.

mod attachments;

use std::path::Path;

use loket_db::Db;

use super::Checkpoint;
use crate::dto::CheckView;
use crate::ApiError;

pub const ID: &str = "store.check";

/// Checks the file at `path` without migrating it, so a newer or damaged file is reported,
/// not changed, and holds its audit trail against each checkpoint kept outside the file.
/// Errors: `BadInput` when the file does not exist; `NewerSchema` for a newer file.
pub fn check_file(path: &Path, checkpoints: &[Checkpoint]) -> Result<CheckView, ApiError> {
    if !loket_db::is_server_location(path) && !path.exists() {
        return Err(ApiError::bad_input(format!(
            "basis data {} tidak ada; buat dengan `loket init --office <kantor>` atau periksa --db",
            path.display()
        )));
    }
    let db = Db::open_existing(path)?;
    let report = db.check()?;
    let office_id = db.office().ok().map(|o| o.office.id);
    let mut audit = report.audit.clone();
    let mut held = Vec::new();
    for cp in checkpoints {
        match super::checkpoint::verify(&db, cp)? {
            Ok(line) => held.push(line),
            Err(problem) => audit.push(problem),
        }
    }
    let rows = super::audited_rows::against_audit(&db)?;
    let attachments = attachments::attachments(&db, path)?;
    Ok(CheckView {
        ok: report.is_ok()
            && audit.len() == report.audit.len()
            && rows.is_empty()
            && attachments.is_empty(),
        schema_version: report.schema_version,
        known_schema_version: report.known_schema_version,
        integrity: report.integrity,
        foreign_keys: report.foreign_keys,
        audit,
        checkpoints: held,
        rows,
        attachments,
        office_id,
    })
}
