//! `loket --help` and a subcommand's help speak Bahasa Indonesia: clap's English headings
//! and flag texts are replaced.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test: a failed step is a failed test

use std::process::Command;

fn help(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_loket"))
        .args(args)
        .output()
        .expect("run loket");
    assert!(
        out.status.success(),
        "`loket {}` exits 0: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn help_headings_and_flags_are_indonesian() {
    for args in [
        &["--help"][..],
        &["case", "--help"],
        &["case", "register", "--help"],
        &["calendar", "-h"],
    ] {
        let text = help(args);
        for english in [
            "Usage:",
            "Options:",
            "Commands:",
            "Arguments:",
            "Print help",
            "Print version",
        ] {
            assert!(
                !text.contains(english),
                "`loket {}` shows no English clap text `{english}`:\n{text}",
                args.join(" ")
            );
        }
        assert!(
            text.contains("Penggunaan:")
                && text.contains("Opsi:")
                && text.contains("Tampilkan bantuan"),
            "`loket {}` has the Indonesian headings:\n{text}",
            args.join(" ")
        );
    }
    assert!(
        help(&["--help"]).contains("Perintah:") && help(&["--help"]).contains("Tampilkan versi"),
        "the top-level help lists Perintah and the version flag in Indonesian"
    );
}

#[test]
fn a_positional_argument_is_listed_under_argumen() {
    let text = help(&["service", "show", "--help"]);
    assert!(
        text.contains("Argumen:"),
        "positional arguments are under the heading Argumen:\n{text}"
    );
}
