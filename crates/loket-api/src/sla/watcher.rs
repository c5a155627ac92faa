//! The desktop app's watcher: one tick on the open session every interval, announcing new
//! dispositions and booking reminders for the signed-in person along with the office-wide
//! deadline states. A tick after a gap longer than two intervals (the laptop slept), or the
//! first one, catches up with grouped notifications.

use chrono::{DateTime, Duration, FixedOffset};

use super::watch::{Audience, Notifier, TickReport};
use crate::app::Session;
use crate::ApiError;

/// Remembers the previous tick to tell a catch-up from a regular tick.
#[derive(Debug, Clone)]
pub struct Watcher {
    interval: Duration,
    last: Option<DateTime<FixedOffset>>,
}

impl Watcher {
    /// A watcher ticking every `interval_seconds`.
    pub fn new(interval_seconds: i64) -> Watcher {
        Watcher {
            interval: Duration::seconds(interval_seconds.max(1)),
            last: None,
        }
    }

    /// Whether a tick at `now` catches up: the first one, or after a gap of more than two
    /// intervals.
    pub fn catch_up(&self, now: DateTime<FixedOffset>) -> bool {
        self.last.is_none_or(|l| now - l > self.interval * 2)
    }

    /// One tick at `now` on `session`; shows what is for the signed-in person (or, with
    /// nobody signed in, the office-wide notifications).
    ///
    /// Errors: `NotInitialised` before first run; database errors.
    pub fn tick(
        &mut self,
        session: &Session,
        now: DateTime<FixedOffset>,
        notifier: &mut dyn Notifier,
    ) -> Result<TickReport, ApiError> {
        let catch_up = self.catch_up(now);
        let actor = session.signed_in()?;
        let mut pending = session.with(|l| {
            let audience = match &actor {
                Some(a) => Audience::person(a.id(), &l.posts_of(a, now)?),
                None => Audience::default(),
            };
            l.watch_record(now, &audience, catch_up)
        })?;
        self.last = Some(now);
        // Shown without holding the database: a slow notification server cannot block the
        // window's commands.
        let delivered = pending.show(notifier);
        if !delivered.is_empty() {
            session.with(|l| l.watch_delivered(&delivered))?;
        }
        Ok(pending.report)
    }
}
