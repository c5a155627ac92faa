//! Desktop notifications through the freedesktop notification service (notify-rust).

use loket_api::sla::{Notification, Notifier, Urgency};
use loket_api::{ApiError, ErrorCode};

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

/// Prints each notification as a line instead (`--stdout`, for servers without a desktop).
pub struct Stdout;

impl Notifier for Stdout {
    fn show(&mut self, n: &Notification) -> Result<(), ApiError> {
        println!("[notifikasi] {} — {}", n.title, n.body.replace('\n', " "));
        Ok(())
    }
}
