//! The throwaway cluster these tests run against: a fresh office database on it, the parts of
//! its `postgres://` URLs a test changes (user, password, port, database, TLS mode), and
//! plain SQL as its superuser.

use std::fmt;
use std::path::PathBuf;

use loket_tests::backend;

/// Fails the test, saying how to run it, when no cluster was started for it: these tests
/// must never pass by not running.
pub fn require() {
    if std::env::var_os("LOKET_TEST_PG").is_none() {
        panic!(
            "LOKET_TEST_PG is not set: the PostgreSQL tests need the throwaway cluster of \
             scripts/with-postgres.sh; run them as \
             `bash scripts/with-postgres.sh cargo test --workspace --test postgres`"
        );
    }
}

/// A new database prepared by `loket server init` (copied from the per-process template);
/// the URL logs in as the application role, as an office's laptops do.
pub fn fresh_database() -> Url {
    require();
    Url::parse(&backend::fresh_server_database())
}

/// A connection to `database` as the cluster's superuser (the database owner's rights and
/// more: what the office's IT staff has).
pub fn superuser(database: &str) -> postgres::Client {
    require();
    backend::superuser(database)
}

/// `postgres://user:password@host:port/database?query`, taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    pub user: String,
    pub password: String,
    pub host: String,
    pub port: u16,
    pub database: String,
    /// Everything after `?`, e.g. `sslmode=disable`.
    pub query: String,
}

impl Url {
    pub fn parse(url: &str) -> Url {
        let rest = url
            .split_once("://")
            .map(|(_, r)| r)
            .unwrap_or_else(|| panic!("`{url}` is a postgres:// URL"));
        let (creds, rest) = rest.rsplit_once('@').unwrap_or(("", rest));
        let (user, password) = creds.split_once(':').unwrap_or((creds, ""));
        let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (hostport, database) = rest.split_once('/').unwrap_or((rest, ""));
        let (host, port) = hostport.rsplit_once(':').unwrap_or((hostport, "5432"));
        Url {
            user: user.to_string(),
            password: password.to_string(),
            host: host.to_string(),
            port: port
                .parse()
                .unwrap_or_else(|_| panic!("the port of `{url}` is a number")),
            database: database.to_string(),
            query: query.to_string(),
        }
    }

    /// The same URL reaching the server at another port (a proxy in front of it).
    pub fn with_port(&self, port: u16) -> Url {
        Url {
            port,
            ..self.clone()
        }
    }

    /// The same URL with another TLS mode (and optional root certificate).
    pub fn with_query(&self, query: &str) -> Url {
        Url {
            query: query.to_string(),
            ..self.clone()
        }
    }

    /// The same server and user, another database.
    pub fn with_database(&self, database: &str) -> Url {
        Url {
            database: database.to_string(),
            ..self.clone()
        }
    }

    /// The same server and database, another password.
    pub fn with_password(&self, password: &str) -> Url {
        Url {
            password: password.to_string(),
            ..self.clone()
        }
    }

    /// What `Loket::open` and `Db::open` take.
    pub fn location(&self) -> PathBuf {
        PathBuf::from(self.to_string())
    }
}

impl fmt::Display for Url {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "postgres://{}:{}@{}:{}/{}",
            self.user, self.password, self.host, self.port, self.database
        )?;
        if !self.query.is_empty() {
            write!(f, "?{}", self.query)?;
        }
        Ok(())
    }
}

/// One number from a query run as the superuser (a count, a maximum).
pub fn number(client: &mut impl postgres::GenericClient, sql: &str) -> i64 {
    client
        .query_one(sql, &[])
        .unwrap_or_else(|e| panic!("`{sql}` runs as the superuser: {e}"))
        .get(0)
}
