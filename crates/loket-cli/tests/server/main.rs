//! The IT staff's commands against a real PostgreSQL server: `loket server init` prepares a
//! database that laptops then use as the application role; `loket db copy` moves a populated
//! office from a laptop's file onto the server and back with every row, the audit chain and
//! every issued letter intact; a copy into a database that holds data is refused and writes
//! nothing; `loket backup` of the server is a file that `loket check` accepts and that goes
//! back onto a new server.
//!
//! PostgreSQL only: run through `scripts/with-postgres.sh` (it sets `LOKET_TEST_PG`); without
//! it every test fails saying so.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

mod backup;
mod copy;
mod init;
mod office;
mod pg;

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

use loket_db::sql::Value;
use loket_db::Db;
use pg::Cluster;

/// The application role's password in every test database.
const APP_PASSWORD: &str = "sandi-aplikasi-kantor-1";

/// What one `loket` run did.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn text(&self) -> String {
        format!("exit {:?}\n{}{}", self.code, self.stdout, self.stderr)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("--json prints JSON ({e}): {}", self.text()))
    }
}

/// Runs `loket ARGS` in `dir` with `env` only (the caller's LOKET_* and PGPASSWORD removed,
/// so each run says exactly who it is and where its password comes from).
pub fn loket<S: AsRef<OsStr>>(dir: &Path, args: &[S], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_loket"));
    cmd.args(args).current_dir(dir);
    for var in [
        "LOKET_USER",
        "LOKET_PASSWORD",
        "LOKET_DB",
        "LOKET_NOW",
        "PGPASSWORD",
    ] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the loket binary runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `loket --db DB --json check`: the check's JSON, after asserting the command succeeded.
fn check_ok(dir: &Path, db: &Path, what: &str) -> serde_json::Value {
    let run = loket(
        dir,
        &[os("--db"), db.as_os_str(), os("--json"), os("check")],
        &[],
    );
    assert_eq!(
        run.code,
        Some(0),
        "`loket check` accepts {what}: {}",
        run.text()
    );
    let v = run.json();
    assert_eq!(v["ok"], true, "{what} passes the full check: {v}");
    v
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

/// Every row of every table, as `loket db copy` knows them.
fn all_rows(location: &Path) -> BTreeMap<&'static str, Vec<Vec<Value>>> {
    let db = Db::open_existing(location).expect("the database opens");
    loket_db::copy::TABLES
        .iter()
        .map(|t| {
            (
                *t,
                db.rows(t).unwrap_or_else(|e| panic!("rows of {t}: {e}")),
            )
        })
        .collect()
}

/// Asserts two databases hold the same rows, naming each table that differs.
fn same_rows(
    a: &BTreeMap<&'static str, Vec<Vec<Value>>>,
    b: &BTreeMap<&'static str, Vec<Vec<Value>>>,
    what: &str,
) {
    let differ: Vec<String> = a
        .iter()
        .filter(|(t, rows)| b.get(*t) != Some(rows))
        .map(|(t, rows)| {
            let there = b.get(t).map_or(0, Vec::len);
            let first = rows
                .iter()
                .zip(b.get(t).into_iter().flatten())
                .find(|(x, y)| x != y)
                .map(|(x, y)| format!("; first difference {x:?} vs {y:?}"))
                .unwrap_or_default();
            format!("{t} ({} vs {there} rows{first})", rows.len())
        })
        .collect();
    assert!(
        differ.is_empty(),
        "{what}: every table holds the same rows: {differ:?}"
    );
}

/// `loket server init` of the new database `db` with the new role `role`, as the owner.
fn server_init(dir: &Path, cluster: &Cluster, db: &str, role: &str, password: &str) {
    let run = loket(
        dir,
        &[
            "server",
            "init",
            &cluster.owner(db).display().to_string(),
            "--app-role",
            role,
            "--app-password-env",
            "SANDI_APLIKASI",
        ],
        &[("SANDI_APLIKASI", password)],
    );
    assert_eq!(run.code, Some(0), "server init of {db}: {}", run.text());
}

/// `loket db copy --from A --to B --json`.
fn db_copy(dir: &Path, from: &Path, to: &Path) -> Run {
    loket(
        dir,
        &[
            os("--json"),
            os("db"),
            os("copy"),
            os("--from"),
            from.as_os_str(),
            os("--to"),
            to.as_os_str(),
        ],
        &[("LOKET_NOW", office::NOW)],
    )
}
