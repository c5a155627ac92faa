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

/// A connection as the cluster's superuser to the database of a test's server `location`
/// (writing behind Loket's back, as someone holding the server's keys could).
pub fn superuser_on(location: &Path) -> postgres::Client {
    let name = server_database_name(location).unwrap_or_else(|| {
        panic!(
            "{} is a server database",
            loket_db::display_location(location)
        )
    });
    superuser(&name)
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
    db_location_named(dir, "loket.db")
}

/// Where one of several office databases of a test lives: `dir/<file>` (e.g. `demak.db`), or a
/// fresh server database.
pub fn db_location_named(dir: &Path, file: &str) -> PathBuf {
    if is_postgres() {
        PathBuf::from(fresh_server_database())
    } else {
        dir.join(file)
    }
}

/// Where a test keeps its office when the test is about the SQLite FILE itself, whichever
/// backend the run uses: editing the file behind Loket's back (tamper evidence), its header,
/// its folder. Those threats belong to a laptop's file; the server's own protection (the
/// application role's grants, the append-only triggers) is tested as that role with plain SQL
/// in tests/postgres.
pub fn sqlite_location(dir: &Path) -> PathBuf {
    dir.join("loket.db")
}

/// The database name in a server location (`postgres://…/<name>?…`).
fn server_database_name(location: &Path) -> Option<String> {
    let text = location.to_str()?;
    if !loket_db::is_server_location(location) {
        return None;
    }
    let (_, rest) = text.split_once("://")?;
    let hostpath = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    let (_, db) = hostpath.split_once('/')?;
    let name = db.split('?').next().unwrap_or(db);
    (!name.is_empty()).then(|| name.to_string())
}

/// A test's database that is removed when this is dropped: a server database is dropped from
/// the cluster (hundreds of copies would otherwise fill the disk); a file goes with the
/// temporary folder the test keeps it in.
pub struct TestDatabase {
    location: PathBuf,
}

impl TestDatabase {
    /// Takes charge of the database at `location` (e.g. an office built by a test).
    pub fn adopt(location: &Path) -> TestDatabase {
        TestDatabase {
            location: location.to_path_buf(),
        }
    }

    /// Its `--db` value: the file, or the server URL logging in as the application role.
    pub fn location(&self) -> &Path {
        &self.location
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(name) = server_database_name(&self.location) {
            // Best effort: the throwaway cluster is removed after the run anyway.
            if let Ok(mut c) =
                postgres::Client::connect(&url_for(None, "postgres"), postgres::NoTls)
            {
                let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
            }
        }
    }
}

/// A fresh copy of the test database at `from`, so that every probe of a prepared office
/// starts from the same state. A file is copied into `dir/loket.db` (`from` must be a complete
/// file, e.g. a backup, not one with a write-ahead log beside it); a server database becomes
/// `CREATE DATABASE … TEMPLATE <from>`, which PostgreSQL refuses while any session is connected
/// to `from`: close every Loket opened on it first.
pub fn copy_database(from: &Path, dir: &Path) -> TestDatabase {
    let Some(source) = server_database_name(from) else {
        let to = sqlite_location(dir);
        std::fs::copy(from, &to)
            .unwrap_or_else(|e| panic!("the template file {} is copied: {e}", from.display()));
        return TestDatabase::adopt(&to);
    };
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    static COPYING: Mutex<()> = Mutex::new(());
    let name = format!(
        "loket_c_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst)
    );
    {
        let _one_at_a_time = COPYING.lock().unwrap_or_else(|e| e.into_inner());
        // FILE_COPY copies the files whole: about half the time of the default WAL_LOG for
        // Loket's many small tables (measured 0.14–0.35 s against 0.22–0.64 s per copy here;
        // the throwaway cluster runs without fsync, so its checkpoint is cheap).
        superuser("postgres")
            .batch_execute(&format!(
                "CREATE DATABASE {name} TEMPLATE {source} STRATEGY = FILE_COPY"
            ))
            .unwrap_or_else(|e| {
                panic!("the server database {source} is copied (no session may be open on it): {e}")
            });
    }
    TestDatabase::adopt(&PathBuf::from(url_for(
        Some((APP_ROLE, APP_PASSWORD)),
        &name,
    )))
}

/// Every table's row count and a hash of its rows (the Debug text of each value, rows in the
/// order of their data), read through loket-db on either backend: any write Loket can make
/// shows as a difference. The table list is loket-db's own (`copy::TABLES`, which its unit
/// test keeps equal to the schema); a table missing from the database fails the digest.
pub fn digest(location: &Path) -> std::collections::BTreeMap<String, (i64, u64)> {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let db = loket_db::Db::open_existing(location).unwrap_or_else(|e| {
        panic!(
            "the test database {} opens: {e}",
            loket_db::display_location(location)
        )
    });
    loket_db::copy::TABLES
        .iter()
        .map(|table| {
            let rows = db
                .rows(table)
                .unwrap_or_else(|e| panic!("table {table} reads: {e}"));
            let mut hash = DefaultHasher::new();
            for row in &rows {
                for value in row {
                    format!("{value:?}").hash(&mut hash);
                }
                0x1eu8.hash(&mut hash);
            }
            (table.to_string(), (rows.len() as i64, hash.finish()))
        })
        .collect()
}
