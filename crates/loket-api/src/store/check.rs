//! `store.check`: integrity, foreign keys and schema version of a database file.

use std::path::Path;

use loket_db::Db;

use crate::dto::CheckView;
use crate::ApiError;

pub const ID: &str = "store.check";

/// Checks the file at `path` without migrating it, so a newer or damaged file is reported,
/// not changed. Errors: `BadInput` when the file does not exist; `NewerSchema` for a newer file.
pub fn check_file(path: &Path) -> Result<CheckView, ApiError> {
    if !path.exists() {
        return Err(ApiError::bad_input(format!(
            "basis data {} tidak ada; buat dengan `loket init --office <kantor>` atau periksa --db",
            path.display()
        )));
    }
    let db = Db::open_existing(path)?;
    let report = db.check()?;
    let office_id = db.office().ok().map(|o| o.office.id);
    Ok(CheckView {
        ok: report.is_ok(),
        schema_version: report.schema_version,
        known_schema_version: report.known_schema_version,
        integrity: report.integrity,
        foreign_keys: report.foreign_keys,
        audit: report.audit,
        office_id,
    })
}
