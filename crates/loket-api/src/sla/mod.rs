//! Service deadlines: `sla.due` (the due moment of a receipt), `deadlines.list` (what is due
//! soon or overdue among open cases and dispositions) and `notify.watch` (the watcher's tick
//! that turns threshold crossings into desktop notifications, each once).

mod bench;
mod due;
mod extend;
mod list;
mod watch;
#[cfg(test)]
mod watch_tests;

pub use bench::{bench_deadlines, BenchReport, ID as BENCH};
pub use due::{parse_received, DueView, ID as DUE};
pub use extend::ID as EXTEND;
pub use list::{evaluate, parse_within, DeadlineItem, Extensions, ServiceTimes, ID as LIST};
pub use watch::{Notification, Notifier, TickReport, Urgency, ID as WATCH};
