//! `notify.watch`: one tick of the deadline watcher. It finds every threshold crossing since
//! the last tick (a case or disposition entering due soon, due today or overdue; a new
//! disposition for the signed-in person), remembers each in the database so no restart repeats
//! it, stores the notifications for the notification centre, and hands them to a [`Notifier`]
//! (notify-rust on the desktop, a fake in tests).
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

struct Crossing {
    key: FiredKey,
    urgency: Urgency,
    title: String,
    body: String,
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
    }
}

fn group(crossings: &[Crossing]) -> Notification {
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

impl Loket {
    /// One watcher tick at `now`. `positions` are the signed-in person's positions (new
    /// dispositions to them are announced); `catch_up` says the previous tick was missed.
    ///
    /// Errors: database errors only; a notifier failure is reported in [`TickReport::failed`].
    pub fn watch_tick(
        &mut self,
        now: DateTime<FixedOffset>,
        positions: &[String],
        catch_up: bool,
        notifier: &mut dyn Notifier,
    ) -> Result<TickReport, ApiError> {
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
            if d.read_at.is_some() || !positions.contains(&d.to_position) {
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
                });
            }
        }
        let notifications: Vec<Notification> =
            if crossings.len() > GROUP_LIMIT || (catch_up && crossings.len() > 1) {
                vec![group(&crossings)]
            } else {
                crossings
                    .iter()
                    .map(|c| Notification {
                        title: c.title.clone(),
                        body: c.body.clone(),
                        items: vec![c.key.item.clone()],
                        urgency: c.urgency,
                        grouped: false,
                    })
                    .collect()
            };
        let at = now.to_rfc3339();
        let tx = self.db.begin()?;
        tx.record_fired(&remember, &at)?;
        let mut ids = Vec::with_capacity(notifications.len());
        for n in &notifications {
            ids.push(tx.add_notification_event(&at, &n.title, &n.body, &n.items, n.grouped)?);
        }
        tx.commit()?;
        let mut report = TickReport {
            now: at,
            crossings: crossings.len(),
            notifications: notifications.clone(),
            delivered: 0,
            failed: Vec::new(),
        };
        for (n, id) in notifications.iter().zip(ids) {
            match notifier.show(n) {
                Ok(()) => {
                    self.db.mark_notification_delivered(id)?;
                    report.delivered += 1;
                }
                Err(e) => report.failed.push(e.message),
            }
        }
        Ok(report)
    }
}
