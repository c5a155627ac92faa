//! Tables `resources` (rooms and equipment pools) and `operator_skills` (who may operate what).

use loket_domain::booking::Resource;

use crate::params;
use crate::services::{enum_from, enum_text};
use crate::sql::{Conn, OptionalExtension, Row};
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE resources (
    id                TEXT PRIMARY KEY NOT NULL,
    name              TEXT NOT NULL,
    kind              TEXT NOT NULL,             -- ruang | peralatan
    quantity          INTEGER NOT NULL CHECK (quantity > 0),
    setup_minutes     INTEGER NOT NULL DEFAULT 0 CHECK (setup_minutes >= 0),
    teardown_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (teardown_minutes >= 0),
    unit_id           TEXT REFERENCES units (id),
    operators_needed  INTEGER NOT NULL DEFAULT 0 CHECK (operators_needed >= 0),
    skill             TEXT,
    active            INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE TABLE operator_skills (
    person_id  TEXT NOT NULL,                  -- people.id or accounts.id (checked by the API)
    skill      TEXT NOT NULL,
    PRIMARY KEY (person_id, skill)
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE resources (
    id                TEXT PRIMARY KEY NOT NULL,
    name              TEXT NOT NULL,
    kind              TEXT NOT NULL,             -- ruang | peralatan
    quantity          BIGINT NOT NULL CHECK (quantity > 0),
    setup_minutes     BIGINT NOT NULL DEFAULT 0 CHECK (setup_minutes >= 0),
    teardown_minutes  BIGINT NOT NULL DEFAULT 0 CHECK (teardown_minutes >= 0),
    unit_id           TEXT REFERENCES units (id),
    operators_needed  BIGINT NOT NULL DEFAULT 0 CHECK (operators_needed >= 0),
    skill             TEXT,
    active            BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE operator_skills (
    person_id  TEXT NOT NULL,                  -- people.id or accounts.id (checked by the API)
    skill      TEXT NOT NULL,
    PRIMARY KEY (person_id, skill)
);
";

fn row_to_resource(r: &Row) -> Result<(Resource, String), DbError> {
    Ok((
        Resource {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: loket_domain::booking::ResourceKind::Ruang,
            quantity: r.get(3)?,
            setup_minutes: r.get(4)?,
            teardown_minutes: r.get(5)?,
            unit: r.get(6)?,
            operators_needed: r.get(7)?,
            skill: r.get(8)?,
        },
        r.get::<_, String>(2)?,
    ))
}

const COLUMNS: &str =
    "id, name, kind, quantity, setup_minutes, teardown_minutes, unit_id, operators_needed, skill";

impl Tx<'_> {
    /// Adds or updates a resource (by id).
    pub fn save_resource(&self, r: &Resource) -> Result<(), DbError> {
        self.tx.execute(
            "INSERT INTO resources (id, name, kind, quantity, setup_minutes, teardown_minutes, unit_id, operators_needed, skill, active)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)
             ON CONFLICT (id) DO UPDATE SET name = ?2, kind = ?3, quantity = ?4, setup_minutes = ?5, teardown_minutes = ?6,
                 unit_id = ?7, operators_needed = ?8, skill = ?9, active = 1",
            params![r.id, r.name, enum_text(&r.kind)?, r.quantity, r.setup_minutes, r.teardown_minutes, r.unit, r.operators_needed, r.skill],
        )?;
        Ok(())
    }

    /// Records that a person holds a skill (idempotent).
    pub fn add_operator_skill(&self, person_id: &str, skill: &str) -> Result<(), DbError> {
        self.tx.execute(
            "INSERT INTO operator_skills (person_id, skill) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            params![person_id, skill],
        )?;
        Ok(())
    }

    /// Active resources, for checks inside the transaction.
    pub fn resources(&self) -> Result<Vec<Resource>, DbError> {
        resources_on(self.tx)
    }
}

fn resources_on(conn: &Conn) -> Result<Vec<Resource>, DbError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM resources WHERE active = 1 ORDER BY kind DESC, name, id"
    ))?;
    let rows = stmt.query_map(params![], row_to_resource)?;
    rows.map(|row| {
        let (mut r, kind) = row?;
        r.kind = enum_from(&kind)?;
        Ok(r)
    })
    .collect()
}

impl Db {
    /// Active resources, rooms first, then by name.
    pub fn resources(&self) -> Result<Vec<Resource>, DbError> {
        resources_on(&self.conn)
    }

    /// One resource by id, active or not.
    pub fn resource(&self, id: &str) -> Result<Option<Resource>, DbError> {
        let row = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM resources WHERE id = ?1"),
                params![id],
                row_to_resource,
            )
            .optional()?;
        row.map(|(mut r, kind)| {
            r.kind = enum_from(&kind)?;
            Ok(r)
        })
        .transpose()
    }

    /// Skills per person id.
    pub fn operator_skills(&self) -> Result<Vec<(String, String)>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT person_id, skill FROM operator_skills ORDER BY person_id, skill")?;
        let rows = stmt.query_map(params![], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect()
    }
}
