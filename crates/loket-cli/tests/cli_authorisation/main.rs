//! Every state-changing `loket` command needs a signed-in, active account holding the right
//! (a role, or the post the case, draft or disposition is with): with nobody signed in, as a
//! staff account without roles, and as a deactivated account holding every role, each command is
//! refused with exit code 2, `{code, message}` saying `unauthorised`/`forbidden` in Bahasa
//! Indonesia, and writes nothing (every table's rows, the audit trail included, are the same
//! before and after). The same command with the same arguments succeeds for the account that
//! holds the right, on a fresh copy of the office, and changes it, so no row passes because its
//! arguments were wrong.
//!
//! The table cannot rot: `every_state_changing_command_is_in_the_table` reads the command tree
//! from the binary's own `--help` and fails naming any command that is neither in `TABLE` nor in
//! `READS` / `SYSTEM` (table.rs). loket-api's own table (tests/scenario/authorisation.rs) covers
//! the use-case ids; this one covers the door a script or an administrator uses.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

#[path = "../support/help_tree.rs"]
mod help_tree;
mod table;
mod world;

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use help_tree::{help_of, subcommands};
use table::{Refusal, Row, READS, SYSTEM, TABLE};
use world::World;

/// Password of every account in the office, and of those the rows create or reset.
const PASSWORD: &str = "sandi-kantor-demak-1";
/// The passphrase of the Kepala Dinas's PKCS#12 file.
const PASS: &str = "passphrase-kadis";
const NIP: &str = "197005122001121007";
/// The moment the office is prepared, and the moment every row acts at.
const SETUP_NOW: &str = "2026-03-02T09:00:00+07:00";
const NOW: &str = "2026-03-03T10:00:00+07:00";

/// Runs `loket` in `dir` as `user` (nobody when `None`: LOKET_USER and LOKET_PASSWORD removed).
fn loket(
    db: &Path,
    dir: &Path,
    user: Option<&str>,
    now: Option<&str>,
    args: &[String],
    stdin: &str,
) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_loket"));
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .current_dir(dir)
        .env("LOKET_NEW_PASSWORD", PASSWORD)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    match now {
        Some(t) => cmd.env("LOKET_NOW", t),
        None => cmd.env_remove("LOKET_NOW"),
    };
    match user {
        Some(u) => {
            cmd.env("LOKET_USER", u).env("LOKET_PASSWORD", PASSWORD);
        }
        None => {
            cmd.env_remove("LOKET_USER").env_remove("LOKET_PASSWORD");
        }
    }
    let mut child = cmd.spawn().expect("the loket binary runs");
    let mut input = child.stdin.take().expect("stdin");
    // A command that does not read stdin may have ended already.
    let _ = input.write_all(stdin.as_bytes());
    drop(input);
    child.wait_with_output().expect("loket ends")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Every table's row count and a hash of its rows, on either backend: any write shows as a
/// difference.
fn digest(db: &Path) -> BTreeMap<String, (i64, u64)> {
    loket_tests::backend::digest(db)
}

/// The tables whose rows differ between two digests.
fn changed(
    before: &BTreeMap<String, (i64, u64)>,
    after: &BTreeMap<String, (i64, u64)>,
) -> Vec<String> {
    before
        .keys()
        .chain(after.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|t| before.get(*t) != after.get(*t))
        .map(|t| {
            let n = |d: &BTreeMap<String, (i64, u64)>| d.get(t).map(|x| x.0).unwrap_or(-1);
            format!("{t} ({} → {} rows)", n(before), n(after))
        })
        .collect()
}

/// A refusal a person can read: Indonesian words about accounts and rights, no programmer's
/// English.
fn indonesian(message: &str) -> Result<(), String> {
    let m = message.to_lowercase();
    let english: Vec<&str> = [
        "error",
        "denied",
        "forbidden",
        "permission",
        "unauthori",
        "not allowed",
        "sign in",
        "login required",
    ]
    .into_iter()
    .filter(|w| m.contains(w))
    .collect();
    if !english.is_empty() {
        return Err(format!("English words {english:?}"));
    }
    let words = [
        "masuk",
        "berwenang",
        "akun",
        "peran",
        "hanya",
        "jabatan",
        "administrator",
    ];
    if !words.iter().any(|w| m.contains(w)) {
        return Err(format!("none of the words {words:?}"));
    }
    Ok(())
}

/// What went wrong with one row, if anything.
fn check_row(w: &World, r: &Row) -> Vec<String> {
    let mut failures = Vec::new();
    let name = format!("`loket {} {}`", r.cmd, r.args.join(" "));
    let mut args: Vec<String> = vec!["--json".into()];
    args.extend(r.cmd.split(' ').map(str::to_string));
    args.extend(r.args.iter().map(|a| w.expand(a)));
    let d = w.dir.path();

    let (_copy, db) = w.copy();
    let before = digest(&db);
    for (who, user, codes) in [
        (
            "nobody signed in",
            None,
            match r.refusal {
                Refusal::SignIn => &["unauthorised", "forbidden"][..],
                Refusal::FirstAdminOnce => &["conflict"][..],
            },
        ),
        (
            "a staff account without roles",
            Some("tamu"),
            match r.refusal {
                Refusal::SignIn => &["forbidden"][..],
                Refusal::FirstAdminOnce => &["conflict"][..],
            },
        ),
        (
            "a deactivated account holding every role",
            Some("mantan"),
            match r.refusal {
                Refusal::SignIn => &["forbidden"][..],
                Refusal::FirstAdminOnce => &["conflict"][..],
            },
        ),
    ] {
        let out = loket(&db, d, user, r.now, &args, r.stdin);
        if out.status.code() != Some(2) {
            failures.push(format!(
                "{name} by {who}: exit {:?}, not 2 (every refusal exits 2): {}",
                out.status.code(),
                text(&out)
            ));
            continue;
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        match serde_json::from_str::<serde_json::Value>(stderr.trim()) {
            Ok(e) => {
                let code = e["code"].as_str().unwrap_or("");
                if !codes.contains(&code) {
                    failures.push(format!(
                        "{name} by {who}: refused as `{code}`, not {codes:?} (the refusal is about who acts, not the arguments): {stderr}"
                    ));
                }
                if let Err(why) = indonesian(e["message"].as_str().unwrap_or("")) {
                    failures.push(format!(
                        "{name} by {who}: the refusal is not in Bahasa Indonesia ({why}): {stderr}"
                    ));
                }
            }
            Err(_) => failures.push(format!(
                "{name} by {who}: with --json the refusal is {{code, message}} on stderr: {stderr}"
            )),
        }
        let after = digest(&db);
        let diff = changed(&before, &after);
        if !diff.is_empty() {
            failures.push(format!(
                "{name} by {who}: a refusal wrote to the database (tables {diff:?}); nothing may be written, the audit trail included"
            ));
        }
    }

    if let Some(user) = r.right {
        let user = w.expand(user);
        let (_copy, db) = w.copy();
        let out = loket(&db, d, Some(&user), r.now, &args, r.stdin);
        if !out.status.success() {
            failures.push(format!(
                "{name} as {user}: the account with the right succeeds (so the refusals above are about who acts): exit {:?}: {}",
                out.status.code(),
                text(&out)
            ));
        } else if changed(&before, &digest(&db)).is_empty() {
            failures.push(format!(
                "{name} as {user}: succeeded but wrote nothing; a state-changing command changes state (else it belongs in READS)"
            ));
        }
    }
    failures
}

#[test]
fn every_state_changing_command_refuses_without_the_right_and_writes_nothing() {
    let started = std::time::Instant::now();
    let w = World::build();
    eprintln!("office prepared in {:?}", started.elapsed());
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(r) = TABLE.get(i) else { break };
                let f = check_row(&w, r);
                failures.lock().expect("failures").extend(f);
            });
        }
    });
    let failures = failures.into_inner().expect("failures");
    eprintln!(
        "{} rows ({} commands) checked in {:?}",
        TABLE.len(),
        TABLE.iter().map(|r| r.cmd).collect::<BTreeSet<_>>().len(),
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "every state-changing command is refused with nobody signed in, for an account without the right and for a deactivated account (exit 2, in Bahasa Indonesia, nothing written), and succeeds for the account with the right:\n{}",
        failures.join("\n")
    );
}

/// Every command without subcommands, as its path ("letter number reserve").
fn leaves(path: Vec<String>, out: &mut Vec<String>) {
    let subs = subcommands(&help_of(&path));
    if subs.is_empty() && !path.is_empty() {
        out.push(path.join(" "));
    }
    for s in subs {
        let mut p = path.clone();
        p.push(s);
        leaves(p, out);
    }
}

#[test]
fn every_state_changing_command_is_in_the_table() {
    let mut all = Vec::new();
    leaves(Vec::new(), &mut all);
    assert!(
        all.len() > 60 && all.iter().any(|c| c == "case register"),
        "the command tree is read from the binary's help ({} commands)",
        all.len()
    );
    let tabled: BTreeSet<&str> = TABLE.iter().map(|r| r.cmd).collect();
    let unlisted: Vec<&String> = all
        .iter()
        .filter(|c| {
            !tabled.contains(c.as_str())
                && !READS.contains(&c.as_str())
                && !SYSTEM.iter().any(|(s, _)| s == c)
        })
        .collect();
    assert!(
        unlisted.is_empty(),
        "every command is either in TABLE (with its refusal test) or listed as a read or a system write; a new state-changing command needs a row: {unlisted:?}"
    );
    let stale: Vec<&str> = tabled
        .iter()
        .copied()
        .chain(READS.iter().copied())
        .chain(SYSTEM.iter().map(|(s, _)| *s))
        .filter(|c| !all.iter().any(|a| a == c))
        .collect();
    assert!(
        stale.is_empty(),
        "the lists name only commands the binary has: {stale:?}"
    );
    let twice: Vec<&str> = tabled
        .iter()
        .copied()
        .filter(|c| READS.contains(c) || SYSTEM.iter().any(|(s, _)| s == c))
        .collect();
    assert!(
        twice.is_empty(),
        "a command is either state-changing or a read, not both: {twice:?}"
    );
}
