//! `notify.watch`: one tick of the deadline watcher. It finds every threshold crossing since
//! the last tick (a case or disposition entering due soon, due today or overdue; a new
//! disposition for the signed-in person), remembers each in the database so no restart repeats
//! it, stores the notifications for the notification centre, and hands them to a [`Notifier`]
//! (notify-rust on the desktop, a fake in tests).
//!
//! Booking reminders (H-1 preparation, start, overdue return) come from [`super::reminders`];
//! they and new dispositions are addressed to people, deadline states to the whole office.
//! Each notification is stored with its recipients; the desktop shows only what is for the
//! [`Audience`] at the screen.
//!
//! A tick that catches up (the first after a start, or after the laptop slept) and finds more
//! than one crossing sends one grouped notification; so does any tick with more than
//! [`GROUP_LIMIT`] crossings. Notifications are stored before they are shown: a crash between
//! the two leaves them in the centre, never shows them twice.

use chrono::{DateTime, FixedOffset};
use loket_db::fired_thresholds::FiredKey;
use loket_domain::deadline::DeadlineState;
use serde::Serialize;

use super::list::DeadlineItem;
use crate::{ApiError, Loket};

#[cfg(feature = "ts")]
use ts_rs::TS;

pub const ID: &str = "notify.watch";

/// More crossings than this in one tick are grouped into one notification.
pub const GROUP_LIMIT: usize = 3;

/// How loudly the desktop should show a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Normal,
    Critical,
}

/// One desktop notification.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct Notification {
    pub title: String,
    pub body: String,
    /// Item keys it is about ("case:12", "disposition:40").
    pub items: Vec<String>,
    pub urgency: Urgency,
    pub grouped: bool,
}

/// Where notifications go. Errors are reported in the tick, not fatal: the notification stays
/// in the centre, marked undelivered.
pub trait Notifier {
    fn show(&mut self, n: &Notification) -> Result<(), ApiError>;
}

/// What one tick did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct TickReport {
    pub now: String,
    pub crossings: usize,
    pub notifications: Vec<Notification>,
    pub delivered: usize,
    /// Messages of notifications the desktop refused.
    pub failed: Vec<String>,
}

/// Who is at the screen: which notifications the notifier shows. The others are stored for
/// their recipients' notification centre only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Audience {
    /// Recipient keys: "account:ID", "position:ID".
    pub keys: Vec<String>,
    /// Show every notification, whoever it is for (the `loket watch` command).
    pub everyone: bool,
}

impl Audience {
    /// The `loket watch` command: new dispositions for `positions`, everything shown.
    pub fn office(positions: &[String]) -> Audience {
        Audience {
            keys: positions.iter().map(|p| format!("position:{p}")).collect(),
            everyone: true,
        }
    }

    /// A signed-in person with their account id and posts.
    pub fn person(account: &str, positions: &[String]) -> Audience {
        let mut keys = vec![format!("account:{account}")];
        keys.extend(positions.iter().map(|p| format!("position:{p}")));
        Audience {
            keys,
            everyone: false,
        }
    }

    fn positions(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().filter_map(|k| k.strip_prefix("position:"))
    }

    fn sees(&self, recipients: &[String]) -> bool {
        self.everyone || loket_db::notification_events::addressed_to(recipients, &self.keys)
    }
}

pub(super) struct Crossing {
    pub(super) key: FiredKey,
    pub(super) urgency: Urgency,
    pub(super) title: String,
    pub(super) body: String,
    /// Empty: the whole office.
    pub(super) recipients: Vec<String>,
}

fn deadline_crossing(item: &DeadlineItem, state: DeadlineState) -> Crossing {
    let due = item.due.clone().unwrap_or_default();
    Crossing {
        key: FiredKey {
            item: item.key.clone(),
            threshold: state.key().to_string(),
            due,
        },
        urgency: if state == DeadlineState::Terlambat {
            Urgency::Critical
        } else {
            Urgency::Normal
        },
        title: format!("{}: {}", state.label(), item.title),
        body: format!(
            "{} — tenggat {}",
            item.detail,
            item.due_words.clone().unwrap_or_default()
        ),
        recipients: Vec::new(),
    }
}

fn group(crossings: &[&Crossing]) -> Notification {
    let mut lines: Vec<String> = crossings
        .iter()
        .take(5)
        .map(|c| format!("• {}", c.title))
        .collect();
    if crossings.len() > 5 {
        lines.push(format!(
            "… dan {} lainnya (lihat Tenggat)",
            crossings.len() - 5
        ));
    }
    Notification {
        title: format!("Loket: {} hal perlu perhatian", crossings.len()),
        body: lines.join("\n"),
        items: crossings.iter().map(|c| c.key.item.clone()).collect(),
        urgency: if crossings.iter().any(|c| c.urgency == Urgency::Critical) {
            Urgency::Critical
        } else {
            Urgency::Normal
        },
        grouped: true,
    }
}

/// The notifications of one tick with their recipients: crossings for the same recipients
/// are grouped on a catch-up with more than one, or when there are more than [`GROUP_LIMIT`].
fn notifications_of(crossings: &[Crossing], catch_up: bool) -> Vec<(Notification, Vec<String>)> {
    let mut buckets: Vec<(Vec<String>, Vec<&Crossing>)> = Vec::new();
    for c in crossings {
        match buckets.iter_mut().find(|(r, _)| *r == c.recipients) {
            Some((_, list)) => list.push(c),
            None => buckets.push((c.recipients.clone(), vec![c])),
        }
    }
    let mut out = Vec::new();
    for (recipients, list) in buckets {
        if list.len() > GROUP_LIMIT || (catch_up && list.len() > 1) {
            out.push((group(&list), recipients));
        } else {
            out.extend(list.iter().map(|c| {
                (
                    Notification {
                        title: c.title.clone(),
                        body: c.body.clone(),
                        items: vec![c.key.item.clone()],
                        urgency: c.urgency,
                        grouped: false,
                    },
                    recipients.clone(),
                )
            }));
        }
    }
    out
}

impl Loket {
    /// One watcher tick at `now`. New dispositions to the `audience`'s positions are
    /// announced; the notifier shows what is for the audience; `catch_up` says the previous
    /// tick was missed.
    ///
    /// Errors: database errors only; a notifier failure is reported in [`TickReport::failed`].
    pub fn watch_tick(
        &mut self,
        now: DateTime<FixedOffset>,
        audience: &Audience,
        catch_up: bool,
        notifier: &mut dyn Notifier,
    ) -> Result<TickReport, ApiError> {
        let mut pending = self.watch_record(now, audience, catch_up)?;
        let delivered = pending.show(notifier);
        self.watch_delivered(&delivered)?;
        Ok(pending.report)
    }

    /// Marks stored notifications `ids` as shown by the desktop.
    pub(crate) fn watch_delivered(&self, ids: &[i64]) -> Result<(), ApiError> {
        for id in ids {
            self.db.mark_notification_delivered(*id)?;
        }
        Ok(())
    }

    /// The first half of a tick: finds the crossings, remembers them and stores the
    /// notifications; returns those to show, not yet shown.
    pub(crate) fn watch_record(
        &mut self,
        now: DateTime<FixedOffset>,
        audience: &Audience,
        catch_up: bool,
    ) -> Result<PendingTick, ApiError> {
        let items = self.deadlines_all(now)?;
        let fired = self.db.fired_thresholds()?;
        let mut crossings: Vec<Crossing> = Vec::new();
        let mut remember: Vec<FiredKey> = Vec::new();
        for item in &items {
            let (Some(state), Some(due)) = (item.state, item.due.as_ref()) else {
                continue;
            };
            if state == DeadlineState::DalamBatas {
                continue;
            }
            let c = deadline_crossing(item, state);
            if !fired.contains(&c.key) {
                // Entering a state also passes the milder ones: never announce them later.
                for lower in DeadlineState::ALL.into_iter().filter(|s| *s < state) {
                    remember.push(FiredKey {
                        item: item.key.clone(),
                        threshold: lower.key().to_string(),
                        due: due.clone(),
                    });
                }
                remember.push(c.key.clone());
                crossings.push(c);
            }
        }
        for d in self.db.open_dispositions()? {
            if d.read_at.is_some() || !audience.positions().any(|p| p == d.to_position) {
                continue;
            }
            let key = FiredKey {
                item: format!("disposition:{}", d.id),
                threshold: "disposisi_masuk".into(),
                due: String::new(),
            };
            if !fired.contains(&key) {
                remember.push(key.clone());
                crossings.push(Crossing {
                    key,
                    urgency: Urgency::Normal,
                    title: format!("Disposisi baru untuk Anda (permohonan #{})", d.case_id),
                    body: format!(
                        "Sifat {}{}",
                        d.sifat,
                        d.batas_waktu
                            .map(|b| format!(
                                ", batas waktu {}",
                                loket_domain::tanggal::tanggal_teks(&b)
                            ))
                            .unwrap_or_default()
                    ),
                    recipients: vec![format!("position:{}", d.to_position)],
                });
            }
        }
        for c in self.letter_crossings()? {
            if !fired.contains(&c.key) {
                remember.push(c.key.clone());
                crossings.push(c);
            }
        }
        for c in self.booking_crossings(now)? {
            if !fired.contains(&c.key) {
                remember.push(c.key.clone());
                crossings.push(c);
            }
        }
        let notifications = notifications_of(&crossings, catch_up);
        let at = now.to_rfc3339();
        let tx = self.db.begin()?;
        tx.record_fired(&remember, &at)?;
        let mut ids = Vec::with_capacity(notifications.len());
        for (n, recipients) in &notifications {
            ids.push(
                tx.add_notification_event(&at, &n.title, &n.body, &n.items, n.grouped, recipients)?,
            );
        }
        tx.commit()?;
        let shown: Vec<(Notification, i64)> = notifications
            .into_iter()
            .zip(ids)
            .filter(|((_, recipients), _)| audience.sees(recipients))
            .map(|((n, _), id)| (n, id))
            .collect();
        let report = TickReport {
            now: at,
            crossings: crossings.len(),
            notifications: shown.iter().map(|(n, _)| n.clone()).collect(),
            delivered: 0,
            failed: Vec::new(),
        };
        Ok(PendingTick { report, shown })
    }
}

/// A recorded tick whose notifications are still to be shown (outside the database lock,
/// so a slow desktop never holds up the window).
pub(crate) struct PendingTick {
    pub(crate) report: TickReport,
    shown: Vec<(Notification, i64)>,
}

impl PendingTick {
    /// Shows each notification; returns the ids the desktop accepted and reports the rest.
    pub(crate) fn show(&mut self, notifier: &mut dyn Notifier) -> Vec<i64> {
        let mut delivered = Vec::new();
        for (n, id) in &self.shown {
            match notifier.show(n) {
                Ok(()) => delivered.push(*id),
                Err(e) => self.report.failed.push(e.message),
            }
        }
        self.report.delivered = delivered.len();
        delivered
    }
}
