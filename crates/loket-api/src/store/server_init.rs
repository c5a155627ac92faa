//! `store.server_init`: preparing (or upgrading) the office's PostgreSQL server for Loket.
//!
//! Run by the office's IT staff with the database owner's credentials, not by a signed-in
//! Loket account: the server has no office and no accounts before it, and the act is recorded
//! by the server itself (its log), not in Loket's audit trail.

use serde::Serialize;

use super::address::{laptop_url, names_this_computer, with_password};
use crate::ApiError;

pub const ID: &str = "store.server_init";

/// The shortest password the application role may get: every laptop logs in with it.
pub const MIN_APP_PASSWORD: usize = 12;

/// What `loket server init` did, and what the laptops need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServerInitView {
    /// The server and database, without a password.
    pub location: String,
    /// True when the database was created now (UTF8, text sorted as in the embedded file).
    pub created_database: bool,
    /// Schema version before and after (equal when it was already current).
    pub schema_before: i64,
    pub schema_after: i64,
    /// The role laptops log in as; whether it was created now, and whether its password was
    /// set now (created, or changed because one was given).
    pub app_role: String,
    pub created_role: bool,
    pub password_set: bool,
    /// What the application role may and may not do, one line each, in Bahasa Indonesia.
    pub grants: Vec<String>,
    /// The address laptops use (`--db`, `LOKET_DB` or the connection screen): this server,
    /// the application role, no password.
    pub laptop_url: String,
    /// True when `laptop_url` names this computer (`localhost`): laptops need the server's
    /// name or address on the office network instead.
    pub laptop_url_is_local: bool,
}

/// What the application role may do, from the rules `init_server` grants.
fn grants(role: &str) -> Vec<String> {
    vec![
        format!(
            "{role}: membaca, menambah, mengubah dan menghapus data di tabel Loket; tidak dapat mengubah struktur basis data (tanpa DDL)"
        ),
        format!(
            "{}: hanya dibaca dan ditambah (UPDATE, DELETE dan TRUNCATE dicabut dari {role}; pemicu basis data juga menolaknya untuk pemilik)",
            loket_db::server::APPEND_ONLY.join(", ")
        ),
        "letter_numbers: nomor di buku register tidak dapat dihapus dan nomor yang dibatalkan tidak dapat diubah (pemicu basis data)".to_string(),
        format!(
            "loket_schema: hanya dibaca oleh {role}; versi skema hanya dinaikkan oleh `loket server init`"
        ),
    ]
}

/// Creates (when absent) or upgrades the database at `owner_url` and gives `app_role` its
/// rights. `owner_password` is used when the address names the owner without a password (the
/// CLI passes `PGPASSWORD`); `app_password` creates the role or changes its password, and may
/// be left out only when the role already exists. Running it again is safe: nothing is dropped.
///
/// Errors: `BadInput` for an address that cannot be read, a wrong owner password, a refused
/// TLS connection, an application password shorter than [`MIN_APP_PASSWORD`], or a missing
/// password for a role that does not exist yet (checked before anything is written);
/// `Offline` when the server cannot be reached; `NewerSchema` when the server was prepared by
/// a newer Loket; `Internal` when the server refuses a step (e.g. the owner may not create
/// roles or databases; the message says which).
pub fn server_init(
    owner_url: &str,
    owner_password: Option<&str>,
    app_role: &str,
    app_password: Option<&str>,
) -> Result<ServerInitView, ApiError> {
    let location = std::path::Path::new(owner_url);
    if !loket_db::is_server_location(location) {
        return Err(ApiError::bad_input(format!(
            "`{}` bukan alamat server PostgreSQL; tulis alamat pemilik basis data, misalnya postgres://pemilik@server-kantor/loket",
            loket_db::display_location(location)
        )));
    }
    let url = with_password(location, owner_password);
    let url = url.to_string_lossy().into_owned();
    if let Some(pw) = app_password {
        if pw.chars().count() < MIN_APP_PASSWORD {
            return Err(ApiError::bad_input(format!(
                "kata sandi peran aplikasi `{app_role}` terlalu pendek ({} karakter); pakai paling sedikit {MIN_APP_PASSWORD} karakter, karena setiap laptop masuk dengannya",
                pw.chars().count()
            )));
        }
    } else if !loket_db::server::role_exists(&url, app_role)? {
        return Err(ApiError::bad_input(format!(
            "peran aplikasi `{app_role}` belum ada di server {}; beri kata sandinya lewat variabel lingkungan, misalnya LOKET_APP_PASSWORD=... loket server init ... --app-password-env LOKET_APP_PASSWORD. Tidak ada yang diubah",
            loket_db::display_location(location)
        )));
    }
    let report = loket_db::server::init_server(
        &url,
        &loket_db::server::AppRole {
            name: app_role,
            password: app_password,
        },
    )?;
    let laptop = laptop_url(owner_url, &report.app_role);
    Ok(ServerInitView {
        location: report.location,
        created_database: report.created_database,
        schema_before: report.schema_before,
        schema_after: report.schema_after,
        grants: grants(&report.app_role),
        app_role: report.app_role,
        created_role: report.created_role,
        password_set: app_password.is_some(),
        laptop_url_is_local: names_this_computer(&laptop),
        laptop_url: laptop,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_path_or_a_short_password_is_refused_before_connecting() {
        let e = server_init(
            "/home/ti/loket.db",
            None,
            "loket_app",
            Some("panjang-sekali-1"),
        )
        .unwrap_err();
        assert_eq!(e.code, crate::ErrorCode::BadInput, "a file is bad input");
        assert!(
            e.message.contains("postgres://pemilik@"),
            "the refusal shows what an address looks like: {}",
            e.message
        );
        // Nothing listens on port 1: the refusal must come before any connection is tried.
        let e = server_init(
            "postgres://pemilik@127.0.0.1:1/loket",
            None,
            "loket_app",
            Some("pendek"),
        )
        .unwrap_err();
        assert!(
            e.code == crate::ErrorCode::BadInput && e.message.contains("terlalu pendek"),
            "a short application password is refused first: {}",
            e.message
        );
    }

    #[test]
    fn the_grants_name_every_append_only_table() {
        let lines = grants("loket_app").join("\n");
        for table in loket_db::server::APPEND_ONLY {
            assert!(
                lines.contains(table),
                "the report tells IT staff that {table} is append-only: {lines}"
            );
        }
    }
}
