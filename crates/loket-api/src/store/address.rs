//! The office server's `postgres://` address as the IT staff's commands handle it: the
//! password added from outside the command line, and the address laptops are given.

use std::path::{Path, PathBuf};

/// The parts of `scheme://user:password@host:port/database?query`.
struct Parts<'a> {
    scheme: &'a str,
    user: &'a str,
    password: Option<&'a str>,
    /// `host:port/database`.
    server: &'a str,
    query: Vec<&'a str>,
}

fn parts(url: &str) -> Option<Parts<'_>> {
    let (scheme, rest) = url.split_once("://")?;
    let (base, query) = rest.split_once('?').unwrap_or((rest, ""));
    let (creds, server) = base.rsplit_once('@').unwrap_or(("", base));
    let (user, password) = match creds.split_once(':') {
        Some((u, p)) => (u, Some(p)),
        None => (creds, None),
    };
    Some(Parts {
        scheme,
        user,
        password,
        server,
        query: query.split('&').filter(|p| !p.is_empty()).collect(),
    })
}

/// `text` percent-encoded for the user-information part of a URL (everything but letters,
/// digits and `-._~`), so a password with `@`, `:` or `/` in it reads back unchanged.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// `location` with `password` written in, when it is a server address that names a user but
/// no password (and no `password=` parameter); anything else is returned as it is. Lets the
/// IT staff keep passwords out of the command line (`PGPASSWORD`, as for `psql`).
pub fn with_password(location: &Path, password: Option<&str>) -> PathBuf {
    let (Some(url), Some(pw)) = (location.to_str(), password) else {
        return location.to_path_buf();
    };
    if !loket_db::is_server_location(location) || pw.is_empty() {
        return location.to_path_buf();
    }
    match parts(url) {
        Some(p)
            if p.password.is_none()
                && !p.user.is_empty()
                && !p.query.iter().any(|q| q.starts_with("password=")) =>
        {
            let query = if p.query.is_empty() {
                String::new()
            } else {
                format!("?{}", p.query.join("&"))
            };
            PathBuf::from(format!(
                "{}://{}:{}@{}{query}",
                p.scheme,
                p.user,
                encode(pw),
                p.server
            ))
        }
        _ => location.to_path_buf(),
    }
}

/// The address laptops use: the same server, database and TLS settings as `owner_url`, logged
/// in as `role`, without any password (each laptop is given it separately).
pub fn laptop_url(owner_url: &str, role: &str) -> String {
    let Some(p) = parts(owner_url) else {
        return owner_url.to_string();
    };
    let query: Vec<&str> = p
        .query
        .iter()
        .copied()
        .filter(|q| !q.starts_with("password=") && !q.starts_with("user="))
        .collect();
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    format!("{}://{role}@{}{query}", p.scheme, p.server)
}

/// True when the address names this computer (`localhost`, `127.0.0.1`, `::1` or a socket
/// folder): laptops must be given the server's name on the office network instead.
pub fn names_this_computer(url: &str) -> bool {
    let Some(p) = parts(url) else {
        return false;
    };
    let host_port = p.server.split('/').next().unwrap_or("");
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host_port.split(':').next().unwrap_or(""),
    };
    matches!(host, "" | "localhost" | "127.0.0.1" | "::1") || host.starts_with("%2F")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_from_outside_is_written_in_encoded_and_never_replaces_one_given() {
        let url = Path::new("postgres://pemilik@db.kantor:5432/loket?sslmode=require");
        assert_eq!(
            with_password(url, Some("r@hasia:1/x")),
            PathBuf::from(
                "postgres://pemilik:r%40hasia%3A1%2Fx@db.kantor:5432/loket?sslmode=require"
            ),
            "the password is percent-encoded so `@`, `:` and `/` stay part of it"
        );
        let given = Path::new("postgres://pemilik:sudah@db.kantor/loket");
        assert_eq!(
            with_password(given, Some("lain")),
            given.to_path_buf(),
            "a password written in the address wins, as for psql"
        );
        let file = Path::new("/home/staf/loket.db");
        assert_eq!(
            with_password(file, Some("lain")),
            file.to_path_buf(),
            "a file path is never changed"
        );
        let no_user = Path::new("postgres://db.kantor/loket");
        assert_eq!(
            with_password(no_user, Some("lain")),
            no_user.to_path_buf(),
            "without a user name there is nobody to give the password to"
        );
    }

    #[test]
    fn laptops_get_the_same_server_and_tls_as_the_application_role_without_a_password() {
        assert_eq!(
            laptop_url(
                "postgres://pemilik:rahasia@db.kantor:5433/loket?sslmode=verify-full&sslrootcert=/etc/loket/ca.crt&password=x",
                "loket_app"
            ),
            "postgres://loket_app@db.kantor:5433/loket?sslmode=verify-full&sslrootcert=/etc/loket/ca.crt",
            "the role replaces the owner; every password is left out; TLS settings are kept"
        );
        assert_eq!(
            laptop_url("postgresql://pemilik@db.kantor/loket", "kantor_app"),
            "postgresql://kantor_app@db.kantor/loket",
            "an address without parameters stays without"
        );
    }

    #[test]
    fn an_address_on_this_computer_is_recognised() {
        for local in [
            "postgres://p@localhost/loket",
            "postgres://p@127.0.0.1:5432/loket",
            "postgres://p@[::1]:5432/loket",
            "postgres://p@%2Fvar%2Frun%2Fpostgresql/loket",
        ] {
            assert!(names_this_computer(local), "{local} is this computer");
        }
        for remote in [
            "postgres://p@db.kantor/loket",
            "postgres://p@10.0.0.5:5432/loket",
        ] {
            assert!(!names_this_computer(remote), "{remote} is another computer");
        }
    }
}
