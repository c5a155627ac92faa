//! Preparing the office's PostgreSQL server (`loket server init`): the database, the schema
//! at this binary's version, and the application role the laptops log in as.
//!
//! Run by the office's IT staff as the database owner. The application role gets data rights
//! only (no DDL), and the database itself refuses what Loket's rules refuse: no UPDATE or
//! DELETE on the audit trail, on issued letters and their stored PDFs, on letter
//! corrections, or on stored attachment bytes (grants here, and triggers from the migrations
//! that also hold for the owner);
//! voided numbers are guarded by a trigger. Running it again upgrades the schema and renews
//! the grants; it never drops anything.

use crate::migrations::migrate_server;
use crate::sql::postgres::ServerAddress;
use crate::sql::{Conn, PgConn};
use crate::DbError;

/// Tables whose rows are never changed or removed once written.
pub const APPEND_ONLY: &[&str] = &[
    "audit",
    "issued_letters",
    "letter_files",
    "letter_corrections",
    "attachment_files",
];

/// What `loket server init` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerReport {
    /// The server and database, without a password.
    pub location: String,
    pub created_database: bool,
    pub schema_before: i64,
    pub schema_after: i64,
    /// The role laptops log in as, and whether it was created now.
    pub app_role: String,
    pub created_role: bool,
}

/// The application role and, when it must be created or changed, its password.
pub struct AppRole<'a> {
    pub name: &'a str,
    pub password: Option<&'a str>,
}

fn identifier(name: &str, what: &str) -> Result<String, DbError> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Ok(format!("\"{name}\""))
    } else {
        Err(DbError::BadAddress {
            location: name.to_string(),
            detail: format!(
                "nama {what} hanya boleh berisi huruf kecil, angka dan garis bawah, diawali huruf (mis. loket_app)"
            ),
        })
    }
}

fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Creates (when absent) and upgrades the database at `owner_url` and grants `app` its rights.
///
/// Errors: the connection errors of [`crate::Db::open`]; `Server` when the database's
/// collation would sort text differently from the embedded database (the message gives the
/// `createdb` command that fixes it), when a role must be created without a password, or when
/// the owner may not create roles.
pub fn init_server(owner_url: &str, app: &AppRole<'_>) -> Result<ServerReport, DbError> {
    let address = ServerAddress::parse(owner_url)?;
    let role = identifier(app.name, "peran aplikasi")?;
    let (conn, created_database) = match PgConn::connect(address.clone()) {
        Ok(c) => (Conn::postgres(c), false),
        Err(DbError::NoDatabase { .. }) => {
            create_database(&address)?;
            (Conn::postgres(PgConn::connect(address.clone())?), true)
        }
        Err(e) => return Err(e),
    };
    check_collation(&conn, &address)?;
    let (schema_before, schema_after) = migrate_server(&conn, address.location())?;
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?1)",
        crate::params![app.name],
        |r| r.get(0),
    )?;
    match (exists, app.password) {
        (false, None) => {
            return Err(DbError::Server(format!(
                "peran aplikasi `{}` belum ada; beri kata sandinya (--app-password-env) agar dapat dibuat",
                app.name
            )))
        }
        (false, Some(pw)) => conn.execute_batch(&format!(
            "CREATE ROLE {role} LOGIN PASSWORD {}",
            literal(pw)
        ))?,
        (true, Some(pw)) => conn.execute_batch(&format!(
            "ALTER ROLE {role} LOGIN PASSWORD {}",
            literal(pw)
        ))?,
        (true, None) => {}
    }
    grant(&conn, &role, address.database())?;
    Ok(ServerReport {
        location: address.location().to_string(),
        created_database,
        schema_before,
        schema_after,
        app_role: app.name.to_string(),
        created_role: !exists,
    })
}

/// Whether the role `name` exists on the server at `owner_url`. Roles belong to the whole
/// server, so the database need not exist yet (then the server's `postgres` database is asked).
/// Reads only: `loket server init` asks before writing anything.
pub fn role_exists(owner_url: &str, name: &str) -> Result<bool, DbError> {
    let address = ServerAddress::parse(owner_url)?;
    let conn = match PgConn::connect(address.clone()) {
        Ok(c) => c,
        Err(DbError::NoDatabase { .. }) => PgConn::connect(address.with_database("postgres"))?,
        Err(e) => return Err(e),
    };
    Conn::postgres(conn).query_row(
        "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = ?1)",
        crate::params![name],
        |r| r.get(0),
    )
}

fn create_database(address: &ServerAddress) -> Result<(), DbError> {
    let name = identifier(address.database(), "basis data")?;
    let admin = Conn::postgres(PgConn::connect(address.with_database("postgres"))?);
    admin.execute_batch(&format!(
        "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'"
    ))
}

/// Text must sort by code point, as in the embedded database, so lists come out in the same
/// order on both.
fn check_collation(conn: &Conn, address: &ServerAddress) -> Result<(), DbError> {
    let collate: String = conn.query_row(
        "SELECT datcollate::text FROM pg_database WHERE datname = current_database()",
        crate::params![],
        |r| r.get(0),
    )?;
    if matches!(collate.as_str(), "C" | "POSIX" | "C.UTF-8" | "C.utf8") {
        return Ok(());
    }
    Err(DbError::Server(format!(
        "basis data `{db}` memakai urutan teks `{collate}`, sedangkan Loket memerlukan `C` agar daftar tersusun sama di semua komputer; \
         buat ulang selagi masih kosong: dropdb {db} && createdb -T template0 -E UTF8 --lc-collate=C --lc-ctype=C.UTF-8 {db}",
        db = address.database()
    )))
}

fn grant(conn: &Conn, role: &str, database: &str) -> Result<(), DbError> {
    let db = identifier(database, "basis data")?;
    let append_only = APPEND_ONLY.join(", ");
    conn.execute_batch(&format!(
        "REVOKE ALL ON SCHEMA public FROM PUBLIC;
         GRANT CONNECT ON DATABASE {db} TO {role};
         GRANT USAGE ON SCHEMA public TO {role};
         GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
         GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
         REVOKE UPDATE, DELETE, TRUNCATE ON {append_only} FROM {role};
         REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON loket_schema FROM {role};"
    ))
}
