//! Telling each person once. A notification is stored once for the office with its
//! recipients; a laptop tells its signed-in person of it only after claiming it for them in
//! the shared database (one row per notification and account, inserted inside the write
//! lock). So two laptops with the same person signed in show it once between them, a restart
//! never shows it again, and an office-wide crossing found by one laptop reaches everyone on
//! the laptop where they are signed in.

use chrono::{DateTime, Duration, FixedOffset};
use loket_db::notification_events::NotificationEventRow;

use super::watch::{group, Audience, Notification, Notifier, TickReport, Urgency, GROUP_LIMIT};
use crate::{ApiError, Loket};

/// How far back a person is told of what they missed: notifications stored longer ago (while
/// they were away) are only listed in the bell.
pub const LOOKBACK_DAYS: i64 = 7;

/// The earliest stored moment [`Loket::watch_tick`] tells of at `now`.
pub(super) fn lookback(now: DateTime<FixedOffset>) -> String {
    (now - Duration::days(LOOKBACK_DAYS)).to_rfc3339()
}

/// A notification a tick stored.
pub(crate) struct Recorded {
    /// How many crossings it stands for.
    pub(crate) crossings: usize,
    pub(crate) notification: Notification,
}

/// A recorded tick whose notifications are still to be shown (outside the database lock,
/// so a slow desktop never holds up the window).
pub(crate) struct PendingTick {
    pub(crate) report: TickReport,
    shown: Vec<Notification>,
}

impl PendingTick {
    pub(super) fn new(
        now: DateTime<FixedOffset>,
        crossings: usize,
        shown: Vec<Notification>,
    ) -> PendingTick {
        PendingTick {
            report: TickReport {
                now: now.to_rfc3339(),
                crossings,
                notifications: shown.clone(),
                delivered: 0,
                failed: Vec::new(),
            },
            shown,
        }
    }

    /// Shows each notification; counts what the desktop accepted and reports the rest. A
    /// refused one stays in the bell and is not tried again (it was claimed).
    pub(crate) fn show(&mut self, notifier: &mut dyn Notifier) {
        for n in &self.shown {
            match notifier.show(n) {
                Ok(()) => self.report.delivered += 1,
                Err(e) => self.report.failed.push(e.message),
            }
        }
    }
}

/// What to show for the stored notifications a person is told of at once: each as it was
/// stored, or one summary when there are more than [`GROUP_LIMIT`] (a person signing in
/// after a day away is not flooded).
fn to_show(told: Vec<Notification>) -> Vec<Notification> {
    if told.len() <= GROUP_LIMIT {
        return told;
    }
    let parts = told
        .iter()
        .map(|n| (n.title.as_str(), n.items.as_slice(), n.urgency));
    vec![group(parts)]
}

impl Loket {
    /// Claims for the audience's account every stored notification for them since `since`
    /// (and since the account exists) that nobody told them of yet; returns what to show.
    /// Without an account: what this tick `recorded` when the audience is everyone (the
    /// `loket watch` command), else nothing (a window nobody is signed in to tells nobody).
    pub(super) fn watch_claim(
        &mut self,
        now: DateTime<FixedOffset>,
        audience: &Audience,
        since: &str,
        recorded: &[Recorded],
    ) -> Result<Vec<Notification>, ApiError> {
        let Some(account) = &audience.account else {
            if audience.everyone {
                return Ok(recorded.iter().map(|r| r.notification.clone()).collect());
            }
            return Ok(Vec::new());
        };
        let untold = self.watch_untold(account, audience, since)?;
        self.watch_tell(now, account, untold)
    }

    /// The stored notifications for the audience that `account` has not been told of, since
    /// `since` and since the account exists; read without the write lock.
    pub(super) fn watch_untold(
        &self,
        account: &str,
        audience: &Audience,
        since: &str,
    ) -> Result<Vec<NotificationEventRow>, ApiError> {
        // Moments are RFC 3339 in office time: the later text is the later moment.
        let since = match self.db.account(account)? {
            Some(a) if a.created_at.as_str() > since => a.created_at,
            _ => since.to_string(),
        };
        Ok(self
            .db
            .notifications_untold(account, &since)?
            .into_iter()
            .filter(|e| audience.addressed(&e.recipients))
            .collect())
    }

    /// Claims `untold` for `account` inside the write lock and returns what to show: only the
    /// notifications this call claimed, so when two laptops of the same person read the same
    /// ones at once, each is shown on one of them.
    pub(super) fn watch_tell(
        &mut self,
        now: DateTime<FixedOffset>,
        account: &str,
        untold: Vec<NotificationEventRow>,
    ) -> Result<Vec<Notification>, ApiError> {
        if untold.is_empty() {
            return Ok(Vec::new());
        }
        let at = now.to_rfc3339();
        let tx = self.db.begin()?;
        let mut told = Vec::new();
        for e in untold {
            if tx.claim_notification(e.id, account, &at)? {
                told.push(Notification {
                    urgency: Urgency::parse(&e.urgency),
                    title: e.title,
                    body: e.body,
                    items: e.items,
                    grouped: e.grouped,
                });
            }
        }
        tx.commit()?;
        Ok(to_show(told))
    }
}
