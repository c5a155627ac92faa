//! The database a test runs on. By default a file in the test's temporary folder (SQLite);
//! with `LOKET_TEST_BACKEND=postgres` a fresh database on the throwaway PostgreSQL cluster that
//! `scripts/with-postgres.sh` starts (`LOKET_TEST_PG` names its superuser), prepared by
//! `loket server init` and logged into as the application role, as an office's laptops do.
//! `scripts/test.sh` runs the suites once per backend with the same tests.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

/// The application role the tests log in as (created by `init_server` on the template).
pub const APP_ROLE: &str = "loket_app";
const APP_PASSWORD: &str = "sandi-aplikasi-uji";

/// True when this run's tests use the PostgreSQL backend.
pub fn is_postgres() -> bool {
    std::env::var("LOKET_TEST_BACKEND").is_ok_and(|b| b == "postgres")
}

fn superuser_url() -> String {
    std::env::var("LOKET_TEST_PG").unwrap_or_else(|_| {
        panic!("LOKET_TEST_BACKEND=postgres needs LOKET_TEST_PG; run the tests through scripts/with-postgres.sh")
    })
}

/// `postgres://user:pw@host:port/<db>` from the superuser's URL, with another user and database.
fn url_for(user: Option<(&str, &str)>, db: &str) -> String {
    let url = superuser_url();
    let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", &url));
    let (creds, hostpath) = rest.rsplit_once('@').unwrap_or(("", rest));
    let host = hostpath.split('/').next().unwrap_or(hostpath);
    let creds = match user {
        Some((u, p)) => format!("{u}:{p}"),
        None => creds.to_string(),
    };
    format!("{scheme}://{creds}@{host}/{db}?sslmode=disable")
}

/// A connection as the cluster's superuser (creating databases, inspecting grants).
pub fn superuser(db: &str) -> postgres::Client {
    postgres::Client::connect(&url_for(None, db), postgres::NoTls)
        .expect("the throwaway cluster of scripts/with-postgres.sh accepts its superuser")
}

/// The migrated template every test database is copied from (one per test process).
fn template() -> &'static str {
    static TEMPLATE: OnceLock<String> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let name = format!("loket_tpl_{}", std::process::id());
        loket_db::server::init_server(
            &url_for(None, &name),
            &loket_db::server::AppRole {
                name: APP_ROLE,
                password: Some(APP_PASSWORD),
            },
        )
        .expect("loket server init prepares the template database");
        name
    })
}

/// A new, empty, migrated database on the cluster; its URL logs in as the application role.
pub fn fresh_server_database() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    static CREATING: Mutex<()> = Mutex::new(());
    let tpl = template();
    let name = format!(
        "loket_t_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    );
    {
        let _one_at_a_time = CREATING.lock().unwrap_or_else(|e| e.into_inner());
        superuser("postgres")
            .batch_execute(&format!("CREATE DATABASE {name} TEMPLATE {tpl}"))
            .expect("a test database is copied from the template");
    }
    url_for(Some((APP_ROLE, APP_PASSWORD)), &name)
}

/// Where a test's office database lives: `dir/loket.db`, or a fresh server database.
pub fn db_location(dir: &Path) -> PathBuf {
    if is_postgres() {
        PathBuf::from(fresh_server_database())
    } else {
        dir.join("loket.db")
    }
}
