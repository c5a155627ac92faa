//! Opening a database: an SQLite file (pragmas, the newer-schema guard, the integrity check,
//! migrations) or the office's PostgreSQL server (`postgres://…`: connect, then the schema
//! guard in both directions; the server's schema is created and upgraded only by
//! `loket server init`, never by a laptop).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::error::DbError;
use crate::migrations::{known_schema_version, migrate, schema_version};
use crate::sql::postgres::{is_server_url, ServerAddress};
use crate::sql::{Backend, Conn, Dialect, PgConn};

/// A server URL of a kind Loket does not speak (`mysql://…`) would otherwise become a folder
/// named `mysql:` with an SQLite file in it. The password is never repeated in the message.
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
    pub(crate) conn: Conn,
    path: PathBuf,
}

fn server_url(path: &Path) -> Option<&str> {
    path.to_str().filter(|t| is_server_url(t))
}

/// True when `location` (a `--db` value) names the office's server rather than a file.
pub fn is_server_location(location: &Path) -> bool {
    server_url(location).is_some()
}

/// `location` as shown to a person: a file's path, or the server's address without its
/// password (`postgres://loket@server/loket`).
pub fn display_location(location: &Path) -> String {
    match server_url(location) {
        Some(url) => crate::sql::postgres::redact(url.split('?').next().unwrap_or(url)),
        None => location.display().to_string(),
    }
}

impl Db {
    /// Opens the database at `path`: an SQLite file (created and migrated when absent) or,
    /// for a `postgres://` address, the office's server (prepared by `loket server init`).
    ///
    /// Errors: `NewerSchema` when the data was written by a newer Loket (nothing is changed),
    /// `NotADatabase` for a file that is not SQLite, `Corrupt` when the quick check fails;
    /// for a server `Unreachable`, `Rejected`, `NoDatabase`, `TlsRefused`, `NotPrepared` or
    /// `OlderSchema`, each saying what to do.
    pub fn open(path: &Path) -> Result<Db, DbError> {
        if let Some(url) = server_url(path) {
            return Self::open_server(url);
        }
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
        if let Some(url) = server_url(path) {
            return Self::open_server(url);
        }
        refuse_url(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let db = Db {
            conn: Conn::sqlite(conn),
            path: path.to_path_buf(),
        };
        db.guard_version()?;
        Ok(db)
    }

    /// A private in-memory database, migrated (for tests).
    pub fn open_in_memory() -> Result<Db, DbError> {
        Self::prepare(Connection::open_in_memory()?, PathBuf::from(":memory:"))
    }

    /// Connects to the office's server and checks its schema against this binary's.
    fn open_server(url: &str) -> Result<Db, DbError> {
        let address = ServerAddress::parse(url)?;
        let location = address.location().to_string();
        let db = Db {
            conn: Conn::postgres(PgConn::connect(address)?),
            path: PathBuf::from(url),
        };
        let prepared: bool = db.conn.query_row(
            "SELECT to_regclass('loket_schema') IS NOT NULL",
            crate::params![],
            |r| r.get(0),
        )?;
        if !prepared {
            return Err(DbError::NotPrepared { location });
        }
        let found = db.schema_version()?;
        let known = known_schema_version();
        if found < known {
            return Err(DbError::OlderSchema {
                location,
                found,
                known,
            });
        }
        db.guard_version()?;
        Ok(db)
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
        // Up to 32 MiB of pages kept in memory (SQLite's default is 2 MiB): years of cases and
        // their search index are read again at every list, and pages read back from the
        // operating system one system call at a time tripled a search's time.
        conn.pragma_update(None, "cache_size", -32_768)?;
        let db = Db {
            conn: Conn::sqlite(conn),
            path,
        };
        db.guard_version()?;
        let quick = db.quick_check()?;
        if !quick.is_empty() {
            return Err(DbError::Corrupt {
                path: db.path.clone(),
                detail: quick.join("; "),
            });
        }
        let mut db = db;
        if let Backend::Sqlite(c) = &mut db.conn.backend {
            migrate(c)?;
        }
        Ok(db)
    }

    fn guard_version(&self) -> Result<(), DbError> {
        let found = match self.conn.dialect() {
            Dialect::Sqlite => schema_version(&self.conn).map_err(|e| DbError::NotADatabase {
                path: self.path.clone(),
                detail: e.to_string(),
            })?,
            Dialect::Postgres => schema_version(&self.conn)?,
        };
        let known = known_schema_version();
        if found > known {
            return Err(DbError::NewerSchema {
                path: match self.conn.dialect() {
                    Dialect::Sqlite => self.path.clone(),
                    // A server's address as given holds its password; shown without it.
                    Dialect::Postgres => PathBuf::from(display_location(&self.path)),
                },
                found,
                known,
            });
        }
        Ok(())
    }

    fn quick_check(&self) -> Result<Vec<String>, DbError> {
        let mut stmt = self.conn.prepare("PRAGMA quick_check")?;
        let rows = stmt.query_map(crate::params![], |r| r.get::<_, String>(0))?;
        let problems: Vec<String> = rows.collect::<Result<_, _>>()?;
        Ok(problems.into_iter().filter(|p| p != "ok").collect())
    }

    /// Where the database lives, as given to [`Db::open`] (a server's address includes its
    /// password: show [`display_location`] of it to people, never this).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when this is the office's shared server rather than a file on this computer.
    pub fn is_server(&self) -> bool {
        self.conn.dialect() == Dialect::Postgres
    }

    /// The schema version recorded in the database.
    pub fn schema_version(&self) -> Result<i64, DbError> {
        schema_version(&self.conn)
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
        let conn = Conn::sqlite(Connection::open(&path).unwrap());
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
    fn an_unknown_server_kind_is_refused_without_creating_a_folder_or_echoing_the_password() {
        let dir = tempfile::tempdir().unwrap();
        let cwd = std::env::current_dir().unwrap();
        let url = Path::new("mysql://loket:rahasia@db.kantor:3306/loket");
        for open in [Db::open, Db::open_existing] {
            let err = open(url)
                .err()
                .expect("a mysql:// URL is neither a file nor PostgreSQL");
            let text = err.to_string();
            assert!(
                matches!(err, DbError::NotAFile { .. }),
                "a URL gets its own refusal: {text}"
            );
            assert!(
                text.contains("mysql://db.kantor:3306/loket") && text.contains("PostgreSQL"),
                "the message names the server it was given and what Loket does open: {text}"
            );
            assert!(
                !text.contains("rahasia"),
                "the password is never repeated: {text}"
            );
        }
        assert!(
            !cwd.join("mysql:").exists() && !dir.path().join("mysql:").exists(),
            "no folder named `mysql:` is created"
        );
    }

    #[test]
    fn a_postgres_address_connects_to_a_server_and_never_becomes_a_folder() {
        let cwd = std::env::current_dir().unwrap();
        let url = Path::new("postgres://loket:rahasia@127.0.0.1:1/loket");
        let err = Db::open(url).err().expect("nothing listens on port 1");
        let text = err.to_string();
        assert!(
            matches!(err, DbError::Unreachable { .. }),
            "an address nobody answers is reported as unreachable: {text}"
        );
        assert!(
            text.contains("postgres://loket@127.0.0.1:1/loket") && !text.contains("rahasia"),
            "the message names the server without its password: {text}"
        );
        assert!(
            !cwd.join("postgres:").exists(),
            "no folder named `postgres:` is created"
        );
    }
}
