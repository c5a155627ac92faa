//! Where the office's server is and how to reach it: the `postgres://` URL, TLS (on for every
//! server that is not this computer: `sslmode=require` unless the URL says otherwise,
//! `verify-full` with `sslrootcert=` checks the server's certificate and name), time limits so
//! a lost network never hangs the window, and plain Indonesian for each way connecting fails.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use openssl::ssl::{SslConnector, SslMethod, SslVerifyMode};
use postgres::config::SslMode;
use postgres::error::SqlState;
use postgres::{Client, Config, NoTls};
use postgres_openssl::MakeTlsConnector;

use crate::DbError;

/// How long opening a connection, TLS and login included, may take.
const LOGIN_LIMIT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tls {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

/// A parsed server address. Its [`Display`](std::fmt::Display) never shows the password.
#[derive(Clone)]
pub(crate) struct ServerAddress {
    config: Config,
    tls: Tls,
    root_cert: Option<PathBuf>,
    location: String,
}

/// True for text that names a server rather than a file: `postgres://` or `postgresql://`.
pub(crate) fn is_server_url(text: &str) -> bool {
    text.starts_with("postgres://") || text.starts_with("postgresql://")
}

impl ServerAddress {
    /// Reads a `postgres://user:password@host:port/database?sslmode=…` URL.
    pub(crate) fn parse(url: &str) -> Result<ServerAddress, DbError> {
        let (base, query) = url.split_once('?').unwrap_or((url, ""));
        let location = redact(base);
        let bad = |detail: String| DbError::BadAddress {
            location: location.clone(),
            detail,
        };
        let mut tls = None;
        let mut root_cert = None;
        let mut rest = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "sslmode" => {
                    tls = Some(match v {
                        "disable" => Tls::Disable,
                        "prefer" | "allow" => Tls::Prefer,
                        "require" => Tls::Require,
                        "verify-ca" => Tls::VerifyCa,
                        "verify-full" => Tls::VerifyFull,
                        other => return Err(bad(format!(
                            "sslmode `{other}` tidak dikenal; pakai disable, require, verify-ca atau verify-full"
                        ))),
                    })
                }
                "sslrootcert" => root_cert = Some(PathBuf::from(v)),
                _ => rest.push(pair),
            }
        }
        let text = if rest.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", rest.join("&"))
        };
        let mut config = Config::from_str(&text).map_err(|e| bad(e.to_string()))?;
        if config.get_dbname().is_none() {
            return Err(bad(
                "nama basis data belum ditulis; contoh: postgres://loket@server-kantor/loket"
                    .into(),
            ));
        }
        let local = config.get_hosts().iter().all(|h| match h {
            postgres::config::Host::Tcp(name) => {
                matches!(name.as_str(), "localhost" | "127.0.0.1" | "::1")
            }
            postgres::config::Host::Unix(_) => true,
        });
        let tls = tls.unwrap_or(if local { Tls::Prefer } else { Tls::Require });
        config
            .connect_timeout(Duration::from_secs(5))
            .keepalives(true)
            .keepalives_idle(Duration::from_secs(10))
            .tcp_user_timeout(Duration::from_secs(15))
            .application_name("loket")
            .options("-c statement_timeout=30s -c idle_in_transaction_session_timeout=60s")
            .ssl_mode(match tls {
                Tls::Disable => SslMode::Disable,
                Tls::Prefer => SslMode::Prefer,
                _ => SslMode::Require,
            });
        Ok(ServerAddress {
            config,
            tls,
            root_cert,
            location,
        })
    }

    /// The address without the password, for messages and the window's header.
    pub(crate) fn location(&self) -> &str {
        &self.location
    }

    /// The database's name on the server.
    pub(crate) fn database(&self) -> &str {
        self.config.get_dbname().unwrap_or("")
    }

    /// The same server and credentials, another database (preparing a new one).
    pub(crate) fn with_database(&self, name: &str) -> ServerAddress {
        let mut other = self.clone();
        other.config.dbname(name);
        let base = self
            .location
            .rsplit_once('/')
            .map_or(self.location.as_str(), |(b, _)| b);
        other.location = format!("{base}/{name}");
        other
    }

    /// The user Loket logs in as.
    pub(crate) fn user(&self) -> &str {
        self.config.get_user().unwrap_or("")
    }

    fn tls_connector(&self) -> Result<MakeTlsConnector, DbError> {
        let fail = |e: openssl::error::ErrorStack| DbError::TlsRefused {
            location: self.location.clone(),
            detail: e.to_string(),
        };
        let mut builder = SslConnector::builder(SslMethod::tls()).map_err(fail)?;
        if let Some(ca) = &self.root_cert {
            builder.set_ca_file(ca).map_err(|e| DbError::TlsRefused {
                location: self.location.clone(),
                detail: format!("sertifikat akar {} tidak terbaca: {e}", ca.display()),
            })?;
        }
        let verify = matches!(self.tls, Tls::VerifyCa | Tls::VerifyFull);
        builder.set_verify(if verify {
            SslVerifyMode::PEER
        } else {
            SslVerifyMode::NONE
        });
        let mut connector = MakeTlsConnector::new(builder.build());
        if self.tls != Tls::VerifyFull {
            connector.set_callback(|c, _| {
                c.set_verify_hostname(false);
                Ok(())
            });
        }
        Ok(connector)
    }

    /// Opens a connection, explaining a failure in terms an office's IT staff can act on.
    ///
    /// The whole login is bounded by [`LOGIN_LIMIT`]: the connect timeout covers only opening
    /// the socket, so a server that accepts and then never answers would otherwise hold the
    /// window forever. Such an attempt is left to finish on its own thread.
    pub(crate) fn connect(&self) -> Result<Client, DbError> {
        let config = self.config.clone();
        let tls = (self.tls != Tls::Disable)
            .then(|| self.tls_connector())
            .transpose()?;
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let result = match tls {
                None => config.connect(NoTls),
                Some(tls) => config.connect(tls),
            };
            let _ = send.send(result);
        });
        match receive.recv_timeout(LOGIN_LIMIT) {
            Ok(result) => result.map_err(|e| self.explain(&e)),
            Err(_) => Err(DbError::Unreachable {
                location: self.location.clone(),
                detail: format!(
                    "server tidak menjawab dalam {} detik",
                    LOGIN_LIMIT.as_secs()
                ),
            }),
        }
    }

    fn explain(&self, e: &postgres::Error) -> DbError {
        let location = self.location.clone();
        let detail = e.to_string();
        if let Some(code) = e.code() {
            if *code == SqlState::INVALID_PASSWORD
                || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
            {
                return DbError::Rejected {
                    location,
                    user: self.user().to_string(),
                };
            }
            if *code == SqlState::INVALID_CATALOG_NAME {
                return DbError::NoDatabase {
                    location,
                    database: self.database().to_string(),
                };
            }
        }
        let source = std::error::Error::source(e).map(ToString::to_string);
        let all = format!("{detail} {}", source.clone().unwrap_or_default());
        if all.contains("TLS") || all.contains("SSL") || all.contains("certificate") {
            return DbError::TlsRefused {
                location,
                detail: source.unwrap_or(detail),
            };
        }
        if e.as_db_error().is_some() {
            return DbError::Server(detail);
        }
        DbError::Unreachable {
            location,
            detail: source.unwrap_or(detail),
        }
    }

    /// The error for a connection lost in the middle of work.
    pub(crate) fn disconnected(&self) -> DbError {
        DbError::Disconnected {
            location: self.location.clone(),
        }
    }
}

impl std::fmt::Display for ServerAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.location)
    }
}

/// `postgres://user:secret@host/db` → `postgres://user@host/db`.
pub(crate) fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.rsplit_once('@') {
        Some((creds, host)) => {
            let user = creds.split(':').next().unwrap_or("");
            format!("{scheme}://{user}@{host}")
        }
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_hide_the_password_and_pick_tls_by_distance() {
        let a = ServerAddress::parse("postgres://loket:rahasia@db.kantor:5433/loket").unwrap();
        assert_eq!(
            a.location(),
            "postgres://loket@db.kantor:5433/loket",
            "the password never appears where the address is shown"
        );
        assert_eq!(
            a.tls,
            Tls::Require,
            "a server elsewhere is reached over TLS"
        );
        let local = ServerAddress::parse("postgres://loket@localhost/loket").unwrap();
        assert_eq!(
            local.tls,
            Tls::Prefer,
            "this computer's own server may be reached without TLS"
        );
        let full = ServerAddress::parse(
            "postgres://loket@db/loket?sslmode=verify-full&sslrootcert=/ca.pem",
        )
        .unwrap();
        assert_eq!(
            (full.tls, full.root_cert.clone()),
            (Tls::VerifyFull, Some(PathBuf::from("/ca.pem"))),
            "verify-full and its root certificate are read from the URL"
        );
    }

    #[test]
    fn an_address_without_a_database_or_with_an_unknown_tls_mode_is_explained() {
        for url in [
            "postgres://loket@db.kantor",
            "postgres://loket@db.kantor/loket?sslmode=kadang",
        ] {
            let err = ServerAddress::parse(url).err().expect("refused");
            assert!(
                matches!(err, DbError::BadAddress { .. }),
                "{url} gets a message about the address: {err}"
            );
        }
    }

    #[test]
    fn a_server_that_accepts_and_never_answers_is_reported_instead_of_holding_the_window() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let held = std::thread::spawn(move || listener.accept().map(|(socket, _)| socket));
        let address =
            ServerAddress::parse(&format!("postgres://loket:rahasia@127.0.0.1:{port}/loket"))
                .unwrap();
        let err = address.connect().err().expect("nobody answers the login");
        assert!(
            matches!(err, DbError::Unreachable { .. }),
            "a silent server is reported as unreachable, so the window can show its banner: {err}"
        );
        assert!(
            err.to_string().contains("tidak menjawab") && !err.to_string().contains("rahasia"),
            "the message says the server did not answer, without the password: {err}"
        );
        drop(held);
    }
}
