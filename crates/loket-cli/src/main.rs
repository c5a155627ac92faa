//! `loket`: the headless front door to Loket, for scripting, tests and administrators.
//!
//! Exit codes: 0 success, 2 bad input (message on stderr in Bahasa Indonesia), 1 other failure.

mod args;
mod commands;
mod context;
mod output;

use std::process::ExitCode;

/// A closed stdout (`loket letter kinds | head -1`) ends the command quietly, as for other
/// Unix tools, instead of a panic on the next print: SIGPIPE gets its default action back
/// (Rust starts programs with it ignored).
#[cfg(target_os = "linux")]
fn quiet_on_closed_stdout() {
    extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    const SIGPIPE: i32 = 13;
    const SIG_DFL: usize = 0;
    // SAFETY: called first thing in main, before any other thread exists; restoring the
    // default disposition of one signal has no other effect on this program.
    unsafe {
        signal(SIGPIPE, SIG_DFL);
    }
}

#[cfg(not(target_os = "linux"))]
fn quiet_on_closed_stdout() {}

fn main() -> ExitCode {
    quiet_on_closed_stdout();
    let cli = match args::parse() {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let json = cli.json;
    match commands::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            output::error(&e, json);
            ExitCode::from(e.code.exit_code() as u8)
        }
    }
}
