//! The desktop watcher: a task that runs `loket_api::sla::Watcher` ticks at start and every
//! few seconds (the watcher decides when the office-wide scan is due, once a minute), showing
//! notifications through the desktop's notification server, and tells the window
//! ("notifikasi" event) when a tick recorded or showed something so the bell refreshes.
//! Each tick runs on the blocking pool: the sync database client must stay off the async
//! workers.

use std::time::Duration;

use loket_api::app::Session;
use loket_api::sla::{Desktop, Watcher};
use loket_api::ErrorCode;
use tauri::{AppHandle, Emitter, Manager};

/// Seconds between office-wide scans; `LOKET_WATCH_INTERVAL` overrides it (end-to-end tests).
const INTERVAL: i64 = 60;

fn interval() -> i64 {
    std::env::var("LOKET_WATCH_INTERVAL")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|s| *s > 0)
        .unwrap_or(INTERVAL)
}

/// Between ticks while the database does not answer.
const AWAY_PAUSE: Duration = Duration::from_secs(15);

/// The event the window listens to.
pub const EVENT: &str = "notifikasi";

pub fn start(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let mut watcher = Watcher::new(interval());
        let pause = watcher.pause();
        let mut failing = false;
        loop {
            let handle = app.clone();
            let ticked = tauri::async_runtime::spawn_blocking(move || {
                let session = handle.state::<Session>();
                let report = watcher.tick(&session, crate::commands::now(), &mut Desktop);
                (watcher, report)
            })
            .await;
            let Ok((w, report)) = ticked else {
                eprintln!("peringatan: pengawas tenggat berhenti karena galat internal");
                return;
            };
            watcher = w;
            match report {
                Ok(r) => {
                    failing = false;
                    if r.crossings > 0 || !r.notifications.is_empty() {
                        let _ = app.emit(EVENT, r.crossings);
                    }
                }
                Err(e) if e.code == ErrorCode::NotInitialised => {}
                // Said once per outage, not every few seconds while the server is away.
                Err(e) if !failing => {
                    failing = true;
                    eprintln!("peringatan: pengawas tenggat: {}", e.message);
                }
                Err(_) => {}
            }
            // While the server is away a tick may wait for a connection attempt holding the
            // session: try less often then, so the window's own calls get their turn.
            let wait = if failing {
                pause.max(AWAY_PAUSE)
            } else {
                pause
            };
            tokio::time::sleep(wait).await;
        }
    });
}
