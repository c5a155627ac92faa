//! Table `letter_corrections` (ralat): a draft started to replace an issued letter, with the
//! reason. An issued letter is never changed; its correction is a new letter with its own
//! number. The row is written with the draft and never changed (triggers refuse it, on both
//! backends); once
//! the draft is signed, the issued letter itself records what it replaces
//! (`issued_letters.replaces_id`, at most one issued replacement per letter).

use crate::params;
use crate::sql::{Conn, OptionalExtension, Row};
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE letter_corrections (
    draft_id     INTEGER PRIMARY KEY REFERENCES letter_drafts (id),
    replaces_id  INTEGER NOT NULL REFERENCES issued_letters (id),
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX letter_corrections_replaces ON letter_corrections (replaces_id);
CREATE TRIGGER letter_corrections_no_update BEFORE UPDATE ON letter_corrections
BEGIN SELECT RAISE(ABORT, 'ralat surat tidak dapat diubah'); END;
CREATE TRIGGER letter_corrections_no_delete BEFORE DELETE ON letter_corrections
BEGIN SELECT RAISE(ABORT, 'ralat surat tidak dapat dihapus'); END;
";

/// [`MIGRATION_1`] for PostgreSQL: the same refusals as plpgsql triggers (and `TRUNCATE`,
/// which skips row triggers, refused as a delete). `draft_id` is always the draft's id, never
/// generated, so it is a plain key.
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE letter_corrections (
    draft_id     BIGINT PRIMARY KEY REFERENCES letter_drafts (id),
    replaces_id  BIGINT NOT NULL REFERENCES issued_letters (id),
    reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_by   TEXT NOT NULL,
    created_at   TEXT NOT NULL
);
CREATE INDEX letter_corrections_replaces ON letter_corrections (replaces_id);
CREATE FUNCTION letter_corrections_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'ralat surat tidak dapat diubah';
    END IF;
    RAISE EXCEPTION 'ralat surat tidak dapat dihapus';
END;
$$;
CREATE TRIGGER letter_corrections_no_update BEFORE UPDATE ON letter_corrections
    FOR EACH ROW EXECUTE FUNCTION letter_corrections_refuse_change();
CREATE TRIGGER letter_corrections_no_delete BEFORE DELETE ON letter_corrections
    FOR EACH ROW EXECUTE FUNCTION letter_corrections_refuse_change();
CREATE TRIGGER letter_corrections_no_truncate BEFORE TRUNCATE ON letter_corrections
    FOR EACH STATEMENT EXECUTE FUNCTION letter_corrections_refuse_change();
";

/// A ralat draft's link to the issued letter it replaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub draft_id: i64,
    /// Id of the issued letter this draft replaces.
    pub replaces_id: i64,
    pub reason: String,
    pub created_by: String,
    pub created_at: String,
}

const COLUMNS: &str = "draft_id, replaces_id, reason, created_by, created_at";

fn decode(r: &Row) -> Result<Correction, DbError> {
    Ok(Correction {
        draft_id: r.get(0)?,
        replaces_id: r.get(1)?,
        reason: r.get(2)?,
        created_by: r.get(3)?,
        created_at: r.get(4)?,
    })
}

fn of_draft(conn: &Conn, draft_id: i64) -> Result<Option<Correction>, DbError> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM letter_corrections WHERE draft_id = ?1"),
        params![draft_id],
        decode,
    )
    .optional()
}

/// Ralat drafts of issued letter `replaces_id` still on their way (neither issued nor
/// cancelled), oldest first.
fn open_for(conn: &Conn, replaces_id: i64) -> Result<Vec<Correction>, DbError> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {} FROM letter_corrections c JOIN letter_drafts d ON d.id = c.draft_id
          WHERE c.replaces_id = ?1 AND d.status NOT IN ('terbit', 'batal') ORDER BY c.draft_id",
        COLUMNS
            .split(", ")
            .map(|c| format!("c.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))?;
    let rows = stmt.query_map(params![replaces_id], decode)?;
    rows.collect()
}

impl Tx<'_> {
    /// Records that draft `c.draft_id` replaces issued letter `c.replaces_id`.
    pub fn insert_correction(&self, c: &Correction) -> Result<(), DbError> {
        self.tx.execute(
            "INSERT INTO letter_corrections (draft_id, replaces_id, reason, created_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                c.draft_id,
                c.replaces_id,
                c.reason,
                c.created_by,
                c.created_at
            ],
        )?;
        Ok(())
    }

    /// [`Db::correction_of_draft`] inside this transaction.
    pub fn correction_of_draft(&self, draft_id: i64) -> Result<Option<Correction>, DbError> {
        of_draft(self.tx, draft_id)
    }

    /// [`Db::open_corrections`] inside this transaction.
    pub fn open_corrections(&self, replaces_id: i64) -> Result<Vec<Correction>, DbError> {
        open_for(self.tx, replaces_id)
    }
}

impl Db {
    /// The ralat link of draft `draft_id`, when the draft is a ralat.
    pub fn correction_of_draft(&self, draft_id: i64) -> Result<Option<Correction>, DbError> {
        of_draft(&self.conn, draft_id)
    }

    /// Ralat drafts of issued letter `replaces_id` neither issued nor cancelled yet.
    pub fn open_corrections(&self, replaces_id: i64) -> Result<Vec<Correction>, DbError> {
        open_for(&self.conn, replaces_id)
    }
}
