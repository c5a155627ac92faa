//! Table `letter_files`: issued PDFs stored by their SHA-256 (content-addressed). A trigger
//! refuses every update and delete, on both backends, so an issued file never changes.

use crate::params;
use crate::sql::{Conn, OptionalExtension};
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

/// [`MIGRATION_1`] for PostgreSQL: the same refusals as plpgsql triggers (and `TRUNCATE`,
/// which skips row triggers, refused as a delete).
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE letter_files (
    sha256  TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
    bytes   BIGINT NOT NULL,
    pdf     BYTEA NOT NULL
);
CREATE FUNCTION letter_files_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'naskah terbit tidak dapat diubah';
    END IF;
    RAISE EXCEPTION 'naskah terbit tidak dapat dihapus';
END;
$$;
CREATE TRIGGER letter_files_no_update BEFORE UPDATE ON letter_files
    FOR EACH ROW EXECUTE FUNCTION letter_files_refuse_change();
CREATE TRIGGER letter_files_no_delete BEFORE DELETE ON letter_files
    FOR EACH ROW EXECUTE FUNCTION letter_files_refuse_change();
CREATE TRIGGER letter_files_no_truncate BEFORE TRUNCATE ON letter_files
    FOR EACH STATEMENT EXECUTE FUNCTION letter_files_refuse_change();
";

/// Stores a file under its hash inside the caller's transaction; storing the same bytes
/// twice is a no-op.
pub(crate) fn put(tx: &Conn, sha256: &str, pdf: &[u8]) -> Result<(), DbError> {
    tx.execute(
        "INSERT INTO letter_files (sha256, bytes, pdf) VALUES (?1, ?2, ?3) ON CONFLICT (sha256) DO NOTHING",
        params![sha256, pdf.len() as i64, pdf],
    )?;
    Ok(())
}

impl Db {
    /// The stored file with this SHA-256 (lower-case hex).
    pub fn letter_file(&self, sha256: &str) -> Result<Option<Vec<u8>>, DbError> {
        self.conn
            .query_row(
                "SELECT pdf FROM letter_files WHERE sha256 = ?1",
                params![sha256],
                |r| r.get(0),
            )
            .optional()
    }

    /// Calls `f` with every stored file's recorded hash, recorded size and bytes, one at a
    /// time (never all PDFs in memory at once), in hash order: the hashes are listed first,
    /// then each file is read on its own. Files are never deleted, so every listed hash is
    /// found.
    pub fn each_letter_file(&self, mut f: impl FnMut(&str, i64, &[u8])) -> Result<(), DbError> {
        let hashes: Vec<String> = self
            .conn
            .prepare("SELECT sha256 FROM letter_files ORDER BY sha256")?
            .query_map(params![], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for sha in hashes {
            let (bytes, pdf): (i64, Vec<u8>) = self.conn.query_row(
                "SELECT bytes, pdf FROM letter_files WHERE sha256 = ?1",
                params![sha],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            f(&sha, bytes, &pdf);
        }
        Ok(())
    }
}
