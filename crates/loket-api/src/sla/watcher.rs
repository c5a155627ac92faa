//! The desktop app's watcher, at two paces. Every [`DELIVERY_SECONDS`] the cheap part: new
//! dispositions to the signed-in person's posts (acting posts included) and the stored
//! notifications for them that nobody has told them of yet, whichever laptop stored them, so
//! what one laptop does reaches the person on another within seconds. Every scan interval
//! (a minute) the office-wide scan of deadline states, letters waiting and booking reminders,
//! which reads every open case. A tick after a gap longer than two scan intervals (the laptop
//! slept), or the first one, catches up with grouped notifications.

use chrono::{DateTime, Duration, FixedOffset};

use super::delivery::lookback;
use super::watch::{Audience, Notifier, TickReport};
use crate::app::Session;
use crate::ApiError;

/// Seconds between the cheap ticks: a disposition sent on one laptop is announced on its
/// recipient's laptop within this (plus the time a tick takes).
pub const DELIVERY_SECONDS: i64 = 3;

/// A notification stored by a laptop whose clock is behind this one's by up to this much is
/// still found by the next tick.
const CLOCK_SKEW_MINUTES: i64 = 60;

/// Remembers the previous ticks: when the office-wide scan is due, whether a tick catches up,
/// and from when on the signed-in person's notifications are looked for.
#[derive(Debug, Clone)]
pub struct Watcher {
    scan: Duration,
    delivery: Duration,
    last: Option<DateTime<FixedOffset>>,
    last_scan: Option<DateTime<FixedOffset>>,
    /// The account the previous tick told; another one (a new sign-in) looks back
    /// [`super::delivery::LOOKBACK_DAYS`].
    told: Option<String>,
}

impl Watcher {
    /// A watcher scanning the office every `scan_seconds` and ticking every
    /// [`DELIVERY_SECONDS`] (or every `scan_seconds` when that is shorter).
    pub fn new(scan_seconds: i64) -> Watcher {
        let scan = scan_seconds.max(1);
        Watcher {
            scan: Duration::seconds(scan),
            delivery: Duration::seconds(scan.min(DELIVERY_SECONDS)),
            last: None,
            last_scan: None,
            told: None,
        }
    }

    /// How long the shell waits between ticks.
    pub fn pause(&self) -> std::time::Duration {
        self.delivery
            .to_std()
            .unwrap_or(std::time::Duration::from_secs(1))
    }

    /// Whether a tick at `now` catches up: the first one, or after a gap of more than two scan
    /// intervals.
    pub fn catch_up(&self, now: DateTime<FixedOffset>) -> bool {
        self.last.is_none_or(|l| now - l > self.scan * 2)
    }

    /// Whether a tick at `now` runs the office-wide scan: the first one, a scan interval after
    /// the previous scan, or when the clock went back.
    pub fn scan_due(&self, now: DateTime<FixedOffset>) -> bool {
        self.last_scan
            .is_none_or(|l| now < l || now - l >= self.scan)
    }

    /// From when on notifications for `account` are looked for: since the previous tick
    /// (less the clock skew allowed between laptops) while the same person stays signed in,
    /// else the whole look-back.
    fn since(&self, now: DateTime<FixedOffset>, account: Option<&str>) -> String {
        match self.last {
            Some(last) if account.is_some() && self.told.as_deref() == account => {
                (last.min(now) - Duration::minutes(CLOCK_SKEW_MINUTES)).to_rfc3339()
            }
            _ => lookback(now),
        }
    }

    /// One tick at `now` on `session`: records what it finds and shows the signed-in person
    /// what is for them (with nobody signed in it records only: nobody is told).
    ///
    /// Errors: `NotInitialised` before first run; database errors (the next tick looks back
    /// to the last good one).
    pub fn tick(
        &mut self,
        session: &Session,
        now: DateTime<FixedOffset>,
        notifier: &mut dyn Notifier,
    ) -> Result<TickReport, ApiError> {
        let catch_up = self.catch_up(now);
        let scan = self.scan_due(now);
        let actor = session.signed_in()?;
        let account = actor.as_ref().map(|a| a.id().to_string());
        let since = self.since(now, account.as_deref());
        let mut pending = session.with(|l| {
            let audience = match &actor {
                Some(a) => Audience::person(a.id(), &l.posts_of(a, now)?),
                None => Audience::default(),
            };
            l.watch_pending(now, &audience, catch_up, scan, &since)
        })?;
        self.last = Some(now);
        if scan {
            self.last_scan = Some(now);
        }
        self.told = account;
        // Shown without holding the database: a slow notification server cannot block the
        // window's commands.
        pending.show(notifier);
        Ok(pending.report)
    }
}
