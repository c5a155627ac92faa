//! Service deadlines: `sla.due` (the due moment of a receipt), `deadlines.list` (what is due
//! soon or overdue among open cases and dispositions) and `notify.watch` (the watcher's tick
//! that turns threshold crossings and booking reminders into desktop notifications, each
//! person told once across every laptop), and the notification centre (`notify.list`,
//! `notify.read`).

mod bench;
mod centre;
mod delivery;
#[cfg(test)]
mod delivery_tests;
#[cfg(feature = "desktop-notify")]
mod desktop;
mod due;
mod extend;
mod letter_waits;
mod list;
#[cfg(test)]
mod reminder_tests;
mod reminders;
mod tenggat;
#[cfg(test)]
mod tenggat_tests;
mod thresholds;
mod watch;
#[cfg(test)]
mod watch_tests;
mod watcher;

pub use bench::{bench_deadlines, BenchReport, ID as BENCH};
pub use centre::{NotificationCentre, NotificationView, LIST as NOTIFY_LIST, READ as NOTIFY_READ};
pub use delivery::LOOKBACK_DAYS;
#[cfg(feature = "desktop-notify")]
pub use desktop::Desktop;
pub(crate) use due::moment_words;
pub use due::{parse_received, DueView, ID as DUE};
pub use extend::ID as EXTEND;
pub use list::{
    evaluate, evaluate_with, parse_within, DeadlineItem, Extensions, ServiceTimes, ID as LIST,
};
pub use reminders::{PREPARE, RETURN, START, START_LEAD_MINUTES};
pub use tenggat::{remaining_words, TenggatRow, TenggatView, VIEW as DEADLINES_VIEW};
pub use thresholds::{DueSoonSettings, SET_DUE_SOON};
pub use watch::{Audience, Notification, Notifier, TickReport, Urgency, ID as WATCH};
pub use watcher::{Watcher, DELIVERY_SECONDS};
