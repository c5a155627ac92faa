//! `app.connect`: the office's PostgreSQL server as the first-run screen asks for it — the
//! form's settings, their checks (one Indonesian message per field), the `postgres://` address
//! they make (user and password percent-encoded) and the connection test that says plainly
//! what is wrong, from loket-db's own connection errors.

use std::path::Path;

use loket_db::{Db, DbError};
use serde::{Deserialize, Serialize};

#[cfg(feature = "ts")]
use ts_rs::TS;

use crate::ApiError;

pub const ID: &str = "app.connect";

/// The port PostgreSQL listens on unless the office's IT staff chose another.
pub const DEFAULT_PORT: u16 = 5432;

/// How the connection to the server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum ServerTls {
    /// Encrypted (`sslmode=require`); the server's certificate is not checked. The default.
    #[default]
    Wajib,
    /// Encrypted and the server's certificate and name checked against the office's root
    /// certificate (`sslmode=verify-full`).
    Periksa,
    /// Not encrypted (`sslmode=disable`): only for a server on this computer.
    Tanpa,
}

impl ServerTls {
    fn sslmode(self) -> &'static str {
        match self {
            ServerTls::Wajib => "require",
            ServerTls::Periksa => "verify-full",
            ServerTls::Tanpa => "disable",
        }
    }
}

/// What the connection form holds. The port is text as typed, so that "54x" gets a message
/// naming the field rather than failing to arrive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ServerSettings {
    /// Name or IP address of the server ("server-kantor", "192.168.1.10").
    pub host: String,
    /// "5432" unless the IT staff says otherwise.
    pub port: String,
    /// The database `loket server init` prepared ("loket").
    pub database: String,
    /// The application role laptops log in as ("loket_app").
    pub user: String,
    pub password: String,
    pub tls: ServerTls,
    /// For [`ServerTls::Periksa`]: the office's root certificate (a PEM file on this computer).
    pub root_cert: String,
}

/// One field of the connection form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum ServerField {
    Host,
    Port,
    Database,
    User,
    Password,
    Tls,
    RootCert,
}

/// What is wrong with one field, in Bahasa Indonesia, with how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct FieldProblem {
    pub field: ServerField,
    pub message: String,
}

/// Why a connection test failed; the form titles its message by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum ConnectionFailure {
    /// A field is empty or malformed; nothing was tried.
    Invalid,
    /// Nobody answers at that host and port.
    Unreachable,
    /// Wrong user name or password.
    Rejected,
    /// The server has no database of that name.
    NoDatabase,
    /// Encryption could not be agreed, or the certificate did not verify.
    TlsRefused,
    /// The database exists but `loket server init` was never run on it.
    NotPrepared,
    /// The server's schema was written by a newer Loket.
    NewerSchema,
    /// The server's schema is older than this Loket (not upgraded yet).
    OlderSchema,
    /// Anything else the server said.
    Other,
}

/// The answer to "Uji sambungan".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct ConnectionTest {
    /// True when Loket can work on this server now.
    pub ok: bool,
    /// "Tersambung ke …", or what is wrong and how to fix it.
    pub message: String,
    pub failure: Option<ConnectionFailure>,
    /// The fields the failure is about, each with its own message.
    pub problems: Vec<FieldProblem>,
    /// "Server kantor: server-kantor/loket".
    pub label: String,
    /// The office already on the server, if it has been set up.
    pub office_name: Option<String>,
}

/// True for a host name that means this computer.
pub fn is_local_host(host: &str) -> bool {
    let h = host.trim().trim_start_matches('[').trim_end_matches(']');
    h.eq_ignore_ascii_case("localhost") || h == "::1" || h.starts_with("127.")
}

/// `text` with every byte outside the URL's unreserved characters written as `%XX`, so a
/// password with `@`, `:`, `/` or `?` stays one password.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn problem(field: ServerField, message: impl Into<String>) -> FieldProblem {
    FieldProblem {
        field,
        message: message.into(),
    }
}

fn host_ok(host: &str) -> bool {
    let inner = host.strip_prefix('[').and_then(|h| h.strip_suffix(']'));
    match inner {
        Some(v6) => !v6.is_empty() && v6.chars().all(|c| c.is_ascii_hexdigit() || c == ':'),
        None if host.contains(':') => host.chars().all(|c| c.is_ascii_hexdigit() || c == ':'),
        None => {
            host.len() <= 253
                && host.split('.').all(|label| {
                    !label.is_empty()
                        && label.len() <= 63
                        && !label.starts_with('-')
                        && !label.ends_with('-')
                        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                })
        }
    }
}

impl ServerSettings {
    /// The form's starting values: port 5432, encrypted, the database and role names that
    /// `loket server init` uses unless told otherwise.
    pub fn blank() -> ServerSettings {
        ServerSettings {
            host: String::new(),
            port: DEFAULT_PORT.to_string(),
            database: "loket".into(),
            user: "loket_app".into(),
            password: String::new(),
            tls: ServerTls::Wajib,
            root_cert: String::new(),
        }
    }

    /// The port as a number, when the field holds one in 1–65535.
    pub fn port_number(&self) -> Option<u16> {
        self.port.trim().parse::<u16>().ok().filter(|p| *p > 0)
    }

    /// The host as it goes into an address: an IPv6 address gets its brackets.
    fn host_in_url(&self) -> String {
        let h = self.host.trim();
        if h.contains(':') && !h.starts_with('[') {
            format!("[{h}]")
        } else {
            h.to_string()
        }
    }

    /// Every field that is wrong, each with what to write instead; empty when all are fine.
    /// The root certificate's file is looked at (it must exist); nothing else touches the
    /// disk or the network.
    pub fn problems(&self) -> Vec<FieldProblem> {
        let mut out = Vec::new();
        let host = self.host.trim();
        if host.is_empty() {
            out.push(problem(
                ServerField::Host,
                "Server belum diisi; tulis nama atau alamat IP server basis data kantor, mis. server-kantor atau 192.168.1.10 (tanyakan petugas TI)",
            ));
        } else if !host_ok(host) {
            out.push(problem(
                ServerField::Host,
                format!("Server `{host}` tidak sah; tulis nama server (huruf, angka, titik, tanda hubung) atau alamat IP saja, tanpa postgres:// dan tanpa port"),
            ));
        }
        if self.port_number().is_none() {
            out.push(problem(
                ServerField::Port,
                format!(
                    "Port `{}` tidak sah; tulis angka 1–65535, biasanya {DEFAULT_PORT}",
                    self.port.trim()
                ),
            ));
        }
        let db = self.database.trim();
        if db.is_empty() {
            out.push(problem(
                ServerField::Database,
                "Nama basis data belum diisi; tulis nama yang disiapkan petugas TI dengan `loket server init`, biasanya loket",
            ));
        } else if db.len() > 63 || db.chars().any(|c| c.is_control() || c.is_whitespace()) {
            out.push(problem(
                ServerField::Database,
                "Nama basis data tidak sah; paling banyak 63 karakter tanpa spasi, mis. loket",
            ));
        }
        let user = self.user.trim();
        if user.is_empty() {
            out.push(problem(
                ServerField::User,
                "Pengguna belum diisi; tulis peran aplikasi yang dibuat petugas TI, biasanya loket_app",
            ));
        } else if user.len() > 63 || user.chars().any(|c| c.is_control() || c.is_whitespace()) {
            out.push(problem(
                ServerField::User,
                "Nama pengguna tidak sah; paling banyak 63 karakter tanpa spasi, mis. loket_app",
            ));
        }
        if self.password.is_empty() {
            out.push(problem(
                ServerField::Password,
                "Kata sandi belum diisi; tulis kata sandi peran aplikasi dari petugas TI",
            ));
        } else if self.password.chars().any(char::is_control) {
            out.push(problem(
                ServerField::Password,
                "Kata sandi berisi karakter kendali; ketik ulang kata sandi tanpa menempelkan baris baru",
            ));
        }
        if self.tls == ServerTls::Tanpa && !host.is_empty() && !is_local_host(host) {
            out.push(problem(
                ServerField::Tls,
                format!("Tanpa enkripsi hanya boleh untuk server di komputer ini (localhost); untuk `{host}` pilih Wajib atau Periksa sertifikat agar kata sandi dan data tidak terbaca di jaringan"),
            ));
        }
        if self.tls == ServerTls::Periksa {
            if let Some(p) = self.root_cert_problem() {
                out.push(p);
            }
        }
        out
    }

    fn root_cert_problem(&self) -> Option<FieldProblem> {
        let path = self.root_cert.trim();
        let msg = if path.is_empty() {
            "Sertifikat akar belum dipilih; Periksa sertifikat memerlukan berkas sertifikat akar kantor (.crt atau .pem) dari petugas TI".to_string()
        } else if path.contains(['&', '?', '#']) {
            format!("Jalur sertifikat `{path}` berisi &, ? atau #; pindahkan berkas ke folder yang namanya tanpa tanda itu")
        } else if !Path::new(path).is_absolute() {
            format!("Jalur sertifikat `{path}` harus lengkap dari akar, mis. /home/nama/sertifikat-kantor.crt")
        } else if !Path::new(path).is_file() {
            format!("Berkas sertifikat `{path}` tidak ada; pilih berkas sertifikat akar dari petugas TI")
        } else {
            return None;
        };
        Some(problem(ServerField::RootCert, msg))
    }

    /// The address Loket opens: `postgres://user:password@host:port/database?sslmode=…`, user,
    /// password and database percent-encoded.
    ///
    /// Errors: `BadInput` naming every wrong field (see [`ServerSettings::problems`]).
    pub fn url(&self) -> Result<String, ApiError> {
        let problems = self.problems();
        if !problems.is_empty() {
            return Err(ApiError::bad_input(
                problems
                    .into_iter()
                    .map(|p| p.message)
                    .collect::<Vec<_>>()
                    .join("; "),
            ));
        }
        Ok(self.url_unchecked())
    }

    fn url_unchecked(&self) -> String {
        let mut url = format!(
            "postgres://{}:{}@{}:{}/{}?sslmode={}",
            percent_encode(self.user.trim()),
            percent_encode(&self.password),
            self.host_in_url(),
            self.port_number().unwrap_or(DEFAULT_PORT),
            percent_encode(self.database.trim()),
            self.tls.sslmode()
        );
        if self.tls == ServerTls::Periksa {
            url.push_str("&sslrootcert=");
            url.push_str(self.root_cert.trim());
        }
        url
    }

    /// "Server kantor: server-kantor/loket" (the port only when it is not 5432).
    pub fn label(&self) -> String {
        let port = match self.port_number() {
            Some(DEFAULT_PORT) | None => String::new(),
            Some(p) => format!(":{p}"),
        };
        format!(
            "Server kantor: {}{port}/{}",
            self.host_in_url(),
            self.database.trim()
        )
    }

    /// "Uji sambungan": checks the fields, then connects as Loket would (schema guard
    /// included) and reads which office is on the server. Never changes anything there.
    pub fn test(&self) -> ConnectionTest {
        let label = self.label();
        let problems = self.problems();
        if !problems.is_empty() {
            return ConnectionTest {
                ok: false,
                message: "Periksa isian yang ditandai lalu uji lagi".into(),
                failure: Some(ConnectionFailure::Invalid),
                problems,
                label,
                office_name: None,
            };
        }
        match Db::open(Path::new(&self.url_unchecked())) {
            Ok(db) => {
                let office_name = db.office().ok().map(|o| o.office.name);
                let message = match &office_name {
                    Some(name) => format!("Tersambung ke {label}; kantor: {name}"),
                    None => format!(
                        "Tersambung ke {label}; basis data ini belum berisi profil kantor, Loket akan memintanya setelah tersambung"
                    ),
                };
                ConnectionTest {
                    ok: true,
                    message,
                    failure: None,
                    problems: Vec::new(),
                    label,
                    office_name,
                }
            }
            Err(e) => {
                let (failure, fields) = explain(&e);
                let message = e.to_string();
                ConnectionTest {
                    ok: false,
                    problems: fields
                        .iter()
                        .map(|f| problem(*f, message.clone()))
                        .collect(),
                    message,
                    failure: Some(failure),
                    label,
                    office_name: None,
                }
            }
        }
    }
}

/// The kind of a connection error and the form fields it points at.
fn explain(e: &DbError) -> (ConnectionFailure, Vec<ServerField>) {
    use ConnectionFailure as F;
    use ServerField as S;
    match e {
        DbError::Unreachable { .. } | DbError::Disconnected { .. } => {
            (F::Unreachable, vec![S::Host, S::Port])
        }
        DbError::Rejected { .. } => (F::Rejected, vec![S::User, S::Password]),
        DbError::NoDatabase { .. } => (F::NoDatabase, vec![S::Database]),
        DbError::TlsRefused { .. } => (F::TlsRefused, vec![S::Tls, S::RootCert]),
        DbError::NotPrepared { .. } => (F::NotPrepared, vec![S::Database]),
        DbError::NewerSchema { .. } => (F::NewerSchema, Vec::new()),
        DbError::OlderSchema { .. } => (F::OlderSchema, Vec::new()),
        DbError::BadAddress { .. } => (F::Invalid, Vec::new()),
        _ => (F::Other, Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> ServerSettings {
        ServerSettings {
            host: "server-kantor".into(),
            password: "rahasia".into(),
            ..ServerSettings::blank()
        }
    }

    fn fields(s: &ServerSettings) -> Vec<ServerField> {
        s.problems().into_iter().map(|p| p.field).collect()
    }

    #[test]
    fn settings_make_an_address_with_user_and_password_percent_encoded() {
        let s = ServerSettings {
            user: "kantor+app".into(),
            password: "p@ss:w/rd?#&%".into(),
            ..settings()
        };
        assert_eq!(
            s.url().unwrap(),
            "postgres://kantor%2Bapp:p%40ss%3Aw%2Frd%3F%23%26%25@server-kantor:5432/loket?sslmode=require",
            "every character that would split the address is encoded, the TLS choice is the sslmode"
        );
        let v6 = ServerSettings {
            host: "fd00::10".into(),
            port: "5433".into(),
            ..settings()
        };
        assert!(
            v6.url().unwrap().contains("@[fd00::10]:5433/loket"),
            "an IPv6 address is bracketed so its colons are not read as the port"
        );
        assert_eq!(
            v6.label(),
            "Server kantor: [fd00::10]:5433/loket",
            "the header names a non-standard port"
        );
        assert_eq!(
            settings().label(),
            "Server kantor: server-kantor/loket",
            "the standard port is left out of the header"
        );
    }

    #[test]
    fn the_address_loket_db_reads_back_is_the_one_written() {
        let s = ServerSettings {
            password: "sandi:dengan@tanda/aneh".into(),
            ..settings()
        };
        let url = s.url().unwrap();
        assert_eq!(
            loket_db::display_location(Path::new(&url)),
            "postgres://loket_app@server-kantor:5432/loket",
            "loket-db reads the encoded address as the same server, and never shows the password"
        );
    }

    #[test]
    fn each_field_gets_its_own_message() {
        let empty = ServerSettings {
            host: " ".into(),
            port: "54x".into(),
            database: String::new(),
            user: String::new(),
            password: String::new(),
            ..ServerSettings::blank()
        };
        let problems = empty.problems();
        let got: Vec<ServerField> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            got,
            vec![
                ServerField::Host,
                ServerField::Port,
                ServerField::Database,
                ServerField::User,
                ServerField::Password
            ],
            "each empty or malformed field is named once, in the form's order"
        );
        assert!(
            problems[0].message.starts_with("Server belum diisi")
                && problems[1].message.contains("`54x`")
                && problems[1].message.contains("5432"),
            "messages say what is wrong and what to write: {problems:?}"
        );
        let err = empty.url().unwrap_err();
        assert_eq!(
            err.code,
            crate::ErrorCode::BadInput,
            "no address is made from a wrong form"
        );
        for bad in [
            "postgres://server",
            "server kantor",
            "server:5432",
            "-server",
        ] {
            let s = ServerSettings {
                host: bad.into(),
                ..settings()
            };
            assert_eq!(
                fields(&s),
                vec![ServerField::Host],
                "`{bad}` is not a host name"
            );
        }
        assert!(
            fields(&settings()).is_empty(),
            "a complete form has no problem"
        );
    }

    #[test]
    fn no_encryption_only_for_this_computer_and_verify_needs_a_certificate() {
        let plain = ServerSettings {
            tls: ServerTls::Tanpa,
            ..settings()
        };
        let p = plain.problems();
        assert_eq!(
            p.iter().map(|p| p.field).collect::<Vec<_>>(),
            vec![ServerField::Tls],
            "an unencrypted connection to another machine is refused"
        );
        assert!(
            p[0].message.contains("localhost"),
            "and the message says where it is allowed: {}",
            p[0].message
        );
        for local in ["localhost", "127.0.0.1", "::1"] {
            let s = ServerSettings {
                host: local.into(),
                tls: ServerTls::Tanpa,
                ..settings()
            };
            assert!(
                fields(&s).is_empty(),
                "{local} may be reached without encryption"
            );
            assert!(
                s.url().unwrap().ends_with("?sslmode=disable"),
                "and the address says so"
            );
        }
        let verify = ServerSettings {
            tls: ServerTls::Periksa,
            ..settings()
        };
        assert_eq!(
            fields(&verify),
            vec![ServerField::RootCert],
            "checking the certificate needs the office's root certificate"
        );
        let dir = tempfile::tempdir().unwrap();
        let ca = dir.path().join("akar-kantor.crt");
        std::fs::write(&ca, "-----BEGIN CERTIFICATE-----\n").unwrap();
        let verify = ServerSettings {
            root_cert: ca.display().to_string(),
            ..verify
        };
        assert!(fields(&verify).is_empty(), "an existing file is accepted");
        assert!(
            verify.url().unwrap().ends_with(&format!(
                "?sslmode=verify-full&sslrootcert={}",
                ca.display()
            )),
            "verify-full and the root certificate go into the address"
        );
        let relative = ServerSettings {
            root_cert: "akar.crt".into(),
            ..verify
        };
        assert_eq!(
            fields(&relative),
            vec![ServerField::RootCert],
            "a relative path would depend on the folder Loket was started from"
        );
    }

    #[test]
    fn a_server_nobody_answers_is_reported_at_host_and_port() {
        let s = ServerSettings {
            host: "127.0.0.1".into(),
            port: "1".into(),
            ..settings()
        };
        let t = s.test();
        assert!(!t.ok, "nothing listens on port 1");
        assert_eq!(
            t.failure,
            Some(ConnectionFailure::Unreachable),
            "a refused connection is 'unreachable'"
        );
        assert_eq!(
            t.problems.iter().map(|p| p.field).collect::<Vec<_>>(),
            vec![ServerField::Host, ServerField::Port],
            "the form marks host and port"
        );
        assert!(
            t.message.contains("tidak dapat dihubungi") && !t.message.contains("rahasia"),
            "the message says the server does not answer, without the password: {}",
            t.message
        );
        let invalid = ServerSettings {
            host: String::new(),
            ..settings()
        }
        .test();
        assert_eq!(
            invalid.failure,
            Some(ConnectionFailure::Invalid),
            "a wrong form is not sent to any server"
        );
    }
}
