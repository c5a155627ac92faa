//! Table `officials`: who holds a post that signs or initials letters, as the office itself
//! set it (Pengaturan → Profil Kantor, the first-run checklist). One row per post.
//!
//! Why a table of its own rather than rows in `people`: `people` mirrors the imported profile
//! and a re-import rewrites it (what the file no longer names is retired). An official the
//! office entered is the office's own fact, not the profile's, so it lives where no import
//! touches it, and it replaces whoever the profile names for that post when the people are
//! read ([`Db::people`]). Clearing the row brings the profile's person back.

use loket_domain::catalog::Acting;

use crate::params;
use crate::services::{enum_from, enum_text};
use crate::sql::{OptionalExtension, Row};
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE officials (
    position_id  TEXT PRIMARY KEY NOT NULL REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    name         TEXT NOT NULL CHECK (name <> ''),
    nip          TEXT NOT NULL CHECK (length(nip) = 18),
    pangkat      TEXT NOT NULL,
    golongan     TEXT NOT NULL,
    acting       TEXT CHECK (acting IN ('plt', 'plh')),
    updated_at   TEXT NOT NULL,          -- RFC 3339, office time
    updated_by   TEXT NOT NULL           -- account id
) STRICT;
";

/// [`MIGRATION_1`] for PostgreSQL.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE officials (
    position_id  TEXT PRIMARY KEY NOT NULL REFERENCES positions (id) DEFERRABLE INITIALLY DEFERRED,
    name         TEXT NOT NULL CHECK (name <> ''),
    nip          TEXT NOT NULL CHECK (length(nip) = 18),
    pangkat      TEXT NOT NULL,
    golongan     TEXT NOT NULL,
    acting       TEXT CHECK (acting IN ('plt', 'plh')),
    updated_at   TEXT NOT NULL,          -- RFC 3339, office time
    updated_by   TEXT NOT NULL           -- account id
);
";

/// The holder of a post as the office set it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Official {
    pub position_id: String,
    pub name: String,
    /// 18 digits, no spaces.
    pub nip: String,
    pub pangkat: String,
    /// "IV/c".
    pub golongan: String,
    pub acting: Option<Acting>,
}

/// The person id an office-set official has in the people list.
pub fn person_id(position_id: &str) -> String {
    format!("pejabat-{position_id}")
}

fn read(r: &Row) -> Result<(Official, Option<String>), DbError> {
    Ok((
        Official {
            position_id: r.get(0)?,
            name: r.get(1)?,
            nip: r.get(2)?,
            pangkat: r.get(3)?,
            golongan: r.get(4)?,
            acting: None,
        },
        r.get(5)?,
    ))
}

fn with_acting(row: (Official, Option<String>)) -> Result<Official, DbError> {
    let (mut o, acting) = row;
    o.acting = acting.as_deref().map(enum_from).transpose()?;
    Ok(o)
}

const SELECT: &str =
    "SELECT o.position_id, o.name, o.nip, o.pangkat, o.golongan, o.acting FROM officials o";

impl Db {
    /// Every post the office has set a holder for, in the order of the posts.
    pub fn officials(&self) -> Result<Vec<Official>, DbError> {
        let mut stmt = self.conn.prepare(&format!(
            "{SELECT} JOIN positions p ON p.id = o.position_id WHERE p.active = 1 ORDER BY p.ord"
        ))?;
        let rows = stmt.query_map(params![], read)?;
        rows.map(|r| with_acting(r?)).collect()
    }
}

impl Tx<'_> {
    /// The office-set holder of `position_id`, if any.
    pub fn official(&self, position_id: &str) -> Result<Option<Official>, DbError> {
        self.tx
            .query_row(
                &format!("{SELECT} WHERE o.position_id = ?1"),
                params![position_id],
                read,
            )
            .optional()?
            .map(with_acting)
            .transpose()
    }

    /// Sets (or replaces) the holder of a post.
    pub fn set_official(&self, o: &Official, at: &str, by: &str) -> Result<(), DbError> {
        let acting = o.acting.as_ref().map(enum_text).transpose()?;
        self.tx.execute(
            "INSERT INTO officials (position_id, name, nip, pangkat, golongan, acting, updated_at, updated_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT (position_id) DO UPDATE SET name = ?2, nip = ?3, pangkat = ?4, golongan = ?5,
                 acting = ?6, updated_at = ?7, updated_by = ?8",
            params![o.position_id, o.name, o.nip, o.pangkat, o.golongan, acting, at, by],
        )?;
        Ok(())
    }

    /// Removes the office's holder of a post; true when there was one.
    pub fn clear_official(&self, position_id: &str) -> Result<bool, DbError> {
        Ok(self.tx.execute(
            "DELETE FROM officials WHERE position_id = ?1",
            params![position_id],
        )? > 0)
    }
}
