//! Desktop notifications through the freedesktop notification service (notify-rust), shared
//! by `loket watch` and the desktop app's watcher.

use super::watch::{Notification, Notifier, Urgency};
use crate::{ApiError, ErrorCode};

/// Sends each notification to the session bus's notification server.
pub struct Desktop;

impl Notifier for Desktop {
    fn show(&mut self, n: &Notification) -> Result<(), ApiError> {
        notify_rust::Notification::new()
            .appname("Loket")
            .summary(&n.title)
            .body(&n.body)
            .urgency(match n.urgency {
                Urgency::Normal => notify_rust::Urgency::Normal,
                Urgency::Critical => notify_rust::Urgency::Critical,
            })
            .show()
            .map(|_| ())
            .map_err(|e| {
                ApiError::new(
                    ErrorCode::Internal,
                    format!(
                        "notifikasi desktop tidak terkirim ({e}); pastikan sesi desktop berjalan"
                    ),
                )
            })
    }
}
