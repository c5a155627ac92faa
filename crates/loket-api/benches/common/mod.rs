//! What the benchmarks share: the mode (full, or short for the test command), the backends a
//! run measures (an SQLite file always; a fresh PostgreSQL database holding the same rows when
//! a server is named), timing with p50/p95, and the table that prints both side by side.
//!
//! Environment:
//! - `LOKET_BENCH_SHORT=1`: a small dataset and few rounds (seconds), so the benchmarks run in
//!   `scripts/test.sh` and cannot rot. Goals are not judged then.
//! - `LOKET_BENCH_DIR=DIR`: the SQLite dataset is written there and kept (`sqlite3` for
//!   `EXPLAIN QUERY PLAN`); otherwise in a temporary directory.
//! - `LOKET_BENCH_PG=postgres://owner:pw@host:port/postgres` (else `LOKET_TEST_PG`, which
//!   `scripts/with-postgres.sh` sets): a server on which the run creates its own database with
//!   `loket_db::server::init_server`, copies the SQLite dataset into it with `Db::copy_into`,
//!   measures there as the application role, and drops the database afterwards. Use a test
//!   server, never the office's own.

#![allow(dead_code)] // each benchmark uses its own part of this module

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use loket_db::server::{init_server, AppRole};
use loket_db::Db;

/// True in short mode (`LOKET_BENCH_SHORT` set to anything but `0` or empty).
pub fn short() -> bool {
    std::env::var("LOKET_BENCH_SHORT").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Where a run writes its SQLite dataset: `LOKET_BENCH_DIR` when set (kept afterwards, to look
/// at query plans with `sqlite3`), else a temporary directory removed at the end.
pub enum WorkDir {
    Kept(PathBuf),
    Temporary(tempfile::TempDir),
}

impl WorkDir {
    pub fn new() -> WorkDir {
        match std::env::var_os("LOKET_BENCH_DIR") {
            Some(dir) => {
                let dir = PathBuf::from(dir);
                std::fs::create_dir_all(&dir).expect("LOKET_BENCH_DIR can be created");
                WorkDir::Kept(dir)
            }
            None => WorkDir::Temporary(tempfile::tempdir().expect("a temporary directory")),
        }
    }

    /// The path of database `name` in it, removed first when an earlier run left it.
    pub fn database(&self, name: &str) -> PathBuf {
        let dir = match self {
            WorkDir::Kept(dir) => dir.as_path(),
            WorkDir::Temporary(t) => t.path(),
        };
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(dir.join(format!("{name}{suffix}")));
        }
        dir.join(name)
    }
}

/// `full` in full mode, `small` in short mode.
pub fn size(full: usize, small: usize) -> usize {
    if short() {
        small
    } else {
        full
    }
}

/// The PostgreSQL server to measure on, if any: `LOKET_BENCH_PG`, else `LOKET_TEST_PG`.
pub fn server_url() -> Option<String> {
    ["LOKET_BENCH_PG", "LOKET_TEST_PG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
}

/// The parts of a `postgres://user:pw@host:port/db?query` URL.
struct UrlParts {
    scheme: String,
    creds: String,
    host: String,
    query: String,
}

impl UrlParts {
    fn parse(url: &str) -> UrlParts {
        let (scheme, rest) = url.split_once("://").unwrap_or(("postgres", url));
        let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (creds, hostpath) = rest.rsplit_once('@').unwrap_or(("", rest));
        UrlParts {
            scheme: scheme.to_string(),
            creds: creds.to_string(),
            host: hostpath.split('/').next().unwrap_or(hostpath).to_string(),
            query: query.to_string(),
        }
    }

    /// The same server as another user (or the same one) and another database.
    fn url(&self, user: Option<(&str, &str)>, db: &str) -> String {
        self.url_with(user, db, &self.query)
    }

    /// As [`UrlParts::url`], with another query (`sslmode=disable`).
    fn url_with(&self, user: Option<(&str, &str)>, db: &str, query: &str) -> String {
        let creds = match user {
            Some((u, p)) => format!("{u}:{p}"),
            None => self.creds.clone(),
        };
        let at = if creds.is_empty() { "" } else { "@" };
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{query}")
        };
        format!("{}://{creds}{at}{}/{db}{query}", self.scheme, self.host)
    }

    /// The server runs on this computer (the throwaway cluster of `scripts/with-postgres.sh`).
    fn is_local(&self) -> bool {
        let name = self
            .host
            .rsplit_once(':')
            .map_or(self.host.as_str(), |h| h.0);
        matches!(name, "localhost" | "127.0.0.1" | "[::1]" | "")
    }
}

/// A database of the bench's own on the server, dropped when this value is.
pub struct ServerDb {
    parts: UrlParts,
    name: String,
    /// The application role of this run (its own: `init_server` sets the password of an
    /// existing role, which would lock out another run's laptops).
    role: String,
    password: String,
}

impl ServerDb {
    /// Creates and migrates database `loket_bench_<what>_<pid>` on the server at `server`
    /// (logged into as its owner) with `init_server`, as an office's IT staff would, with an
    /// application role of this run.
    pub fn create(server: &str, what: &str) -> ServerDb {
        let parts = UrlParts::parse(server);
        let pid = std::process::id();
        let name = format!("loket_bench_{what}_{pid}");
        let role = format!("loket_bench_app_{pid}");
        let password = format!("sandi-bangku-{pid}");
        init_server(
            &parts.url(None, &name),
            &AppRole {
                name: &role,
                password: Some(&password),
            },
        )
        .unwrap_or_else(|e| panic!("server {} prepares a bench database: {e}", parts.host));
        ServerDb {
            parts,
            name,
            role,
            password,
        }
    }

    /// The database as the application role sees it (what a laptop opens).
    pub fn location(&self) -> PathBuf {
        PathBuf::from(
            self.parts
                .url(Some((&self.role, &self.password)), &self.name),
        )
    }

    /// Copies every row of the SQLite database at `source` into this one; the time taken.
    pub fn fill_from(&self, source: &Path) -> Duration {
        let started = Instant::now();
        let from = Db::open(source).expect("the SQLite dataset opens");
        let mut to = Db::open(&PathBuf::from(self.parts.url(None, &self.name)))
            .expect("the bench database opens as its owner");
        from.copy_into(&mut to, |_, _| {})
            .expect("the dataset copies onto the server");
        // A server that has run for a while has its planner statistics; a fresh copy has none
        // until autovacuum gets to it, and the plans would measure that moment instead.
        match self.owner_client(&self.name) {
            Some(mut client) => client
                .batch_execute("ANALYZE")
                .expect("the bench database can be analysed by its owner"),
            None => eprintln!(
                "   (server jauh: ANALYZE tidak dijalankan; rencana kueri menunggu autovacuum)"
            ),
        }
        started.elapsed()
    }

    /// A plain connection as the owner to database `db`, on a server on this computer only
    /// (without TLS, as `scripts/with-postgres.sh` serves it).
    fn owner_client(&self, db: &str) -> Option<postgres::Client> {
        if !self.parts.is_local() {
            return None;
        }
        let url = self.parts.url_with(None, db, "sslmode=disable");
        postgres::Client::connect(&url, postgres::NoTls).ok()
    }

    /// Where the database is, without password, for the heading.
    pub fn shown(&self) -> String {
        loket_db::display_location(&PathBuf::from(self.parts.url(None, &self.name)))
    }
}

impl Drop for ServerDb {
    fn drop(&mut self) {
        let drop_sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        if !self.parts.is_local() {
            eprintln!(
                "basis data uji {} dan peran {} dibiarkan di server {}; hapus dengan: {drop_sql}; DROP ROLE {}",
                self.name, self.role, self.parts.host, self.role
            );
            return;
        }
        let dropped = match self.owner_client("postgres") {
            Some(mut c) => c
                .batch_execute(&drop_sql)
                .and_then(|()| c.batch_execute(&format!("DROP ROLE IF EXISTS {}", self.role)))
                .map_err(|e| e.to_string()),
            None => Err("tidak tersambung sebagai pemilik".to_string()),
        };
        if let Err(e) = dropped {
            eprintln!(
                "basis data uji {} atau peran {} tidak terhapus ({e}); hapus dengan: {drop_sql}; DROP ROLE {}",
                self.name, self.role, self.role
            );
        }
    }
}

/// One measured query: its label, the rows it returned, p50 and p95 in milliseconds, and the
/// p95 goal (ms) the issue sets for it, if any.
#[derive(Debug, Clone)]
pub struct Figure {
    pub label: String,
    pub rows: usize,
    pub p50: f64,
    pub p95: f64,
    pub goal: Option<f64>,
}

/// The `p` quantile (0..=1) of `samples`, nearest rank.
pub fn percentile(samples: &mut [f64], p: f64) -> f64 {
    samples.sort_by(|a, b| a.total_cmp(b));
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

/// Figure of already taken samples (ms).
pub fn figure_of(label: &str, rows: usize, mut samples: Vec<f64>, goal: Option<f64>) -> Figure {
    assert!(
        !samples.is_empty(),
        "{label}: at least one round was measured"
    );
    Figure {
        label: label.to_string(),
        rows,
        p50: percentile(&mut samples, 0.50),
        p95: percentile(&mut samples, 0.95),
        goal,
    }
}

/// Runs `f` `rounds` times (after one unmeasured warm-up round) and measures each run.
pub fn measure<T>(
    label: &str,
    rounds: usize,
    goal: Option<f64>,
    mut f: impl FnMut() -> T,
    count: impl Fn(&T) -> usize,
) -> Figure {
    let rows = count(&f());
    let mut samples = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let t = Instant::now();
        let out = f();
        samples.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(
            count(&out),
            rows,
            "{label}: the same query on unchanged data returns the same rows every round"
        );
    }
    figure_of(label, rows, samples, goal)
}

/// The figures of one backend.
pub struct Run {
    pub backend: String,
    pub figures: Vec<Figure>,
}

/// "ya" when the p95 is under the goal, "TIDAK" when it is not.
fn verdict(f: &Figure, goal: f64) -> &'static str {
    if f.p95 < goal {
        "ya"
    } else {
        "TIDAK"
    }
}

/// Prints the runs side by side (SQLite first, PostgreSQL beside it with the p95 ratio) and
/// checks that both backends returned the same number of rows for every query.
pub fn print_side_by_side(runs: &[Run]) {
    let mut head = format!("{:<46} {:>6}", "ukuran (ms)", "baris");
    for r in runs {
        head.push_str(&format!("  {:>21}", format!("{} p50 / p95", r.backend)));
    }
    if runs.len() == 2 {
        head.push_str(&format!("  {:>8}", "PG:SQLite"));
    }
    head.push_str("  sasaran p95");
    println!("{head}");
    let Some(first) = runs.first() else {
        return;
    };
    for (i, f) in first.figures.iter().enumerate() {
        let mut line = format!("{:<46} {:>6}", f.label, f.rows);
        for r in runs {
            let g = &r.figures[i];
            assert_eq!(
                (g.label.as_str(), g.rows),
                (f.label.as_str(), f.rows),
                "{}: {} returns as many rows as {} on the same data",
                f.label,
                r.backend,
                first.backend
            );
            line.push_str(&format!("  {:>9.2} / {:>9.2}", g.p50, g.p95));
        }
        if let [a, b] = runs {
            let ratio = b.figures[i].p95 / a.figures[i].p95.max(0.001);
            line.push_str(&format!("  {ratio:>7.1}x"));
        }
        if let Some(goal) = f.goal {
            let verdicts: Vec<String> = runs
                .iter()
                .map(|r| format!("{} {}", r.backend, verdict(&r.figures[i], goal)))
                .collect();
            if short() {
                line.push_str(&format!("  < {goal} ms (tidak dinilai)"));
            } else {
                line.push_str(&format!("  < {goal} ms: {}", verdicts.join(", ")));
            }
        }
        println!("{}", line.trim_end());
    }
}

/// The heading of a run.
pub fn heading(name: &str, dataset: &str) {
    let mode = if short() {
        "mode singkat (LOKET_BENCH_SHORT): data kecil, sedikit putaran; sasaran tidak dinilai"
    } else {
        "mode penuh"
    };
    println!("== bench {name}: {mode}");
    println!("   data: {dataset}");
    if server_url().is_none() {
        println!(
            "   PostgreSQL: tidak diukur (atur LOKET_BENCH_PG=postgres://pemilik:sandi@host:port/postgres, atau jalankan lewat scripts/with-postgres.sh)"
        );
    }
}
