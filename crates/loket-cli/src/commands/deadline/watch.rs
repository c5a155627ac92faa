//! `loket watch`: the deadline watcher. Every `--interval` seconds it runs one tick; a tick
//! after a longer gap (the laptop slept) or the first one after start catches up with one
//! grouped notification. `--once` runs a single tick (tests, cron).

use std::time::{Duration, SystemTime};

use loket_api::sla::{Audience, Desktop, Notifier, TickReport};
use loket_api::{ApiError, Loket};

use super::desktop::Stdout;
use super::now_or_clock;
use crate::context::system_now;
use crate::output::json;

pub struct WatchArgs {
    pub once: bool,
    pub now: Option<String>,
    pub interval: u64,
    pub position: Vec<String>,
    pub stdout: bool,
}

fn print(r: &TickReport, as_json: bool) -> Result<(), ApiError> {
    if as_json {
        return json(r);
    }
    println!(
        "{}: {} perubahan, {} notifikasi, {} terkirim",
        r.now,
        r.crossings,
        r.notifications.len(),
        r.delivered
    );
    for f in &r.failed {
        eprintln!("peringatan: {f}");
    }
    Ok(())
}

pub fn run(loket: &mut Loket, a: WatchArgs, as_json: bool) -> Result<(), ApiError> {
    if a.interval == 0 {
        return Err(ApiError::bad_input("--interval harus lebih dari 0 detik"));
    }
    let mut notifier: Box<dyn Notifier> = if a.stdout {
        Box::new(Stdout)
    } else {
        Box::new(Desktop)
    };
    let interval = Duration::from_secs(a.interval);
    let audience = Audience::office(&a.position);
    // Wall time, not a monotonic clock: a monotonic clock stands still while the laptop sleeps.
    let mut last: Option<SystemTime> = None;
    loop {
        let catch_up = last.is_none_or(|l| {
            SystemTime::from(system_now())
                .duration_since(l)
                .unwrap_or_default()
                > interval * 2
        });
        last = Some(SystemTime::from(system_now()));
        let now = now_or_clock(loket, a.now.as_deref())?;
        let report = loket.watch_tick(now, &audience, catch_up, notifier.as_mut())?;
        print(&report, as_json)?;
        if a.once {
            return Ok(());
        }
        std::thread::sleep(interval);
    }
}
