//! `notify.watch`: one tick of the deadline watcher. It finds every threshold crossing since
//! the last tick (a case or disposition entering due soon, due today or overdue; a new
//! disposition for the signed-in person), remembers each in the database so no restart and no
//! other laptop repeats it, stores the notifications for the notification centre, and tells
//! the person at the screen through a [`Notifier`] (notify-rust on the desktop, a fake in
//! tests).
//!
//! Booking reminders (H-1 preparation, start, overdue return) come from [`super::reminders`];
//! they and new dispositions are addressed to people, deadline states to the whole office.
//! Each notification is stored once for the office with its recipients; who has been told of
//! it is recorded per person ([`super::delivery`]), so whichever laptop found a crossing,
//! every recipient is told once, on the laptop where they are signed in.
//!
//! A tick that catches up (the first after a start, or after the laptop slept) and finds more
//! than one crossing stores one grouped notification; so does any tick with more than
//! [`GROUP_LIMIT`] crossings. Notifications are stored and claimed before they are shown: a
//! crash between the two leaves them in the centre, never shows them twice.

use chrono::{DateTime, FixedOffset};
use loket_db::cases::CaseRow;
use loket_db::deadline_items::OpenDisposition;
use loket_db::fired_thresholds::{FiredKey, ARRIVAL};
use loket_db::notification_events::NewNotificationEvent;
use loket_domain::deadline::DeadlineState;
use serde::Serialize;

use super::delivery::{PendingTick, Recorded};
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

impl Urgency {
    /// As stored with a notification.
    pub(super) fn key(self) -> &'static str {
        match self {
            Urgency::Normal => "normal",
            Urgency::Critical => "critical",
        }
    }

    pub(super) fn parse(key: &str) -> Urgency {
        if key == "critical" {
            Urgency::Critical
        } else {
            Urgency::Normal
        }
    }
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
/// in the centre (the bell), and is not tried again.
pub trait Notifier {
    fn show(&mut self, n: &Notification) -> Result<(), ApiError>;
}

/// What one tick did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(TS))]
pub struct TickReport {
    pub now: String,
    /// Crossings this tick found and recorded for the office.
    pub crossings: usize,
    /// What this tick showed (or tried to show) at the screen.
    pub notifications: Vec<Notification>,
    /// How many of them the desktop accepted.
    pub delivered: usize,
    /// Messages of notifications the desktop refused.
    pub failed: Vec<String>,
}

/// Who is at the screen: which notifications the notifier shows. The others are stored for
/// their recipients, who are told on the laptop where they sign in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Audience {
    /// Recipient keys: "account:ID", "position:ID".
    pub keys: Vec<String>,
    /// Show every notification this tick records, whoever it is for (the `loket watch`
    /// command, which speaks for no account and claims nothing).
    pub everyone: bool,
    /// The signed-in account: told of every stored notification for [`Audience::keys`] it
    /// has not been told of yet, on this laptop or any other.
    pub account: Option<String>,
}

impl Audience {
    /// The `loket watch` command: new dispositions for `positions`, everything shown.
    pub fn office(positions: &[String]) -> Audience {
        Audience {
            keys: positions.iter().map(|p| format!("position:{p}")).collect(),
            everyone: true,
            account: None,
        }
    }

    /// A signed-in person with their account id and posts (acting posts included).
    pub fn person(account: &str, positions: &[String]) -> Audience {
        let mut keys = vec![format!("account:{account}")];
        keys.extend(positions.iter().map(|p| format!("position:{p}")));
        Audience {
            keys,
            everyone: false,
            account: Some(account.to_string()),
        }
    }

    pub(super) fn positions(&self) -> Vec<String> {
        self.keys
            .iter()
            .filter_map(|k| k.strip_prefix("position:"))
            .map(str::to_string)
            .collect()
    }

    /// Whether a notification for `recipients` is for this person.
    pub(super) fn addressed(&self, recipients: &[String]) -> bool {
        loket_db::notification_events::addressed_to(recipients, &self.keys)
    }
}

/// Crossings found by a tick, with every key to remember for them.
#[derive(Default)]
pub(super) struct Found {
    pub(super) crossings: Vec<Crossing>,
    pub(super) remember: Vec<FiredKey>,
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

/// A new disposition arriving at one of the person's posts, named by its case's agenda
/// number and hal (`case`; without it, by the case id).
fn disposition_crossing(d: &OpenDisposition, case: Option<&CaseRow>) -> Crossing {
    let terms = format!(
        "{}{}",
        d.sifat.replace('_', " "),
        d.batas_waktu
            .as_ref()
            .map(|b| format!(", batas waktu {}", loket_domain::tanggal::tanggal_teks(b)))
            .unwrap_or_default()
    );
    let (title, body) = match case {
        Some(c) => (
            format!(
                "Disposisi baru untuk Anda: Agenda {}",
                crate::case::agenda_label(c.year, c.agenda_seq)
            ),
            format!("{} — sifat {terms}", c.hal),
        ),
        None => (
            format!("Disposisi baru untuk Anda (permohonan #{})", d.case_id),
            format!("Sifat {terms}"),
        ),
    };
    Crossing {
        key: FiredKey {
            item: format!("disposition:{}", d.id),
            threshold: ARRIVAL.into(),
            due: String::new(),
        },
        urgency: Urgency::Normal,
        title,
        body,
        recipients: vec![format!("position:{}", d.to_position)],
    }
}

/// One notification summing up `parts` (title, items, urgency): the first five titles and
/// how many more.
pub(super) fn group<'a>(
    parts: impl ExactSizeIterator<Item = (&'a str, &'a [String], Urgency)>,
) -> Notification {
    let count = parts.len();
    let mut lines = Vec::new();
    let mut items = Vec::new();
    let mut urgency = Urgency::Normal;
    for (i, (title, its, u)) in parts.enumerate() {
        if i < 5 {
            lines.push(format!("• {title}"));
        }
        items.extend(its.iter().cloned());
        if u == Urgency::Critical {
            urgency = Urgency::Critical;
        }
    }
    if count > 5 {
        lines.push(format!("… dan {} lainnya (lihat Tenggat)", count - 5));
    }
    Notification {
        title: format!("Loket: {count} hal perlu perhatian"),
        body: lines.join("\n"),
        items,
        urgency,
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
            let parts = list.iter().map(|c| {
                (
                    c.title.as_str(),
                    std::slice::from_ref(&c.key.item),
                    c.urgency,
                )
            });
            out.push((group(parts), recipients));
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
    /// One watcher tick at `now` for the `audience`: the office-wide scan (deadline states,
    /// letters waiting, booking reminders) and new dispositions to the audience's posts are
    /// recorded; then the audience is told what is for them. `catch_up` says the previous
    /// tick was missed. Notifications from up to [`super::delivery::LOOKBACK_DAYS`] days
    /// back that the audience's account has not been told of yet are shown too.
    ///
    /// Errors: database errors only; a notifier failure is reported in [`TickReport::failed`].
    pub fn watch_tick(
        &mut self,
        now: DateTime<FixedOffset>,
        audience: &Audience,
        catch_up: bool,
        notifier: &mut dyn Notifier,
    ) -> Result<TickReport, ApiError> {
        let since = super::delivery::lookback(now);
        let mut pending = self.watch_pending(now, audience, catch_up, true, &since)?;
        pending.show(notifier);
        Ok(pending.report)
    }

    /// Everything of a tick but showing: records the crossings (with `scan`, the office-wide
    /// ones too) and claims what the audience is to be told of, stored since `since`.
    pub(super) fn watch_pending(
        &mut self,
        now: DateTime<FixedOffset>,
        audience: &Audience,
        catch_up: bool,
        scan: bool,
        since: &str,
    ) -> Result<PendingTick, ApiError> {
        let recorded = self.watch_record(now, audience, catch_up, scan)?;
        let crossings = recorded.iter().map(|r| r.crossings).sum();
        let shown = self.watch_claim(now, audience, since, &recorded)?;
        Ok(PendingTick::new(now, crossings, shown))
    }

    /// Finds the crossings, remembers them and stores their notifications; returns what it
    /// stored. With `scan`, the office-wide scan of every open case, disposition, draft and
    /// booking (expensive); always the new dispositions to the audience's posts (cheap).
    pub(crate) fn watch_record(
        &mut self,
        now: DateTime<FixedOffset>,
        audience: &Audience,
        catch_up: bool,
        scan: bool,
    ) -> Result<Vec<Recorded>, ApiError> {
        let found = self.watch_find(now, audience, scan)?;
        self.watch_store(now, found, catch_up)
    }

    /// The crossings not remembered yet, read without the write lock.
    pub(super) fn watch_find(
        &mut self,
        now: DateTime<FixedOffset>,
        audience: &Audience,
        scan: bool,
    ) -> Result<Found, ApiError> {
        let mut found = Found::default();
        if scan {
            self.scan_crossings(now, &mut found.crossings, &mut found.remember)?;
        }
        for d in self.db.unannounced_dispositions(&audience.positions())? {
            let c = disposition_crossing(&d, self.db.case(d.case_id)?.as_ref());
            found.remember.push(c.key.clone());
            found.crossings.push(c);
        }
        Ok(found)
    }

    /// Remembers `found` and stores the notifications of the crossings this call was first
    /// to remember (inside the write lock), so two laptops that found the same crossing at
    /// once store it once.
    pub(super) fn watch_store(
        &mut self,
        now: DateTime<FixedOffset>,
        found: Found,
        catch_up: bool,
    ) -> Result<Vec<Recorded>, ApiError> {
        let Found {
            mut crossings,
            remember,
        } = found;
        if crossings.is_empty() {
            return Ok(Vec::new());
        }
        let at = now.to_rfc3339();
        let tx = self.db.begin()?;
        let new: std::collections::HashSet<FiredKey> =
            tx.record_fired(&remember, &at)?.into_iter().collect();
        crossings.retain(|c| new.contains(&c.key));
        let mut recorded = Vec::new();
        for (n, recipients) in notifications_of(&crossings, catch_up) {
            tx.add_notification_event(&NewNotificationEvent {
                at: &at,
                title: &n.title,
                body: &n.body,
                items: &n.items,
                grouped: n.grouped,
                urgency: n.urgency.key(),
                recipients: &recipients,
            })?;
            recorded.push(Recorded {
                crossings: if n.grouped { n.items.len() } else { 1 },
                notification: n,
            });
        }
        tx.commit()?;
        Ok(recorded)
    }

    /// The office-wide crossings not fired before: deadline states, letters waiting for a
    /// paraf or signature, booking reminders. Entering a deadline state also remembers the
    /// milder ones, so they are never announced later.
    fn scan_crossings(
        &mut self,
        now: DateTime<FixedOffset>,
        crossings: &mut Vec<Crossing>,
        remember: &mut Vec<FiredKey>,
    ) -> Result<(), ApiError> {
        let items = self.deadlines_all(now)?;
        let fired = self.db.fired_thresholds()?;
        for item in &items {
            let (Some(state), Some(due)) = (item.state, item.due.as_ref()) else {
                continue;
            };
            if state == DeadlineState::DalamBatas {
                continue;
            }
            let c = deadline_crossing(item, state);
            if !fired.contains(&c.key) {
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
        let others = self.letter_crossings()?.into_iter();
        for c in others.chain(self.booking_crossings(now)?) {
            if !fired.contains(&c.key) {
                remember.push(c.key.clone());
                crossings.push(c);
            }
        }
        Ok(())
    }
}
