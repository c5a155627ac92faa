//! `--stdout` notifications for servers without a desktop; the desktop notifier itself is
//! shared with the desktop app (`loket_api::sla::Desktop`).

use loket_api::sla::{Notification, Notifier};
use loket_api::ApiError;

/// Prints each notification as a line instead (`--stdout`, for servers without a desktop).
pub struct Stdout;

impl Notifier for Stdout {
    fn show(&mut self, n: &Notification) -> Result<(), ApiError> {
        println!("[notifikasi] {} — {}", n.title, n.body.replace('\n', " "));
        Ok(())
    }
}
