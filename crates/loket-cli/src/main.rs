//! `loket`: the headless front door to Loket, for scripting, tests and administrators.
//!
//! Exit codes: 0 success, 2 bad input (message on stderr in Bahasa Indonesia), 1 other failure.

mod args;
mod commands;
mod output;

use std::process::ExitCode;

fn main() -> ExitCode {
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
