//! Table `people`: officials and staff with NIP, pangkat and post.

use loket_domain::catalog::Person;

use crate::params;
use crate::services::{enum_from, enum_text};
use crate::sql::Conn;
use crate::{Db, DbError};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE people (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL,
    nip          TEXT NOT NULL,
    pangkat      TEXT,
    golongan     TEXT,
    position_id  TEXT REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    jabatan      TEXT,
    acting       TEXT,
    ord          INTEGER NOT NULL,
    active       INTEGER NOT NULL DEFAULT 1
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE people (
    id           TEXT PRIMARY KEY NOT NULL,
    name         TEXT NOT NULL,
    nip          TEXT NOT NULL,
    pangkat      TEXT,
    golongan     TEXT,
    position_id  TEXT REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    jabatan      TEXT,
    acting       TEXT,
    ord          BIGINT NOT NULL,
    active       BIGINT NOT NULL DEFAULT 1
);
";

pub(crate) fn replace_all(tx: &Conn, people: &[Person]) -> Result<(), DbError> {
    tx.execute("UPDATE people SET active = 0", params![])?;
    let mut stmt = tx.prepare(
        "INSERT INTO people (id, name, nip, pangkat, golongan, position_id, jabatan, acting, ord, active)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1)
         ON CONFLICT (id) DO UPDATE SET name = ?2, nip = ?3, pangkat = ?4, golongan = ?5, position_id = ?6,
             jabatan = ?7, acting = ?8, ord = ?9, active = 1",
    )?;
    for (i, p) in people.iter().enumerate() {
        let acting = p.acting.as_ref().map(enum_text).transpose()?;
        stmt.execute(params![
            p.id, p.name, p.nip, p.pangkat, p.golongan, p.position, p.jabatan, acting, i as i64
        ])?;
    }
    Ok(())
}

impl Db {
    /// Active people: first the officials the office set itself (see [`crate::officials`]),
    /// then the profile's people in profile order, less those whose post the office has
    /// given to someone else.
    pub fn people(&self) -> Result<Vec<Person>, DbError> {
        let officials = self.officials()?;
        let mut out: Vec<Person> = officials
            .iter()
            .map(|o| Person {
                id: crate::officials::person_id(&o.position_id),
                name: o.name.clone(),
                nip: o.nip.clone(),
                pangkat: Some(o.pangkat.clone()).filter(|p| !p.is_empty()),
                golongan: Some(o.golongan.clone()).filter(|g| !g.is_empty()),
                position: Some(o.position_id.clone()),
                jabatan: None,
                acting: o.acting,
            })
            .collect();
        out.extend(self.profile_people()?.into_iter().filter(|p| {
            !p.position
                .as_deref()
                .is_some_and(|pos| officials.iter().any(|o| o.position_id == pos))
        }));
        Ok(out)
    }

    /// Active people as the imported profile names them, in profile order.
    pub fn profile_people(&self) -> Result<Vec<Person>, DbError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, nip, pangkat, golongan, position_id, jabatan, acting FROM people WHERE active = 1 ORDER BY ord",
        )?;
        let rows = stmt.query_map(params![], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get::<_, Option<String>>(7)?,
            ))
        })?;
        rows.map(|row| {
            let (id, name, nip, pangkat, golongan, position, jabatan, acting) = row?;
            let acting = acting.as_deref().map(enum_from).transpose()?;
            Ok(Person {
                id,
                name,
                nip,
                pangkat,
                golongan,
                position,
                jabatan,
                acting,
            })
        })
        .collect()
    }
}
