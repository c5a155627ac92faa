//! The `loket` command tree as its own `--help` shows it (Indonesian headings), shared by the
//! tests that walk every command: the argument fuzz and the authorisation table's guard.
#![allow(dead_code)] // each including test uses the parts it needs

use std::process::Command;

/// `loket <path…> --help` as text.
pub fn help_of(path: &[String]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_loket"))
        .args(path)
        .arg("--help")
        .output()
        .expect("run loket --help");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The lines of `heading` (e.g. "Perintah:") up to the next blank line.
pub fn section<'a>(help: &'a str, heading: &str) -> Vec<&'a str> {
    help.lines()
        .skip_while(|l| l.trim() != heading)
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .collect()
}

/// The subcommands a help text lists under "Perintah:".
pub fn subcommands(help: &str) -> Vec<String> {
    section(help, "Perintah:")
        .iter()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}
