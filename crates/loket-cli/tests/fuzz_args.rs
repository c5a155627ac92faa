//! Random argument vectors for the `loket` binary, built from the real command tree (read from
//! its own `--help`, so a new subcommand or option is fuzzed without editing this file), with
//! hostile values: very long text, terminal escapes, direction overrides, huge and negative
//! numbers, impossible dates and durations. Run against a freshly initialised office for a
//! bounded time (`LOKET_FUZZ_SECONDS`, default 2): no run may panic (exit 101 or "panicked").
//! The office is on the run's backend (an SQLite file, or the PostgreSQL server with
//! `LOKET_TEST_BACKEND=postgres`), so hostile values also reach the server's statements.
//! A fixed-seed xorshift keeps each run reproducible.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

#[path = "support/help_tree.rs"]
mod help_tree;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use help_tree::{help_of, section, subcommands};
use loket_tests::backend;

/// Commands that run until stopped or measure for long; not fuzzed.
const SKIP: &[&str] = &["watch", "bench"];

const VALUES: &[&str] = &[
    "",
    "0",
    "-1",
    "99999999999999999999",
    "18446744073709551616",
    "-9223372036854775808",
    "9999-99-99",
    "2026-02-30",
    "0000-01-01",
    "2026-03-03T25:61:00+99:00",
    "9999999999d",
    "-3d",
    "1000000000j",
    "abc",
    "\u{1b}[31mmerah\u{1b}[0m",
    "gpj.exe\u{202e}fdp",
    "baris\nbaru",
    "demak",
    "1,2,3",
    "/no/such/dir/x.pdf",
    ".",
    "senin-jumat 07:30-16:00",
    "💥",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn value(&mut self) -> String {
        match self.below(10) {
            0 => "a".repeat(1 + self.below(100_000)),
            1 => format!("{}", self.next()),
            _ => VALUES[self.below(VALUES.len())].to_string(),
        }
    }
}

/// Every leaf command path with its long options.
fn tree(path: Vec<String>, out: &mut Vec<(Vec<String>, Vec<String>)>) {
    let help = help_of(&path);
    let subs: Vec<String> = subcommands(&help)
        .into_iter()
        .filter(|s| !SKIP.contains(&s.as_str()))
        .collect();
    let options: Vec<String> = section(&help, "Opsi:")
        .iter()
        .filter_map(|l| l.split_whitespace().find(|w| w.starts_with("--")))
        .map(|w| w.trim_end_matches(',').to_string())
        .filter(|o| o != "--help" && o != "--version" && o != "--db")
        .collect();
    if !path.is_empty() {
        out.push((path.clone(), options));
    }
    for s in subs {
        let mut p = path.clone();
        p.push(s);
        tree(p, out);
    }
}

fn seconds() -> Duration {
    let s = std::env::var("LOKET_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(2.0);
    Duration::from_secs_f64(s.clamp(0.1, 600.0))
}

/// Runs one argument vector; returns (exit code, stderr). Stderr goes to a file (a long
/// value echoed in a message would fill a pipe). A run over 20 s is stopped.
fn run(db: &Path, dir: &Path, args: &[String]) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_loket"))
        .arg("--db")
        .arg(db)
        .args(args)
        .current_dir(dir)
        .env_remove("LOKET_PASSWORD")
        .env_remove("LOKET_USER")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("stderr.txt")).expect("stderr file"))
        .spawn()
        .expect("spawn loket");
    let started = Instant::now();
    loop {
        if let Some(_status) = child.try_wait().expect("wait for loket") {
            break;
        }
        if started.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let status = child.wait().expect("collect loket's exit");
    let stderr = std::fs::read(dir.join("stderr.txt")).unwrap_or_default();
    (status.code(), String::from_utf8_lossy(&stderr).into_owned())
}

#[test]
fn random_arguments_never_panic() {
    let mut leaves = Vec::new();
    tree(Vec::new(), &mut leaves);
    assert!(
        leaves.len() > 30 && leaves.iter().any(|(p, _)| p.join(" ") == "case register"),
        "the command tree is read from the binary's help ({} commands)",
        leaves.len()
    );
    let dir = tempfile::tempdir().expect("temporary folder");
    let db = backend::db_location_named(dir.path(), "loket.sqlite");
    let init = run(
        &db,
        dir.path(),
        &["init".into(), "--office".into(), "demak".into()],
    );
    assert_eq!(init.0, Some(0), "the office is initialised: {}", init.1);

    let mut rng = Rng(0x5eed_1234_abcd_0013);
    let deadline = Instant::now() + seconds();
    let mut runs = 0;
    while Instant::now() < deadline || runs < 20 {
        let (path, options) = &leaves[rng.below(leaves.len())];
        let mut args = path.clone();
        for _ in 0..rng.below(5) {
            if !options.is_empty() {
                args.push(options[rng.below(options.len())].clone());
            }
            args.push(rng.value());
        }
        let t = Instant::now();
        let (code, stderr) = run(&db, dir.path(), &args);
        runs += 1;
        if t.elapsed() > Duration::from_secs(3) {
            eprintln!(
                "slow ({:?}): {:?}",
                t.elapsed(),
                args.iter()
                    .map(|a| (a.chars().take(40).collect::<String>(), a.len()))
                    .collect::<Vec<_>>()
            );
        }
        let shown: Vec<String> = args
            .iter()
            .map(|a| a.chars().take(60).collect::<String>())
            .collect();
        assert!(
            code != Some(101) && !stderr.contains("panicked"),
            "loket {shown:?} must end with a message, not a panic (exit {code:?}):\n{}",
            stderr.chars().take(2000).collect::<String>()
        );
    }
    eprintln!("{runs} runs over {} commands, no panic", leaves.len());
}
