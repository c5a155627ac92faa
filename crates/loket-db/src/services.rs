//! Tables `services` and `service_versions`: the catalog. A service keeps every version
//! (one per standard that defines it); services dropped from a re-imported profile stay,
//! marked inactive, so cases registered against them keep their service and its times.

use loket_domain::catalog::ServiceVersion;
use serde::{de::DeserializeOwned, Serialize};

use crate::params;
use crate::sql::{Conn, OptionalExtension};
use crate::{Db, DbError};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE services (
    id       TEXT PRIMARY KEY NOT NULL,
    name     TEXT NOT NULL,              -- name in the newest version
    unit_id  TEXT NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    ord      INTEGER NOT NULL,
    active   INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE TABLE service_versions (
    service_id   TEXT NOT NULL REFERENCES services (id),
    standard_id  TEXT NOT NULL REFERENCES standards (id),
    effective    TEXT NOT NULL,          -- YYYY-MM-DD the standard took effect
    data         TEXT NOT NULL,          -- JSON of loket_domain::catalog::ServiceVersion
    active       INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (service_id, standard_id)
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE services (
    id       TEXT PRIMARY KEY NOT NULL,
    name     TEXT NOT NULL,              -- name in the newest version
    unit_id  TEXT NOT NULL REFERENCES units (id) DEFERRABLE INITIALLY DEFERRED,
    ord      BIGINT NOT NULL,
    active   BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE service_versions (
    service_id   TEXT NOT NULL REFERENCES services (id),
    standard_id  TEXT NOT NULL REFERENCES standards (id),
    effective    TEXT NOT NULL,          -- YYYY-MM-DD the standard took effect
    data         TEXT NOT NULL,          -- JSON of loket_domain::catalog::ServiceVersion
    active       BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (service_id, standard_id)
);
";

/// A unit enum's serde name ("kepala_dinas"), for TEXT columns.
pub(crate) fn enum_text<T: Serialize>(value: &T) -> Result<String, DbError> {
    match serde_json::to_value(value)? {
        serde_json::Value::String(s) => Ok(s),
        other => Ok(other.to_string()),
    }
}

/// The inverse of [`enum_text`].
pub(crate) fn enum_from<T: DeserializeOwned>(text: &str) -> Result<T, DbError> {
    Ok(serde_json::from_value(serde_json::Value::String(
        text.to_string(),
    ))?)
}

pub(crate) fn replace_all(tx: &Conn, versions: &[ServiceVersion]) -> Result<(), DbError> {
    tx.execute("UPDATE services SET active = 0", params![])?;
    tx.execute("UPDATE service_versions SET active = 0", params![])?;
    let mut service = tx.prepare(
        "INSERT INTO services (id, name, unit_id, ord, active) VALUES (?1, ?2, ?3, ?4, 1)
         ON CONFLICT (id) DO UPDATE SET name = ?2, unit_id = ?3, ord = ?4, active = 1",
    )?;
    let mut version = tx.prepare(
        "INSERT INTO service_versions (service_id, standard_id, effective, data, active) VALUES (?1, ?2, ?3, ?4, 1)
         ON CONFLICT (service_id, standard_id) DO UPDATE SET effective = ?3, data = ?4, active = 1",
    )?;
    let mut order: Vec<&str> = Vec::new();
    for v in versions {
        if !order.contains(&v.id.as_str()) {
            order.push(&v.id);
        }
        let newest = versions
            .iter()
            .filter(|o| o.id == v.id)
            .max_by_key(|o| o.effective)
            .unwrap_or(v);
        let ord = order.iter().position(|id| *id == v.id).unwrap_or(0);
        service.execute(params![v.id, newest.name, newest.unit, ord as i64])?;
        version.execute(params![
            v.id,
            v.standard,
            v.effective.to_string(),
            serde_json::to_string(v)?
        ])?;
    }
    Ok(())
}

impl Db {
    /// Every active version of every active service, in catalog order then by effective date.
    pub fn service_versions(&self) -> Result<Vec<ServiceVersion>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT v.data FROM service_versions v JOIN services s ON s.id = v.service_id
             WHERE s.active = 1 AND v.active = 1 ORDER BY s.ord, v.effective, v.standard_id",
        )?;
        let rows = stmt.query_map(params![], |r| r.get::<_, String>(0))?;
        rows.map(|d| Ok(serde_json::from_str(&d?)?)).collect()
    }

    /// (id, name in its newest version) of every active service, in catalog order: what lists
    /// of cases name services by, without reading every version's full text.
    pub fn service_names(&self) -> Result<Vec<(String, String)>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, name FROM services WHERE active = 1 ORDER BY ord, id")?;
        let rows = stmt.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect()
    }

    /// All versions of one service, retired ones included (a case may reference them).
    pub fn service_history(&self, id: &str) -> Result<Vec<ServiceVersion>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT data FROM service_versions WHERE service_id = ?1 ORDER BY effective, standard_id",
        )?;
        let rows = stmt.query_map(params![id], |r| r.get::<_, String>(0))?;
        rows.map(|d| Ok(serde_json::from_str(&d?)?)).collect()
    }

    /// Whether service `id` exists and is still offered.
    pub fn service_active(&self, id: &str) -> Result<Option<bool>, DbError> {
        Ok(self
            .conn
            .query_row(
                "SELECT active FROM services WHERE id = ?1",
                params![id],
                |r| r.get::<_, i64>(0),
            )
            .optional()?
            .map(|a| a == 1))
    }
}
