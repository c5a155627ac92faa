//! The throwaway PostgreSQL cluster of `scripts/with-postgres.sh`, read from `LOKET_TEST_PG`
//! (its superuser): addresses of new databases on it, as the owner or as an application role.

use std::path::PathBuf;

/// The superuser's address, or a failure saying how to run these tests: they must never pass
/// without a server.
fn superuser_url() -> String {
    std::env::var("LOKET_TEST_PG").unwrap_or_else(|_| {
        panic!(
            "LOKET_TEST_PG is not set: these tests need a PostgreSQL server; run them through \
             scripts/with-postgres.sh, e.g. `bash scripts/with-postgres.sh cargo test --workspace --test server`"
        )
    })
}

/// The cluster: its superuser and password, and `host:port`.
pub struct Cluster {
    pub user: String,
    pub password: String,
    pub host_port: String,
}

impl Cluster {
    pub fn get() -> Cluster {
        let url = superuser_url();
        let rest = url
            .split_once("://")
            .map(|(_, r)| r)
            .expect("LOKET_TEST_PG is a postgres:// URL");
        let (creds, host_path) = rest.rsplit_once('@').expect("LOKET_TEST_PG names its user");
        let (user, password) = creds.split_once(':').expect("LOKET_TEST_PG has a password");
        Cluster {
            user: user.to_string(),
            password: password.to_string(),
            host_port: host_path.split('/').next().unwrap_or(host_path).to_string(),
        }
    }

    /// The database `db` as the superuser, who owns what `loket server init` creates there.
    pub fn owner(&self, db: &str) -> PathBuf {
        PathBuf::from(format!(
            "postgres://{}:{}@{}/{db}",
            self.user, self.password, self.host_port
        ))
    }

    /// The same, without the password (it comes from `PGPASSWORD`).
    pub fn owner_without_password(&self, db: &str) -> String {
        format!("postgres://{}@{}/{db}", self.user, self.host_port)
    }

    /// The database `db` as the application role `role`, as a laptop logs in.
    pub fn laptop(&self, role: &str, password: &str, db: &str) -> PathBuf {
        PathBuf::from(format!(
            "postgres://{role}:{password}@{}/{db}",
            self.host_port
        ))
    }
}

/// A database or role name no other test process on the cluster uses.
pub fn unique(what: &str) -> String {
    format!("loket_cli_{what}_{}", std::process::id())
}
