//! The desktop watcher: a task that runs one tick of `loket_api::sla::Watcher` at start and
//! every minute, showing notifications through the desktop's notification server, and tells
//! the window ("notifikasi" event) when a tick stored something so the bell refreshes.

use std::time::Duration;

use loket_api::app::Session;
use loket_api::sla::{Desktop, Watcher};
use loket_api::ErrorCode;
use tauri::{AppHandle, Emitter, Manager};

/// Seconds between ticks; `LOKET_WATCH_INTERVAL` overrides it (end-to-end tests).
const INTERVAL: u64 = 60;

fn interval() -> u64 {
    std::env::var("LOKET_WATCH_INTERVAL")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|s| *s > 0)
        .unwrap_or(INTERVAL)
}

/// The event the window listens to.
pub const EVENT: &str = "notifikasi";

pub fn start(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let every = interval();
        let mut watcher = Watcher::new(every as i64);
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
                Ok(r) if r.crossings > 0 => {
                    let _ = app.emit(EVENT, r.crossings);
                }
                Ok(_) => {}
                Err(e) if e.code == ErrorCode::NotInitialised => {}
                Err(e) => eprintln!("peringatan: pengawas tenggat: {}", e.message),
            }
            tokio::time::sleep(Duration::from_secs(every)).await;
        }
    });
}
