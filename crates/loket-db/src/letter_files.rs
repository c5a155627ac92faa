//! Table `letter_files`: issued PDFs stored by their SHA-256 (content-addressed). A trigger
//! refuses every update and delete, so an issued file never changes.

use rusqlite::OptionalExtension;

use crate::{Db, DbError};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE letter_files (
    sha256  TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
    bytes   INTEGER NOT NULL,
    pdf     BLOB NOT NULL
) STRICT;
CREATE TRIGGER letter_files_no_update BEFORE UPDATE ON letter_files
BEGIN SELECT RAISE(ABORT, 'naskah terbit tidak dapat diubah'); END;
CREATE TRIGGER letter_files_no_delete BEFORE DELETE ON letter_files
BEGIN SELECT RAISE(ABORT, 'naskah terbit tidak dapat dihapus'); END;
";

/// Stores a file under its hash inside the caller's transaction; storing the same bytes
/// twice is a no-op.
pub(crate) fn put(tx: &rusqlite::Transaction, sha256: &str, pdf: &[u8]) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO letter_files (sha256, bytes, pdf) VALUES (?1, ?2, ?3) ON CONFLICT (sha256) DO NOTHING",
        rusqlite::params![sha256, pdf.len() as i64, pdf],
    )?;
    Ok(())
}

impl Db {
    /// The stored file with this SHA-256 (lower-case hex).
    pub fn letter_file(&self, sha256: &str) -> Result<Option<Vec<u8>>, DbError> {
        Ok(self
            .conn
            .query_row(
                "SELECT pdf FROM letter_files WHERE sha256 = ?1",
                [sha256],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Calls `f` with every stored file's recorded hash, recorded size and bytes, one at a
    /// time (never all PDFs in memory at once), in hash order.
    pub fn each_letter_file(&self, mut f: impl FnMut(&str, i64, &[u8])) -> Result<(), DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT sha256, bytes, pdf FROM letter_files ORDER BY sha256")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let sha: String = r.get(0)?;
            let bytes: i64 = r.get(1)?;
            let pdf: Vec<u8> = r.get(2)?;
            f(&sha, bytes, &pdf);
        }
        Ok(())
    }
}
