//! Opening a database: pragmas, the newer-schema guard, the integrity check, migrations.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::DbError;
use crate::migrations::{known_schema_version, migrate, schema_version};

/// A server URL given where a file is expected (`postgres://user:pw@host/loket`) would
/// otherwise become a folder named `postgres:` with an SQLite file in it. The password is
/// never repeated in the message.
fn refuse_url(path: &Path) -> Result<(), DbError> {
    let text = path.to_string_lossy();
    let Some((scheme, rest)) = text.split_once("://") else {
        return Ok(());
    };
    let is_scheme = !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme {
        return Ok(());
    }
    let host = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    Err(DbError::NotAFile {
        location: format!("{scheme}://{host}"),
        scheme: if scheme.starts_with("postgres") {
            "PostgreSQL".to_string()
        } else {
            scheme.to_string()
        },
    })
}

/// An open Loket database.
pub struct Db {
    pub(crate) conn: Connection,
    path: PathBuf,
}

impl Db {
    /// Opens (creating when absent) and migrates the database at `path`.
    ///
    /// Errors: `NewerSchema` when the file was written by a newer Loket (nothing is changed),
    /// `NotADatabase` for a file that is not SQLite, `Corrupt` when the quick check fails.
    pub fn open(path: &Path) -> Result<Db, DbError> {
        refuse_url(path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| DbError::Io {
                path: dir.to_path_buf(),
                source,
            })?;
        }
        let conn = Connection::open(path)?;
        Self::prepare(conn, path.to_path_buf())
    }

    /// Opens an existing database without creating or migrating it (for `loket check`).
    pub fn open_existing(path: &Path) -> Result<Db, DbError> {
        refuse_url(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let db = Db {
            conn,
            path: path.to_path_buf(),
        };
        db.guard_version()?;
        Ok(db)
    }

    /// A private in-memory database, migrated (for tests).
    pub fn open_in_memory() -> Result<Db, DbError> {
        Self::prepare(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    fn prepare(conn: Connection, path: PathBuf) -> Result<Db, DbError> {
        let not_db = |e: rusqlite::Error| DbError::NotADatabase {
            path: path.clone(),
            detail: e.to_string(),
        };
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(not_db)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let db = Db { conn, path };
        db.guard_version()?;
        let quick = db.quick_check()?;
        if !quick.is_empty() {
            return Err(DbError::Corrupt {
                path: db.path.clone(),
                detail: quick.join("; "),
            });
        }
        let mut db = db;
        migrate(&mut db.conn)?;
        Ok(db)
    }

    fn guard_version(&self) -> Result<(), DbError> {
        let found = schema_version(&self.conn).map_err(|e| DbError::NotADatabase {
            path: self.path.clone(),
            detail: e.to_string(),
        })?;
        let known = known_schema_version();
        if found > known {
            return Err(DbError::NewerSchema {
                path: self.path.clone(),
                found,
                known,
            });
        }
        Ok(())
    }

    fn quick_check(&self) -> Result<Vec<String>, DbError> {
        let mut stmt = self.conn.prepare("PRAGMA quick_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let problems: Vec<String> = rows.collect::<Result<_, _>>()?;
        Ok(problems.into_iter().filter(|p| p != "ok").collect())
    }

    /// Where the database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<i64, DbError> {
        Ok(schema_version(&self.conn)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newer_database_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("loket.db");
        drop(Db::open(&path).unwrap());
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", known_schema_version() + 1)
                .unwrap();
        }
        let err = Db::open(&path)
            .err()
            .expect("a newer schema must be refused");
        assert!(
            matches!(err, DbError::NewerSchema { .. }),
            "older binary refuses newer database: {err}"
        );
        let conn = Connection::open(&path).unwrap();
        assert_eq!(
            schema_version(&conn).unwrap(),
            known_schema_version() + 1,
            "the refused file keeps its version"
        );
    }

    #[test]
    fn a_text_file_is_not_a_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(&path, "bukan basis data, hanya catatan ".repeat(100)).unwrap();
        let err = Db::open(&path).err().expect("a text file is refused");
        assert!(
            matches!(err, DbError::NotADatabase { .. }),
            "a non-SQLite file gets a clear error: {err}"
        );
    }

    #[test]
    fn a_server_url_is_refused_without_creating_a_folder_or_echoing_the_password() {
        let dir = tempfile::tempdir().unwrap();
        let cwd = std::env::current_dir().unwrap();
        let url = Path::new("postgres://loket:rahasia@db.kantor:5433/loket");
        for open in [Db::open, Db::open_existing] {
            let err = open(url).err().expect("a postgres:// URL is not a file");
            let text = err.to_string();
            assert!(
                matches!(err, DbError::NotAFile { .. }),
                "a URL gets its own refusal: {text}"
            );
            assert!(
                text.contains("postgres://db.kantor:5433/loket") && text.contains("PostgreSQL"),
                "the message names the server it was given: {text}"
            );
            assert!(
                !text.contains("rahasia"),
                "the password is never repeated: {text}"
            );
        }
        assert!(
            !cwd.join("postgres:").exists() && !dir.path().join("postgres:").exists(),
            "no folder named `postgres:` is created"
        );
        let plain = dir.path().join("kantor.db");
        assert!(
            Db::open(&plain).is_ok(),
            "an ordinary file path still opens"
        );
    }
}
