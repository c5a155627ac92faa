//! Table `attachment_files`: the bytes of case attachments, stored once per SHA-256
//! (content-addressed) in the database itself, so that every laptop of an office reads the
//! same scans from the server and a file database carries its attachments inside it. The
//! `attachments` rows name a file by its hash. A trigger refuses every update and delete, on
//! both backends, so stored bytes never change.

use crate::params;
use crate::sql::{Conn, Dialect, OptionalExtension};
use crate::{Db, DbError, Tx};

pub(crate) const MIGRATION_1: &str = "
CREATE TABLE attachment_files (
    sha256  TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
    size    INTEGER NOT NULL,
    bytes   BLOB NOT NULL
) STRICT;
CREATE INDEX attachments_by_sha256 ON attachments (sha256);
CREATE TRIGGER attachment_files_no_update BEFORE UPDATE ON attachment_files
BEGIN SELECT RAISE(ABORT, 'isi lampiran tidak dapat diubah'); END;
CREATE TRIGGER attachment_files_no_delete BEFORE DELETE ON attachment_files
BEGIN SELECT RAISE(ABORT, 'isi lampiran tidak dapat dihapus'); END;
";

/// [`MIGRATION_1`] for PostgreSQL: the same refusals as plpgsql triggers (and `TRUNCATE`,
/// which skips row triggers, refused as a delete).
pub(crate) const PG_MIGRATION_1: &str = "
CREATE TABLE attachment_files (
    sha256  TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
    size    BIGINT NOT NULL,
    bytes   BYTEA NOT NULL
);
CREATE INDEX attachments_by_sha256 ON attachments (sha256);
CREATE FUNCTION attachment_files_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'isi lampiran tidak dapat diubah';
    END IF;
    RAISE EXCEPTION 'isi lampiran tidak dapat dihapus';
END;
$$;
CREATE TRIGGER attachment_files_no_update BEFORE UPDATE ON attachment_files
    FOR EACH ROW EXECUTE FUNCTION attachment_files_refuse_change();
CREATE TRIGGER attachment_files_no_delete BEFORE DELETE ON attachment_files
    FOR EACH ROW EXECUTE FUNCTION attachment_files_refuse_change();
CREATE TRIGGER attachment_files_no_truncate BEFORE TRUNCATE ON attachment_files
    FOR EACH STATEMENT EXECUTE FUNCTION attachment_files_refuse_change();
";

fn file(conn: &Conn, sha256: &str) -> Result<Option<Vec<u8>>, DbError> {
    conn.query_row(
        "SELECT bytes FROM attachment_files WHERE sha256 = ?1",
        params![sha256],
        |r| r.get(0),
    )
    .optional()
}

impl Tx<'_> {
    /// Stores `bytes` under `sha256` (lower-case hex of their SHA-256) inside this
    /// transaction; storing bytes whose hash is already stored is a no-op, so the caller
    /// reads them back ([`Tx::attachment_file`]) to be sure what the hash now names.
    pub fn put_attachment_file(&self, sha256: &str, bytes: &[u8]) -> Result<(), DbError> {
        self.tx.execute(
            "INSERT INTO attachment_files (sha256, size, bytes) VALUES (?1, ?2, ?3)
             ON CONFLICT (sha256) DO NOTHING",
            params![sha256, bytes.len() as i64, bytes],
        )?;
        Ok(())
    }

    /// The stored bytes with this SHA-256, as this transaction sees them.
    pub fn attachment_file(&self, sha256: &str) -> Result<Option<Vec<u8>>, DbError> {
        file(self.tx, sha256)
    }
}

impl Db {
    /// The stored bytes with this SHA-256 (lower-case hex), if any.
    pub fn attachment_file(&self, sha256: &str) -> Result<Option<Vec<u8>>, DbError> {
        file(&self.conn, sha256)
    }

    /// True when the database has the attachment store; a file last written by an older
    /// Loket and opened without migrating (`loket check`) has not.
    pub fn has_attachment_files(&self) -> Result<bool, DbError> {
        let sql = match self.conn.dialect() {
            Dialect::Sqlite => {
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'attachment_files'"
            }
            Dialect::Postgres => {
                "SELECT COUNT(*) FROM pg_class WHERE oid = to_regclass('attachment_files')"
            }
        };
        let n: i64 = self.conn.query_row(sql, params![], |r| r.get(0))?;
        Ok(n > 0)
    }

    /// Calls `f` with every stored file's hash, recorded size and bytes, one at a time (never
    /// all attachments in memory at once), in hash order: the hashes are listed first, then
    /// each file is read on its own. Files are never deleted, so every listed hash is found.
    pub fn each_attachment_file(&self, mut f: impl FnMut(&str, i64, &[u8])) -> Result<(), DbError> {
        let hashes: Vec<String> = self
            .conn
            .prepare("SELECT sha256 FROM attachment_files ORDER BY sha256")?
            .query_map(params![], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        for sha in hashes {
            let (size, bytes): (i64, Vec<u8>) = self.conn.query_row(
                "SELECT size, bytes FROM attachment_files WHERE sha256 = ?1",
                params![sha],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            f(&sha, size, &bytes);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHA: &str = "5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef";

    #[test]
    fn bytes_are_stored_once_and_never_changed_or_removed() {
        let mut db = Db::open_in_memory().unwrap();
        let tx = db.begin().unwrap();
        tx.put_attachment_file(SHA, b"pertama").unwrap();
        tx.put_attachment_file(SHA, b"kedua").unwrap();
        assert_eq!(
            tx.attachment_file(SHA).unwrap().as_deref(),
            Some(&b"pertama"[..]),
            "a hash already stored keeps its first bytes; the second put is a no-op"
        );
        tx.commit().unwrap();
        assert!(
            db.has_attachment_files().unwrap(),
            "a migrated database has the store"
        );
        for sql in [
            "UPDATE attachment_files SET bytes = X'00'",
            "DELETE FROM attachment_files",
        ] {
            let err = db.conn.execute(sql, params![]);
            assert!(
                err.is_err(),
                "stored attachment bytes are append-only: {sql}"
            );
        }
        let mut seen = Vec::new();
        db.each_attachment_file(|sha, size, bytes| {
            seen.push((sha.to_string(), size, bytes.to_vec()))
        })
        .unwrap();
        assert_eq!(
            seen,
            vec![(SHA.to_string(), 7, b"pertama".to_vec())],
            "every stored file is listed with its recorded size"
        );
    }
}
